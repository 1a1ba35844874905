import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openOrm, forkEm, migrationsList } from '../../server/db/orm.ts';
import { createApp, type App } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { settingRepository } from '../../domain/shared/setting.repository.ts';
import { GENESIS_HASH } from '../../domain/audit/audit.service.ts';
import { GENERATOR_VERSION, scaleOf, type Scale } from './plan.ts';
import { prepare, rectificationTemplates, templateSubmission, PATHS, type RectificationPath } from './prepare.ts';
import { ScaleGenerator, TABLES, type Cursor, type Row, type Template } from './generate.ts';
import { pgliteSink, postgresSink, type Sink } from './sink.ts';

/** The settings key of the marker written last: a load without it is incomplete and is redone. */
export const LOADED = 'scale.loaded';

/** A data set's database name: factor, seed, migration count and generator version, so a stale load is never reused. */
export function scaleDatabaseName(scale: Scale): string {
  return `pinzhi_scale_f${String(scale.factor).replace('.', 'p')}_s${scale.seed}_m${migrationsList.length}_g${GENERATOR_VERSION}`;
}

export interface Target {
  /** a PostgreSQL server's URL (any database on it); the data set gets its own database there */
  serverUrl?: string;
  /** a directory for PGlite data sets (one sub-directory each) */
  pgliteDir?: string;
}

export interface Loaded {
  name: string;
  databaseUrl?: string;
  dataDir?: string;
  reused: boolean;
  ms: number;
  counts: Record<string, number>;
}

/** The app's configuration on a loaded data set (no seeding, the photos beside it). */
export function scaleConfig(loaded: Pick<Loaded, 'databaseUrl' | 'dataDir' | 'name'>) {
  const base = loaded.databaseUrl ? loadConfig({ DATABASE_URL: loaded.databaseUrl, SEED: 'false' }) : loadConfig({ DATA_DIR: loaded.dataDir!, SEED: 'false' });
  return { ...base, dataDir: loaded.dataDir ?? base.dataDir, databaseUrl: loaded.databaseUrl, photoDir: `/tmp/${loaded.name}-photos` };
}

const asDate = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith('_at') && typeof v === 'string' ? new Date(v) : v]));
const json = (v: unknown): Row => (typeof v === 'string' ? JSON.parse(v) : v) as Row;

/** The rows the real code left for each rectification path (see `rectificationTemplates`), found by their submissions' ids. */
export async function readTemplates(app: App): Promise<Record<RectificationPath, Template>> {
  const em = forkEm(app.orm);
  const out = {} as Record<RectificationPath, Template>;
  for (const path of PATHS) {
    const [finding] = await em.execute<{ j: unknown }[]>(`select row_to_json(f) as j from finding f join inspection i on i.id = f.inspection_id where i.client_submission_id = ?`, [templateSubmission(path)]);
    if (!finding) throw new Error(`the template of ${path} is missing`);
    const [instance] = await em.execute<{ j: unknown }[]>(`select row_to_json(w) as j from workflow_instance w where business_key = ?`, [`finding:${json(finding.j).id}`]);
    const tasks = await em.execute<{ j: unknown }[]>(`select row_to_json(t) as j from workflow_task t where instance_id = ? order by id`, [json(instance.j).id]);
    out[path] = { instance: asDate(json(instance.j)), tasks: tasks.map((t) => asDate(json(t.j))), finding: asDate(json(finding.j)) };
  }
  return out;
}

async function cursorOf(app: App, organisationId: number): Promise<Cursor> {
  const em = forkEm(app.orm);
  const next = async (table: string) => Number((await em.execute<{ n: string }[]>(`select coalesce(max(id), 0) + 1 as n from "${table}"`))[0].n);
  const [tail] = await em.execute<{ seq: number; hash: string }[]>(`select seq, hash from audit_event where organisation_id = ? order by seq desc limit 1`, [organisationId]);
  return {
    inspection: await next('inspection'), finding: await next('finding'), instance: await next('workflow_instance'), task: await next('workflow_task'),
    audit: await next('audit_event'), seq: tail ? Number(tail.seq) : 0, hash: tail?.hash ?? GENESIS_HASH,
  };
}

/**
 * Generates and inserts the data set into an opened, migrated store; returns the row counts. With
 * several sinks (connections), as many projects are inserted at once, each wholly on one of them,
 * while the next is generated.
 */
export async function fill(app: App, scale: Scale, sinks: Sink[], log: (line: string) => void): Promise<Record<string, number>> {
  const prepared = await prepare(app, scale);
  await rectificationTemplates(app, prepared);
  const templates = await readTemplates(app);
  const generator = new ScaleGenerator(scale, prepared, templates);
  const cursor = await cursorOf(app, prepared.organisationId);
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  const started = performance.now();
  const lanes: Promise<void>[] = sinks.map(() => Promise.resolve());
  for (let i = 0; i < prepared.projects.length; i++) {
    const rows = generator.project(i, cursor);
    const lane = i % sinks.length;
    await lanes[lane];
    lanes[lane] = (async () => {
      for (const table of TABLES) {
        await sinks[lane].insert(table, rows[table]);
        counts[table] += rows[table].length;
      }
    })();
    if ((i + 1) % 10 === 0 || i + 1 === prepared.projects.length) {
      await Promise.all(lanes);
      log(`  ${i + 1}/${prepared.projects.length} projects, ${counts.inspection} inspections, ${counts.finding} findings, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  await Promise.all(lanes);
  const sink = sinks[0];
  for (const table of ['inspection', 'finding', 'workflow_instance', 'workflow_task', 'audit_event']) {
    await sink.execute(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}"))`);
  }
  await sink.execute('analyze');
  counts.answers = generator.answers;
  return counts;
}

async function onServer(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Loads a data set of `scale` into its own database on a PostgreSQL server or a PGlite directory,
 * or reuses the one there when its marker says it is complete; an incomplete one is dropped and
 * loaded again.
 */
export async function loadScale(scale: Scale, target: Target, log: (line: string) => void = console.log): Promise<Loaded> {
  const name = scaleDatabaseName(scale);
  const started = performance.now();
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (target.serverUrl) {
    const url = new URL(target.serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else dataDir = join(resolve(target.pgliteDir ?? './data/scale'), name);
  const exists = target.serverUrl ? (await onServer(target.serverUrl, `select 1 from pg_database where datname = '${name}'`)).rowCount === 1 : existsSync(dataDir!);
  if (exists) {
    const config = scaleConfig({ databaseUrl, dataDir, name });
    const orm = await openOrm(config);
    const marker = await settingRepository.get(forkEm(orm), LOADED);
    await orm.close();
    if (marker) return { name, databaseUrl, dataDir, reused: true, ms: performance.now() - started, counts: JSON.parse(marker) };
    log(`${name} is incomplete: loading it again`);
    if (target.serverUrl) await onServer(target.serverUrl, `drop database "${name}" with (force)`);
    else rmSync(dataDir!, { recursive: true, force: true });
  }
  if (target.serverUrl) await onServer(target.serverUrl, `create database "${name}"`);
  const config = scaleConfig({ databaseUrl, dataDir, name });
  const app = await createApp(config, await openOrm(config));
  // two connections on PostgreSQL (one project each in flight); PGlite has one
  const sinks = databaseUrl ? [await postgresSink(databaseUrl), await postgresSink(databaseUrl)] : [pgliteSink(() => forkEm(app.orm))];
  try {
    const counts = await fill(app, scale, sinks, log);
    await settingRepository.put(forkEm(app.orm), LOADED, JSON.stringify(counts));
    return { name, databaseUrl, dataDir, reused: false, ms: performance.now() - started, counts };
  } finally {
    for (const sink of sinks) await sink.close();
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { factor: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, database: { type: 'string' }, pglite: { type: 'string' } } });
  if (values.database && values.pglite) throw new Error('give either --database URL or --pglite DIR, not both');
  const scale = scaleOf(Number(values.factor), Number(values.seed));
  const target: Target = values.pglite ? { pgliteDir: values.pglite } : { serverUrl: values.database ?? process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres' };
  console.log(`scale ${scale.factor}×: ${scale.projects} projects × ${scale.years} years, seed ${scale.seed} → ${scaleDatabaseName(scale)}`);
  const loaded = await loadScale(scale, target);
  console.log(`${loaded.reused ? 'reused' : 'loaded'} ${loaded.name} in ${(loaded.ms / 1000).toFixed(1)} s: ${JSON.stringify(loaded.counts)}`);
  console.log(loaded.databaseUrl ? `DATABASE_URL=${loaded.databaseUrl}` : `DATA_DIR=${loaded.dataDir}`);
}
