import { freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Authoring without JSON in the real server process (`npm start`'s command on a fresh store):
 * a work instruction is created from the template over HTTP under a procedure of the shipped
 * library, and an impossible pass range (minimum 75, maximum 10) is refused on its item.
 */
let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready(240_000);
}, 300_000);

afterAll(() => tearDown(server, store));

const STANDARD = `query ($c: String!) { standard(code: $c) { __typename ... on Standard { latestVersion draft { revision schema } } } }`;

describe(`authoring in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('creates an instruction from the template and refuses an impossible range on its item, storing nothing', async () => {
    // given the quality manager
    const manager = await signedIn(server, 'manager');
    // when a new instruction is created under M03.P01 with the proposed code
    const proposed = (await manager.gql('{ nextStandardCode(parent: "M03.P01") }')).data.nextStandardCode;
    const created = (await manager.gql(`mutation { createStandard(title: "电梯厅地面养护作业指导书", parent: "M03.P01") { __typename ... on StandardVersion { code status revision schema } } }`)).data.createStandard;
    // then it is a draft of the next code in the module, from the template
    expect(proposed).toBe('M03.P01.W028');
    expect(created).toMatchObject({ __typename: 'StandardVersion', code: 'M03.P01.W028', status: 'draft', revision: 1 });
    expect(created.schema['x-standard']).toMatchObject({ kind: 'instruction', parent: 'M03.P01' });

    // when the same code is asked for again, it is refused on the code
    const again = (await manager.gql(`mutation { createStandard(title: "重复", parent: "M03.P01", code: "M03.P01.W028") { __typename ... on ValidationError { issues { pointer code } } } }`)).data.createStandard;
    expect(again).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/code', code: 'standard.code_taken' }] });

    // when the draft is saved with a count whose minimum is above its maximum
    const schema = created.schema;
    schema.properties.coverageRate = { title: '地面保洁覆盖率', type: 'number', minimum: 75, maximum: 10, 'x-check': { tiers: ['monthly'], severity: 'major', weight: 3, method: '抽查', unit: '%' } };
    const saved = (await manager.gql(`mutation ($s: JSON!) { updateDraft(code: "M03.P01.W028", schema: $s, expectedRevision: 1) { __typename ... on ValidationError { issues { pointer code message } } } }`, { s: schema })).data.updateDraft;
    // then it is refused on the item's maximum, and the stored draft is unchanged
    expect(saved).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '/properties/coverageRate/maximum', code: 'standard.maximum_below_minimum', message: '最大值 10 小于最小值 75' }] });
    const stored = (await manager.gql(STANDARD, { c: 'M03.P01.W028' })).data.standard;
    expect(stored.latestVersion).toBe(1);
    expect(stored.draft.revision).toBe(1);
    expect(Object.keys(stored.draft.schema.properties)).toEqual(['exampleCheck']);
  });
});
