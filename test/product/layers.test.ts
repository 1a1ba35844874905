import { spawn } from 'node:child_process';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Standards in layers on the real server process (`npm start`'s command on a fresh store): after
 * the first start, `npm run pinzhi -- demo-organisation` adds the second organisation (京华物业)
 * with its overlay; restarted, the server gives that organisation's project the tightened lift-car
 * cleaning item and the first organisation's project the baseline's, and refuses the second a
 * change to the baseline itself.
 */
let store: Store;
let server: ServerProcess;

const CODE = 'M03.P01.W002';
const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the command line as `npm run pinzhi -- <args>` does, on the store's database. */
function cli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...store.env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready(280_000);
  await server.printed(/Pinzhi ready/, 280_000);
  server.child.kill('SIGTERM');
  await server.exited;
  const added = await cli(['demo-organisation']);
  expect(added).toMatchObject({ code: 0 });
  expect(added.output).toMatch(/organisation jinghua \(京华物业\) ready/);
  server = await startServer(store);
  await server.ready(280_000);
}, 700_000);

afterAll(() => tearDown(server, store));

const CHECKLIST = `query ($p: Int!) { checklist(projectId: $p, tier: daily, scope: "${CODE}") {
  ... on Checklist { organisationOverlays items { key layer criterion { en } } } ... on Error { code message } } }`;
const cleanings = (checklist: { items: { key: string; layer: string; criterion: { en: string } }[] }) => checklist.items.find((i) => i.key === 'cleaningsPerDay');

async function projectId(client: ApiClient, code: string): Promise<number> {
  const nodes = (await client.gql('{ projects { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes as { id: number; code: string }[];
  return nodes.find((p) => p.code === code)!.id;
}

describe(`layers over HTTP (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it("applies the second organisation's overlay to its checklists only, and keeps the baseline its maintainer's", async () => {
    const jh = await as('jh-manager');
    const reviewer = await as('jh-reviewer');
    const manager = await as('manager');

    // the demo overlay: at least 4 a day, from the organisation's layer
    const layered = (await jh.gql(`{ layeredStandard(code: "${CODE}") { ... on LayeredStandard { appliedOverlay items { key layer criterionEn } } } }`)).data.layeredStandard;
    expect(layered.appliedOverlay).toBe(1);
    expect(layered.items.find((i: { key: string }) => i.key === 'cleaningsPerDay')).toEqual({ key: 'cleaningsPerDay', layer: 'organisation', criterionEn: '≥ 4 times/day' });
    const own = (await jh.gql(CHECKLIST, { p: await projectId(jh, 'JH01') })).data.checklist;
    expect(cleanings(own)).toEqual({ key: 'cleaningsPerDay', layer: 'organisation', criterion: { en: '≥ 4 times/day' } });
    const other = (await manager.gql(CHECKLIST, { p: await projectId(manager, 'HD01') })).data.checklist;
    expect(cleanings(other)).toEqual({ key: 'cleaningsPerDay', layer: 'baseline', criterion: { en: '≥ 3 times/day' } });
    expect(other.organisationOverlays).toEqual([]);

    // the baseline is not the second organisation's to edit
    const refused = (await jh.gql(`mutation { createDraft(code: "${CODE}") { __typename ... on Error { code } } }`)).data.createDraft;
    expect(refused).toEqual({ __typename: 'ForbiddenError', code: 'ownership.baseline_read_only' });

    // tightening its overlay again reaches its next checklist
    const saved = (await jh.gql(`mutation ($patch: JSON!) { saveOverlayDraft(code: "${CODE}", patch: $patch, note: "再加严") { __typename ... on OrganisationOverlay { version } } }`, { patch: { properties: { cleaningsPerDay: { minimum: 5 } } } })).data.saveOverlayDraft;
    expect(saved).toEqual({ __typename: 'OrganisationOverlay', version: 2 });
    expect((await reviewer.gql(`mutation { publishOverlay(code: "${CODE}") { ... on OrganisationOverlay { status } } }`)).data.publishOverlay).toEqual({ status: 'published' });
    const after = (await jh.gql(CHECKLIST, { p: await projectId(jh, 'JH01') })).data.checklist;
    expect(cleanings(after)!.criterion.en).toBe('≥ 5 times/day');
    expect(cleanings((await manager.gql(CHECKLIST, { p: await projectId(manager, 'HD01') })).data.checklist)!.criterion.en).toBe('≥ 3 times/day');
  });
});
