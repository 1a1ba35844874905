import { startTestApp, type TestApp } from '../harness.ts';
import { forkEm } from '../../server/db/orm.ts';
import { seed } from '../../server/bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { seedDemoActivity } from '../../server/seed/demo-activity.ts';
import { KIND_TIERS, reportRepository, type Period } from '../../domain/reports/report.repository.ts';
import { SUMMARY_BACKFILL, SUMMARY_TABLES } from '../../server/db/migrations/Migration20261204200000Summaries.ts';
import type { Scope } from '../../domain/organisations/scope.ts';

/**
 * The summaries the triggers keep (issue 18) after the application's real writes — inspections
 * submitted and judged into findings, rectifications worked — equal a rebuild from scratch, and the
 * reads summed from them give the rows the old queries over the raw tables gave.
 */
let t: TestApp;
const scope: Scope = { organisationId: 1, projects: null };

/** Every row of every summary, in key order. */
async function summaries(): Promise<Record<string, unknown[]>> {
  const em = forkEm(t.app.orm);
  const out: Record<string, unknown[]> = {};
  for (const table of SUMMARY_TABLES) out[table] = await em.execute(`select * from "${table}" order by 1, 2, 3, 4, 5`);
  return out;
}

/** The summaries made again from every row there is. */
async function rebuilt(): Promise<Record<string, unknown[]>> {
  const em = forkEm(t.app.orm);
  return em.transactional(async (tx) => {
    for (const table of SUMMARY_TABLES) await tx.execute(`delete from "${table}"`);
    for (const sql of SUMMARY_BACKFILL) await tx.execute(sql);
    const out: Record<string, unknown[]> = {};
    for (const table of SUMMARY_TABLES) out[table] = await tx.execute(`select * from "${table}" order by 1, 2, 3, 4, 5`);
    throw Object.assign(new Error('roll back'), { out });
  }).catch((e: { out?: Record<string, unknown[]> }) => {
    if (!e.out) throw e;
    return e.out;
  });
}

/** The execution totals as the query over inspections and tallies computed them before the summaries (the oracle). */
async function oldExecutionTotals(groupBy: 'project' | 'module' | 'month' | 'kind', filter: Period & { projectId?: number | null; kind: keyof typeof KIND_TIERS }) {
  const keys = { project: 'p.code', module: 'substr(t.code, 1, 3)', month: `to_char(i.inspected_on, 'YYYY-MM')`, kind: `case when i.tier in ('scenario', 'mystery') then i.tier else 'routine' end` };
  const rows = await forkEm(t.app.orm).execute<{ key: string; applicable: string; passed: string; inspections: string }[]>(
    `select ${keys[groupBy]} as key, sum(t.applicable) as applicable, sum(t.passed) as passed, count(distinct i.id) as inspections
     from inspection i join inspection_tally t on t.inspection_id = i.id join project p on p.id = i.project_id
     where i.tier in (${KIND_TIERS[filter.kind].map((tier) => `'${tier}'`).join(', ')}) and (?::int is null or i.project_id = ?) and (?::date is null or i.inspected_on >= ?) and (?::date is null or i.inspected_on <= ?)
       and i.organisation_id = 1 group by 1 order by 1`,
    [filter.projectId ?? null, filter.projectId ?? null, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null]);
  return rows.map((r) => ({ key: r.key, applicable: Number(r.applicable), passed: Number(r.passed), inspections: Number(r.inspections) }));
}

/** The project samples as the old query computed them (the oracle). */
async function oldProjectSamples(filter: Period & { module?: string | null }) {
  const rows = await forkEm(t.app.orm).execute<{ id: number; code: string; name: string; region: string; inspections: string; applicable: string; passed: string; findings: string }[]>(
    `select p.id, p.code, p.name, p.region, s.inspections, s.applicable, s.passed,
       (select count(*) from finding f where f.project_id = p.id and (?::text is null or f.module = ?) and (?::date is null or f.found_on >= ?) and (?::date is null or f.found_on <= ?)) as findings
     from project p
     left join lateral (select count(distinct t.inspection_id) as inspections, coalesce(sum(t.applicable), 0) as applicable, coalesce(sum(t.passed), 0) as passed
       from inspection i join inspection_tally t on t.inspection_id = i.id and (?::text is null or substr(t.code, 1, 3) = ?)
       where i.project_id = p.id and (?::date is null or i.inspected_on >= ?) and (?::date is null or i.inspected_on <= ?)) s on true
     where p.organisation_id = 1 order by p.code`,
    [filter.module ?? null, filter.module ?? null, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null,
      filter.module ?? null, filter.module ?? null, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null]);
  return rows.map((r) => ({ projectId: Number(r.id), code: r.code, name: r.name, region: r.region, inspections: Number(r.inspections), applicable: Number(r.applicable), passed: Number(r.passed), findings: Number(r.findings) }));
}

let periods: Period[];
let modules: string[];

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await seedDemoActivity(t.app, () => {});
  const em = forkEm(t.app.orm);
  // one more inspection whose tallies arrive in two statements (as a bulk load may split them)
  const [{ id }] = await em.execute<{ id: number }[]>(`select max(inspection_id) as id from inspection_tally`);
  await em.transactional(async (tx) => {
    await tx.execute(`create temp table copied on commit drop as select * from inspection where id = ?`, [id]);
    await tx.execute(`update copied set id = nextval('inspection_id_seq'), client_submission_id = 'split-tallies'`);
    await tx.execute(`insert into inspection select * from copied`);
    const [{ copy }] = await tx.execute<{ copy: number }[]>(`select id as copy from copied`);
    await tx.execute(`insert into inspection_tally (inspection_id, code, version, applicable, passed, organisation_id)
      select ?, code, version, applicable, passed, organisation_id from inspection_tally where inspection_id = ? and code = (select min(code) from inspection_tally where inspection_id = ?)`, [copy, id, id]);
    await tx.execute(`insert into inspection_tally (inspection_id, code, version, applicable, passed, organisation_id)
      select ?, code, version, applicable, passed, organisation_id from inspection_tally where inspection_id = ? and code > (select min(code) from inspection_tally where inspection_id = ?)`, [copy, id, id]);
  });
  const [{ first, last }] = await em.execute<{ first: string; last: string }[]>(`select min(inspected_on)::text as first, max(inspected_on)::text as last from inspection`);
  const month = (day: string) => `${day.slice(0, 7)}-01`;
  periods = [{}, { from: first, to: last }, { from: first }, { to: last }, { from: month(last) }, { from: first, to: first }, { from: `${first.slice(0, 8)}15`, to: `${last.slice(0, 8)}10` }, { from: month(first), to: last }, { from: '2000-01-01', to: '2000-01-31' }];
  modules = (await em.execute<{ module: string }[]>(`select distinct substr(code, 1, 3) as module from inspection_tally order by 1 limit 3`)).map((r) => r.module);
}, 600_000);
afterAll(async () => t.close());

describe('the summaries kept by triggers', () => {
  it('equal a rebuild from every row after real submissions, findings and rectifications', async () => {
    // given the demo's real writes and an inspection whose tallies came in two statements
    // when the summaries are compared with a rebuild
    const kept = await summaries();
    // then they are the same, row for row
    expect(kept.inspection_summary_day.length).toBeGreaterThan(0);
    expect(kept.finding_summary_day.length).toBeGreaterThan(0);
    expect(kept).toEqual(await rebuilt());
  });

  it('give the execution rates the old query gave, for every grouping, kind and period', async () => {
    const [{ project }] = await forkEm(t.app.orm).execute<{ project: number }[]>(`select min(project_id) as project from inspection`);
    for (const period of periods) {
      for (const groupBy of ['project', 'module', 'month', 'kind'] as const) {
        for (const kind of ['routine', 'all', 'mystery'] as const) {
          const filter = { ...period, kind };
          expect({ groupBy, filter, rows: await reportRepository.executionTotals(forkEm(t.app.orm), scope, groupBy, filter) })
            .toEqual({ groupBy, filter, rows: await oldExecutionTotals(groupBy, filter) });
        }
      }
      const one = { ...period, kind: 'routine' as const, projectId: project };
      expect(await reportRepository.executionTotals(forkEm(t.app.orm), scope, 'month', one)).toEqual(await oldExecutionTotals('month', one));
    }
    expect((await oldExecutionTotals('month', { kind: 'routine' })).length).toBeGreaterThan(1);
  });

  it('give the dashboard the project samples the old query gave, for every period and module', async () => {
    for (const period of periods) {
      for (const module of [null, ...modules]) {
        const filter = { ...period, module };
        expect({ filter, rows: await reportRepository.projectSamples(forkEm(t.app.orm), scope, filter) }).toEqual({ filter, rows: await oldProjectSamples(filter) });
      }
    }
  });
});
