import { startTestApp, type TestApp } from '../../test/harness.ts';
import { readInOneTrip } from './persistence.ts';
import { forkEm, forkFor } from '../../server/db/orm.ts';
import { organisationActor } from './access.ts';
import { ensureSampleProjects } from '../projects/project.service.ts';
import { APP_ROLE } from '../../server/db/migrations/Migration20261203151000Organisations.ts';

describe('readInOneTrip', () => {
  let t: TestApp;
  let orgB: number;

  beforeAll(async () => {
    t = await startTestApp({ demoUsers: false });
    await ensureSampleProjects(t.em());
    const [row] = await t.em().execute<{ id: number }[]>(`insert into organisation (code, name, created_at) values ('yifang', '乙方物业', now()) returning id`);
    orgB = row.id;
    await ensureSampleProjects(t.em(), orgB, [{ code: 'YJ01', name: '悦居澜庭', type: 'residential', region: '西南区域', profile: 'standard', address: '成都市高新区天府大道北段999号', buildings: 4 }]);
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
});
