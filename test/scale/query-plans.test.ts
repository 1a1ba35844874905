import { startTestApp, type TestApp } from '../harness.ts';
import { forkEm } from '../../server/db/orm.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';

/**
 * The reads of issue 18 keep to indexes as data grows: each one is run through the API as a person
 * (so under the application's role and row-level security) while every select it sends is also
 * EXPLAINed in the same transaction with sequential scans priced out (`enable_seqscan = off`), so
 * that even a small database shows whether an index *can* serve the filtered read. No big table may
 * be scanned whole, and the index made for the read must be the one used.
 */

const BIG_TABLES = ['inspection', 'inspection_tally', 'finding', 'workflow_task', 'workflow_instance', 'audit_event', 'feedback',
  'inspection_summary_day', 'inspection_summary_month', 'finding_summary_day', 'finding_summary_month',
  'rectification_summary_day', 'rectification_step_summary_day', 'rectification_open_task'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

interface Captured {
  sql: string;
  role: string;
  plan: PlanNode;
}

let t: TestApp;
let admin: string;
let manager: string;
let captured: Captured[] | null = null;

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/**
 * Every select the server sends while `captured` is set is EXPLAINed first, on the same connection
 * and transaction (so with the request's role and organisation), then run as usual.
 */
function explainEverySelect() {
  const connection = t.em().getDriver().getConnection() as unknown as { execute: (query: unknown, params?: unknown[], method?: string, ctx?: unknown, logger?: unknown) => Promise<unknown> };
  const run = connection.execute.bind(connection);
  connection.execute = async (query: unknown, params: unknown[] = [], method = 'all', ctx?: unknown, logger?: unknown) => {
    if (captured && ctx && typeof query === 'string' && /^\s*(select|with)\s/i.test(query) && !/set_config\(/.test(query)) {
      await run('set local enable_seqscan = off', [], 'run', ctx, logger);
      const [{ role }] = (await run('select current_user as role', [], 'all', ctx, logger)) as { role: string }[];
      const [row] = (await run(`explain (format json) ${query}`, params, 'all', ctx, logger)) as Record<string, unknown>[];
      const plan = row['QUERY PLAN'];
      captured.push({ sql: query.replace(/\s+/g, ' '), role, plan: (typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan });
    }
    return run(query, params, method, ctx, logger);
  };
}

/** The plans of the selects one API read sends (its result checked for errors). */
async function plansOf(query: string, token: string, variables: Record<string, unknown> = {}): Promise<Captured[]> {
  captured = [];
  try {
    const result = await t.gql(query, variables, token);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toMatch(/"__typename":"\w*Error"/);
    return captured;
  } finally {
    captured = null;
  }
}

/** The big tables a read scans whole, and the indexes it uses. */
function summary(plans: Captured[]) {
  const all = plans.flatMap((p) => nodes(p.plan));
  return {
    roles: [...new Set(plans.map((p) => p.role))],
    seqScans: all.filter((n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? '')).map((n) => n['Relation Name']),
    indexes: new Set(all.map((n) => n['Index Name']).filter((n): n is string => !!n)),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(forkEm(t.app.orm));
  admin = await t.login('admin');
  manager = await t.login('manager');
  explainEverySelect();
}, 300_000);
afterAll(async () => t.close());

const FROM = '2026-01-01';
const TO = '2026-12-31';

/** Each read of the issue, the API query that makes it, and the index made for its filter. */
const READS: { name: string; query: string; variables?: Record<string, unknown>; as?: 'admin' | 'manager'; uses: string[] }[] = [
  { name: 'findings list, newest first in a period', query: 'query ($f: String, $t: String) { findings(from: $f, to: $t, first: 20) { __typename ... on FindingConnection { totalCount } } }', variables: { f: FROM, t: TO }, uses: ['finding_organisation_day'] },
  { name: 'findings list, overdue only', query: '{ findings(overdue: true, first: 20) { __typename ... on FindingConnection { totalCount } } }', uses: ['finding_organisation_day'] },
  { name: 'findings list, newest first, a page without its count', query: '{ findings(first: 20) { __typename ... on FindingConnection { nodes { id dueAt } } } }', uses: ['finding_organisation_day', 'workflow_instance_business_key_index'] },
  { name: 'findings list, overdue only, a page without its count', query: '{ findings(overdue: true, first: 20) { __typename ... on FindingConnection { nodes { id overdue } } } }', uses: ['finding_organisation_day', 'workflow_instance_business_key_index'] },
  { name: 'findings list, one severity by due time', query: '{ findings(severity: "major", sort: "due", first: 20) { __typename } }', uses: [] },
  { name: 'execution rates by project', query: 'query ($f: String, $t: String) { executionRates(groupBy: project, from: $f, to: $t) { key } }', variables: { f: FROM, t: TO }, uses: ['inspection_summary_month_pkey'] },
  { name: 'execution rates by project, part months', query: 'query ($f: String, $t: String) { executionRates(groupBy: project, from: $f, to: $t) { key } }', variables: { f: '2026-01-15', t: '2026-03-10' }, uses: ['inspection_summary_month_pkey', 'inspection_summary_day_pkey'] },
  { name: 'execution rates by month, every day', query: '{ executionRates(groupBy: month) { key } }', uses: ['inspection_summary_month_pkey'] },
  { name: 'execution rates by kind', query: 'query ($f: String, $t: String) { executionRates(groupBy: kind, from: $f, to: $t, kind: mystery) { key } }', variables: { f: FROM, t: TO }, uses: ['inspection_summary_month_pkey'] },
  { name: 'findings heat map', query: 'query ($f: String, $t: String) { findingHeatMap(from: $f, to: $t) { count } }', variables: { f: FROM, t: TO }, uses: ['finding_organisation_day'] },
  { name: 'dashboard rows of the heat map', query: 'query ($f: String, $t: String) { heatMapRows(from: $f, to: $t) { code } }', variables: { f: FROM, t: TO }, uses: ['inspection_summary_month_pkey', 'finding_summary_month_pkey'] },
  { name: 'dashboard rows of the heat map, part months', query: 'query ($f: String, $t: String) { heatMapRows(from: $f, to: $t) { code } }', variables: { f: '2026-01-15', t: '2026-03-10' }, uses: ['inspection_summary_day_pkey', 'finding_summary_day_pkey'] },
  { name: 'dashboard never-inspected projects', query: 'query ($f: String, $t: String) { uninspectedProjects(from: $f, to: $t) { code } }', variables: { f: FROM, t: TO }, uses: [] },
  { name: 'rectification KPIs by month', query: 'query ($f: String, $t: String) { rectificationKpis(groupBy: month, from: $f, to: $t) { key } }', variables: { f: FROM, t: TO }, uses: ['rectification_summary_day_pkey', 'rectification_step_summary_day_pkey', 'rectification_open_task_day'] },
  { name: 'rectification KPIs by project, part months', query: 'query ($f: String, $t: String) { rectificationKpis(groupBy: project, from: $f, to: $t) { key } }', variables: { f: '2026-01-15', t: '2026-03-10' }, uses: ['rectification_summary_day_pkey', 'rectification_step_summary_day_pkey', 'rectification_open_task_day'] },
  { name: 'rectification KPIs by module, every day', query: '{ rectificationKpis(groupBy: module) { key } }', uses: ['rectification_summary_day_pkey', 'rectification_step_summary_day_pkey', 'rectification_open_task_day'] },
  { name: 'region KPIs of flying inspections', query: 'query ($f: String, $t: String) { regionKpis(from: $f, to: $t) { __typename } }', variables: { f: FROM, t: TO }, as: 'admin', uses: ['inspection_organisation_tier_day'] },
  { name: 'audit trail of a document', query: '{ auditTrail(code: "M01.P01.W001", first: 50) { __typename } }', uses: ['audit_event_subject_key'] },
  { name: 'verifyAuditChain', query: '{ verifyAuditChain { __typename } }', as: 'admin', uses: ['audit_event_organisation_seq'] },
  { name: 'feedback list in a period', query: 'query ($f: String, $t: String) { feedback(filter: { from: $f, to: $t }, first: 20) { __typename } }', variables: { f: FROM, t: TO }, uses: ['feedback_organisation_received'] },
];

describe('the reads that must stay fast use indexes, as the application role under row-level security', () => {
  it.each(READS)('$name', async ({ query, variables, as, uses }) => {
    const plans = await plansOf(query, as === 'admin' ? admin : manager, variables);
    const { roles, seqScans, indexes } = summary(plans);
    expect(plans.length).toBeGreaterThan(0);
    expect(roles).toEqual(['pinzhi_app']);
    expect({ seqScans, plans: seqScans.length ? plans.map((p) => p.sql) : [] }).toEqual({ seqScans: [], plans: [] });
    for (const index of uses) expect([...indexes]).toContain(index);
  });
});
