import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { moduleDoc } from '../../test/fixtures.ts';

// Messages in the reader's language: the same refusal in Chinese or English, chosen by Accept-Language.
const CREATE = 'mutation ($s: JSON) { createDraft(code: "M09", schema: $s) { __typename ... on StandardVersion { revision } } }';
const UPDATE = `mutation ($s: JSON!) { updateDraft(code: "M09", schema: $s, expectedRevision: 1) {
  __typename ... on Error { code params message } ... on ValidationError { issues { pointer code params message } } } }`;
const CHECK = 'query ($s: JSON!) { checkStandard(code: "M09", schema: $s) { pointer code message } }';

let t: TestApp;
let manager: string;
// a module whose limits contradict each other: no answer could pass
const invalid = { ...moduleDoc('M09', []), minimum: 5, maximum: 3 };

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('manager');
  expect((await t.gql(CREATE, { s: moduleDoc('M09', []) }, manager)).data.createDraft.__typename).toBe('StandardVersion');
});
afterAll(() => t?.close());

describe('messages in the language of Accept-Language', () => {
  it('answers the same invalid updateDraft in Chinese for zh-CN and in English for en, with the same code, params and pointer', async () => {
    // given the same invalid draft / when saved in each language
    const zh = (await t.gql(UPDATE, { s: invalid }, manager, 'zh-CN')).data.updateDraft;
    const en = (await t.gql(UPDATE, { s: invalid }, manager, 'en')).data.updateDraft;
    // then the code, parameters and pointer agree, and only the words differ
    const issue = { pointer: '/maximum', code: 'standard.maximum_below_minimum', params: { pointer: '/maximum', minimum: 5, maximum: 3 } };
    expect(zh).toEqual({ __typename: 'ValidationError', code: 'standard.invalid', params: { count: 1 }, message: '文档不是有效的标准（1 个问题）', issues: [{ ...issue, message: '最大值 3 小于最小值 5' }] });
    expect(en).toEqual({ __typename: 'ValidationError', code: 'standard.invalid', params: { count: 1 }, message: 'The document is not a valid standard (1 issue)', issues: [{ ...issue, message: 'maximum 3 is below minimum 5' }] });
  });

  it('honours q-values and regional tags, and speaks Chinese when the header names no language Pinzhi has', async () => {
    const messageIn = async (language: string | null) => (await t.gql(UPDATE, { s: invalid }, manager, language)).data.updateDraft.issues[0].message;
    expect(await messageIn(null)).toBe('最大值 3 小于最小值 5');
    expect(await messageIn('en-US,en;q=0.9')).toBe('maximum 3 is below minimum 5');
    expect(await messageIn('zh-Hans')).toBe('最大值 3 小于最小值 5');
    expect(await messageIn('zh;q=0.5, en;q=0.8')).toBe('maximum 3 is below minimum 5');
    expect(await messageIn('fr-FR, en;q=0')).toBe('最大值 3 小于最小值 5');
  });

  it('renders errors outside result unions, and nested messages, in the same language', async () => {
    // given a report field refused as a whole (a plain list, no result union) / when asked in Chinese and English
    const rates = '{ executionRates(groupBy: project, from: "2026-02-30") { key } }';
    const zh = (await t.gql(rates, {}, manager, 'zh-CN')).errors![0] as { message: string; extensions: { code: string; messageCode: string; issues: { pointer: string; code: string; message: string }[] } };
    const en = (await t.gql(rates, {}, manager, 'en')).errors![0] as typeof zh;
    // then the category stays, and the message and issues follow the language
    expect(zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageCode: 'value.not_dates', issues: [{ pointer: '/from', code: 'value.not_a_date' }] });
    expect(zh.extensions.issues[0].message).not.toBe(en.extensions.issues[0].message);
    expect(en.extensions.issues[0].message).toContain('2026-02-30');
    // and a list of records refuses inside its result union, in the language asked for
    const page = (await t.gql('{ findings(first: 0) { __typename ... on ValidationError { code message issues { pointer code message } } } }', {}, manager, 'zh-CN')).data.findings;
    expect(page).toMatchObject({ __typename: 'ValidationError', code: 'page.out_of_range', message: '请求的分页超出范围', issues: [{ pointer: '/first', code: 'page.size_out_of_range', message: '必须在 1 到 500 之间（收到 0）' }] });
    // and a role name inside a message is a word of the language, not a key
    const denied = (await t.gql(UPDATE, { s: invalid }, await t.login('auditor'), 'zh-CN')).data.updateDraft;
    expect(denied).toMatchObject({ __typename: 'ForbiddenError', code: 'auth.forbidden', params: { username: 'auditor', permission: 'editStandards' } });
    expect(denied.message).toBe('auditor 无权编辑标准：需要以下角色之一：管理员、品质经理');
  });

  it('gives GraphQL\'s own refusals (syntax, validation, variables) a message code and a Chinese lead, keeping graphql-js\'s English detail', async () => {
    const cases = ['{ standards(first: 1) { nodes { nope } } }', '{ standards(first: ', 'query ($n: Int!) { standards(first: $n) { __typename } }'];
    for (const query of cases) {
      const zh = (await t.gql(query, {}, manager, 'zh-CN')).errors![0] as { message: string; extensions: { messageCode: string; params: { detail: string } } };
      const en = (await t.gql(query, {}, manager, 'en')).errors![0] as typeof zh;
      expect(zh.extensions.messageCode).toBe('request.graphql_invalid');
      expect(en.message).toBe(en.extensions.params.detail);
      expect(zh.message).toBe(`GraphQL 请求无效（详情为英文）：${en.message}`);
    }
  });

  it('keeps cached answers apart by language over HTTP', async () => {
    // given the real HTTP front with its response cache
    const http = await serveHttp(() => t.app, { maxBodyBytes: 1024 * 1024, responseCacheTtlMs: 60_000, collectWhenIdle: false });
    try {
      const ask = async (language: string) => {
        const response = await fetch(`${http.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}`, 'accept-language': language }, body: JSON.stringify({ query: CHECK, variables: { s: invalid } }) });
        return { vary: response.headers.get('vary'), issues: ((await response.json()) as { data: { checkStandard: { message: string }[] } }).data.checkStandard };
      };
      // when the same query is asked in Chinese, English, and Chinese again
      const first = await ask('zh-CN');
      const english = await ask('en');
      const again = await ask('zh-CN');
      // then each language gets its own answer
      expect(first.issues).toEqual([{ pointer: '/maximum', code: 'standard.maximum_below_minimum', message: '最大值 3 小于最小值 5' }]);
      expect(english.issues[0].message).toBe('maximum 3 is below minimum 5');
      expect(again.issues).toEqual(first.issues);
      expect(first.vary).toBe('accept-language');
    } finally {
      await http.close();
    }
  });
});
