import { EventEmitter } from 'node:events';
import { scratchDatabase } from '../test/harness.ts';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine } from 'bpmn-engine';
import { runnable, step } from '../domain/workflows/engine.ts';
import { compileWorkflow } from '../domain/workflows/definition.service.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { deployWorkflow } from '../domain/workflows/definition.service.ts';
import { completeTask } from '../domain/workflows/task.service.ts';
import { startWorkflow } from '../domain/workflows/instance.service.ts';

const XML = readFileSync(new URL('../domain/workflows/definitions/rectification.bpmn', import.meta.url), 'utf8');
/** What each user task of the rectification is completed with: analysis, measures, a passed verification, no prevention. */
const ANSWERS: Record<string, Record<string, unknown>> = {
  analyse: { cause: '保洁员漏做地坎', plan: '增加午间清理' },
  rectify: { measures: '已清理并调整排班', evidencePhotos: ['1'.repeat(64)] },
  verify: { passed: true, evidencePhotos: ['2'.repeat(64)] },
  prevent: { prevention: 'none' },
};

/** The same BPMN for bpmn-engine: its conditions are JavaScript expressions, not FEEL. */
const ENGINE_XML = XML
  .replace('passed = true', '${environment.output.passed}')
  .replace('prevention = &quot;training&quot;', '${environment.output.prevention === "training"}')
  .replace('prevention = &quot;revision&quot;', '${environment.output.prevention === "revision"}');

async function forSeconds(seconds: number, run: () => Promise<void> | void): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let n = 0;
  while (performance.now() < end) {
    await run();
    n += 1;
  }
  return n / ((performance.now() - start) / 1000);
}

async function bpmnEngineOnce(): Promise<void> {
  const engine = new Engine({ name: 'rectification', source: ENGINE_XML, settings: { enableDummyService: true } });
  const listener = new EventEmitter();
  listener.on('wait', (api: { id: string; environment: { output: Record<string, unknown> }; signal(data: unknown): void }) => {
    Object.assign(api.environment.output, ANSWERS[api.id]);
    api.signal(ANSWERS[api.id]);
  });
  const done = new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
  });
  await engine.execute({ listener });
  await done;
}

/**
 * Rectification instances driven to completion in memory, Pinzhi's compiled XState machine beside
 * bpmn-engine on the same BPMN; then task completions per second persisted on PostgreSQL (every
 * transition committed) beside bpmn-engine's in-memory completions.
 */
export async function workflowBenchmarks(pgUrl: string, line: (name: string, value: string, baseline: string, verdict: string) => void): Promise<void> {
  const r = runnable(await compileWorkflow(XML));
  const ours = () => {
    const now = new Date();
    let s = step(r, null, null, now, { findingId: 1 });
    while (s.status === 'running') {
      const open = Object.values(r.compiled.userTasks).map((t) => t.id).filter((id) => s.to.includes(id));
      s = step(r, s.snapshot, { type: 'COMPLETE', taskId: open[0], data: ANSWERS[open[0]], by: 'bench' }, now);
    }
  };
  for (let i = 0; i < 200; i++) ours();
  for (let i = 0; i < 20; i++) await bpmnEngineOnce();
  const mine = await forSeconds(3, ours);
  const theirs = await forSeconds(3, bpmnEngineOnce);
  line('rectification instances to completion, in memory', `${mine.toFixed(0)} /s`, `bpmn-engine, same BPMN: ${theirs.toFixed(0)} /s`, `ratio ${(mine / theirs).toFixed(1)}× (goal ≥ 10×) ${mine / theirs >= 10 ? 'MET' : 'MISSED'}`);

  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_wf');
  const app = await createApp({ ...loadConfig({ SEED: 'false' }), databaseUrl: db.url });
  try {
    const ctx = () => app.context(SYSTEM_ACTOR);
    // the shipped rectification's BPMN under a key of its own: `rectification` itself starts only for a stored finding
    await deployWorkflow(ctx(), 'rectification-bench', XML);
    // the photos the measures and the verification name, as if uploaded (a form's photos must exist)
    for (const sha256 of ['1'.repeat(64), '2'.repeat(64)]) await ctx().em.execute(`insert into photo (sha256, mime, bytes, uploaded_by, created_at) values (?, 'image/png', 9, 'bench', now())`, [sha256]);
    // 8 clients, each driving its own instances (started beforehand) through every task
    const clients = 16;
    const queues = await Promise.all(Array.from({ length: clients }, async () => {
      const ids: number[] = [];
      for (let i = 0; i < 60; i++) ids.push((await startWorkflow(ctx(), 'rectification-bench', { findingId: i })).id);
      return ids;
    }));
    const end = performance.now() + 5000;
    const start = performance.now();
    let completions = 0;
    await Promise.all(queues.map(async (ids) => {
      for (const id of ids) {
        if (performance.now() >= end) return;
        for (;;) {
          const [task] = await ctx().em.execute<{ id: number; element_id: string }[]>(`select id, element_id from workflow_task where instance_id = ? and status = 'open' limit 1`, [id]);
          if (!task) break;
          await completeTask(ctx(), task.id, ANSWERS[task.element_id]);
          completions += 1;
        }
      }
    }));
    const perSecond = completions / ((performance.now() - start) / 1000);
    const engineCompletions = theirs * 4;
    line('task completions persisted on PostgreSQL, 16 clients', `${perSecond.toFixed(0)} /s`, `bpmn-engine in memory: ${engineCompletions.toFixed(0)} /s`, `ratio ${(perSecond / engineCompletions).toFixed(1)}× (goal ≥ 3×) ${perSecond / engineCompletions >= 3 ? 'MET' : 'MISSED'}`);
  } finally {
    await app.close();
    await db.drop();
  }
}
