import { spawn, type ChildProcess } from 'node:child_process';
import { scratchDatabase } from '../test/harness.ts';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { failingValue, passingAnswers } from '../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../domain/checklists/generate.ts';
import { solidPng } from '../server/seed/png.ts';
import { DEMO_PASSWORD } from '../domain/users/user.service.ts';

/**
 * 30 seconds of mixed traffic against the real server process, started as `npm start` starts it
 * (queue and timers running), on a fresh store: 16 clients reading (standards, checklists,
 * findings, the inbox, the dashboard's rates, instances) and writing (inspections whose major
 * findings open rectifications through the queue, task completions, sign-ins). Prints requests/s
 * and p99 beside plain node:http answering the same clients, and the server's RSS before the load,
 * at its end, and after it settled (the response cache expires; the goal: within 20 % of the start).
 */
const ROOT = new URL('../', import.meta.url).pathname;
const CLIENTS = 16;
const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 30);
/** quiet time before each memory reading (the server collects garbage after 5 s without requests) */
const SETTLE_MS = 10_000;

type Line = (name: string, value: string, baseline: string, verdict: string) => void;

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export class Http {
  readonly agent = new Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
  readonly port: number;
  constructor(port: number) {
    this.port = port;
  }

  send(path: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, path, method: 'POST', agent: this.agent, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async gql(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
    const { status, text } = await this.send('/graphql', JSON.stringify({ query, variables }), { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
    if (status !== 200) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
    const json = JSON.parse(text);
    if (json.errors) throw new Error(json.errors[0].message);
    return json.data;
  }

  async upload(token: string, png: Buffer): Promise<string> {
    const boundary = `bench${Math.random().toString(16).slice(2)}`;
    const part = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = Buffer.concat([
      Buffer.from(part('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { ... on Photo { sha256 } } }', variables: { f: null } })) + part('map', '{"0":["variables.f"]}')),
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="p.png"\r\ncontent-type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const { text } = await this.send('/graphql', body, { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` });
    return JSON.parse(text).data.uploadPhoto.sha256;
  }
}

export async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const [, ...args] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'bench-secret', ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) return { child, port };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

export interface Tally {
  latencies: number[];
  reads: number;
  writes: number;
  failures: number;
}

/** What each client does in turn: mostly reads, a quarter writes (or only the `only` kind); `clients` of them. */
export async function drive(http: Http, seconds: number, options: { clients?: number; only?: 'read' | 'write' } = {}): Promise<Tally> {
  const login = async (u: string) => (await http.gql('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ... on LoginSuccess { token } } }', { u, p: DEMO_PASSWORD })).login.token as string;
  const [inspector, manager, pm, auditor] = [await login('inspector'), await login('manager'), await login('pm'), await login('auditor')];
  const projects = (await http.gql('{ projects { ... on ProjectConnection { nodes { id } } } }', {}, auditor)).projects.nodes.map((p: { id: number }) => p.id) as number[];
  const codes = (await http.gql('{ standards(kind: instruction, first: 200) { ... on StandardConnection { nodes { code } } } }', {}, auditor)).standards.nodes.map((n: { code: string }) => n.code) as string[];
  const photos = await Promise.all([[90, 140, 120], [160, 120, 80], [70, 90, 150], [150, 150, 150], [200, 180, 90]].map((rgb) => http.upload(inspector, solidPng(48, 36, rgb as [number, number, number]))));
  const checklists = new Map<number, { id: string; items: ChecklistItem[] }>();
  for (const id of projects.slice(0, 6)) {
    const c = (await http.gql('query ($p: Int!) { checklist(projectId: $p, tier: daily, scope: "M03") { ... on Checklist { id items { id key severity input evidence options schema } } } }', { p: id }, inspector)).checklist;
    checklists.set(id, c);
  }
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  let submissions = 0;
  const operations: [number, 'read' | 'write', () => Promise<unknown>][] = [
    [20, 'read', () => http.gql('query ($c: String!) { standard(code: $c) { ... on Standard { code title current { version schema } } } }', { c: pick(codes) }, auditor)],
    [12, 'read', () => http.gql('query ($p: Int!) { checklist(projectId: $p, tier: daily, scope: "M03") { ... on Checklist { id itemCount items { id title criterion { zh } } } } }', { p: pick(projects.slice(0, 6)) }, inspector)],
    [12, 'read', () => http.gql('query ($p: Int) { findings(projectId: $p, first: 20) { ... on FindingConnection { totalCount nodes { id title severity status } } } }', { p: pick(projects) }, manager)],
    [10, 'read', () => http.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { totalCount nodes { id name dueAt instance { id businessKey } } } } }', {}, pm)],
    [8, 'read', () => http.gql('{ executionRates(groupBy: project) { key rate inspections } rectificationKpis(groupBy: project) { key completionRate } }', {}, manager)],
    [8, 'read', () => http.gql('{ workflowInstances(key: "rectification", first: 10) { ... on WorkflowInstanceConnection { nodes { id states tasks { id status } } } } }', {}, manager)],
    [12, 'write', async () => {
      const project = pick(projects.slice(0, 6));
      const c = checklists.get(project)!;
      const major = c.items.find((i) => i.severity === 'major' && failingValue(i) !== null);
      const fail = Math.random() < 0.5 && major;
      const answers = passingAnswers(c.items, photos).map((a) => (fail && a.itemId === major.id ? { itemId: a.itemId, value: failingValue(major), photos: [photos[0]] } : a));
      return http.gql('mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename } }', { c: c.id, s: `bench-mixed-${process.pid}-${Date.now()}-${submissions++}-${Math.random().toString(36).slice(2, 8)}`, a: answers }, inspector);
    }],
    [12, 'write', async () => {
      const tasks = (await http.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { nodes { id elementId } } } }', {}, pm)).tasks.nodes as { id: number; elementId: string }[];
      const analyse = tasks.filter((x) => x.elementId === 'analyse');
      if (analyse.length === 0) return null;
      // two clients may take the same task: one wins, the other gets a ConflictError (a typed answer, not a failure)
      return http.gql('mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename } }', { id: pick(analyse).id, d: { cause: '班组人手不足，作业频次不足', plan: '调整排班并增加专项检查' } }, pm);
    }],
    [6, 'write', () => login(pick(['inspector', 'manager', 'pm', 'auditor']))],
  ];
  const chosen = operations.filter(([, kind]) => !options.only || kind === options.only);
  const total = chosen.reduce((s, [w]) => s + w, 0);
  const choose = () => {
    let r = Math.random() * total;
    for (const op of chosen) if ((r -= op[0]) < 0) return op;
    return chosen[0];
  };
  const tally: Tally = { latencies: [], reads: 0, writes: 0, failures: 0 };
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: options.clients ?? CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const [, kind, run] = choose();
      const started = performance.now();
      try {
        await run();
        tally[kind === 'read' ? 'reads' : 'writes']++;
      } catch {
        tally.failures++;
      }
      tally.latencies.push(performance.now() - started);
    }
  }));
  return tally;
}

/** The baseline: plain node:http answering a small JSON body to the same 16 clients. */
export async function plainBaseline(seconds: number): Promise<{ rps: number; p99: number }> {
  const body = Buffer.from('{"data":{"ok":true}}');
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const http = new Http((server.address() as AddressInfo).port);
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await http.send('/', '{}', { 'content-type': 'application/json' });
      latencies.push(performance.now() - t);
    }
  }));
  const rps = latencies.length / ((performance.now() - started) / 1000);
  http.agent.destroy();
  server.close();
  return { rps, p99: percentile(latencies, 99) };
}

async function onStore(label: string, env: Record<string, string>, line: Line, baseline: { rps: number; p99: number }): Promise<void> {
  const { child, port } = await startServer(env);
  try {
    const http = new Http(port);
    // warm-up: code optimised, the first checklists generated, the caches and pools filled; then
    // quiet, as after the load, so that both readings are taken the same way
    await drive(http, 10);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const before = rssOf(child.pid!);
    const started = performance.now();
    const tally = await drive(http, SECONDS);
    const elapsed = (performance.now() - started) / 1000;
    const atEnd = rssOf(child.pid!);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = rssOf(child.pid!);
    const rps = (tally.reads + tally.writes) / elapsed;
    line(`mixed load ${SECONDS} s on ${label}, ${CLIENTS} clients (${Math.round((tally.writes / (tally.reads + tally.writes)) * 100)} % writes)`, `${rps.toFixed(0)} req/s`, `node:http, same clients: ${baseline.rps.toFixed(0)} req/s`, `${tally.failures} failed requests`);
    line('  … p99 latency (p50)', `${percentile(tally.latencies, 99).toFixed(0)} ms`, `node:http p99: ${baseline.p99.toFixed(1)} ms`, `(p50 ${percentile(tally.latencies, 50).toFixed(0)} ms)`);
    const ratio = settled / before;
    line('  … server RSS after warm-up → end of load → 10 s later', `${before.toFixed(0)} → ${atEnd.toFixed(0)} → ${settled.toFixed(0)} MB`, 'after warm-up, 10 s quiet', `${ratio.toFixed(2)}× (goal ≤ 1.2×) ${ratio <= 1.2 ? 'MET' : 'MISSED'}`);
    http.agent.destroy();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** The mixed load on the embedded PGlite (a fresh data folder) and on PostgreSQL (a fresh database). */
export async function mixedLoadBenchmarks(pgUrl: string, line: Line): Promise<void> {
  const baseline = await plainBaseline(5);
  const dir = mkdtempSync(join(tmpdir(), 'pinzhi-bench-mixed-'));
  try {
    await onStore('embedded PGlite', { DATA_DIR: dir, DATABASE_URL: '' }, line, baseline);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_mixed');
  const photos = mkdtempSync(join(tmpdir(), 'pinzhi-bench-photos-'));
  try {
    await onStore('PostgreSQL', { DATABASE_URL: db.url, SEED: 'true', PHOTO_DIR: photos }, line, baseline);
  } finally {
    await db.drop();
    rmSync(photos, { recursive: true, force: true });
  }
}
