import { jest } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { AccessCache, pgliteAccessChanges, postgresAccessChanges, type AccessChanges } from './access-cache.ts';
import { actorOf } from '../domain/organisations/actor.service.ts';
import { embeddedDatabase, forkEm } from './db/orm.ts';
import { ensureSampleProjects } from '../domain/projects/project.service.ts';
import type { Actor } from '../domain/shared/access.ts';

/** Polls `check` until it holds (the announcement of a commit arrives within milliseconds), failing after 5 s. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition did not hold within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe(`callers' access kept between requests (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  let t: TestApp;
  const caches: AccessCache[] = [];

  /** A cache on the test's database that counts its reads, and the announcements of that database. */
  const cacheOf = async (load?: (username: string) => Promise<Actor | null>) => {
    const reads = { count: 0 };
    const changes: AccessChanges = t.app.config.databaseUrl
      ? postgresAccessChanges(t.app.config.databaseUrl)
      : pgliteAccessChanges(() => embeddedDatabase(t.app.orm));
    const cache = new AccessCache(async (username) => {
      reads.count++;
      return (load ?? ((u) => actorOf(forkEm(t.app.orm), u)))(username);
    }, changes);
    await cache.start();
    caches.push(cache);
    return { cache, reads };
  };

  /** A statement run the way an operator or another server would: outside this server's requests. */
  const elsewhere = async (sql: string) => {
    if (!t.app.config.databaseUrl) return void await t.em().execute(sql);
    const client = new pg.Client({ connectionString: t.app.config.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  /** The inspector's account disabled outside this server, seen as nobody by `cache`, then enabled and seen again. */
  const disabledElsewhereThenBack = async (cache: AccessCache) => {
    await elsewhere(`update app_user set active = false where username = 'inspector'`);
    await eventually(async () => (await cache.actorOf('inspector')) === null);
    await elsewhere(`update app_user set active = true where username = 'inspector'`);
    await eventually(async () => (await cache.actorOf('inspector')) !== null);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await ensureSampleProjects(t.em());
  }, 300_000);
  afterAll(async () => {
    for (const cache of caches) await cache.close();
    await t?.close();
  });

  it('reads a person\'s access once, then again only after a change to memberships, accounts or projects is announced', async () => {
    const { cache, reads } = await cacheOf();
    expect(cache.keeping).toBe(true);
    // given the inspector's access, read once however often asked
    const first = await cache.actorOf('inspector');
    expect(first?.roles).toEqual(['inspector']);
    await cache.actorOf('inspector');
    await cache.actorOf('inspector');
    expect(reads.count).toBe(1);
    // when a membership is added elsewhere, then the next request sees it
    const [{ id: projectId }] = await t.em().execute<{ id: number }[]>(`select id from project where organisation_id = 1 order by id limit 1`);
    await elsewhere(`insert into membership (organisation_id, username, role, project_id, created_by, created_at) values (1, 'inspector', 'project_manager', ${projectId}, 'test', now())`);
    await eventually(async () => (await cache.actorOf('inspector'))?.roles.includes('project_manager') ?? false);
    const withRole = await cache.actorOf('inspector');
    expect(withRole?.reach?.find((r) => r.role === 'project_manager')?.projects).toEqual([projectId]);
    // and it is kept again after that one read
    const count = reads.count;
    await cache.actorOf('inspector');
    expect(reads.count).toBe(count);
    // when the account is disabled elsewhere, then the person is nobody from then on (and back when enabled)
    await disabledElsewhereThenBack(cache);
    await elsewhere(`delete from membership where username = 'inspector' and role = 'project_manager'`);
    await eventually(async () => !(await cache.actorOf('inspector'))?.roles.includes('project_manager'));
  });

  it('follows a project moved into a region, for a role held on that region', async () => {
    const { cache } = await cacheOf();
    const [{ id: regionId }] = await t.em().execute<{ id: number }[]>(`select region_id as id from project where organisation_id = 1 and region_id is not null order by id limit 1`);
    await elsewhere(`insert into membership (organisation_id, username, role, region_id, created_by, created_at) values (1, 'manager', 'auditor', ${regionId}, 'test', now())`);
    await eventually(async () => (await cache.actorOf('manager'))?.roles.includes('auditor') ?? false);
    const before = (await cache.actorOf('manager'))!.reach!.find((r) => r.role === 'auditor')!.projects!;
    const [{ id: outside }] = await t.em().execute<{ id: number }[]>(`select id from project where organisation_id = 1 and region_id is distinct from ${regionId} order by id limit 1`);
    expect(before).not.toContain(outside);
    // when a project is moved into the region elsewhere, then the regional role reaches it
    await elsewhere(`update project set region_id = ${regionId} where id = ${outside}`);
    await eventually(async () => (await cache.actorOf('manager'))!.reach!.find((r) => r.role === 'auditor')!.projects!.includes(outside));
  });

  it('does not keep a read that a change overtook', async () => {
    // given a read held open until released
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = true;
    const { cache, reads } = await cacheOf(async (username) => {
      if (held) await gate;
      return actorOf(forkEm(t.app.orm), username);
    });
    const pending = cache.actorOf('auditor');
    // when a change is announced while it is under way
    cache.changed();
    held = false;
    release();
    await pending;
    // then its answer is not kept: the next request reads again
    await cache.actorOf('auditor');
    expect(reads.count).toBe(2);
    await cache.actorOf('auditor');
    expect(reads.count).toBe(2);
  });

  it('keeps what it reads frozen, so no request can change another\'s caller', async () => {
    const { cache } = await cacheOf();
    const actor = (await cache.actorOf('manager'))!;
    expect(Object.isFrozen(actor) && Object.isFrozen(actor.roles) && Object.isFrozen(actor.reach)).toBe(true);
    expect(() => (actor.roles as string[]).push('admin')).toThrow(TypeError);
  });

  it('a mutation through this server drops what was kept at once, before any announcement', async () => {
    // given the server's own cache holding the inspector's access (the same object on each request)
    const kept = await t.app.access.actorOf('inspector');
    expect(await t.app.access.actorOf('inspector')).toBe(kept);
    // when any mutation is done through Yoga (here a failed sign-in, which changes no account)
    await t.gql(`mutation { login(username: "nobody", password: "x") { __typename } }`);
    // then nothing is kept: the next request reads afresh
    const after = await t.app.access.actorOf('inspector');
    expect(after).not.toBe(kept);
    expect(after).toEqual(kept);
  });

  if (process.env.TEST_DATABASE_URL) {
    it('when its connection to PostgreSQL is lost, reads on every request, and keeps again once it is back', async () => {
      const { cache, reads } = await cacheOf();
      await cache.actorOf('inspector');
      const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      // when the connection it listens on is ended by the server
      await elsewhere(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pinzhi access changes' and datname = current_database()`);
      await eventually(async () => !cache.keeping);
      expect(log.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/access changes: subscription lost .*reading access on every request/);
      log.mockRestore();
      // then nothing is kept meanwhile
      const count = reads.count;
      await cache.actorOf('inspector');
      await cache.actorOf('inspector');
      expect(reads.count).toBe(count + 2);
      // and it subscribes again by itself, and changes made after that are heard
      await eventually(async () => cache.keeping);
      await cache.actorOf('inspector');
      const kept = reads.count;
      await cache.actorOf('inspector');
      expect(reads.count).toBe(kept);
      await disabledElsewhereThenBack(cache);
    }, 20_000);
  }
});
