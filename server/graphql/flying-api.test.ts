import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows, openPendingRectifications } from '../../domain/findings/rectification.service.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { addMonths } from '../../domain/inspections/flying-draw.ts';
import { SITE_PHOTOS, uploadPhoto } from '../../test/browser/activity.ts';
import { bySeverity, flyInto, KPI_FIELDS, PLAN_FIELDS, type Flown, type Gql } from '../../test/flying.ts';

/**
 * The regional flying inspection end to end through the API on a real database: the first start
 * draws the month's sample per region → the region's supervisor sees the sampled projects on their
 * day → they inspect with the monthly checklists → findings and rectifications → the region's KPIs.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string): Gql => (query, variables) => t.gql(query, variables, tokens[who]);
const today = todayInChina();
const month = today.slice(0, 7);
const previous = addMonths(month, -1);

const PLAN = `query ($r: Int!, $m: String!) { flyingInspectionPlan(regionId: $r, month: $m) { __typename ... on FlyingInspectionPlan { ${PLAN_FIELDS} } ... on Error { code } } }`;
const DRAW = `mutation ($r: Int!, $m: String!) { drawFlyingInspections(regionId: $r, month: $m) { __typename ... on FlyingInspectionPlan { ${PLAN_FIELDS} } ... on ValidationError { code issues { pointer message } } ... on Error { code } } }`;
const PLANS = `query ($m: String!) { flyingInspectionPlans(month: $m) { ${PLAN_FIELDS} } }`;
const KPIS = `query ($f: String, $t: String) { regionKpis(from: $f, to: $t) { ${KPI_FIELDS} } }`;
const DAY = `query ($d: String) { inspectorDay(asOf: $d) { __typename ... on InspectorDay { flyingInspections { month project { code } supervisor status } } ... on Error { code } } }`;

type Plan = { regionId: number; regionName: string; drawn: boolean; drawnBy: string | null; inspections: { project: { id: number; code: string; region: string }; supervisor: string | null; status: string; inspectedOn: string | null; inspectedBy: string | null }[] };
let east: Plan;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  for (const who of ['manager', 'supervisor', 'inspector', 'pm', 'auditor']) tokens[who] = await t.login(who);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('drawing a region\'s flying inspections', () => {
  it('has drawn this month\'s sample of every region on first start, a third of its projects, the east one dealt to its supervisor', async () => {
    // given the first start / when the manager reads the month's plans
    const plans = (await as('manager')(PLANS, { m: month })).data!.flyingInspectionPlans as Plan[];
    // then three regions of six projects each, two sampled in each, drawn by the demo quality manager
    expect(plans.map((p) => [p.regionName, p.drawn, p.drawnBy, p.inspections.length])).toEqual([['华东区域', true, 'manager', 2], ['华南区域', true, 'manager', 2], ['华北区域', true, 'manager', 2]]);
    east = plans[0];
    expect(east.inspections.every((i) => i.project.region === '华东区域' && i.supervisor === 'supervisor' && i.status === 'planned')).toBe(true);
    // the regions without a supervisor keep their sample, unassigned
    expect(plans[1].inspections.map((i) => i.supervisor)).toEqual([null, null]);
  });

  it('is idempotent and stored: drawing again gives the same plan; the quarter\'s months visit every project once', async () => {
    const again = (await as('manager')(DRAW, { r: east.regionId, m: month })).data!.drawFlyingInspections;
    expect(again).toEqual({ __typename: 'FlyingInspectionPlan', ...(await as('manager')(PLAN, { r: east.regionId, m: month })).data!.flyingInspectionPlan });
    expect(again.inspections.map((i: Plan['inspections'][0]) => i.project.code)).toEqual(east.inspections.map((i) => i.project.code));
    expect(again.drawnBy).toBe('manager');
    // the other months of this quarter, drawn by the admin: together with this one, each of the six projects once
    const quarterStart = addMonths(month, -((Number(month.slice(5)) - 1) % 3));
    const codes: string[] = [];
    for (const m of [0, 1, 2].map((i) => addMonths(quarterStart, i))) {
      const plan = (await as('manager')(DRAW, { r: east.regionId, m })).data!.drawFlyingInspections as Plan;
      codes.push(...plan.inspections.map((i) => i.project.code));
    }
    expect(codes.sort()).toEqual(['HD01', 'HD02', 'HD03', 'HD04', 'HD05', 'HD06']);
  });

  it('refuses bad months, unknown regions and anyone but admins and quality managers', async () => {
    const bad = (await as('manager')(DRAW, { r: east.regionId, m: '2026-13' })).data!.drawFlyingInspections;
    expect(bad).toMatchObject({ __typename: 'ValidationError', code: 'flying.bad_month', issues: [{ pointer: '/month' }] });
    expect((await as('manager')(DRAW, { r: east.regionId, m: addMonths(month, 6) })).data!.drawFlyingInspections).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/month', message: expect.stringContaining('must lie between') }] });
    expect((await as('manager')(DRAW, { r: 9999, m: month })).data!.drawFlyingInspections).toEqual({ __typename: 'NotFoundError', code: 'flying.region_not_found' });
    for (const who of ['supervisor', 'inspector', 'pm', 'auditor']) expect([who, (await as(who)(DRAW, { r: east.regionId, m: month })).data!.drawFlyingInspections]).toEqual([who, { __typename: 'ForbiddenError', code: 'flying.may_not_draw' }]);
  });

  it('is unannounced: the projects\' people see nothing; a supervisor sees their own region only', async () => {
    for (const who of ['pm', 'inspector']) expect([who, (await as(who)(PLAN, { r: east.regionId, m: month })).data!.flyingInspectionPlan]).toEqual([who, { __typename: 'ForbiddenError', code: 'flying.may_not_read' }]);
    expect((await as('pm')(PLANS, { m: month })).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect((await as('supervisor')(PLAN, { r: east.regionId, m: month })).data!.flyingInspectionPlan.__typename).toBe('FlyingInspectionPlan');
    const south = ((await as('manager')(PLANS, { m: month })).data!.flyingInspectionPlans as Plan[])[1];
    expect((await as('supervisor')(PLAN, { r: south.regionId, m: month })).data!.flyingInspectionPlan).toEqual({ __typename: 'ForbiddenError', code: 'flying.may_not_read' });
    expect(((await as('supervisor')(PLANS, { m: month })).data!.flyingInspectionPlans as Plan[]).map((p) => p.regionName)).toEqual(['华东区域']);
    expect(((await as('auditor')(PLANS, { m: month })).data!.flyingInspectionPlans as Plan[])).toHaveLength(3);
  });
});

describe('the supervisor flies in, and the region\'s KPIs show it', () => {
  const flown: Flown[] = [];
  let previousPlan: Plan;

  it('shows the sampled projects on the supervisor\'s day, and nothing on a project inspector\'s', async () => {
    const day = (await as('supervisor')(DAY, { d: today })).data!.inspectorDay;
    expect(day.flyingInspections).toEqual(east.inspections.map((i) => ({ month, project: { code: i.project.code }, supervisor: 'supervisor', status: 'planned' })));
    expect((await as('inspector')(DAY, { d: today })).data!.inspectorDay.flyingInspections).toEqual([]);
  });

  it('takes the supervisor\'s monthly inspections into the plan: done this month; last month\'s done, late or missing', async () => {
    // given last month's plan, drawn now
    previousPlan = (await as('manager')(DRAW, { r: east.regionId, m: previous })).data!.drawFlyingInspections;
    const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(t, tokens.supervisor, bytes)));
    // when the supervisor inspects this month's projects today, and last month's first project on the 15th of last month
    for (const [n, i] of east.inspections.entries()) flown.push(await flyInto(as('supervisor'), i.project.id, today, `fly-${n}`, photos));
    const lastMonthDay = `${previous}-15`;
    flown.push(await flyInto(as('supervisor'), previousPlan.inspections[0].project.id, lastMonthDay, 'fly-previous', photos));
    await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR);
    // then this month's are done, by the supervisor, today
    const now = (await as('supervisor')(PLAN, { r: east.regionId, m: month })).data!.flyingInspectionPlan as Plan;
    expect(now.inspections.map((i) => [i.status, i.inspectedOn, i.inspectedBy])).toEqual(east.inspections.map(() => ['done', today, 'supervisor']));
    // last month's: the first done on the 15th; the others late when inspected this month, else missing
    const thisMonth = new Set(east.inspections.map((i) => i.project.code));
    const before = (await as('supervisor')(PLAN, { r: east.regionId, m: previous })).data!.flyingInspectionPlan as Plan;
    expect(before.inspections.map((i) => i.status)).toEqual(previousPlan.inspections.map((i, n) => (n === 0 ? 'done' : thisMonth.has(i.project.code) ? 'late' : 'missing')));
    expect((await as('supervisor')(DAY, { d: today })).data!.inspectorDay.flyingInspections.map((i: { status: string }) => i.status)).toEqual(['done', 'done']);
  });

  it('gives the region\'s KPIs from those figures, to the supervisor for their region only', async () => {
    // given one rectification analysed in time and one late (its deadline moved into the past first)
    const open = await t.em().execute<{ id: number }[]>(`select t.id from workflow_task t join workflow_instance w on w.id = t.instance_id join finding f on w.business_key = 'finding:' || f.id
      join inspection i on i.id = f.inspection_id where t.status = 'open' and t.element_id = 'analyse' and i.inspector = 'supervisor' order by t.id`);
    expect(open.length).toBeGreaterThanOrEqual(2);
    await t.em().execute(`update workflow_task set due_at = now() - interval '1 hour' where id = ?`, [open[1].id]);
    const COMPLETE = 'mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }';
    for (const { id } of open.slice(0, 2)) expect((await as('pm')(COMPLETE, { id, d: { cause: '班组人手不足，巡查频次未落实', plan: '调整排班并复查' } })).data!.completeTask.__typename).toBe('WorkflowTask');
    // when the supervisor reads the KPIs from the first of last month to today
    const kpis = (await as('supervisor')(KPIS, { f: `${previous}-01`, t: today })).data!.regionKpis;
    // then only their region, with the plans' statuses and the inspections' own figures
    const previousStatuses = ((await as('manager')(PLAN, { r: east.regionId, m: previous })).data!.flyingInspectionPlan as Plan).inspections.map((i) => i.status);
    const applicable = flown.reduce((s, f) => s + f.applicable, 0);
    const passed = flown.reduce((s, f) => s + f.passed, 0);
    const severities = bySeverity(flown.flatMap((f) => f.severities));
    const rectified = severities.critical + severities.major;
    expect(kpis).toEqual([{
      regionId: east.regionId, regionCode: 'R01', regionName: '华东区域',
      planned: 2 + previousStatuses.length, done: 2 + previousStatuses.filter((s) => s === 'done').length, late: previousStatuses.filter((s) => s === 'late').length,
      missing: previousStatuses.filter((s) => s === 'missing').length, open: 0,
      inspections: 3, applicable, passed, executionRate: Math.round((passed / applicable) * 10000) / 10000, smallSample: false,
      findings: severities, rectificationsStarted: rectified, rectificationsCompleted: 0, rectificationOnTimeRate: 0.5, openOverdue: 0,
    }]);
    expect(severities.minor + rectified).toBeGreaterThan(0);
    // the manager sees every region; the others had no monthly inspection
    const all = (await as('manager')(KPIS, { f: `${previous}-01`, t: today })).data!.regionKpis;
    expect(all.map((k: { regionName: string; inspections: number; planned: number }) => [k.regionName, k.inspections, k.planned])).toEqual([['华东区域', 3, kpis[0].planned], ['华南区域', 0, 2], ['华北区域', 0, 2]]);
    // a project manager sees no region's; a reversed period is refused
    expect((await as('pm')(KPIS, {})).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    expect((await as('manager')(KPIS, { f: today, t: `${previous}-01` })).errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });
});
