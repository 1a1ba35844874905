import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown } from './server-process.ts';

/**
 * The findings list as the product serves it: the real server process (`npm start`'s command) on a
 * fresh store, its first start recording the demo activity, queried over HTTP with the filters the
 * findings page puts in its address — and the same filters as a workbook.
 */
let store: Store;
let server: ServerProcess;
let manager: ApiClient;

const LIST = `query ($projectId: Int, $region: String, $severity: String, $status: String, $overdue: Boolean, $module: String, $sort: String, $from: String, $after: String) {
  findings(projectId: $projectId, region: $region, severity: $severity, status: $status, overdue: $overdue, module: $module, sort: $sort, from: $from, first: 200, after: $after) {
    __typename ... on FindingConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id severity status module foundOn dueAt overdue project { id region } } }
    ... on ValidationError { issues { pointer } } ... on Error { message } } }`;

type Node = { id: number; severity: string; status: string; module: string; foundOn: string; dueAt: string | null; overdue: boolean; project: { id: number; region: string } };

/** Every finding the filter lists, page by page. */
async function all(vars: Record<string, unknown>): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  do {
    const page: { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (await manager.gql(LIST, { ...vars, after })).data.findings;
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/demo activity: \d+ inspections/, 240_000);
  await server.ready(240_000);
  manager = new ApiClient(server.base);
  await manager.login('manager');
}, 300_000);

afterAll(() => tearDown(server, store));

describe('findings over HTTP on the running product', () => {
  it('lists exactly the findings each filter names, in the order asked for', async () => {
    // given: every finding of the demo activity
    const every = await all({});
    expect(every.length).toBeGreaterThan(5);
    const region = every[0].project.region;
    const project = every.find((f) => f.severity !== 'minor')!.project.id;
    // when / then
    const cases: [Record<string, unknown>, (f: Node) => boolean][] = [
      [{ region }, (f) => f.project.region === region],
      [{ projectId: project, severity: 'major' }, (f) => f.project.id === project && f.severity === 'major'],
      [{ status: 'rectifying' }, (f) => f.status === 'rectifying'],
      [{ overdue: true }, (f) => f.overdue],
      [{ module: every[0].module, from: every[0].foundOn }, (f) => f.module === every[0].module && f.foundOn >= every[0].foundOn],
    ];
    for (const [vars, keep] of cases) expect((await all(vars)).map((f) => f.id).sort((a, b) => a - b)).toEqual(every.filter(keep).map((f) => f.id).sort((a, b) => a - b));
    const bySeverity = (await all({ sort: 'severity' })).map((f) => ['critical', 'major', 'minor'].indexOf(f.severity));
    expect(bySeverity).toEqual([...bySeverity].sort((a, b) => a - b));
  });

  it('refuses bad filters with the arguments named, and serves the workbook with the same filters', async () => {
    const bad = (await manager.gql(LIST, { severity: 'huge', from: '2026-13-01' })).data.findings;
    expect([bad.__typename, bad.issues.map((i: { pointer: string }) => i.pointer)]).toEqual(['ValidationError', ['/severity', '/from']]);
    const book = await fetch(`${server.base}/findings.xlsx?status=rectifying&sort=due`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(book.status).toBe(200);
    expect(book.headers.get('content-disposition')).toMatch(/findings-\d{4}-\d{2}-\d{2}\.xlsx/);
    expect((await fetch(`${server.base}/findings.xlsx?sort=sideways`, { headers: { authorization: `Bearer ${manager.token}` } })).status).toBe(400);
  });
});
