import { loadConfig } from '../../server/config.ts';
import { openOrm, forkEm } from '../../server/db/orm.ts';
import { readWorkbook } from '../xlsx-read.ts';
import { insertFeedback } from '../voice-loop.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, signedIn, stopServer, tearDown } from './server-process.ts';

/**
 * Closing the customer's voice loop in the product as it runs: the real server process (`npm
 * start`'s command) on a fresh store; the shipped complaint process is deployed at first start; a
 * feedback item stored in the store (as intake would) gets its complaint opened by a quality
 * manager over HTTP, walked 受理 → 处理 → 回访 by the project manager and the quality department,
 * and its outcome lands on the feedback. The standard's review pack downloads as a workbook.
 */
let store: Store;
let server: ServerProcess;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

/** Works on the store while no server holds it (the embedded PGlite serves one process at a time). */
async function withStore<T>(work: (em: ReturnType<typeof forkEm>) => Promise<T>): Promise<T> {
  const orm = await openOrm(loadConfig({ ...process.env, ...store.env }));
  try {
    return await work(forkEm(orm));
  } finally {
    await orm.close();
  }
}

let feedbackId: number;

beforeAll(async () => {
  store = await freshStore();
  // the first start seeds the demo and deploys the shipped processes
  server = await startServer(store);
  await server.printed(/demo activity: \d+ inspections/, 300_000);
  await stopServer(server);
  feedbackId = await withStore((em) => insertFeedback(em, { projectId: 1, text: '地下车库积水没人处理，车都泡了，再不管我就找媒体！', problemType: 'facility_fault', priority: 'P2', module: 'M05', intensity: 3 }));
  server = await startServer(store);
  await server.ready(120_000);
}, 480_000);

afterAll(() => tearDown(server, store));

const TASKS = '{ tasks(role: true, first: 50) { ... on WorkflowTaskConnection { nodes { id elementId instance { id businessKey variables } } } } }';
const COMPLETE = 'mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }';

describe(`a complaint walked to its end over HTTP (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('opens the complaint of a feedback item, walks 受理 → 处理 → 回访 by the right people, and records the outcome on the feedback', async () => {
    const manager = await as('manager');
    const pm = await as('pm');
    const opened = (await manager.gql('mutation ($f: Int!) { openComplaint(feedbackId: $f) { __typename ... on WorkflowInstance { id key status } ... on Error { message } } }', { f: feedbackId })).data.openComplaint;
    expect(opened).toMatchObject({ __typename: 'WorkflowInstance', key: 'complaint', status: 'running' });
    const step = async (who: ApiClient, element: string, data: Record<string, unknown>) => {
      const task = (await who.gql(TASKS)).data.tasks.nodes.find((x: { elementId: string; instance: { id: number } }) => x.instance.id === opened.id && x.elementId === element);
      expect(task?.instance).toMatchObject({ businessKey: `feedback:${feedbackId}`, variables: { text: expect.stringContaining('地下车库积水') } });
      expect((await who.gql(COMPLETE, { id: task.id, d: data })).data.completeTask.__typename).toBe('WorkflowTask');
    };
    await step(pm, 'accept', { acceptance: '已电话联系业主并到场查看', contacted: true });
    await step(pm, 'handle', { measures: '疏通排水沟，增设抽水泵' });
    await step(manager, 'callback', { satisfied: true, comment: '业主认可处理结果' });
    const done = (await manager.gql(`{ workflowInstance(id: ${opened.id}) { ... on WorkflowInstance { status } } }`)).data.workflowInstance;
    expect(done.status).toBe('completed');
    // the review pack of a standard downloads as a workbook
    const response = await fetch(`${server.base}/standards/M03.P01.W002/review-pack.xlsx?since=2026-01-01`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(response.status).toBe(200);
    const book = readWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(book['评审资料'].some((row) => row[0] === 'sillGrooveClear')).toBe(true);
    const refused = await fetch(`${server.base}/standards/NOPE/review-pack.xlsx`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(refused.status).toBe(404);
    // when the server stops, the feedback holds the outcome
    await stopServer(server);
    const row = await withStore(async (em) => (await em.execute<{ complaint_instance_id: number; complaint_outcome: string; complaint_rounds: number }[]>('select complaint_instance_id, complaint_outcome, complaint_rounds from feedback where id = ?', [feedbackId]))[0]);
    expect(row).toEqual({ complaint_instance_id: opened.id, complaint_outcome: 'satisfied', complaint_rounds: 1 });
  });
});
