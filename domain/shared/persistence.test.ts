import { startTestApp, type TestApp } from '../../test/harness.ts';
import { coalescedReads, readInOneTrip } from './persistence.ts';
import { forkEm, forkFor } from '../../server/db/orm.ts';
import { organisationActor } from './access.ts';
import { ensureSampleProjects } from '../projects/project.service.ts';
import { APP_ROLE } from '../../server/db/migrations/Migration20261203151000Organisations.ts';

/** A database with the sample projects of organisation 1 and of a second organisation (one project, YJ01). */
async function twoOrganisations(): Promise<{ t: TestApp; orgB: number }> {
  const t = await startTestApp({ demoUsers: false });
  await ensureSampleProjects(t.em());
  const [row] = await t.em().execute<{ id: number }[]>(`insert into organisation (code, name, created_at) values ('yifang', '乙方物业', now()) returning id`);
  await ensureSampleProjects(t.em(), row.id, [{ code: 'YJ01', name: '悦居澜庭', type: 'residential', region: '西南区域', profile: 'standard', address: '成都市高新区天府大道北段999号', buildings: 4 }]);
  return { t, orgB: row.id };
}

describe('readInOneTrip', () => {
  let t: TestApp;
  let orgB: number;

  beforeAll(async () => {
    ({ t, orgB } = await twoOrganisations());
  }, 300_000);
  afterAll(() => t?.close());

  it('reads under the caller\'s organisation and role (row-level security), and leaves no setting behind on the connection', async () => {
    // given people of two organisations and one of none
    const inA = forkFor(t.app.orm, organisationActor('a', ['inspector'], 1));
    const inB = forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    const nobody = forkFor(t.app.orm, null);
    // when each reads every project without a filter of its own
    const read = async (em: typeof inA) => (await readInOneTrip<{ organisation_id: number }>(em, 'select organisation_id from project where id > ?', [0])).map((r) => Number(r.organisation_id));
    const [a, b, none] = await Promise.all([read(inA), read(inB), read(nobody)]);
    // then the database shows each only its own
    expect(a.length).toBeGreaterThan(1);
    expect(new Set(a)).toEqual(new Set([1]));
    expect(b).toEqual([orgB]);
    expect(none).toEqual([]);
    // and the pool's connections are back to the server's own role, with no organisation set
    const sessions = await Promise.all(Array.from({ length: 8 }, () => forkEm(t.app.orm).execute<{ who: string; org: string | null }[]>(`select current_user as who, current_setting('pinzhi.organisation', true) as org`)));
    for (const [session] of sessions) {
      expect(session.who).not.toBe(APP_ROLE);
      expect(session.org ?? '').toBe('');
    }
  });

  it('reads inside the caller\'s transaction as part of it (its uncommitted change is seen)', async () => {
    const em = forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    const seen = await em.transactional(async (tx) => {
      await tx.execute(`update project set name = name || '（未提交）' where code = 'YJ01'`);
      return readInOneTrip<{ name: string }>(tx, 'select name from project where code = ?', ['YJ01']);
    });
    expect(seen.map((r) => r.name)).toEqual(['悦居澜庭（未提交）']);
  });

  it('reads by a named statement under each caller\'s organisation, alternating on the same connections, and without settings for the system', async () => {
    // given people of two organisations and the system
    const inA = () => forkFor(t.app.orm, organisationActor('a', ['inspector'], 1));
    const inB = () => forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    const read = async (em: ReturnType<typeof inA>) => (await readInOneTrip<{ organisation_id: number }>(em, 'select organisation_id from project where id > ? order by id', [0], 'test_projects')).map((r) => Number(r.organisation_id));
    // when they read by the same named statement many times over, interleaved (each connection plans it once)
    const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? read(inA()).then((ids) => ['a', ids] as const) : read(inB()).then((ids) => ['b', ids] as const))));
    // then each saw only its own organisation's projects, every time
    for (const [who, ids] of reads) {
      if (who === 'a') {
        expect(ids.length).toBeGreaterThan(1);
        expect(new Set(ids)).toEqual(new Set([1]));
      } else expect(ids).toEqual([orgB]);
    }
    // and the system (no settings) reads everything by a named statement of its own
    const all = await readInOneTrip<{ organisation_id: number }>(forkEm(t.app.orm), 'select organisation_id from project where id > ? order by id', [0], 'test_projects');
    expect(new Set(all.map((r) => Number(r.organisation_id)))).toEqual(new Set([1, orgB]));
    // and no setting stays behind on the pool's connections
    const sessions = await Promise.all(Array.from({ length: 8 }, () => forkEm(t.app.orm).execute<{ who: string; org: string | null }[]>(`select current_user as who, current_setting('pinzhi.organisation', true) as org`)));
    for (const [session] of sessions) {
      expect(session.who).not.toBe(APP_ROLE);
      expect(session.org ?? '').toBe('');
    }
  });

  it('prepares a named statement again when its connection lost it', async () => {
    const em = () => forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    const read = async () => (await readInOneTrip<{ name: string }>(em(), 'select name from project where code = ?', ['YJ01'], 'test_project_name')).map((r) => r.name);
    // given the statement prepared on the pool's connections
    await Promise.all(Array.from({ length: 8 }, read));
    // when every idle connection drops it (as a DEALLOCATE by another tool would)
    const pool = await (t.app.orm.em.getConnection('write') as unknown as { getNativeClient(): Promise<unknown> }).getNativeClient() as { idleCount?: number; connect?: () => Promise<{ query(sql: string): Promise<unknown>; release(): void }> } | null;
    if (pool?.connect) {
      const clients = await Promise.all(Array.from({ length: pool.idleCount ?? 1 }, () => pool.connect!()));
      await Promise.all(clients.map((c) => c.query('deallocate all')));
      clients.forEach((c) => c.release());
    }
    // then the next reads still answer, as an unprepared read does
    const [expected] = await em().execute<{ name: string }[]>('select name from project where code = ?', ['YJ01']);
    expect(await Promise.all(Array.from({ length: 8 }, read))).toEqual(Array.from({ length: 8 }, () => [expected.name]));
  });
});

describe('coalescedReads', () => {
  let t: TestApp;
  let orgB: number;
  /** each project's name by code, with the transaction each statement ran in (one per statement sent) */
  const byCode = coalescedReads<{ code: string; name: string | null; tx: string }>(
    'test_project_by_code',
    `select k.code, (select p.name from project p where p.code = k.code) as name, txid_current()::text as tx from jsonb_array_elements_text(?::jsonb) as k(code)`,
    'code',
  );

  beforeAll(async () => {
    ({ t, orgB } = await twoOrganisations());
  }, 300_000);
  afterAll(() => t?.close());

  it('sends calls made at once as one statement per organisation, each answered with its own row as that organisation sees it', async () => {
    // given one organisation's project codes and the other's
    const codesA = (await t.em().execute<{ code: string }[]>(`select code from project where organisation_id = 1 order by id`)).map((r) => r.code);
    const inA = () => forkFor(t.app.orm, organisationActor('a', ['inspector'], 1));
    const inB = () => forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    // when both organisations ask for every code of each, and for one that does not exist, all at once
    const asked = [...codesA, 'YJ01', 'NOPE'];
    const calls = Array.from({ length: 40 }, (_, i) => {
      const who = i % 2 === 0 ? 'a' : 'b';
      const code = asked[i % asked.length];
      return byCode(who === 'a' ? inA() : inB(), [], code).then((row) => ({ who, code, row }));
    });
    const answers = await Promise.all(calls);
    // then each saw only its own organisation's project (row-level security), or nothing
    for (const { who, code, row } of answers) {
      expect(row?.code).toBe(code);
      if (code === 'NOPE') expect(row!.name).toBeNull();
      else if (code === 'YJ01') expect(row!.name).toBe(who === 'b' ? '悦居澜庭' : null);
      else expect(row!.name === null).toBe(who === 'b');
    }
    // and on PostgreSQL the 40 calls went as 2 statements per organisation (the first alone, the rest together); on PGlite one each
    const statements = (who: string) => new Set(answers.filter((a) => a.who === who).map((a) => a.row!.tx)).size;
    expect([statements('a'), statements('b')]).toEqual(t.backend === 'postgresql' ? [2, 2] : [20, 20]);
  });

  it('reads inside a transaction as part of it, alone', async () => {
    const em = forkFor(t.app.orm, organisationActor('b', ['inspector'], orgB));
    const seen = await em.transactional(async (tx) => {
      await tx.execute(`update project set name = name || '（未提交）' where code = 'YJ01'`);
      return byCode(tx, [], 'YJ01');
    });
    expect(seen?.name).toBe('悦居澜庭（未提交）');
  });

  it('a failed statement fails every call it carried, and the next calls are sent afresh', async () => {
    const failing = coalescedReads<{ code: string }>('test_failing', `select k.code, 1 / (length(k.code) - 4) as n from jsonb_array_elements_text(?::jsonb) as k(code)`, 'code');
    const em = () => forkFor(t.app.orm, organisationActor('a', ['inspector'], 1));
    // when one of the keys makes the statement fail (division by zero) while others wait with it
    const results = await Promise.allSettled(['AAAAA', 'BBBBB', 'CCCC', 'DDDDD'].map((code) => failing(em(), [], code)));
    // then the first went alone and answered; the three that went together all failed
    expect(results.map((r) => r.status)).toEqual(t.backend === 'postgresql' ? ['fulfilled', 'rejected', 'rejected', 'rejected'] : ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // and reads go on
    expect((await failing(em(), [], 'EEEEE'))?.code).toBe('EEEEE');
  });
});
