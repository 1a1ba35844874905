import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { bySeverity, flyInto, KPI_FIELDS, PLAN_FIELDS, type Flown } from '../flying.ts';
import { SITE_PHOTOS } from '../browser/activity.ts';
import { ApiClient, eventually, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Regional flying inspections in the product as a user runs it: the real server process (`npm
 * start`'s command) on a fresh store, whose first start drew this month's sample for every region
 * and made the demo regional supervisor; over HTTP the supervisor finds the sampled projects on
 * their day, inspects them with the monthly checklists, and the region's KPIs count it all.
 */
let store: Store;
let server: ServerProcess;
const today = todayInChina();
const month = today.slice(0, 7);

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

const PLAN = `query ($r: Int!, $m: String!) { flyingInspectionPlan(regionId: $r, month: $m) { __typename ... on FlyingInspectionPlan { ${PLAN_FIELDS} } ... on Error { code } } }`;
const KPIS = `query ($f: String, $t: String) { regionKpis(from: $f, to: $t) { ${KPI_FIELDS} } }`;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/demo activity: \d+ inspections/, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('regional flying inspections over HTTP on the running product', () => {
  it('draws on first start, shows the supervisor the sampled projects, and counts their inspections in the region\'s KPIs', async () => {
    // given the first start's plans
    expect(server.output()).toMatch(/created the regional supervisor "supervisor" \(华东区域\) and drew \d{4}-\d{2}'s flying inspections: 6 projects/);
    const manager = await as('manager');
    const plans = (await manager.gql(`query ($m: String!) { flyingInspectionPlans(month: $m) { ${PLAN_FIELDS} } }`, { m: month })).data.flyingInspectionPlans;
    expect(plans.map((p: { regionName: string; drawnBy: string; inspections: unknown[] }) => [p.regionName, p.drawnBy, p.inspections.length])).toEqual([['华东区域', 'manager', 2], ['华南区域', 'manager', 2], ['华北区域', 'manager', 2]]);
    const east = plans[0];
    // drawing again changes nothing
    const again = (await manager.gql(`mutation ($r: Int!, $m: String!) { drawFlyingInspections(regionId: $r, month: $m) { ... on FlyingInspectionPlan { ${PLAN_FIELDS} } } }`, { r: east.regionId, m: month })).data.drawFlyingInspections;
    expect(again).toEqual(east);
    // the project manager sees nothing of it
    const pm = await as('pm');
    expect((await pm.gql(PLAN, { r: east.regionId, m: month })).data.flyingInspectionPlan).toEqual({ __typename: 'ForbiddenError', code: 'flying.may_not_read' });

    // when the supervisor opens their day and flies into each sampled project
    const supervisor = await as('supervisor');
    const day = (await supervisor.gql('query { inspectorDay { ... on InspectorDay { flyingInspections { project { code } status } } } }')).data.inspectorDay;
    expect(day.flyingInspections).toEqual(east.inspections.map((i: { project: { code: string } }) => ({ project: { code: i.project.code }, status: 'planned' })));
    const before = (await supervisor.gql(KPIS, { f: `${month}-01`, t: today })).data.regionKpis;
    expect(before.map((k: { regionName: string }) => k.regionName)).toEqual(['华东区域']);
    const photos = await Promise.all(SITE_PHOTOS.map((bytes) => supervisor.upload(bytes)));
    const flown: Flown[] = [];
    for (const [n, i] of east.inspections.entries()) flown.push(await flyInto((q, v) => supervisor.gql(q, v), i.project.id, today, `product-fly-${n}`, photos));

    // then the plan shows them done, by the supervisor, today
    const plan = (await manager.gql(PLAN, { r: east.regionId, m: month })).data.flyingInspectionPlan;
    expect(plan.inspections.map((i: { status: string; inspectedBy: string; inspectedOn: string }) => [i.status, i.inspectedBy, i.inspectedOn])).toEqual([['done', 'supervisor', today], ['done', 'supervisor', today]]);
    // and the region's KPIs add exactly what was submitted; the queue opens the major and critical findings' rectifications
    const severities = bySeverity(flown.flatMap((f) => f.severities));
    const applicable = before[0].applicable + flown.reduce((s, f) => s + f.applicable, 0);
    const passed = before[0].passed + flown.reduce((s, f) => s + f.passed, 0);
    const after = await eventually('the rectifications opened by the queue', async () => {
      const [k] = (await supervisor.gql(KPIS, { f: `${month}-01`, t: today })).data.regionKpis;
      return k.rectificationsStarted === before[0].rectificationsStarted + severities.critical + severities.major ? k : undefined;
    }, 60_000);
    expect(after).toMatchObject({
      regionName: '华东区域', planned: 2, done: 2, open: 0, inspections: before[0].inspections + 2, applicable, passed,
      executionRate: Math.round((passed / applicable) * 10000) / 10000,
      findings: { critical: before[0].findings.critical + severities.critical, major: before[0].findings.major + severities.major, minor: before[0].findings.minor + severities.minor },
    });
  });
});
