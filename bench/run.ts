import { fork } from 'node:child_process';
import { scratchDatabase } from '../test/harness.ts';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { create as createJsonDiffPatch } from 'jsondiffpatch';
import { diffVersions } from '../domain/standards/diff/diff.ts';
import { openOrm } from '../server/db/orm.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { importLibrary } from '../domain/editions/library.service.ts';
import { publishEdition } from '../domain/editions/edition.service.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { bigInstruction, libraryOf } from './fixtures.ts';
import { inspectionBenchmarks } from './inspections.ts';
import { workflowBenchmarks } from './workflows.ts';
import { mixedLoadBenchmarks } from './mixed-load.ts';
import { phoneBenchmarks } from './phone.ts';
import { scopingBenchmarks } from './scoping.ts';
import { loopBenchmarks } from './loop.ts';
import { scaleOutBenchmarks } from './scale-out.ts';
import { voiceAnalysisBenchmarks } from './voice-analysis.ts';
import { keyDriverBenchmarks } from './key-drivers.ts';
import { auditChainBenchmarks } from './audit-chain.ts';
import { growthBenchmarks } from './growth.ts';
import { bpmnCompileBenchmarks } from './bpmn-compile.ts';
import type { SqlEntityManager } from '@mikro-orm/sql';

const PG = process.env.BENCH_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const line = (name: string, value: string, baseline: string, verdict: string) => console.log(`${name.padEnd(58)} ${value.padStart(14)}   ${baseline.padEnd(34)} ${verdict}`);

/**
 * Drives `concurrency` keep-alive clients against a port for `seconds`, each sending the next of
 * `requests` in turn (callers and items rotate); returns requests/s.
 */
async function load(port: number, requests: { body: string; token: string }[], concurrency: number, seconds: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let next = 0;
  const one = () => new Promise<void>((resolve, reject) => {
    const { body, token } = requests[next++ % requests.length];
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` };
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      await one();
      done++;
    }
  }));
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

/**
 * `standard(code)` or `checklistById` through the whole HTTP front on PostgreSQL with 32 clients,
 * beside plain node:http serving the same bytes: with the response cache, without it (every request
 * executed; the goal of issue 18), and for checklists without the memo of rendered answers either.
 * Requests rotate over 8 callers and several items, so no answer keyed to one request serves them all.
 */
async function throughput(checklist: boolean): Promise<void> {
  const db = await scratchDatabase(PG, 'pinzhi_bench');
  const child = fork(new URL('./serve-standard.ts', import.meta.url), { env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'production', SEED: 'false', BENCH_CHECKLIST: checklist ? '1' : '' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const info = await new Promise<{ pinzhi: number; uncached: number; bare: number; throughYoga: number; plain: number; ceilings?: { pgTrip: number; yogaMemory: number; executorMemory: number }; requests: { body: string; token: string }[]; items: number; callers: number; bytes: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as never));
      child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
    });
    const { requests } = info;
    await load(info.pinzhi, requests, 32, 2); // warm-up
    await load(info.uncached, requests, 32, 2);
    await load(info.plain, requests, 32, 1);
    const pinzhi = await load(info.pinzhi, requests, 32, 8);
    const plain = await load(info.plain, requests, 32, 8);
    const uncached = await load(info.uncached, requests, 32, 8);
    const bare = await load(info.bare, requests, 32, 8);
    // with the memo of rendered answers off too: the direct query path beside Yoga's HTTP layer (standards)
    const throughYoga = checklist ? null : await load(info.throughYoga, requests, 32, 8);
    const size = info.bytes >= 1024 * 1024 ? `${(info.bytes / 1024 / 1024).toFixed(1)} MiB` : `${(info.bytes / 1024).toFixed(1)} KiB`;
    const what = checklist ? `checklistById, ${info.items} quarterly checklists` : `standard(code), ${info.items} standards`;
    const label = `${what}, ${info.callers} callers, PostgreSQL, 32 clients (${size})`;
    const verdict = (ratio: number, goal: number) => `ratio ${ratio.toFixed(2)}× (goal ≥ ${goal}×) ${ratio >= goal ? 'MET' : 'MISSED'}`;
    const baseline = `node:http same bytes: ${plain.toFixed(0)} req/s`;
    line(label, `${pinzhi.toFixed(0)} req/s`, baseline, verdict(pinzhi / plain, checklist ? 0.5 : 0.4));
    line('  … response cache off (each request checked and read; rendered answers reused)', `${uncached.toFixed(0)} req/s`, baseline, verdict(uncached / plain, checklist ? 0.5 : 0.3));
    line('  … response cache and memo of rendered answers off (every request executed)', `${bare.toFixed(0)} req/s`, baseline, `ratio ${(bare / plain).toFixed(2)}× (for reference)`);
    if (throughYoga !== null) line('  … both off, every request through Yoga\'s HTTP layer (no direct query path)', `${throughYoga.toFixed(0)} req/s`, baseline, `ratio ${(throughYoga / plain).toFixed(2)}× (for reference)`);
    if (info.ceilings) {
      // what a request that makes its own database trip, or is executed by Yoga, cannot beat
      const pgTrip = await load(info.ceilings.pgTrip, requests, 32, 8);
      const yogaMemory = await load(info.ceilings.yogaMemory, requests, 32, 8);
      const executorMemory = await load(info.ceilings.executorMemory, requests, 32, 8);
      line('  … reference: node:http + one PostgreSQL round trip per request', `${pgTrip.toFixed(0)} req/s`, baseline, `ratio ${(pgTrip / plain).toFixed(2)}× (for reference)`);
      line('  … ceiling: graphql-yoga, same answers from memory', `${yogaMemory.toFixed(0)} req/s`, baseline, `ratio ${(yogaMemory / plain).toFixed(2)}× (for reference)`);
      line('  … reference: graphql-js in node:http, documents parsed once, same answers from memory', `${executorMemory.toFixed(0)} req/s`, baseline, `ratio ${(executorMemory / plain).toFixed(2)}× (for reference)`);
    }
  } finally {
    child.kill();
    await db.drop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function diffBenchmark(): void {
  const [a, b] = bigInstruction(2000);
  const jdp = createJsonDiffPatch({ objectHash: (o: object, i?: number) => JSON.stringify(o) ?? String(i) });
  for (let i = 0; i < 5; i++) { diffVersions(a, b); jdp.diff(a, b); }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    diffVersions(a, b);
    ours.push(performance.now() - t);
    t = performance.now();
    jdp.diff(a, b);
    theirs.push(performance.now() - t);
  }
  const m = median(ours);
  line('diff of two versions, 2,000 check items (patch + changes)', `${m.toFixed(1)} ms`, `jsondiffpatch same pair: ${median(theirs).toFixed(1)} ms`, `goal < 50 ms ${m < 50 ? 'MET' : 'MISSED'}`);
}

async function editionBenchmark(): Promise<void> {
  const config = { ...loadConfig({ DATA_DIR: 'memory://', SEED: 'false' }), dataDir: 'memory://', databaseUrl: undefined };
  const orm = await openOrm(config);
  const app = await createApp(config, orm);
  const em = orm.em.fork() as SqlEntityManager;
  await importLibrary(em, SYSTEM_ACTOR, libraryOf(200), { limits: app.limits });
  const t = performance.now();
  const edition = await publishEdition({ em: orm.em.fork() as SqlEntityManager, actor: SYSTEM_ACTOR, limits: app.limits }, 'bench-200');
  const ms = performance.now() - t;
  const t2 = performance.now();
  await (orm.em.fork() as SqlEntityManager).execute('select count(*) from edition_entry');
  const baseline = performance.now() - t2;
  line(`publishEdition over ${edition.documentCount} documents on PGlite`, `${ms.toFixed(0)} ms`, `a trivial query: ${baseline.toFixed(1)} ms`, `goal < 2000 ms ${ms < 2000 ? 'MET' : 'MISSED'}`);
  await app.close();
}

console.log(`Pinzhi benchmark — ${new Date().toISOString()} — node ${process.version}`);
// BENCH_ONLY_HTTP=1: the throughput figures only; BENCH_ONLY_MIXED=1: the mixed load only; BENCH_ONLY_PHONE=1: the phone app only;
// BENCH_ONLY_SCALE=1: one and two servers on one PostgreSQL only; BENCH_ONLY_SCOPING=1: the cost of scoping only
// BENCH_ONLY_LOOP=1: the customer's voice loop (review pack, complaints) only
const only = process.env.BENCH_ONLY_HTTP ? 'http' : process.env.BENCH_ONLY_MIXED ? 'mixed' : process.env.BENCH_ONLY_PHONE ? 'phone' : process.env.BENCH_ONLY_SCALE ? 'scale' : process.env.BENCH_ONLY_SCOPING ? 'scoping' : null;
// BENCH_ONLY_VOICE=1: the feedback analyser only
if (process.env.BENCH_ONLY_VOICE) {
  await voiceAnalysisBenchmarks(line);
  process.exit(0);
}
if (process.env.BENCH_ONLY_LOOP) {
  await loopBenchmarks(PG, line);
  process.exit(0);
}
if (only === 'phone') {
  await phoneBenchmarks(line);
  process.exit(0);
}
if (only === 'scale') {
  await scaleOutBenchmarks(PG, line);
  process.exit(0);
}
// BENCH_ONLY_AUDIT=1: verifyAuditChain (BENCH_AUDIT_ROWS events) and publishEdition (BENCH_EDITION_DOCUMENTS documents) only
if (process.env.BENCH_ONLY_AUDIT) {
  await auditChainBenchmarks(PG, line);
  process.exit(0);
}
// BENCH_ONLY_GROWTH=1: the growth curve only (BENCH_GROWTH_FACTORS, default 1,10,100; BENCH_GROWTH_SAMPLES, default 30)
if (process.env.BENCH_ONLY_GROWTH) {
  await growthBenchmarks(PG, line);
  process.exit(0);
}
// BENCH_ONLY_DRIVERS=1: survey analytics (NPS, key drivers) only
if (process.env.BENCH_ONLY_DRIVERS) {
  await keyDriverBenchmarks(line);
  process.exit(0);
}
if (!only) diffBenchmark();
if (!only) await editionBenchmark();
if (!only) await inspectionBenchmarks(PG, line);
if (!only) await bpmnCompileBenchmarks(line);
if (!only) await workflowBenchmarks(PG, line);
if (!only || only === 'scoping') await scopingBenchmarks(PG, line);
if (only === 'scoping') process.exit(0);
if (!only) await loopBenchmarks(PG, line);
if (only !== 'mixed') await throughput(false);
if (only !== 'mixed') await throughput(true);
if (only !== 'http') await mixedLoadBenchmarks(PG, line);
if (!only) await scaleOutBenchmarks(PG, line);
if (!only) await phoneBenchmarks(line);
if (!only) await voiceAnalysisBenchmarks(line);
if (!only) await keyDriverBenchmarks(line);
if (!only) await auditChainBenchmarks(PG, line);
if (!only) await growthBenchmarks(PG, line);
