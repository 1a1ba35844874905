import { solidPng } from '../../server/seed/png.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The innovation fund as people use it, over HTTP against the real server process on a fresh store:
 * a frontline employee proposes with a photo, the quality department screens, the committee funds
 * it, the project is incubated and its effect measured; the portfolio shows it beside the demo
 * proposals of the first start.
 */
let store: Store;
let server: ServerProcess;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

const TASKS = `{ tasks(role: true, first: 200) { ... on WorkflowTaskConnection { nodes { id elementId instance { id } } } } }`;

/** Completes the open task `element` of proposal `id` as `client`. */
async function work(client: ApiClient, id: number, element: string, data: Record<string, unknown>): Promise<void> {
  const task = (await client.gql(TASKS)).data.tasks.nodes.find((x: { elementId: string; instance: { id: number } }) => x.elementId === element && x.instance.id === id);
  if (!task) throw new Error(`no open ${element} task of proposal ${id}`);
  const done = (await client.gql(`mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`, { id: task.id, d: data })).data.completeTask;
  expect(done.__typename).toBe('WorkflowTask');
}

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready();
  await server.printed(/demo activity: .* innovation-fund proposals/, 240_000);
}, 300_000);

afterAll(() => tearDown(server, store));

describe(`an innovation-fund proposal in the real server (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('goes from a frontline employee\'s form to a measured effect in the portfolio', async () => {
    // given a frontline employee with a site photo
    const frontline = await as('frontline');
    const photo = await frontline.upload(solidPng(64, 48, [120, 90, 60]));
    expect((await fetch(`${server.base}/photos/${photo}`, { headers: { authorization: `Bearer ${frontline.token}` } })).status).toBe(200);
    // when a proposal is refused for its budget, then submitted
    const SUBMIT = `mutation ($i: ProposalInput!) { submitProposal(input: $i) { __typename ... on Proposal { id status } ... on ValidationError { issues { pointer } } ... on Error { message } } }`;
    const input = { title: '垃圾房除臭改造', problem: '夏季垃圾房异味重，业主投诉集中', idea: '加装生物除臭喷淋并调整清运时段', expectedEffect: '异味投诉明显减少', attachments: [photo] };
    expect((await frontline.gql(SUBMIT, { i: { ...input, budget: 0 } })).data.submitProposal).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/budget' }] });
    const submitted = (await frontline.gql(SUBMIT, { i: { ...input, budget: 12000 } })).data.submitProposal;
    expect(submitted).toMatchObject({ __typename: 'Proposal', status: 'submitted' });
    // and the quality department, the committee and the project manager take it through
    await work(await as('manager'), submitted.id, 'screening', { passed: true, comment: '可行' });
    const committee = await as('committee');
    await work(committee, submitted.id, 'committee', { approved: true, budget: 10000 });
    await work(await as('pm'), submitted.id, 'incubation', { milestoneReport: '三个垃圾房已改造', spent: 9600 });
    await work(committee, submitted.id, 'evaluation', { indicator: '异味投诉（件/月）', before: 25, after: 5, outcome: '投诉大幅下降', rollout: true });
    // then the proposer reads it implemented with its effect, among only their own proposals
    const own = (await frontline.gql(`{ proposals(first: 50) { ... on ProposalConnection { totalCount nodes { id proposer status grantedBudget effect { changePercent } } } } }`)).data.proposals;
    expect(own.nodes.find((p: { id: number }) => p.id === submitted.id)).toEqual({ id: submitted.id, proposer: 'frontline', status: 'implemented', grantedBudget: 10000, effect: { changePercent: -80 } });
    expect(own.nodes.every((p: { proposer: string }) => p.proposer === 'frontline')).toBe(true);
    // and the committee's totals count it with the demo proposals
    const totals = (await committee.gql(`{ proposalTotals { status count granted } }`)).data.proposalTotals;
    expect(totals.find((x: { status: string }) => x.status === 'implemented')).toEqual({ status: 'implemented', count: 2, granted: 42000 });
    // while the frontline employee reads no process, standard or other's task
    expect((await frontline.gql(`{ workflowInstances { __typename } }`)).data.workflowInstances.__typename).toBe('ForbiddenError');
    expect((await frontline.gql(TASKS)).data.tasks.nodes).toEqual([]);
  });
});
