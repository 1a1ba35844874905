import { MODEL_VERSION } from '../../domain/voice/analysis/analyze.ts';
import { priorityOf } from '../../domain/voice/analysis/priority.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The feedback analyser in the product as a user runs it: the real server process (`npm start`'s
 * command) on a fresh store; over HTTP a quality manager asks what a resident's text is about and
 * how urgent it is at one of their projects, an inspector is refused, and bad input gets typed errors
 * while the server stays up.
 */
let store: Store;
let server: ServerProcess;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

const ANALYSIS = `query ($text: String!, $projectId: ID) { feedbackAnalysis(text: $text, projectId: $projectId) {
  __typename
  ... on VoiceAnalysis { module touchpoints problemType problemTypeLabel { zh en } sentiment intensity repetition priority unclassified modelVersion }
  ... on ValidationError { code message issues { pointer message } }
  ... on Error { code message } } }`;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready(280_000);
  await server.printed(/Pinzhi ready/, 280_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('analysing feedback over HTTP on the running product', () => {
  it('reads a complaint at a project, refuses an inspector and bad input, and stays up', async () => {
    const manager = await as('manager');
    const projects = (await manager.gql('{ projects { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes as { id: number; code: string }[];
    const hd01 = projects.find((p) => p.code === 'HD01')!;

    // a sarcastic complaint about the car park lighting, at HD01
    const text = '物业真是太“负责”了，地库的灯坏了一个月，晚上停车黑漆漆的，再不修我就打12345！';
    const analysis = (await manager.gql(ANALYSIS, { text, projectId: hd01.id })).data.feedbackAnalysis;
    expect(analysis).toMatchObject({
      __typename: 'VoiceAnalysis', module: 'M05', problemType: 'facility_fault', problemTypeLabel: { zh: '设施设备故障', en: 'Facility faults' },
      sentiment: 'negative', intensity: 3, unclassified: null, modelVersion: MODEL_VERSION,
    });
    expect(analysis.touchpoints[0]).toBe('TP-156');
    expect(Number.isInteger(analysis.repetition) && analysis.repetition >= 0).toBe(true);
    expect(analysis.priority).toBe(priorityOf('facility_fault', 3, analysis.repetition));

    // praise, and text that is not feedback
    expect((await manager.gql(ANALYSIS, { text: '感谢保安小哥帮我把快递搬上楼👍' })).data.feedbackAnalysis).toMatchObject({ problemType: 'praise', sentiment: 'positive', priority: 'P4', repetition: 0 });
    expect((await manager.gql(ANALYSIS, { text: 'ok thanks' })).data.feedbackAnalysis).toMatchObject({ unclassified: 'no_chinese', problemType: null });

    // an inspector may not read feedback
    expect((await (await as('inspector')).gql(ANALYSIS, { text })).data.feedbackAnalysis).toMatchObject({ __typename: 'ForbiddenError' });

    // bad input: typed errors (the server speaks Chinese by default), nothing breaks
    expect((await manager.gql(ANALYSIS, { text: '' })).data.feedbackAnalysis).toMatchObject({ __typename: 'ValidationError', code: 'analysis.empty', message: '待分析的文本为空' });
    expect((await manager.gql(ANALYSIS, { text: '吵'.repeat(5000) })).data.feedbackAnalysis).toMatchObject({ __typename: 'ValidationError', code: 'analysis.too_long', issues: [{ pointer: '/text' }] });
    expect((await manager.gql(ANALYSIS, { text, projectId: 'x' })).data.feedbackAnalysis).toMatchObject({ __typename: 'NotFoundError' });
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
