import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openOrm, forkEm } from '../../server/db/orm.ts';
import { createApp, type App } from '../../server/app.ts';
import { evaluateAnswers, type Answer } from '../../domain/checklists/evaluate.ts';
import { getChecklistById } from '../../domain/checklists/checklist.service.ts';
import { verifyAuditChain } from '../../domain/audit/audit.service.ts';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { scaleOf } from './plan.ts';
import { loadScale, readTemplates, scaleConfig, type Loaded } from './load.ts';
import { prepare, type Prepared } from './prepare.ts';
import { ScaleGenerator, type Cursor, type Row, type Rows } from './generate.ts';

// A fifth of 1× (one project, five years) loaded on PostgreSQL when TEST_DATABASE_URL is set, on PGlite otherwise.
const serverUrl = process.env.TEST_DATABASE_URL;
const scale = scaleOf(0.2, 7);
let dir: string;
let loaded: Loaded;
let app: App;
let prepared: Prepared;

const CURSOR: Cursor = { inspection: 1_000_001, finding: 1_000_001, instance: 1_000_001, task: 1_000_001, audit: 1_000_001, seq: 0, hash: '0'.repeat(64) };

async function generate(seed: number): Promise<Rows> {
  return new ScaleGenerator(scaleOf(scale.factor, seed), prepared, await readTemplates(app)).project(0, { ...CURSOR });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pinzhi-scale-'));
  loaded = await loadScale(scale, serverUrl ? { serverUrl } : { pgliteDir: dir }, () => {});
  const config = { ...scaleConfig(loaded), photoDir: join(dir, 'photos') };
  app = await createApp(config, await openOrm(config));
  prepared = await prepare(app, scale);
}, 300_000);

afterAll(async () => {
  await app?.close();
  if (serverUrl && loaded) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists "${loaded.name}" with (force)`);
    await client.end();
  }
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('the scale data set', () => {
  it('is generated the same from the same seed, and differently from another', async () => {
    // given the prepared store
    // when project 0 is generated twice with the seed of the load, and once with another seed
    const [a, b, other] = [await generate(scale.seed), await generate(scale.seed), await generate(scale.seed + 1)];
    // then the first two are equal row for row, and the third differs
    expect(b).toEqual(a);
    expect(other.finding.length).not.toBe(a.finding.length);
    // and what was loaded is what the generator makes
    const stored = await forkEm(app.orm).execute<{ client_submission_id: string; answers_json: string; finding_count: number }[]>(
      `select client_submission_id, answers_json, finding_count from inspection where client_submission_id like 'scale-%' and client_submission_id not like 'scale-template-%' order by id`);
    const bySubmission = new Map(a.inspection.map((r) => [r.client_submission_id, r]));
    expect(stored.length).toBe(a.inspection.length);
    for (const row of stored) {
      expect(row.answers_json).toBe(bySubmission.get(row.client_submission_id)!.answers_json);
      expect(Number(row.finding_count)).toBe(bySubmission.get(row.client_submission_id)!.finding_count);
    }
  });

  it('holds inspections and findings as the real evaluator judges their answers', async () => {
    // given stored inspections of each tier that have findings
    const em = forkEm(app.orm);
    const inspections = await em.execute<{ id: number; checklist_id: string; answers_json: string; applicable: number; passed: number; score: string; finding_count: number }[]>(
      `select distinct on (tier) id, checklist_id, answers_json, applicable, passed, score, finding_count from inspection where finding_count > 0 and client_submission_id not like 'scale-template-%' order by tier, id`);
    expect(inspections.length).toBe(3);
    for (const inspection of inspections) {
      // when the real evaluator judges the stored answers against the stored checklist
      const { checklist } = await getChecklistById(em, inspection.checklist_id);
      const evaluation = evaluateAnswers(checklist, JSON.parse(inspection.answers_json) as Answer[]);
      // then the figures and the findings are those it gives
      expect([inspection.applicable, inspection.passed, Number(inspection.score), inspection.finding_count].map(Number)).toEqual([evaluation.applicable, evaluation.passed, evaluation.score, evaluation.failed.length]);
      const findings = await em.execute<{ item_id: string }[]>(`select item_id from finding where inspection_id = ? order by id`, [inspection.id]);
      expect(findings.map((f) => f.item_id)).toEqual(evaluation.failed.map((r) => r.item.id));
    }
  });

  it('makes a generated finding what the real submission stores for the same failing answer', async () => {
    // given the finding the real submitInspection stored for a template, and a generated one of the same item
    const templates = await readTemplates(app);
    const real = templates.closed.finding;
    const [generated] = await forkEm(app.orm).execute<{ j: Row }[]>(
      `select row_to_json(f) as j from finding f join inspection i on i.id = f.inspection_id where f.item_id = ? and i.client_submission_id not like 'scale-template-%' limit 1`, [real.item_id]);
    // then they agree on everything but the ids, times and progress
    const facts = (row: Row) => Object.fromEntries(Object.entries(typeof row === 'string' ? JSON.parse(row) : row).filter(([k]) => !['id', 'inspection_id', 'project_id', 'created_at', 'rectify_due_at', 'found_on', 'status'].includes(k)));
    expect(generated).toBeDefined();
    expect(facts(generated.j)).toEqual(facts(real));
  });

  it('keeps every rectification of a major finding, and an audit chain that verifies', async () => {
    const em = forkEm(app.orm);
    const [unopened] = await em.execute<{ n: string }[]>(`select count(*) as n from finding f where f.severity in ('major', 'critical') and not exists (select 1 from workflow_instance w where w.business_key = 'finding:' || f.id)`);
    expect(Number(unopened.n)).toBe(0);
    const chain = await verifyAuditChain(em, 1);
    expect(chain).toMatchObject({ ok: true, brokenAtId: null });
    expect(chain.checked).toBeGreaterThan(loaded.counts.inspection);
  });

  it('answers the application\'s GraphQL reads', async () => {
    // given the quality manager signed in
    const gql = async (query: string, token?: string) => (await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }),
    })).json();
    const login = await gql(`mutation { login(username: "manager", password: "${DEMO_PASSWORD}") { ... on LoginSuccess { token } } }`);
    const token = login.data.login.token as string;
    // when the findings list and the execution rates are read
    const result = await gql(`{ findings(first: 5, severity: "major") { ... on FindingConnection { totalCount nodes { id severity } } }
      executionRates(groupBy: project) { key inspections } }`, token);
    // then they count what was loaded
    expect(result.errors).toBeUndefined();
    const [majors] = await forkEm(app.orm).execute<{ n: string }[]>(`select count(*) as n from finding where severity = 'major'`);
    expect(result.data.findings.totalCount).toBe(Number(majors.n));
    expect(result.data.findings.nodes).toHaveLength(5);
    expect(result.data.executionRates.reduce((n: number, r: { inspections: number }) => n + r.inspections, 0)).toBe(loaded.counts.inspection + 3);
  });
});

