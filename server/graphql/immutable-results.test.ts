import type { SqlEntityManager } from '@mikro-orm/sql';
import { ImmutableResults, immutableRequestOf } from './immutable-results.ts';
import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { readLibraryPackage } from '../../domain/editions/library-files.ts';
import { importLibraryPackage } from '../../domain/editions/library.service.ts';
import { SHIPPED_LIBRARY } from '../bootstrap.ts';
import { ensureSampleProjects, listProjects } from '../../domain/projects/project.service.ts';
import { getChecklist } from '../../domain/checklists/checklist.service.ts';
import { createDraft } from '../../domain/standards/standard.service.ts';

const QUERY = 'query ($id: String!) { checklistById(id: $id) { __typename ... on Checklist { id itemCount items { id criterion { zh en } } } ... on Error { message } } }';

describe('ImmutableResults', () => {
  it('keeps answers within its byte budget, dropping the least recently used, and skips an answer larger than the budget', () => {
    // given a 10-byte budget holding two 4-byte answers, the first read again
    const memo = new ImmutableResults(10);
    memo.set('a', {}, Buffer.from('aaaa'));
    memo.set('b', {}, Buffer.from('bbbb'));
    memo.get('a');
    // when a third arrives
    memo.set('c', {}, Buffer.from('cccc'));
    // then the least recently used (b) made room
    expect([memo.get('a'), memo.get('b'), memo.get('c')].map(Boolean)).toEqual([true, false, true]);
    expect(memo.size).toEqual({ entries: 2, bytes: 8 });
    memo.set('big', {}, Buffer.from('0123456789x'));
    expect(memo.get('big')).toBeUndefined();
    expect(new ImmutableResults(0).enabled).toBe(false);
  });

  it('memoises only one checklistById query selecting nothing that changes', () => {
    const id = 'f'.repeat(64);
    expect(immutableRequestOf({ query: QUERY, variables: { id } })).toMatchObject({ field: 'checklistById', id });
    expect(immutableRequestOf({ query: `{ checklistById(id: "${id}") { ... on Checklist { id } } }` })).toMatchObject({ id });
    for (const query of [
      `{ checklistById(id: "${id}") { ... on Checklist { id project { name } } } }`,
      `{ checklistById(id: "${id}") { ... F } } fragment F on Checklist { project { id } }`,
      `{ checklistById(id: "${id}") { ... on Checklist { id } } me { username } }`,
      `{ checklistById(id: "${id}") { ... on Checklist { id @include(if: true) } } }`,
      `mutation { checklistById(id: "${id}") { __typename } }`,
      `{ checklistById(id: "${id}") { ... on Checklist { nope } } }`,
      '{ checklistById(id: $id) { __typename } }',
      'not graphql',
    ]) expect(immutableRequestOf({ query, variables: {} })).toBeNull();
  });

  it('memoises a standard read through an edition only when it selects the document and pinned version\'s own fields', () => {
    expect(immutableRequestOf({ query: STANDARD, variables: { code: 'M01' } })).toMatchObject({ field: 'standard', id: 'M01', args: { code: 'M01' } });
    expect(immutableRequestOf({ query: '{ standard(code: "M01", edition: "2026-Q4") { ... on Standard { title current { version schema } } ... on Error { message } } }' })).toMatchObject({ id: 'M01', args: { code: 'M01', edition: '2026-Q4' } });
    for (const query of [
      '{ standard(code: "M01") { ... on Standard { draft { version } } } }',
      '{ standard(code: "M01") { ... on Standard { versions { version } } } }',
      '{ standard(code: "M01") { ... on Standard { current { mayPublish } } } }',
      '{ standard(code: "M01") { ... on Standard { latestPublished { version } } } }',
      '{ s: standard(code: "M01") { __typename } }',
      '{ standard(code: "M01", other: "x") { __typename } }',
      '{ standard(edition: "2026-Q4") { __typename } }',
    ]) expect(immutableRequestOf({ query, variables: {} })).toBeNull();
  });
});

const STANDARD = 'query ($code: String!) { standard(code: $code) { __typename ... on Standard { code title latestVersion current { version contentHash schema } } ... on Error { message } } }';

describe('rendered checklists through the HTTP front', () => {
  let t: TestApp;
  let http: { base: string; close(): Promise<void> };
  const memo = new ImmutableResults(32 * 1024 * 1024);
  const tokens: Record<string, string> = {};
  let checklistId = '';

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.em() as SqlEntityManager;
    await importLibraryPackage(em, SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY));
    await ensureSampleProjects(em);
    const ctx = { em: t.em(), actor: SYSTEM_ACTOR, limits: t.app.limits };
    const projects = await listProjects(ctx);
    const hn02 = projects.find((p) => p.code === 'HN02')!;
    checklistId = (await getChecklist(ctx, { projectId: hn02.id, tier: 'quarterly', scope: 'M06.P02' })).checklist.id;
    // a person of another organisation, and an inspector of organisation 1 limited to another project
    const [row] = await t.em().execute<{ id: number }[]>(`insert into organisation (code, name, created_at) values ('yifang', '乙方物业', now()) returning id`);
    await createUser(t.em(), SYSTEM_ACTOR, { username: 'b-inspector', password: DEMO_PASSWORD, roles: ['inspector'], organisationId: row.id });
    await createUser(t.em(), SYSTEM_ACTOR, { username: 'a-inspector-hd01', password: DEMO_PASSWORD, roles: ['inspector'], organisationId: 1 });
    await t.em().execute(`update membership set project_id = ? where username = 'a-inspector-hd01'`, [projects.find((p) => p.code === 'HD01')!.id]);
    for (const username of ['inspector', 'b-inspector', 'a-inspector-hd01', 'frontline']) tokens[username] = await t.login(username);
    http = await serveHttp(() => t.app, { maxBodyBytes: 64 * 1024, responseCacheTtlMs: 0, immutableResults: memo });
  }, 300_000);
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  const ask = async (username: string | null, language = 'en', query = QUERY, id = checklistId) => {
    const response = await fetch(`${http.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language, ...(username ? { authorization: `Bearer ${tokens[username]}` } : {}) },
      body: JSON.stringify({ query, variables: { id } }),
    });
    return { status: response.status, text: await response.text() };
  };

  const askStandardCode = async (username: string | null, code: string) => {
    const response = await fetch(`${http.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(username ? { authorization: `Bearer ${tokens[username]}` } : {}) },
      body: JSON.stringify({ query: STANDARD, variables: { code } }),
    });
    return response.text();
  };

  it('renders a checklist once per language and serves the same bytes to the next caller who may read it', async () => {
    // given nothing memoised
    expect(memo.size.entries).toBe(0);
    // when an inspector asks twice in English and once in Chinese
    const first = await ask('inspector');
    const second = await ask('inspector');
    const chinese = await ask('inspector', 'zh');
    // then the answers are the checklist's, and two renderings are kept
    expect(JSON.parse(first.text).data.checklistById).toMatchObject({ __typename: 'Checklist', id: checklistId });
    expect(second.text).toBe(first.text);
    expect(chinese.status).toBe(200);
    expect(memo.size.entries).toBe(2);
  });

  it('checks every caller before reusing bytes: another organisation, another project, a role without reading or no sign-in answer as for a missing checklist', async () => {
    // given the memoised answer replaced by a marker under the key every caller shares
    const missing = JSON.parse((await ask('inspector', 'en', QUERY, 'e'.repeat(64))).text).data.checklistById;
    expect(missing.__typename).toBe('NotFoundError');
    const request = immutableRequestOf({ query: QUERY, variables: { id: checklistId } })!;
    memo.set(ImmutableResults.key(`checklist:${checklistId}`, request, 'en', '*/*'), { 'content-type': 'application/json; charset=utf-8' }, Buffer.from('{"data":{"marker":true}}'));
    // when the inspector who may read it asks, then the memo answers
    expect((await ask('inspector')).text).toBe('{"data":{"marker":true}}');
    // when callers who may not read it ask, then none sees the marker
    for (const username of ['b-inspector', 'a-inspector-hd01']) {
      const answer = await ask(username);
      expect(answer.text).not.toContain('marker');
      expect(JSON.parse(answer.text).data.checklistById).toEqual({ __typename: 'NotFoundError', message: missing.message.replace('e'.repeat(64), checklistId) });
    }
    for (const username of ['frontline', null]) expect((await ask(username)).text).not.toContain('marker');
  });

  it('renders a standard once and serves it again while its document and pinned version stay as they are; a change shows at once', async () => {
    const before = memo.size.entries;
    // given a standard asked twice by the inspector
    const first = await askStandardCode('inspector', 'M03.P01.W002');
    const { latestVersion } = JSON.parse(first).data.standard;
    expect(JSON.parse(first).data.standard).toMatchObject({ __typename: 'Standard', code: 'M03.P01.W002' });
    expect(await askStandardCode('inspector', 'M03.P01.W002')).toBe(first);
    expect(memo.size.entries).toBe(before + 1);
    // when a new draft of it is opened (its document row changes), then the next answer shows it, not the memo
    await createDraft({ em: t.em(), actor: SYSTEM_ACTOR, limits: t.app.limits }, { code: 'M03.P01.W002' });
    expect(JSON.parse(await askStandardCode('inspector', 'M03.P01.W002')).data.standard).toMatchObject({ code: 'M03.P01.W002', latestVersion: latestVersion + 1 });
    // and nobody signed in never gets the memoised bytes
    expect(JSON.parse(await askStandardCode(null, 'M03.P01.W002')).data?.standard?.__typename ?? 'refused').not.toBe('Standard');
  });

  it('does not memoise a selection that reaches the project', async () => {
    const before = memo.size.entries;
    const answer = await ask('inspector', 'en', 'query ($id: String!) { checklistById(id: $id) { ... on Checklist { id project { code } } } }');
    expect(JSON.parse(answer.text).data.checklistById.project.code).toBe('HN02');
    expect(memo.size.entries).toBe(before);
  });
});
