import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { seedDemoActivity } from './demo-activity.ts';

let t: TestApp;
let manager: string;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await seedDemoActivity(t.app, () => {});
  manager = await t.login('manager');
}, 300_000); // a whole first start: every edition imported, then three months of inspections judged
afterAll(() => t.close());

describe('the demo activity of a first start', () => {
  it('judges three months of inspections on six projects into findings, with the dark car park standing out', async () => {
    const data = (await t.gql(`{ inspections(first: 100, tiers: [daily, monthly, quarterly]) { ... on InspectionConnection { totalCount nodes { inspectedOn findingCount } } }
      byMonth: executionRates(groupBy: month) { key rate inspections }
      heat: findingHeatMap { touchpoint projectId count } projects { ... on ProjectConnection { nodes { id code } } } }`, {}, manager)).data;
    expect(data.inspections.totalCount).toBe(18);
    expect(data.byMonth.map((r: { inspections: number }) => r.inspections)).toEqual([6, 6, 6]);
    // fewer failures each month
    const rates = data.byMonth.map((r: { rate: number }) => r.rate);
    expect(rates[2]).toBeGreaterThan(rates[0]);
    const projects = data.projects.nodes;
    const hd02 = projects.find((p: { code: string }) => p.code === 'HD02').id;
    const carPark = (projectId: number) => data.heat.filter((c: { touchpoint: string; projectId: number }) => c.projectId === projectId && ['TP-050', 'TP-156', 'TP-167', 'TP-168'].includes(c.touchpoint)).reduce((n: number, c: { count: number }) => n + c.count, 0);
    const others = projects.filter((p: { id: number }) => p.id !== hd02).map((p: { id: number }) => carPark(p.id));
    expect(carPark(hd02)).toBeGreaterThan(Math.max(...others));
  });

  it('takes the rectifications to different steps through the real workflow, and runs only once', async () => {
    const steps = await t.em().execute<{ state: string; n: string }[]>(
      `select case when i.status = 'completed' then 'closed' else (select t.element_id from workflow_task t where t.instance_id = i.id and t.status = 'open' limit 1) end as state, count(*) as n
       from workflow_instance i where i.definition_key = 'rectification' group by 1`);
    const by = Object.fromEntries(steps.map((s) => [s.state, Number(s.n)]));
    expect(by.closed).toBeGreaterThan(0);
    expect(by.verify).toBeGreaterThan(0);
    expect(by.analyse).toBeGreaterThan(0);
    const pmTasks = (await t.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { totalCount nodes { elementId } } } }', {}, await t.login('pm'))).data.tasks;
    // the project manager's inbox: the analyses, and the incubation of the approved innovation-fund project
    expect(pmTasks.totalCount).toBe(by.analyse + 1);
    expect(pmTasks.nodes.filter((n: { elementId: string }) => n.elementId === 'analyse').length).toBe(by.analyse);
    expect(pmTasks.nodes.filter((n: { elementId: string }) => n.elementId === 'incubation').length).toBe(1);
    await seedDemoActivity(t.app, () => {});
    expect((await t.gql('{ inspections(tiers: [daily, monthly, quarterly]) { ... on InspectionConnection { totalCount } } }', {}, manager)).data.inspections.totalCount).toBe(18);
  });

  it('fills the innovation fund with proposals in every state, the lift maintenance one with fault reports down 41%', async () => {
    const totals = (await t.gql('{ proposalTotals { status count } proposals(status: implemented) { ... on ProposalConnection { nodes { title effect { indicator changePercent } } } } }', {}, manager)).data;
    expect(Object.fromEntries(totals.proposalTotals.map((x: { status: string; count: number }) => [x.status, x.count]))).toEqual({ submitted: 1, in_review: 1, approved: 1, rejected: 1, implemented: 1, withdrawn: 0 });
    expect(totals.proposals.nodes).toEqual([{ title: '电梯维保透明化', effect: { indicator: '故障报修量（次/季度）', changePercent: -41 } }]);
  });
});
