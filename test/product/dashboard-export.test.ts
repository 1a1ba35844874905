import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { solidPng } from '../../server/seed/png.ts';
import { readWorkbook } from '../xlsx-read.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The dashboard workbook as a manager downloads it from the real server process (`npm start`'s
 * command on a fresh store): a project nobody has inspected reads 未检查; after an inspector's
 * inspection, the next download counts it, with its sample and its finding.
 */
let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  // a first start imports the library and plays the demo activity: slow on a busy machine
  await server.ready(400_000);
}, 420_000);

afterAll(() => tearDown(server, store));

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

/** Downloads the dashboard workbook of `from`–today over HTTP and reads back the row of project `code`. */
async function projectRow(manager: ApiClient, from: string, code: string) {
  const response = await fetch(`${server.base}/reports/dashboard.xlsx?from=${from}`, { headers: { authorization: `Bearer ${manager.token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="dashboard_${from}_${todayInChina()}.xlsx"`);
  const book = readWorkbook(new Uint8Array(await response.arrayBuffer()));
  return book['执行率（按项目）'].find((r) => r[0] === code)!;
}

describe(`the dashboard workbook from the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('counts an inspection in the next download, with its sample and its finding', async () => {
    const manager = await as('manager');
    // HB05 is none of the demo inspector's projects: a quality manager of headquarters inspects it
    const inspector = await as('reviewer');
    const from = todayInChina(new Date(Date.now() - 7 * 86_400_000));
    const project = (await manager.gql('{ projects { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes.find((p: { code: string }) => p.code === 'HB05');
    // given a project the demo activity leaves alone: not inspected
    expect((await projectRow(manager, from, 'HB05')).slice(3, 8)).toEqual([0, 0, 0, null, '未检查']);

    // when headquarters submits a small inspection with one failing item
    const list = (await inspector.gql(`{ checklist(projectId: ${project.id}, tier: quarterly, scope: "M03.P01.W002") { ... on Checklist { id items { id key input evidence options schema touchpoints } } } }`)).data.checklist;
    const items = list.items as ChecklistItem[];
    const photo = await inspector.upload(solidPng(64, 48, [120, 90, 60]));
    const failing = items.find((i) => failingValue(i) !== null)!;
    const answers = passingAnswers(items, [photo]).map((a) => (a.itemId === failing.id ? { itemId: a.itemId, value: failingValue(failing), photos: [photo] } : a));
    const submitted = (await inspector.gql('mutation ($c: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: "product-dash-1", answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { applicable passed } } ... on Error { message } } }', { c: list.id, a: answers })).data.submitInspection;
    expect(submitted.__typename).toBe('SubmitInspectionSuccess');

    // then the next download counts it: 1 inspection, its items, the rate, the small-sample note and the finding
    const { applicable, passed } = submitted.inspection;
    expect(await projectRow(manager, from, 'HB05')).toEqual(['HB05', expect.any(String), expect.any(String), 1, applicable, passed, Math.round((passed / applicable) * 1000) / 10, applicable < 10 ? '样本小（少于10项）' : null, 1]);
    // and a caller without a token gets nothing
    expect((await fetch(`${server.base}/reports/dashboard.xlsx`)).status).toBe(401);
  }, 120_000);
});
