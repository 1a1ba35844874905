import { performance } from 'node:perf_hooks';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { scratchDatabase } from '../test/harness.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { seed } from '../server/bootstrap.ts';
import { organisationActor, SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { deployShippedWorkflows } from '../domain/findings/rectification.service.ts';
import { reviewPack } from '../domain/voice/review-pack.service.ts';
import { loopRepository } from '../domain/voice/loop.repository.ts';
import { openComplaintsFor } from '../domain/voice/complaint.service.ts';
import { startWorkflowIn } from '../domain/workflows/instance.service.ts';
import { inTransaction } from '../domain/shared/persistence.ts';
import { scopeOf, scopeSql } from '../domain/organisations/scope.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const FEEDBACK = 5000;
const TOUCHPOINTS = ['TP-075', 'TP-076', 'TP-077', 'TP-001', 'TP-030'];

/**
 * Closing the customer's voice loop, on PostgreSQL, same run: a standard's review pack over 5,000
 * feedback items beside reading the rows it is made of (the cost of matching items and months),
 * and opening P1 complaints beside starting a process that no key owner checks (the cost of the
 * feedback key: the lock, the claim and the link).
 */
export async function loopBenchmarks(pgUrl: string, line: (name: string, value: string, baseline: string, verdict: string) => void): Promise<void> {
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_loop');
  const config = { ...loadConfig({ SEED: 'false' }), databaseUrl: db.url, photoDir: `/tmp/${db.url.split('/').pop()}-photos` };
  const app = await createApp(config);
  try {
    const em = () => app.orm.em.fork() as SqlEntityManager;
    await seed(app, () => {});
    await deployShippedWorkflows(em(), SYSTEM_ACTOR);
    const manager = organisationActor('manager', ['quality_manager']);
    // feedback spread over the organisation's projects and the last 90 days
    const projects = (await em().execute<{ id: number }[]>('select id from project where organisation_id = 1 order by id')).map((p) => p.id);
    for (let i = 0; i < FEEDBACK; i += 500) {
      const rows = Array.from({ length: 500 }, (_, k) => i + k);
      await em().execute(`insert into feedback (organisation_id, project_id, channel, received_at, text, module, touchpoints, problem_type, sentiment, intensity, repetition, priority, model_version, created_by, created_at) values ${rows.map(() => `(1, ?, 'hotline', now() - (? || ' hours')::interval, ?, 'M03', ?::jsonb, 'cleanliness', 'negative', ?, 0, 'P3', 'bench', 'bench', now())`).join(', ')}`,
        rows.flatMap((n) => [projects[n % projects.length], String(n % (90 * 24)), `电梯第${n}次反映不干净`, JSON.stringify([TOUCHPOINTS[n % TOUCHPOINTS.length]]), n % 4]));
    }
    const since = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const ctx = () => app.context(manager);
    const packs: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 23; i++) {
      let t = performance.now();
      await reviewPack(ctx(), 'M03.P01.W002', since);
      if (i >= 3) packs.push(performance.now() - t);
      t = performance.now();
      const c = ctx();
      await loopRepository.packFeedback(c.em, new Date(`${since}T00:00:00Z`), 'M03', scopeSql(scopeOf(manager, 'readFeedback'), 'f'));
      await loopRepository.packFindings(c.em, 'M03.P01.W002', since, scopeSql(scopeOf(manager, 'readInspections'), 'f'));
      if (i >= 3) raw.push(performance.now() - t);
    }
    line(`review pack of M03.P01.W002 over ${FEEDBACK} feedback items, PostgreSQL`, `${median(packs).toFixed(1)} ms`, `reading its rows: ${median(raw).toFixed(1)} ms`, `×${(median(packs) / median(raw)).toFixed(2)}`);
    // complaints: 50 P1 items opened one by one, beside 50 starts of a process without a key owner
    const p1 = (await em().execute<{ id: number }[]>(`update feedback set priority = 'P1' where id in (select id from feedback order by id limit 50) returning id`)).map((r) => r.id);
    const complaints: number[] = [];
    for (const id of p1) {
      const t = performance.now();
      await openComplaintsFor(ctx(), [id]);
      complaints.push(performance.now() - t);
    }
    const plain: number[] = [];
    for (let i = 0; i < 50; i++) {
      const c = ctx();
      const t = performance.now();
      await inTransaction(c.em, (tx) => startWorkflowIn({ em: tx, jobs: c.jobs, keys: c.keys }, manager, 'innovation-fund', { title: `基准提案 ${i}`, proposer: 'manager' }, null));
      plain.push(performance.now() - t);
    }
    line('open a P1 complaint (lock, claim, start, link), PostgreSQL', `${median(complaints).toFixed(2)} ms`, `start a process without a key: ${median(plain).toFixed(2)} ms`, `×${(median(complaints) / median(plain)).toFixed(2)}`);
  } finally {
    await app.close();
    await db.drop();
  }
}
