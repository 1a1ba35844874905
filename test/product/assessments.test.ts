import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { passingAnswers } from '../../domain/checklists/sample-answers.ts';
import { DEMO_ASSESSMENTS } from '../../server/seed/assessment-demo.ts';
import { EFFECT_DEMO } from '../../server/seed/training-effect-demo.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Scenario assessments and mystery-customer audits in the product as people run them: the real
 * server process on a fresh store, whose first start seeded demo assessments; over HTTP the quality
 * manager issues links, a mystery customer opens one on the phone app's address and answers it
 * without an account — once — and the execution rate counts each kind apart.
 */
let store: Store;
let server: ServerProcess;
const today = todayInChina();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ERR = '... on ValidationError { code issues { pointer code } } ... on Error { __typename code }';
const RATES = '{ executionRates(groupBy: kind) { key inspections } }';

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/demo assessments: 3 scenario assessments and 3 mystery-customer audits \(\d+ findings\), 3 mystery links open/, 480_000);
  await server.ready(300_000);
}, 600_000); // the first start seeds the library, projects, feedback, surveys and demo activity: minutes on a shared machine

afterAll(() => tearDown(server, store));

describe('assessments over HTTP on the running product', () => {
  it('seeds judged scenario assessments and mystery audits, counted apart from the routine rounds', async () => {
    const manager = await signedIn(server, 'manager');
    const rates = (await manager.gql(RATES)).data.executionRates;
    // the effect demo adds the source's 14 scenario assessments at HD01 to the assessment demo's
    const scenario = DEMO_ASSESSMENTS.scenario + EFFECT_DEMO.assessments;
    expect(rates).toEqual([{ key: 'mystery', inspections: DEMO_ASSESSMENTS.mystery }, { key: 'routine', inspections: expect.any(Number) }, { key: 'scenario', inspections: scenario }]);
    const list = (await manager.gql('{ inspections(tiers: [scenario, mystery], first: 50) { ... on InspectionConnection { nodes { tier inspector findingCount } } } }')).data.inspections.nodes;
    expect(list).toHaveLength(scenario + DEMO_ASSESSMENTS.mystery);
    expect(list.filter((i: { findingCount: number }) => i.findingCount > 0).length).toBeGreaterThan(0);
    expect(list.filter((i: { tier: string }) => i.tier === 'mystery').every((i: { inspector: string }) => /^神秘客户#\d+$/.test(i.inspector))).toBe(true);
  });

  it('issues a link, opens the phone page at /m/<token>, and takes the anonymous audit once', async () => {
    // given a link of HD01 issued by the quality manager
    const manager = await signedIn(server, 'manager');
    const project = (await manager.gql('{ projects(first: 50) { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes.find((p: { code: string }) => p.code === 'HD01');
    const links = (await manager.gql(`mutation ($p: Int!, $e: String!) { issueMysteryLinks(projectId: $p, count: 2, expiresOn: $e) { __typename ... on MysteryLinks { tokens urls csv } ${ERR} } }`, { p: project.id, e: inDays(3) })).data.issueMysteryLinks;
    expect(links.urls[0]).toBe(`${server.base}/m/${links.tokens[0]}`);
    expect(links.csv).toContain(links.urls[1]);
    const before = (await manager.gql(RATES)).data.executionRates.find((r: { key: string }) => r.key === 'mystery').inspections;

    // when the customer opens the URL (the phone app's page) and answers, twice
    const page = await fetch(links.urls[0]);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringMatching(/text\/html/)]);
    const customer = new ApiClient(server.base);
    const audit = (await customer.gql(`query ($t: String!) { mysteryAuditByToken(token: $t) { __typename ... on PublicMysteryAudit { used checklist { id items { id code key input schema options evidence tiers } } } ${ERR} } }`, { t: links.tokens[0] })).data.mysteryAuditByToken;
    const submit = `mutation ($t: String!, $c: String!, $a: [AnswerInput!]!) { submitMysteryAudit(token: $t, checklistId: $c, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { tier inspector } } ${ERR} } }`;
    const answers = passingAnswers(audit.checklist.items);
    const first = (await customer.gql(submit, { t: links.tokens[0], c: audit.checklist.id, a: answers })).data.submitMysteryAudit;
    const second = (await customer.gql(submit, { t: links.tokens[0], c: audit.checklist.id, a: answers })).data.submitMysteryAudit;
    const unknown = (await customer.gql(submit, { t: 'C'.repeat(22), c: audit.checklist.id, a: answers })).data.submitMysteryAudit;

    // then one audit stored under the link, the others refused with typed errors
    expect(audit.used).toBe(false);
    expect(first).toMatchObject({ __typename: 'SubmitInspectionSuccess', inspection: { tier: 'mystery', inspector: expect.stringMatching(/^神秘客户#\d+$/) } });
    expect(second).toEqual({ __typename: 'ConflictError', code: 'mystery.link_used' });
    expect(unknown).toEqual({ __typename: 'NotFoundError', code: 'mystery.link_unknown' });
    expect((await manager.gql(RATES)).data.executionRates.find((r: { key: string }) => r.key === 'mystery').inspections).toBe(before + 1);
  });
});
