import { messageFactory, mergeCatalogues, paramsData, renderMessage, renderTemplate } from './messages.ts';

const CATALOGUE = {
  'demo.limit': { en: 'must NOT have fewer than {limit} item{limit:s}', 'zh-CN': '不能少于 {limit} 项' },
  'demo.roles': { en: 'needs one of {roles}', 'zh-CN': '需要以下角色之一：{roles:role}' },
  'demo.values': { en: 'must be one of: {values:json}', 'zh-CN': '必须是以下之一：{values:json}' },
  'demo.cycle': { en: 'cycle {path:path}', 'zh-CN': '循环 {path:path}' },
  'demo.outer': { en: '{file}: {issue}', 'zh-CN': '{file}：{issue}' },
  'demo.problems': { en: 'problems: {list:semi}', 'zh-CN': '问题：{list:semi}' },
  'role.admin': { en: 'admin', 'zh-CN': '管理员' },
  'role.auditor': { en: 'auditor', 'zh-CN': '审核员' },
} as const;
const make = messageFactory(CATALOGUE);

describe('rendering a message', () => {
  it('fills each placeholder in the language asked for, formatting numbers, lists, JSON, paths and words', () => {
    expect(renderMessage(CATALOGUE, make('demo.limit', { limit: 1 }), 'en')).toBe('must NOT have fewer than 1 item');
    expect(renderMessage(CATALOGUE, make('demo.limit', { limit: 3 }), 'en')).toBe('must NOT have fewer than 3 items');
    expect(renderMessage(CATALOGUE, make('demo.limit', { limit: 3 }), 'zh-CN')).toBe('不能少于 3 项');
    expect(renderMessage(CATALOGUE, make('demo.roles', { roles: ['admin', 'auditor', 'janitor'] }), 'zh-CN')).toBe('需要以下角色之一：管理员、审核员、janitor');
    expect(renderMessage(CATALOGUE, make('demo.roles', { roles: ['admin', 'auditor'] }), 'en')).toBe('needs one of admin, auditor');
    expect(renderMessage(CATALOGUE, make('demo.values', { values: ['优', 1, null] }), 'zh-CN')).toBe('必须是以下之一："优", 1, null');
    expect(renderMessage(CATALOGUE, make('demo.cycle', { path: ['a', 'b', 'a'] }), 'zh-CN')).toBe('循环 a → b → a');
    expect(renderMessage(CATALOGUE, make('demo.problems', { list: ['x', 'y'] }), 'zh-CN')).toBe('问题：x；y');
  });

  it('renders a nested message in the same language, and keeps the English text on the message', () => {
    const inner = make('demo.limit', { limit: 2 });
    const outer = make('demo.outer', { file: 'M03/a.json', issue: inner });
    expect(outer.message).toBe('M03/a.json: must NOT have fewer than 2 items');
    expect(renderMessage(CATALOGUE, outer, 'zh-CN')).toBe('M03/a.json：不能少于 2 项');
    // what travels to a client: the nested message as data, without its English text
    expect(paramsData(outer.params)).toEqual({ file: 'M03/a.json', issue: { code: 'demo.limit', params: { limit: 2 } } });
  });

  it('falls back safely: an unknown code gives its English text, or the code with its parameters; a missing parameter shows as …', () => {
    expect(renderMessage(CATALOGUE, { code: 'demo.unknown', params: { a: 1 }, message: 'the English text' }, 'zh-CN')).toBe('the English text');
    expect(renderMessage(CATALOGUE, { code: 'demo.unknown', params: { a: 1, b: ['x', 'y'] } }, 'zh-CN')).toBe('demo.unknown (a: 1; b: x、y)');
    expect(renderMessage(CATALOGUE, { code: 'demo.unknown', params: {} }, 'en')).toBe('demo.unknown');
    expect(renderMessage(CATALOGUE, { code: 'toString', params: {} }, 'en')).toBe('toString');
    expect(renderTemplate('{a} and {b}', { a: 'x' }, 'en')).toBe('x and …');
  });

  it('checks the code and its parameters at compile time', () => {
    // @ts-expect-error: an unknown code does not compile
    expect(() => make('demo.nope')).toThrow();
    // @ts-expect-error: a missing parameter does not compile
    expect(make('demo.limit', {}).message).toBe('must NOT have fewer than … item…');
  });

  it('refuses a code defined twice when catalogues are merged', () => {
    expect(() => mergeCatalogues({ 'a.b': { en: 'one', 'zh-CN': '一' } }, { 'a.b': { en: 'two', 'zh-CN': '二' } })).toThrow(/a\.b is defined twice/);
    expect(Object.keys(mergeCatalogues(CATALOGUE, { 'a.b': { en: 'one', 'zh-CN': '一' } }))).toHaveLength(Object.keys(CATALOGUE).length + 1);
  });
});
