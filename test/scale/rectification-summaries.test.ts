import { startTestApp, type TestApp } from '../harness.ts';
import { forkEm } from '../../server/db/orm.ts';
import { seed } from '../../server/bootstrap.ts';
import { SYSTEM_ACTOR, organisationActor } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { seedDemoActivity } from '../../server/seed/demo-activity.ts';
import { completeTask } from '../../domain/workflows/task.service.ts';
import { reportRepository, type Period } from '../../domain/reports/report.repository.ts';
import { RECTIFICATION_SUMMARY_BACKFILL, RECTIFICATION_SUMMARY_TABLES } from '../../server/db/migrations/Migration20261205040000RectificationSummaries.ts';
import { scopeSql, type Scope } from '../../domain/organisations/scope.ts';

/**
 * The rectification summaries the triggers keep (issue 18) after real rectifications — opened for
 * judged findings, worked through the workflow engine to different steps — equal a rebuild from
 * scratch, and the KPIs read from them give the rows the old query over instances, tasks and
 * findings gave, overdue tasks included as a task becomes overdue and as it completes.
 */
let t: TestApp;
const scope: Scope = { organisationId: 1, projects: null };
const ORDER = { rectification_summary_day: '1, 2, 3, 4', rectification_step_summary_day: '1, 2, 3, 4, 5', rectification_open_task: '1' };

/** Every row of every rectification summary, in key order. */
async function summaries(): Promise<Record<string, unknown[]>> {
  const em = forkEm(t.app.orm);
  const out: Record<string, unknown[]> = {};
  for (const table of RECTIFICATION_SUMMARY_TABLES) out[table] = await em.execute(`select * from "${table}" order by ${ORDER[table]}`);
  return out;
}

/** The rectification summaries made again from every row there is (rolled back). */
async function rebuilt(): Promise<Record<string, unknown[]>> {
  return forkEm(t.app.orm).transactional(async (tx) => {
    for (const table of RECTIFICATION_SUMMARY_TABLES) await tx.execute(`delete from "${table}"`);
    for (const sql of RECTIFICATION_SUMMARY_BACKFILL) await tx.execute(sql);
    const out: Record<string, unknown[]> = {};
    for (const table of RECTIFICATION_SUMMARY_TABLES) out[table] = await tx.execute(`select * from "${table}" order by ${ORDER[table]}`);
    throw Object.assign(new Error('roll back'), { out });
  }).catch((e: { out?: Record<string, unknown[]> }) => {
    if (!e.out) throw e;
    return e.out;
  });
}

/** The rectification figures as the query over instances, tasks and findings computed them before the summaries (the oracle). */
async function oldRectificationFigures(within: Scope, groupBy: 'project' | 'module' | 'month', filter: Period) {
  const key = { project: 'p.code', module: 'f.module', month: `to_char(f.found_on, 'YYYY-MM')` }[groupBy];
  const sc = scopeSql(within, 'f');
  const w = { sql: `w.definition_key = 'rectification' and (?::date is null or f.found_on >= ?) and (?::date is null or f.found_on <= ?) and ${sc.sql}`,
    params: [filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null, ...sc.params] };
  const from = `from workflow_instance w join finding f on w.business_key = 'finding:' || f.id join project p on p.id = f.project_id`;
  const em = forkEm(t.app.orm);
  const totals = await em.execute<{ key: string; started: string; completed: string }[]>(
    `select ${key} as key, count(*) as started, count(*) filter (where w.status = 'completed') as completed ${from} where ${w.sql} group by 1 order by 1`, w.params);
  const steps = await em.execute<{ key: string; step: string; completed: string; on_time: string; with_due: string; mean_hours: string | null }[]>(
    `select ${key} as key, t.element_id as step, count(*) as completed,
       count(*) filter (where t.due_at is not null and t.completed_at <= t.due_at) as on_time,
       count(*) filter (where t.due_at is not null) as with_due,
       avg(extract(epoch from (t.completed_at - t.created_at)) / 3600) as mean_hours
     ${from} join workflow_task t on t.instance_id = w.id and t.status = 'completed' where ${w.sql} group by 1, 2 order by 1, 2`, w.params);
  const overdue = await em.execute<{ key: string; n: string }[]>(
    `select ${key} as key, count(*) as n ${from} join workflow_task t on t.instance_id = w.id and t.status = 'open' and t.due_at < now() where ${w.sql} group by 1`, w.params);
  return {
    totals: totals.map((r) => ({ key: r.key, started: Number(r.started), completed: Number(r.completed) })),
    steps: steps.map((s) => ({ key: s.key, step: s.step, completed: Number(s.completed), onTime: Number(s.on_time), withDue: Number(s.with_due), meanHours: s.mean_hours === null ? null : Number(s.mean_hours) })),
    overdue: overdue.map((o) => ({ key: o.key, n: Number(o.n) })),
  };
}

type Figures = Awaited<ReturnType<typeof oldRectificationFigures>>;
/** Figures to compare: means to a millionth of an hour (two divisions of the same numeric sums), overdue groups in key order. */
const comparable = (f: Figures) => ({
  totals: f.totals,
  steps: f.steps.map((s) => ({ ...s, meanHours: s.meanHours === null ? null : Math.round(s.meanHours * 1e6) / 1e6 })),
  overdue: [...f.overdue].sort((a, b) => a.key.localeCompare(b.key)),
});
const newFigures = async (within: Scope, groupBy: 'project' | 'module' | 'month', filter: Period) =>
  comparable(await reportRepository.rectificationFigures(forkEm(t.app.orm), within, groupBy, filter));

let periods: Period[];
/** The open tasks overdue, per the old query, summed over every group. */
const overdueNow = async () => (await oldRectificationFigures(scope, 'month', {})).overdue.reduce((n, o) => n + o.n, 0);

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await seedDemoActivity(t.app, () => {});
  const [{ first, last }] = await forkEm(t.app.orm).execute<{ first: string; last: string }[]>(`select min(found_on)::text as first, max(found_on)::text as last from finding`);
  periods = [{}, { from: first, to: last }, { from: first }, { to: first }, { from: `${last.slice(0, 7)}-01` }, { from: `${first.slice(0, 8)}15`, to: `${last.slice(0, 8)}10` }, { from: '2000-01-01', to: '2000-01-31' }];
}, 600_000);
afterAll(async () => t.close());

describe('the rectification summaries kept by triggers', () => {
  it('equal a rebuild from every row after real rectifications', async () => {
    // given the demo's rectifications, some closed, some awaiting verification, some at analysis
    // when the summaries are compared with a rebuild
    const kept = await summaries();
    // then they are the same, row for row
    expect(kept.rectification_summary_day.length).toBeGreaterThan(0);
    expect(kept.rectification_step_summary_day.length).toBeGreaterThan(0);
    expect(kept.rectification_open_task.length).toBeGreaterThan(0);
    expect(kept).toEqual(await rebuilt());
  });

  it('give the rectification KPIs the old query gave, for every grouping and period', async () => {
    const [{ project }] = await forkEm(t.app.orm).execute<{ project: number }[]>(`select min(project_id) as project from finding`);
    for (const period of periods) {
      for (const groupBy of ['project', 'module', 'month'] as const) {
        expect({ groupBy, period, figures: await newFigures(scope, groupBy, period) })
          .toEqual({ groupBy, period, figures: comparable(await oldRectificationFigures(scope, groupBy, period)) });
      }
    }
    const oneProject: Scope = { organisationId: 1, projects: [project] };
    expect(await newFigures(oneProject, 'module', {})).toEqual(comparable(await oldRectificationFigures(oneProject, 'module', {})));
    const all = await oldRectificationFigures(scope, 'month', {});
    expect(all.totals.some((r) => r.completed > 0 && r.completed < r.started)).toBe(true);
    expect(all.steps.length).toBeGreaterThan(1);
  });

  it('count a task overdue once its due time passes, and no longer once it is completed', async () => {
    // given an open analysis task not yet due
    const em = forkEm(t.app.orm);
    const [task] = await em.execute<{ id: number }[]>(`select t.id from workflow_task t join workflow_instance w on w.id = t.instance_id
      where w.definition_key = 'rectification' and t.status = 'open' and t.element_id = 'analyse' order by t.id limit 1`);
    await em.execute(`update workflow_task set due_at = now() + interval '1 day' where id = ?`, [task.id]);
    const before = await overdueNow();
    expect(await newFigures(scope, 'month', {})).toEqual(comparable(await oldRectificationFigures(scope, 'month', {})));
    // when its due time passes
    await em.execute(`update workflow_task set due_at = now() - interval '1 hour' where id = ?`, [task.id]);
    // then it counts as overdue, in the summaries as in the old query
    expect(await overdueNow()).toBe(before + 1);
    for (const groupBy of ['project', 'module', 'month'] as const) {
      expect(await newFigures(scope, groupBy, {})).toEqual(comparable(await oldRectificationFigures(scope, groupBy, {})));
    }
    // when it is completed through the workflow engine
    await completeTask(t.app.context(organisationActor('pm', ['project_manager'])), task.id, { cause: '班组人手不足', plan: '调整排班' });
    // then it no longer counts, its step's completions grow, and the summaries still equal a rebuild
    const [{ status }] = await em.execute<{ status: string }[]>(`select status from workflow_task where id = ?`, [task.id]);
    expect(status).toBe('completed');
    for (const groupBy of ['project', 'module', 'month'] as const) {
      expect(await newFigures(scope, groupBy, {})).toEqual(comparable(await oldRectificationFigures(scope, groupBy, {})));
    }
    expect(await summaries()).toEqual(await rebuilt());
    expect((await summaries()).rectification_open_task).not.toContainEqual(expect.objectContaining({ task_id: task.id }));
  });
});
