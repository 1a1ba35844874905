import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { scratchDatabase } from '../test/harness.ts';
import { drive, Http, plainBaseline, startServer } from './mixed-load.ts';

/**
 * Scale-out on one PostgreSQL: the read mix and the write mix of the mixed load (bench/mixed-load.ts)
 * driven by 16 clients against one server process, and against two on the same database (the
 * clients split between them), in the same run, with the response cache off. Both servers run throughout; the two set-ups take
 * turns in short rounds, so that other load on a shared machine falls on both alike, and the
 * median round counts. Prints requests/s, the CPU each request cost the servers and the
 * database (from /proc: projections for servers on hosts of their own), and the connections held.
 */
const CLIENTS = 16;
const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 6);

type Line = (name: string, value: string, baseline: string, verdict: string) => void;
/** Requests/s, and CPU milliseconds per request spent by the server processes and by the database's backends. */
interface Figure { rps: number; failures: number; connections: number; serverCpuMs: number; databaseCpuMs: number }

/** CPU time (ms) a process has used so far, from /proc (0 once it is gone). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving `database` (the servers' pools and queues). */
async function backends(url: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Requests/s of `only` traffic over `servers`, the clients split evenly, with the CPU it cost. */
async function measure(servers: Http[], pids: number[], only: 'read' | 'write', url: string, database: string): Promise<Figure> {
  const clients = CLIENTS / servers.length;
  const before = new Map((await backends(url, database)).map((pid) => [pid, cpuMs(pid)]));
  const serverBefore = pids.map(cpuMs);
  const tallies = await Promise.all(servers.map((http) => drive(http, SECONDS, { clients, only })));
  const serverCpu = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - serverBefore[i], 0);
  const after = await backends(url, database);
  const databaseCpu = after.reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);
  const requests = tallies.reduce((sum, t) => sum + t.reads + t.writes, 0);
  return {
    rps: requests / SECONDS,
    failures: tallies.reduce((sum, t) => sum + t.failures, 0),
    connections: after.length,
    serverCpuMs: serverCpu / requests,
    databaseCpuMs: databaseCpu / requests,
  };
}

const medianOf = (figures: Figure[]) => [...figures].sort((a, b) => a.rps - b.rps)[Math.floor(figures.length / 2)];

/** One server and two, on one fresh PostgreSQL database, in alternating rounds. */
export async function scaleOutBenchmarks(pgUrl: string, line: Line): Promise<void> {
  const baseline = await plainBaseline(5);
  const db = await scratchDatabase(pgUrl, 'pinzhi_bench_scale');
  const database = new URL(db.url).pathname.slice(1);
  const photos = mkdtempSync(join(tmpdir(), 'pinzhi-bench-scale-photos-'));
  const children: ChildProcess[] = [];
  try {
    // every request executed: the response cache's hits depend on the request rate, which the machine's other load sets
    const env = { DATABASE_URL: db.url, SEED: 'true', PHOTO_DIR: photos, RESPONSE_CACHE_TTL_MS: '0' };
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startServer(env);
      children.push(server.child);
      ports.push(server.port);
    }
    const [a, b] = ports.map((port) => new Http(port));
    const pids = children.map((c) => c.pid!);
    // warm-up of both: code optimised, checklists generated, caches and pools filled
    await Promise.all([a, b].map((http) => drive(http, 8, { clients: CLIENTS / 2 })));
    const figures = { read: { one: [] as Figure[], two: [] as Figure[] }, write: { one: [] as Figure[], two: [] as Figure[] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['read', 'write'] as const) {
        figures[kind].one.push(await measure([a], pids, kind, pgUrl, database));
        figures[kind].two.push(await measure([a, b], pids, kind, pgUrl, database));
      }
    }
    for (const kind of ['read', 'write'] as const) {
      const [one, two] = [medianOf(figures[kind].one), medianOf(figures[kind].two)];
      line(`scale-out, ${kind} mix, 1 server on PostgreSQL, ${CLIENTS} clients`, `${one.rps.toFixed(0)} req/s`, `node:http, same clients: ${baseline.rps.toFixed(0)} req/s`, `${one.failures} failed`);
      line(`  … 2 servers on the same database, ${CLIENTS / 2} clients each`, `${two.rps.toFixed(0)} req/s`, `1 server, same run: ${one.rps.toFixed(0)} req/s`, `${(two.rps / one.rps).toFixed(2)}×, ${two.failures} failed`);
      line('  … CPU per request: servers / database (1 server; 2 servers)', `${one.serverCpuMs.toFixed(2)} / ${one.databaseCpuMs.toFixed(2)} ms`, `${two.serverCpuMs.toFixed(2)} / ${two.databaseCpuMs.toFixed(2)} ms`, `${two.connections} database connections held by the 2 servers`);
    }
    for (const http of [a, b]) http.agent.destroy();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    await db.drop();
    rmSync(photos, { recursive: true, force: true });
  }
}
