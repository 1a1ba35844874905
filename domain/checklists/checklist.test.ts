import { readLibraryPackage } from '../editions/library-files.ts';
import { SHIPPED_LIBRARY } from '../../server/bootstrap.ts';
import { passingAnswers } from './sample-answers.ts';
import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/json.ts';
import { checkLibraryPackage } from '../editions/library-package.ts';
import { mergePatch } from '../variants/variants.ts';
import { describeCriterion } from './criterion.ts';
import { evaluateAnswers } from './evaluate.ts';
import { generateChecklist, type ChecklistRequest, type PinnedInstruction } from './generate.ts';
import { instruction } from '../../test/fixtures.ts';
import { PLACE_KINDS } from '../standards/place-kinds.ts';

let instructions: PinnedInstruction[];
let platinum: PinnedInstruction[];
beforeAll(() => {
  // the newest edition of the shipped library (every instruction at its second version there)
  const lib = checkLibraryPackage(readLibraryPackage(SHIPPED_LIBRARY));
  const newest = lib.editions[lib.editions.length - 1].documents.filter((d) => d.kind === 'instruction');
  instructions = newest.map((d) => ({ code: d.code, version: 2, title: d.title, schema: d.schema }));
  const overlays = new Map(lib.variants[0].overlays.map((o) => [o.code, o.patch]));
  platinum = instructions.map((d) => (overlays.has(d.code) ? { ...d, schema: mergePatch(d.schema, overlays.get(d.code)!) as JsonObject } : d));
});

const request = (over: Partial<ChecklistRequest> = {}): ChecklistRequest => ({ projectId: 7, projectCode: 'HD01', tier: 'quarterly', scope: '', edition: '2027-Q1', date: '2026-11-24', variant: null, ...over });
const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    // where and what (the codes are covered by the message tests)
    if (error instanceof ValidationError) return error.issues.map(({ pointer, message }) => ({ pointer, message }));
    throw error;
  }
  throw new Error('no ValidationError');
};

describe('checklist generation', () => {
  it('takes every item for a quarterly audit, the daily ones for a patrol, and names each by version and pointer', () => {
    const quarterly = generateChecklist(request(), instructions);
    const total = instructions.reduce((n, d) => n + Object.keys(d.schema.properties as object).length, 0);
    expect(quarterly.itemCount).toBe(total);
    expect(quarterly.items[0].id).toMatch(/^M01\.P01\.W001@2#\/properties\/\w+$/);
    const daily = generateChecklist(request({ tier: 'daily' }), instructions);
    expect(daily.items.length).toBeGreaterThan(100);
    expect(daily.items.every((i) => i.tiers.includes('daily'))).toBe(true);
    expect(daily.period).toBeNull();
  });

  it('says for each item the kind of place it is checked at, from x-check.place, and none where the standard names none', () => {
    // given an instruction whose lift-car items name their place, and a third item that names none
    const schema = instruction('M09.P01.W001');
    const items = schema.properties as Record<string, { 'x-check': JsonObject }>;
    items.cleaningsPerDay['x-check'].place = 'lift';
    items.panelDisinfected['x-check'].place = 'lift';
    const pinned: PinnedInstruction = { code: 'M09.P01.W001', version: 2, title: String(schema.title), schema };
    // when its checklist is generated
    const checklist = generateChecklist(request({ scope: 'M09.P01.W001' }), [pinned]);
    // then each item carries its place, and the place is part of the content (another place, another id)
    expect(checklist.items.map((i) => [i.key, i.place])).toEqual([['cleaningsPerDay', 'lift'], ['panelDisinfected', 'lift'], ['floorCondition', null]]);
    items.floorCondition['x-check'].place = 'lift';
    const moved = generateChecklist(request({ scope: 'M09.P01.W001' }), [pinned]);
    expect(moved.items.map((i) => i.place)).toEqual(['lift', 'lift', 'lift']);
    expect(moved.id).not.toBe(checklist.id);
  });

  it('gives every item of the shipped library its place, in the standard and the platinum checklists alike', () => {
    // given the whole library, for a residential estate and for a platinum mall
    const kinds = PLACE_KINDS.map((p) => p.kind as string);
    const standard = generateChecklist(request(), instructions);
    const plat = generateChecklist(request({ variant: { profile: 'platinum', version: 2 } }), platinum);
    // then every item names a kind of place, the items the platinum standard adds too
    expect(plat.itemCount).toBeGreaterThan(standard.itemCount);
    for (const item of [...standard.items, ...plat.items]) expect({ id: item.id, place: kinds.includes(item.place!) }).toEqual({ id: item.id, place: true });
    // and an inspector in the lift car finds the lift-car cleaning items there
    const liftItems = standard.items.filter((i) => i.place === 'lift');
    expect(liftItems.map((i) => i.code)).toEqual(expect.arrayContaining(['M03.P01.W002', 'M05.P03.W013']));
    expect(plat.items.find((i) => i.key === 'lobbyFragranceConcentration')).toMatchObject({ code: 'M03.P01.W001', place: 'lobby' });
  });

  it('draws the monthly sample per module, the same for the same project and month, different for another month', () => {
    const a = generateChecklist(request({ tier: 'monthly' }), instructions);
    const again = generateChecklist(request({ tier: 'monthly', date: '2026-11-02' }), instructions);
    const december = generateChecklist(request({ tier: 'monthly', date: '2026-12-01' }), instructions);
    const otherProject = generateChecklist(request({ tier: 'monthly', projectId: 8, projectCode: 'HD02' }), instructions);
    expect(again.id).toBe(a.id);
    expect(again.items.map((i) => i.id)).toEqual(a.items.map((i) => i.id));
    expect(december.items.map((i) => i.id)).not.toEqual(a.items.map((i) => i.id));
    expect(otherProject.items.map((i) => i.id)).not.toEqual(a.items.map((i) => i.id));
    const modules = new Set(a.items.map((i) => i.module));
    expect(modules.size).toBe(7);
    expect(a.items.every((i) => i.tiers.includes('monthly'))).toBe(true);
  });

  it('narrows to a scope and resolves the platinum overlays', () => {
    const base = generateChecklist(request({ scope: 'M03.P01.W002' }), instructions);
    const plat = generateChecklist(request({ scope: 'M03.P01.W002', variant: { profile: 'platinum', version: 2 } }), platinum);
    expect(new Set(base.items.map((i) => i.code))).toEqual(new Set(['M03.P01.W002']));
    const cleanings = (c: typeof base) => c.items.find((i) => i.key === 'cleaningsPerDay')!;
    expect(cleanings(base).criterion).toEqual({ zh: '≥ 3 次/日', en: '≥ 3 times/day' });
    expect(cleanings(plat).criterion).toEqual({ zh: '≥ 6 次/日', en: '≥ 6 times/day' });
    expect(plat.id).not.toBe(base.id);
    expect(generateChecklist(request({ scope: 'M03.P01' }), instructions).items.every((i) => i.procedure === 'M03.P01')).toBe(true);
  });

  it('words every criterion in Chinese and English, with no default answers anywhere', () => {
    expect(describeCriterion({ type: 'boolean', const: true })).toEqual({ zh: '是', en: 'Yes' });
    expect(describeCriterion({ type: 'integer', maximum: 15, 'x-check': { unit: '分钟' } })).toEqual({ zh: '≤ 15 分钟', en: '≤ 15 min' });
    expect(describeCriterion({ type: 'number', minimum: 2, maximum: 3, 'x-check': { unit: '级' } })).toEqual({ zh: '2–3 级', en: '2–3 level' });
    expect(describeCriterion({ type: 'string', enum: ['优', '良'] })).toEqual({ zh: '优 或 良', en: '优 or 良' });
    expect(describeCriterion({ type: 'array', minItems: 2 })).toEqual({ zh: '至少 2 张照片', en: 'at least 2 photos' });
    const checklist = generateChecklist(request(), instructions);
    for (const item of checklist.items) expect(item.criterion.zh.length).toBeGreaterThan(0);
    expect(JSON.stringify(checklist)).not.toContain('"default"');
  });
});

describe('items checklists cannot judge', () => {
  it('refuses an item whose constraint combines schemas, rather than judging it by a simplified criterion', () => {
    const doc = { ...instructions[0], schema: { ...instructions[0].schema, properties: { odd: { title: '组合条件', anyOf: [{ type: 'number', minimum: 5 }], 'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视' } } } } };
    expect(issuesOf(() => generateChecklist(request({ scope: doc.code }), [doc]))).toEqual([{ pointer: '/properties/odd', message: expect.stringContaining('anyOf is not supported on a check item') }]);
  });
});

describe('judging answers', () => {
  const scope = 'M03.P01.W002';
  it('passes every one of the library\'s 1,286 items answered within its criterion', () => {
    const checklist = generateChecklist(request(), instructions);
    const result = evaluateAnswers(checklist, passingAnswers(checklist.items));
    expect(result.failed.map((r) => r.item.id)).toEqual([]);
    expect(result.passed).toBe(checklist.itemCount);
  });

  it('checks a photos item\'s photo ids like evidence photos', () => {
    const checklist = generateChecklist(request({ scope }), instructions);
    const item = checklist.items.find((i) => i.input === 'photos')!;
    const answers = passingAnswers(checklist.items);
    expect(issuesOf(() => evaluateAnswers(checklist, answers, (id) => id !== answers.find((a) => a.itemId === item.id)!.value![0 as never]))).toEqual([
      { pointer: expect.stringMatching(/\/value\/0$/), message: expect.stringContaining('has not been uploaded') },
    ]);
  });

  it('passes every item answered within its criterion, and scores 100', () => {
    const checklist = generateChecklist(request({ scope }), instructions);
    const result = evaluateAnswers(checklist, passingAnswers(checklist.items));
    expect(result).toMatchObject({ applicable: checklist.itemCount, passed: checklist.itemCount, score: 100, executionRate: 1 });
    expect(result.failed).toEqual([]);
  });

  it('turns each failed constraint into a failed item with the reason, and weighs the score', () => {
    const checklist = generateChecklist(request({ scope }), instructions);
    const answers = passingAnswers(checklist.items).map((a) => (a.itemId.endsWith('/cleaningsPerDay') ? { ...a, value: 2, photos: ['b'.repeat(64)] } : a));
    const na = answers.findIndex((a) => a.itemId.endsWith('/sillGrooveClear'));
    answers[na] = { itemId: answers[na].itemId, notApplicable: '该梯停用检修，轿厢封闭' };
    const result = evaluateAnswers(checklist, answers);
    expect(result.failed.map((r) => [r.item.key, r.reasons.map((x) => x.message)])).toEqual([['cleaningsPerDay', ['expected ≥ 3 times/day']]]);
    expect(result.failed[0].reasons[0]).toMatchObject({ code: 'answers.reason_expected', params: { criterionZh: '≥ 3 次/日', criterionEn: '≥ 3 times/day' } });
    expect(result.applicable).toBe(checklist.itemCount - 1);
    expect(result.executionRate).toBeCloseTo((checklist.itemCount - 2) / (checklist.itemCount - 1), 4);
    expect(result.score).toBeLessThan(100);
  });

  it('refuses bad input with every problem located: wrong type, unknown item, missing answer, N/A without reason, missing evidence', () => {
    const checklist = generateChecklist(request({ scope }), instructions);
    const good = passingAnswers(checklist.items);
    const id = (key: string) => checklist.items.find((i) => i.key === key)!.id;
    const wrongType = good.map((a) => (a.itemId === id('cleaningsPerDay') ? { ...a, value: '三次' } : a));
    expect(issuesOf(() => evaluateAnswers(checklist, wrongType))).toEqual([{ pointer: expect.stringMatching(/^\/answers\/\d+\/value$/), message: expect.stringContaining('must be integer') }]);
    expect(issuesOf(() => evaluateAnswers(checklist, [...good, { itemId: 'M99.P01.W001@1#/properties/x', value: true }]))).toEqual([{ pointer: `/answers/${good.length}/itemId`, message: expect.stringContaining('is not an item of checklist') }]);
    expect(issuesOf(() => evaluateAnswers(checklist, good.slice(1)))).toEqual([{ pointer: '/answers', message: expect.stringContaining('is not answered') }]);
    const naNoReason = good.map((a) => (a.itemId === id('sillGrooveClear') ? { itemId: a.itemId, notApplicable: '' } : a));
    expect(issuesOf(() => evaluateAnswers(checklist, naNoReason))[0].pointer).toMatch(/^\/answers\/\d+/);
    const failedNoPhoto = good.map((a) => (a.itemId === id('cleaningsPerDay') ? { ...a, value: 1 } : a));
    expect(issuesOf(() => evaluateAnswers(checklist, failedNoPhoto))).toEqual([{ pointer: expect.stringMatching(/\/photos$/), message: expect.stringContaining('needs a photo') }]);
  });
});
