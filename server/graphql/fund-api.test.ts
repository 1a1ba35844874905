import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, organisationActor } from '../../domain/shared/access.ts';
import { deployShippedWorkflows, SHIPPED_DEFINITIONS } from '../../domain/findings/rectification.service.ts';
import { deployWorkflow } from '../../domain/workflows/definition.service.ts';

let t: TestApp;
const tokens: Record<string, string> = {};

const SUBMIT = `mutation ($i: ProposalInput!) { submitProposal(input: $i) { __typename
  ... on Proposal { id status title requestedBudget grantedBudget attachments proposer waitingAt }
  ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const PROPOSAL = `query ($id: Int!) { proposal(id: $id) { __typename ... on Proposal { id status grantedBudget effect { indicator before after changePercent outcome } steps { name completedBy data form } } ... on Error { message } } }`;
const LIST = `query ($s: ProposalStatus, $first: Int, $after: String) { proposals(status: $s, first: $first, after: $after) { __typename
  ... on ProposalConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id title status proposer } } ... on Error { message } } }`;
const TASKS = `{ tasks(role: true) { __typename ... on WorkflowTaskConnection { nodes { id elementId instance { id } } } ... on Error { message } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on WorkflowTask { status } ... on ValidationError { issues { pointer } } ... on Error { message } } }`;

const proposal = { title: '电梯维保透明化', problem: '业主不清楚电梯何时维保，故障报修多且重复', idea: '在轿厢张贴维保二维码，扫码可见维保记录与下次计划', expectedEffect: '故障报修量下降三成', budget: 30000 };

async function upload(token: string): Promise<string> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { __typename ... on Photo { sha256 } ... on Error { message } } }', variables: { f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'lift-qr']), 'lift.png');
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const uploaded = ((await response.json()) as { data: { uploadPhoto: { __typename: string; sha256: string } } }).data.uploadPhoto;
  expect(uploaded.__typename).toBe('Photo');
  return uploaded.sha256;
}

const submit = async (input: Record<string, unknown>, who = 'frontline') => (await t.gql(SUBMIT, { i: input }, tokens[who])).data.submitProposal;
const count = async () => (await t.gql(LIST, {}, tokens.admin)).data.proposals.totalCount as number;
/** Completes the open task of an element of a proposal as a user. */
async function work(who: string, id: number, element: string, data: Record<string, unknown>) {
  const task = (await t.gql(TASKS, {}, tokens[who])).data.tasks.nodes.find((x: { elementId: string; instance: { id: number } }) => x.elementId === element && x.instance.id === id);
  expect([element, task]).toEqual([element, expect.anything()]);
  const done = (await t.gql(COMPLETE, { id: task.id, d: data }, tokens[who])).data.completeTask;
  expect(done).toMatchObject({ __typename: 'WorkflowTask', status: 'completed' });
}

beforeAll(async () => {
  t = await startTestApp();
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  for (const u of ['admin', 'manager', 'committee', 'pm', 'frontline', 'inspector', 'auditor']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

describe('submitting a proposal', () => {
  it('starts the innovation-fund process for a frontline employee, with photos attached', async () => {
    // given a photo the employee uploaded
    const photo = await upload(tokens.frontline);
    // when they submit the proposal form
    const submitted = await submit({ ...proposal, title: `  ${proposal.title} `, attachments: [photo] });
    // then it waits for the quality department's screening, their own
    expect(submitted).toMatchObject({ __typename: 'Proposal', status: 'submitted', title: proposal.title, requestedBudget: 30000, grantedBudget: null, attachments: [photo], proposer: 'frontline', waitingAt: ['品质部初审'] });
    expect((await t.gql(LIST, { s: 'submitted' }, tokens.frontline)).data.proposals.nodes).toEqual([expect.objectContaining({ id: submitted.id, status: 'submitted' })]);
  });

  it.each([
    ['without a title', { ...proposal, title: undefined }, '/title', '"title" is required'],
    ['with a blank idea', { ...proposal, idea: '   ' }, '/idea', 'must NOT have fewer than 10 characters'],
    ['with no budget', { ...proposal, budget: 0 }, '/budget', 'must be > 0'],
    ['with a negative budget', { ...proposal, budget: -5 }, '/budget', 'must be > 0'],
    ['with an absurd budget', { ...proposal, budget: 20_000_000 }, '/budget', 'must be <= 1000000'],
    ['with an attachment that is no photo id', { ...proposal, attachments: ['lift.png'] }, '/attachments/0', 'must match format'],
    ['with a photo never uploaded', { ...proposal, attachments: ['a'.repeat(64)] }, '/attachments/0', 'no uploaded photo'],
  ])('refuses a proposal %s, naming the field, and stores nothing', async (_case, input, pointer, message) => {
    // given the proposals so far
    const before = await count();
    // when a bad proposal is submitted
    const refused = await submit(input);
    // then a typed error names the field, and no proposal was added
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.issues).toEqual(expect.arrayContaining([expect.objectContaining({ pointer, message: expect.stringContaining(message) })]));
    expect(await count()).toBe(before);
  });

  it('is refused to auditors, who only read, and to strangers', async () => {
    expect((await submit(proposal, 'auditor')).__typename).toBe('ForbiddenError');
    expect((await t.gql(SUBMIT, { i: proposal })).data.submitProposal.__typename).toBe('ForbiddenError');
  });
});

describe('what frontline staff may do', () => {
  it('reads only their own proposals and works on no committee task', async () => {
    // given a proposal of the inspector's, in the committee's hands
    const other = await submit({ ...proposal, title: '绿化垃圾回收利用' }, 'inspector');
    await work('manager', other.id, 'screening', { passed: true, comment: '思路可行' });
    // then frontline staff cannot read it, nor find it in the portfolio, nor decide on it
    expect((await t.gql(PROPOSAL, { id: other.id }, tokens.frontline)).data.proposal.__typename).toBe('ForbiddenError');
    const theirs = (await t.gql(LIST, {}, tokens.frontline)).data.proposals.nodes;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((p: { proposer: string }) => p.proposer === 'frontline')).toBe(true);
    const committeeTask = (await t.gql(TASKS, {}, tokens.committee)).data.tasks.nodes.find((x: { instance: { id: number } }) => x.instance.id === other.id);
    expect((await t.gql(COMPLETE, { id: committeeTask.id, d: { approved: true, budget: 1 } }, tokens.frontline)).data.completeTask.__typename).toBe('ForbiddenError');
    expect((await t.gql(TASKS, {}, tokens.frontline)).data.tasks.nodes).toEqual([]);
    // nor read the processes, standards or inspections
    expect((await t.gql('{ workflowInstances { __typename } }', {}, tokens.frontline)).data.workflowInstances.__typename).toBe('ForbiddenError');
    expect((await t.gql(`query { workflowInstance(id: ${other.id}) { __typename } }`, {}, tokens.frontline)).data.workflowInstance.__typename).toBe('ForbiddenError');
    // while the committee reads every proposal
    expect((await t.gql(PROPOSAL, { id: other.id }, tokens.committee)).data.proposal).toMatchObject({ __typename: 'Proposal', status: 'in_review' });
  });

  it('refuses an unknown proposal and an unknown status with typed errors', async () => {
    expect((await t.gql(PROPOSAL, { id: 999999 }, tokens.committee)).data.proposal.__typename).toBe('NotFoundError');
    expect((await t.gql(LIST, { s: 'lost' }, tokens.committee)).errors?.[0].message).toContain('ProposalStatus');
  });
});

describe('the committee and the portfolio', () => {
  it('takes a proposal from screening to its measured effect, and counts the budget granted', async () => {
    // given a submitted proposal
    const p = await submit({ ...proposal, title: '电梯困人安抚系统' });
    // when it is screened, funded, incubated and evaluated
    await work('manager', p.id, 'screening', { passed: true, comment: '符合基金方向' });
    expect((await t.gql(PROPOSAL, { id: p.id }, tokens.frontline)).data.proposal.status).toBe('in_review');
    await work('committee', p.id, 'committee', { approved: true, budget: 28000, reviewComment: '同意，按里程碑拨付' });
    expect((await t.gql(PROPOSAL, { id: p.id }, tokens.frontline)).data.proposal).toMatchObject({ status: 'approved', grantedBudget: 28000 });
    await work('pm', p.id, 'incubation', { milestoneReport: '已在三个项目安装', spent: 26500 });
    await work('committee', p.id, 'evaluation', { indicator: '故障报修量', before: 120, after: 71, outcome: '维保透明后重复报修明显减少', rollout: false });
    // then it is implemented with its effect, and each decision is there with its form's words
    const done = (await t.gql(PROPOSAL, { id: p.id }, tokens.committee)).data.proposal;
    expect(done).toMatchObject({ status: 'implemented', grantedBudget: 28000, effect: { indicator: '故障报修量', before: 120, after: 71, changePercent: -40.8 } });
    expect(done.steps.map((s: { name: string }) => s.name)).toEqual(['品质部初审', '基金委员会评审', '孵化实施', '成果评估']);
    expect(done.steps[0]).toMatchObject({ completedBy: 'manager', data: { passed: true, comment: '符合基金方向' }, form: { properties: { passed: { title: '通过初审' } } } });
    const implemented = (await t.gql(LIST, { s: 'implemented' }, tokens.manager)).data.proposals.nodes;
    expect(implemented.map((x: { id: number }) => x.id)).toContain(p.id);
    const totals = (await t.gql('{ proposalTotals { status count requested granted } }', {}, tokens.committee)).data.proposalTotals;
    expect(totals.find((x: { status: string }) => x.status === 'implemented')).toMatchObject({ count: 1, granted: 28000, requested: 30000 });
  });

  it('counts a proposal screened out as rejected, with no budget granted', async () => {
    const p = await submit({ ...proposal, title: '门岗智能道闸' });
    await work('manager', p.id, 'screening', { passed: false, comment: '已有同类项目' });
    const read = (await t.gql(PROPOSAL, { id: p.id }, tokens.frontline)).data.proposal;
    expect(read).toMatchObject({ status: 'rejected', grantedBudget: null });
    expect(read.steps[0].data).toEqual({ passed: false, comment: '已有同类项目' });
  });

  it('pages the portfolio newest first', async () => {
    const first = (await t.gql(LIST, { first: 2 }, tokens.admin)).data.proposals;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await t.gql(LIST, { first: 2, after: first.pageInfo.endCursor }, tokens.admin)).data.proposals;
    expect(next.nodes[0].id).toBeLessThan(first.nodes[1].id);
  });
});

describe('shipping a new version of the process', () => {
  it('deploys a changed shipped file as the next version, keeps running instances on theirs, and never replaces a version deployed by hand', async () => {
    // given the fund's process deployed by the system from an older file, and a proposal running on it
    const em = t.em();
    const xml = readFileSync(new URL('innovation-fund.bpmn', SHIPPED_DEFINITIONS), 'utf8');
    const older = await deployWorkflow({ em, actor: SYSTEM_ACTOR, limits: { maxBytes: 0, maxDepth: 0 } }, 'innovation-fund', xml.replace('记录预算与成效', '记录预算与成效（旧版）'));
    const running = await submit({ ...proposal, title: '旧版流程上的提案' });
    // when the shipped processes are deployed again
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual(['innovation-fund']);
    // then the shipped file is the newest version, and the proposal still moves on its own
    const newest = (await t.gql('{ workflowDefinition(key: "innovation-fund") { ... on WorkflowDefinition { version } } }', {}, tokens.admin)).data.workflowDefinition.version;
    expect(newest).toBe(older.definition.version + 1);
    await work('manager', running.id, 'screening', { passed: true });
    expect((await t.gql(PROPOSAL, { id: running.id }, tokens.frontline)).data.proposal).toMatchObject({ status: 'in_review' });
    // and a version someone deployed by hand stays the newest
    await deployWorkflow({ em: t.em(), actor: organisationActor('manager', ['quality_manager']), limits: { maxBytes: 0, maxDepth: 0 } }, 'innovation-fund', xml.replace('记录预算与成效', '记录预算与成效（本地）'));
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual([]);
  });
});
