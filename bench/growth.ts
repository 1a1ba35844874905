import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openOrm, forkEm } from '../server/db/orm.ts';
import { createApp, type App } from '../server/app.ts';
import type { Actor } from '../domain/shared/access.ts';
import { actorOf } from '../domain/organisations/actor.service.ts';
import { heatMapRows } from '../domain/reports/dashboard.service.ts';
import { executionRates, findingHeatMap } from '../domain/reports/quality-report.service.ts';
import { listFindings } from '../domain/findings/finding.service.ts';
import { rectificationKpis } from '../domain/reports/kpi.service.ts';
import { regionKpis } from '../domain/reports/region-kpi.service.ts';
import { auditTrail } from '../domain/audit/audit.service.ts';
import { editionDiff } from '../domain/editions/edition.service.ts';
import { scaleOf } from './scale/plan.ts';
import { loadScale, scaleConfig, type Loaded, type Target } from './scale/load.ts';
import { growthSvg, type GrowthRow } from './growth-plot.ts';

type Line = (name: string, value: string, baseline: string, verdict: string) => void;

/** The last quarter of the data sets' five years: what a dashboard shows by default. */
const QUARTER = { from: '2026-09-01', to: '2026-11-30' };
/** The instruction the daily patrol inspects: an audit trail by document. */
const DOCUMENT = 'M01.P01.W001';

/** The dashboard and list reads timed, each as the service its GraphQL field calls, for a scoped caller. */
export const READS: [string, (app: App, who: { manager: Actor; auditor: Actor }) => Promise<unknown>][] = [
  ['dashboard figures (projects × sample, a quarter)', (app, w) => heatMapRows(app.context(w.manager), QUARTER)],
  ['heat map (touchpoint × project, a quarter)', (app, w) => findingHeatMap(app.context(w.manager), QUARTER)],
  ['execution rates by month (five years)', (app, w) => executionRates(app.context(w.manager), 'month', {})],
  ['execution rates by project (a quarter)', (app, w) => executionRates(app.context(w.manager), 'project', QUARTER)],
  ['findings list, newest, first 20', (app, w) => listFindings(app.context(w.manager), {}, { first: 20 })],
  ['findings list, major + rectifying, a quarter', (app, w) => listFindings(app.context(w.manager), { severity: 'major', status: 'rectifying', ...QUARTER }, { first: 20 })],
  ['findings list, overdue, first 20', (app, w) => listFindings(app.context(w.manager), { overdue: true }, { first: 20 })],
  ['rectification KPIs by month (a quarter)', (app, w) => rectificationKpis(app.context(w.manager), 'month', QUARTER)],
  ['region KPIs (a quarter)', (app, w) => regionKpis(app.context(w.manager), QUARTER)],
  ['audit trail of a document, first 50', (app, w) => auditTrail(app.context(w.auditor), DOCUMENT, { first: 50 })],
  ['edition diff 2026-Q3 → 2027-Q1', (app, w) => editionDiff(app.context(w.manager), '2026-Q3', '2027-Q1')],
];

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};

/** Budget per read: a read slower than this over its samples is timed fewer times (at least 3). */
const BUDGET_MS = Number(process.env.BENCH_GROWTH_BUDGET_MS ?? 20_000);

async function time(samples: number, work: () => Promise<unknown>): Promise<number[]> {
  const first = performance.now();
  await work();
  const once = performance.now() - first;
  // a read slower than the whole budget is reported by that one timing
  if (once > BUDGET_MS) return [once];
  if (once * 3 < BUDGET_MS) for (let i = 0; i < 2; i++) await work();
  const n = Math.max(3, Math.min(samples, Math.floor(BUDGET_MS / Math.max(once, 0.01))));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work();
    out.push(performance.now() - t);
  }
  return out;
}

/** Times every read on one loaded data set; prints and returns p50 and p95 per read. */
async function measure(loaded: Loaded, backend: GrowthRow['backend'], factor: number, samples: number, line: Line): Promise<GrowthRow[]> {
  const config = scaleConfig(loaded);
  const app = await createApp(config, await openOrm(config));
  try {
    const who = { manager: (await actorOf(forkEm(app.orm), 'manager'))!, auditor: (await actorOf(forkEm(app.orm), 'auditor'))! };
    const baseline = quantile(await time(samples, () => forkEm(app.orm).execute('select 1')), 0.5);
    const rows: GrowthRow[] = [];
    for (const [read, run] of READS) {
      const t = await time(samples, () => run(app, who));
      const row = { backend, factor, read, p50: quantile(t, 0.5), p95: quantile(t, 0.95), samples: t.length, baselineP50: baseline };
      rows.push(row);
      const goal = backend === 'postgresql' && factor >= 100 ? ` (goal p95 < 300 ms) ${row.p95 < 300 ? 'MET' : 'MISSED'}` : '';
      line(`${backend} ${factor}×: ${read}`, `p50 ${row.p50.toFixed(1)} ms`, `select 1: ${baseline.toFixed(2)} ms`, `p95 ${row.p95.toFixed(1)} ms (n=${t.length})${goal}`);
    }
    return rows;
  } finally {
    await app.close();
  }
}

/**
 * The growth curve: loads (or reuses) the scale data sets of each factor on PostgreSQL and the 1×
 * set on PGlite, and times the dashboard and list reads on each, beside a `select 1` of the same
 * run. Writes bench/results/growth.json and the plot docs/bench/growth.svg.
 */
export async function growthBenchmarks(pgUrl: string, line: Line): Promise<GrowthRow[]> {
  const factors = (process.env.BENCH_GROWTH_FACTORS ?? '1,10,100').split(',').map(Number).filter((f) => f > 0);
  const samples = Number(process.env.BENCH_GROWTH_SAMPLES ?? 30);
  const rows: GrowthRow[] = [];
  const loads: { backend: string; factor: number; name: string; seconds: number; reused: boolean; counts: Record<string, number> }[] = [];
  const run = async (backend: GrowthRow['backend'], factor: number, target: Target) => {
    const loaded = await loadScale(scaleOf(factor), target, (l) => console.log(l));
    loads.push({ backend, factor, name: loaded.name, seconds: loaded.ms / 1000, reused: loaded.reused, counts: loaded.counts });
    console.log(`${loaded.reused ? 'reusing' : 'loaded'} ${loaded.name} (${backend}, ${factor}×) ${loaded.reused ? '' : `in ${(loaded.ms / 1000).toFixed(0)} s `}— ${loaded.counts.inspection} inspections, ${loaded.counts.answers} answers, ${loaded.counts.finding} findings`);
    rows.push(...(await measure(loaded, backend, factor, samples, line)));
  };
  for (const factor of factors) await run('postgresql', factor, { serverUrl: pgUrl });
  // the embedded default at a single company's volume (BENCH_GROWTH_PGLITE_FACTOR, default 1)
  await run('pglite', Number(process.env.BENCH_GROWTH_PGLITE_FACTOR ?? 1), { pgliteDir: process.env.BENCH_GROWTH_PGLITE_DIR ?? './data/scale' });
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/growth.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, samples, loads, rows }, null, 2)}\n`);
  mkdirSync(new URL('../docs/bench/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../docs/bench/growth.svg', import.meta.url), growthSvg(rows.filter((r) => r.backend === 'postgresql'), rows.filter((r) => r.backend === 'pglite')));
  return rows;
}
