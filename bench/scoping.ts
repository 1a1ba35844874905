import { performance } from 'node:perf_hooks';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { scratchDatabase } from '../test/harness.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { SYSTEM_ACTOR, type Actor } from '../domain/shared/access.ts';
import { ensureSampleProjects, projectPage } from '../domain/projects/project.service.ts';
import { heatMapRows } from '../domain/reports/dashboard.service.ts';
import { listTasks } from '../domain/workflows/task.service.ts';
import { actorOf } from '../domain/organisations/actor.service.ts';
import { createUser, DEMO_PASSWORD } from '../domain/users/user.service.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The cost of scoping, on PostgreSQL, same run: reads as a person of an organisation — the actor
 * rebuilt from memberships, every statement under the application's role with the organisation in
 * the session (row-level security) and the services' own filters — beside the same reads by the
 * system (no session context, no policies, no filters).
 */
export async function scopingBenchmarks(pgUrl: string, line: (name: string, value: string, baseline: string, verdict: string) => void): Promise<void> {
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_scope');
  const config = { ...loadConfig({ SEED: 'false' }), databaseUrl: db.url, photoDir: `/tmp/${db.url.split('/').pop()}-photos` };
  const app = await createApp(config);
  try {
    const em = () => app.orm.em.fork() as SqlEntityManager;
    await ensureSampleProjects(em());
    await createUser(em(), SYSTEM_ACTOR, { username: 'bench-pm', password: DEMO_PASSWORD, roles: ['project_manager'], organisationId: 1 });
    const person = (await actorOf(em(), 'bench-pm')) as Actor;
    const reads: [string, (actor: Actor) => Promise<unknown>][] = [
      ['projects(first: 20)', (actor) => projectPage(app.context(actor), {}, { first: 20 })],
      ['dashboard heat-map rows (18 projects)', (actor) => heatMapRows(app.context(actor), {})],
      ['tasks (inbox, open)', (actor) => listTasks(app.context(actor), {}, { first: 20 })],
    ];
    for (const [name, read] of reads) {
      for (let i = 0; i < 20; i++) {
        await read(person);
        await read(SYSTEM_ACTOR);
      }
      const scoped: number[] = [];
      const unscoped: number[] = [];
      for (let i = 0; i < 200; i++) {
        let t = performance.now();
        await read((await actorOf(em(), 'bench-pm')) as Actor);
        scoped.push(performance.now() - t);
        t = performance.now();
        await read(SYSTEM_ACTOR);
        unscoped.push(performance.now() - t);
      }
      const s = median(scoped);
      const u = median(unscoped);
      line(`scoped read: ${name}, PostgreSQL`, `${s.toFixed(2)} ms`, `unscoped (system): ${u.toFixed(2)} ms`, `cost of scoping ×${(s / u).toFixed(2)} (+${(s - u).toFixed(2)} ms)`);
    }
    const loads: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await actorOf(em(), 'bench-pm');
      loads.push(performance.now() - t);
    }
    const trivial: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await em().execute('select 1');
      trivial.push(performance.now() - t);
    }
    line('  … of which the actor from memberships, per request', `${median(loads).toFixed(2)} ms`, `a trivial query: ${median(trivial).toFixed(2)} ms`, `×${(median(loads) / median(trivial)).toFixed(1)}`);
  } finally {
    await app.close();
    await db.drop();
  }
}
