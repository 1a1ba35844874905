import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { solidPng } from '../../server/seed/png.ts';
import { ApiClient, eventually, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Deadlines from the standard in the product as a user runs it: the real server process (`npm
 * start`'s command, queue and timers running) on a fresh store; an inspector fails two major items
 * whose standard says 整改时限 24 h and 48 h, the queue opens their rectifications, and the tasks'
 * due times read over GraphQL are the items' hours (analysis at most 48 h; verification 24 h).
 */
let store: Store;
let server: ServerProcess;

const TASKS = `query ($k: String!) { workflowInstances(businessKey: $k) { ... on WorkflowInstanceConnection { nodes { id version status states variables tasks { id elementId status createdAt dueAt } } } } }`;
interface Task { id: number; elementId: string; status: string; createdAt: string; dueAt: string | null }
const hoursDue = (task: Task) => Math.round((Date.parse(task.dueAt!) - Date.parse(task.createdAt)) / 3_600_000);

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

/** The open task of a finding's rectification, once the queue has opened it and `element` is reached. */
function openTask(client: ApiClient, findingId: number, element: string): Promise<Task> {
  return eventually(`the ${element} task of finding ${findingId}`, async () => {
    const [instance] = (await client.gql(TASKS, { k: `finding:${findingId}` })).data.workflowInstances.nodes;
    return instance?.tasks.find((t: Task) => t.status === 'open' && t.elementId === element);
  }, 30_000);
}

async function complete(client: ApiClient, task: Task, data: Record<string, unknown>): Promise<void> {
  const done = (await client.gql('mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }', { id: task.id, d: data })).data.completeTask;
  expect(done.__typename).toBe('WorkflowTask');
}

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready(240_000);
}, 300_000); // a first start: the library's three editions and the demo activity, on two busy cores

afterAll(() => tearDown(server, store));

describe(`deadlines from the standard in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('a failed major item whose standard says 24 h gets its rectification due in 24 h; one of 48 h in 48 h', async () => {
    // given the lift-car cleaning checklist of a project, whose major items say 整改时限 24 h and 48 h
    const inspector = await as('inspector');
    const list = (await inspector.gql(`{ checklist(projectId: 1, tier: quarterly, scope: "M03.P01.W002") { ... on Checklist { id items { id key code version title severity input evidence touchpoints options schema rectifyWithinHours } } ... on Error { message } } }`)).data.checklist;
    const items = list.items as (ChecklistItem & { rectifyWithinHours: number })[];
    const day = items.find((i) => i.severity === 'major' && i.rectifyWithinHours === 24 && failingValue(i) !== null)!;
    const twoDays = items.find((i) => i.severity === 'major' && i.rectifyWithinHours === 48 && failingValue(i) !== null)!;
    expect([day, twoDays].every(Boolean)).toBe(true);
    // when an inspection fails both
    const photos = await Promise.all([[90, 140, 120], [160, 120, 80], [70, 90, 150], [150, 150, 150], [200, 180, 90]].map((rgb) => inspector.upload(solidPng(64, 48, rgb as [number, number, number]))));
    const failing = new Set([day.id, twoDays.id]);
    const answers = passingAnswers(items, photos).map((a) => (failing.has(a.itemId) ? { itemId: a.itemId, value: failingValue(items.find((i) => i.id === a.itemId)!), photos: [photos[0]] } : a));
    const submitted = (await inspector.gql(`mutation ($c: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: "product-deadlines-1", answers: $a) { __typename
      ... on SubmitInspectionSuccess { inspection { findings { id itemId severity rectifyWithinHours } } } ... on Error { message } } }`, { c: list.id, a: answers })).data.submitInspection;
    const finding = (item: ChecklistItem) => submitted.inspection.findings.find((f: { itemId: string }) => f.itemId === item.id);
    expect([finding(day).rectifyWithinHours, finding(twoDays).rectifyWithinHours]).toEqual([24, 48]);

    // then the queue opens both rectifications, each analysis due by its item (at most 48 h)
    const pm = await as('pm');
    const analyse24 = await openTask(pm, finding(day).id, 'analyse');
    const analyse48 = await openTask(pm, finding(twoDays).id, 'analyse');
    expect([hoursDue(analyse24), hoursDue(analyse48)]).toEqual([24, 48]);
    const [instance] = (await pm.gql(TASKS, { k: `finding:${finding(day).id}` })).data.workflowInstances.nodes;
    expect(instance.variables).toMatchObject({ rectifyWithinHours: 24 });
    // and the rectify step is due by the item's 整改时限, the verify step 24 h after it opens
    await complete(pm, analyse24, { cause: '保洁员漏做地坎清理', plan: '增加午间地坎专项清理' });
    const rectify = await openTask(pm, finding(day).id, 'rectify');
    expect(hoursDue(rectify)).toBe(24);
    expect(Math.abs(Date.parse(rectify.dueAt!) - (Date.now() + 24 * 3_600_000))).toBeLessThan(5 * 60_000);
    await complete(pm, rectify, { measures: '已完成地坎清理并调整排班', evidencePhotos: [photos[1]] });
    const verify = await openTask(await as('inspector'), finding(day).id, 'verify');
    expect(hoursDue(verify)).toBe(24);
  }, 120_000);
});
