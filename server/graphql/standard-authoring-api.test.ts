import { startTestApp, type TestApp } from '../../test/harness.ts';
import { instruction } from '../../test/fixtures.ts';

const RESULT = `__typename ... on StandardVersion { code version status revision schema }
  ... on Error { message } ... on ValidationError { issues { pointer code message } }`;
const CREATE = `mutation($title: String!, $parent: String, $code: String) { createStandard(title: $title, parent: $parent, code: $code) { ${RESULT} } }`;
const NEXT = `query($parent: String) { nextStandardCode(parent: $parent) }`;
const CHECK = `query($code: String!, $schema: JSON!) { checkStandard(code: $code, schema: $schema) { pointer code } }`;
const COUNT = `{ standards(workingCopy: true, first: 500) { ... on StandardConnection { nodes { code kind parentCode title latestVersion } } } }`;

let t: TestApp;
let manager: string;
let inspector: string;

beforeAll(async () => {
  t = await startTestApp();
  [manager, inspector] = await Promise.all([t.login('manager'), t.login('inspector')]);
});
afterAll(() => t.close());

const create = async (vars: Record<string, unknown>, token = manager) => (await t.gql(CREATE, vars, token)).data.createStandard;
const stored = async () => (await t.gql(COUNT, {}, manager)).data.standards.nodes as { code: string; kind: string; parentCode: string | null; title: string; latestVersion: number }[];

describe('creating standards from the template', () => {
  it('creates a module, a procedure under it and an instruction under that, each with the next free code, as valid drafts', async () => {
    // given an empty store
    expect((await t.gql(NEXT, {}, manager)).data.nextStandardCode).toBe('M01');
    // when
    const module = await create({ title: '环境保洁' });
    expect((await t.gql(NEXT, { parent: 'M01' }, manager)).data.nextStandardCode).toBe('M01.P01');
    const procedure = await create({ title: '公共区域日常保洁服务规程', parent: 'M01' });
    const first = await create({ title: '电梯轿厢清洁作业指导书', parent: 'M01.P01' });
    // then
    expect(module).toMatchObject({ __typename: 'StandardVersion', code: 'M01', version: 1, status: 'draft' });
    expect(procedure).toMatchObject({ __typename: 'StandardVersion', code: 'M01.P01', status: 'draft' });
    expect(first).toMatchObject({ __typename: 'StandardVersion', code: 'M01.P01.W001', status: 'draft' });
    expect(first.schema['x-standard']).toMatchObject({ kind: 'instruction', code: 'M01.P01.W001', parent: 'M01.P01', owner: '品质部' });
    expect(first.schema.title).toBe('电梯轿厢清洁作业指导书');
    expect(Object.keys(first.schema.properties)).toEqual(['exampleCheck']);
    expect(first.schema.properties.exampleCheck['x-check']).toMatchObject({ tiers: ['daily'], severity: 'minor', method: '目视' });
    // the template passes the same check the editor runs
    expect((await t.gql(CHECK, { code: 'M01.P01.W001', schema: first.schema }, manager)).data.checkStandard).toEqual([]);
    expect((await stored()).map((s) => [s.code, s.kind, s.parentCode])).toEqual([
      ['M01', 'module', null], ['M01.P01', 'procedure', 'M01'], ['M01.P01.W001', 'instruction', 'M01.P01'],
    ]);
  });

  it('numbers instructions across their module, as the library does', async () => {
    // given M01.P01.W001 and a second procedure
    await create({ title: '生活垃圾分类与清运服务规程', parent: 'M01' });
    // when
    const next = (await t.gql(NEXT, { parent: 'M01.P02' }, manager)).data.nextStandardCode;
    const created = await create({ title: '垃圾桶清洗作业指导书', parent: 'M01.P02' });
    // then
    expect(next).toBe('M01.P02.W002');
    expect(created.code).toBe('M01.P02.W002');
  });

  it('takes a code that is given, if it is free and directly under the parent', async () => {
    expect(await create({ title: '专项清洁作业指导书', parent: 'M01.P01', code: 'M01.P01.W010' })).toMatchObject({ code: 'M01.P01.W010' });
    expect((await t.gql(NEXT, { parent: 'M01.P01' }, manager)).data.nextStandardCode).toBe('M01.P01.W011');
  });

  it.each<[string, Record<string, unknown>, { pointer: string; code: string }[]]>([
    ['an empty title', { title: '   ', parent: 'M01.P01' }, [{ pointer: '/title', code: 'standard.title_required' }]],
    ['a title over 200 characters', { title: '长'.repeat(201), parent: 'M01.P01' }, [{ pointer: '/title', code: 'standard.title_too_long' }]],
    ['a duplicate code', { title: '重复', parent: 'M01.P01', code: 'M01.P01.W001' }, [{ pointer: '/code', code: 'standard.code_taken' }]],
    ['a code under another procedure', { title: '错位', parent: 'M01.P01', code: 'M01.P02.W020' }, [{ pointer: '/code', code: 'standard.code_not_under' }]],
    ['a procedure code given for a new module', { title: '错位', code: 'M02.P01' }, [{ pointer: '/code', code: 'standard.code_not_module' }]],
    ['a malformed code', { title: '格式', parent: 'M01', code: 'M01.X1' }, [{ pointer: '/code', code: 'standard.code_malformed' }]],
    ['a parent that does not exist', { title: '孤儿', parent: 'M07.P01' }, [{ pointer: '/parent', code: 'standard.no_such_standard' }]],
    ['an instruction as the parent', { title: '子项', parent: 'M01.P01.W001' }, [{ pointer: '/parent', code: 'standard.parent_not_container' }]],
    ['an empty title and a missing parent at once', { title: '', parent: 'M05' }, [{ pointer: '/title', code: 'standard.title_required' }, { pointer: '/parent', code: 'standard.no_such_standard' }]],
  ])('refuses %s with a typed error on the field, storing nothing', async (_name, vars, issues) => {
    // given
    const before = await stored();
    // when
    const result = await create(vars);
    // then
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i: { pointer: string; code: string }) => ({ pointer: i.pointer, code: i.code }))).toEqual(issues);
    expect(result.issues.every((i: { message: string }) => i.message.length > 0)).toBe(true);
    expect(await stored()).toEqual(before);
  });

  it('speaks Chinese by default', async () => {
    const result = (await t.gql(CREATE, { title: '', parent: 'M01.P01' }, manager, null)).data.createStandard;
    expect(result.issues).toMatchObject([{ pointer: '/title', message: '请填写标题' }]);
  });

  it('is for editors only', async () => {
    const before = await stored();
    expect((await create({ title: '越权' }, inspector)).__typename).toBe('ForbiddenError');
    expect(await stored()).toEqual(before);
  });

  it('refuses an impossible range in the new draft, on the item', async () => {
    // given the template's instruction with minimum 75 and maximum 10 on a count
    const doc = instruction('M01.P01.W001');
    (doc.properties as Record<string, Record<string, unknown>>).cleaningsPerDay.maximum = 1;
    (doc.properties as Record<string, Record<string, unknown>>).cleaningsPerDay.minimum = 75;
    // when / then
    expect((await t.gql(CHECK, { code: 'M01.P01.W001', schema: doc }, manager)).data.checkStandard).toEqual([
      { pointer: '/properties/cleaningsPerDay/maximum', code: 'standard.maximum_below_minimum' },
    ]);
  });
});
