import { instruction, moduleDoc, procedure } from '../../test/fixtures.ts';
import type { JsonObject } from '../shared/json.ts';
import { LibraryError } from './library.ts';
import { checkLibraryPackage, type EditionManifest, type LibraryPackage } from './library-package.ts';
import { applyOverlay, mergePatch } from '../variants/variants.ts';
import { ValidationError } from '../shared/errors.ts';

const file = (schema: JsonObject) => {
  const code = String((schema['x-standard'] as JsonObject).code);
  return { file: `${code.slice(0, 3)}/${code}.json`, schema };
};
const tps = [{ code: 'TP-041', name: '电梯轿厢', stage: '日常居住', place: '住宅楼栋电梯' }];
const q3: EditionManifest = { name: '2026-Q3', date: '2026-07-01', publishedBy: '刘建国', note: '三季度', changes: [] };
const q4 = (changes: EditionManifest['changes']): EditionManifest => ({ name: '2026-Q4', date: '2026-10-09', publishedBy: '刘建国', note: '四季度', changes });
const tightened = instruction('M09.P01.W001', { title: '电梯轿厢清洁作业指导书（修订）' });
((tightened.properties as JsonObject).cleaningsPerDay as JsonObject).minimum = 4;

/** Q3: W001 and W002; Q4: W001 tightened, W002 retired, W003 introduced. */
function library(overrides: Partial<LibraryPackage> = {}): LibraryPackage {
  return {
    editions: [q3, q4([
      { code: 'M09.P01', change: 'revised', author: '王莉', note: '引用调整' },
      { code: 'M09.P01.W001', change: 'revised', author: '王莉', note: '清洁次数由3次提高到4次' },
      { code: 'M09.P01.W002', change: 'retired', author: '王莉', note: '并入W003' },
      { code: 'M09.P01.W003', change: 'introduced', author: '王莉', note: '新增' },
    ])],
    documents: [file(moduleDoc('M09', ['M09.P01'])), file(procedure('M09.P01', ['M09.P01.W001', 'M09.P01.W003'])), file(tightened), file(instruction('M09.P01.W003'))],
    history: new Map([['2026-Q3', [file(procedure('M09.P01', ['M09.P01.W001', 'M09.P01.W002'])), file(instruction('M09.P01.W001')), file(instruction('M09.P01.W002'))]]]),
    touchpoints: tps,
    variants: [{ file: 'variants/platinum.json', schema: { profile: 'platinum', title: '白金服务标准', description: '商业综合体', overlays: [{ code: 'M09.P01.W001', note: '客流大', patch: { properties: { cleaningsPerDay: { minimum: 6 } } } }] } }],
    ...overrides,
  };
}

function problems(pkg: LibraryPackage): string[] {
  try {
    checkLibraryPackage(pkg);
  } catch (error) {
    if (error instanceof LibraryError) return error.fileIssues.map((i) => `${i.file} ${i.pointer}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('a library package with history', () => {
  it('rebuilds each edition from the newest documents and the history', () => {
    // given a valid two-edition library / when checked
    const checked = checkLibraryPackage(library());
    // then each edition holds its own documents and versions
    const codes = checked.editions.map((e) => e.documents.map((d) => d.code).sort());
    expect(codes).toEqual([
      ['M09', 'M09.P01', 'M09.P01.W001', 'M09.P01.W002'],
      ['M09', 'M09.P01', 'M09.P01.W001', 'M09.P01.W003'],
    ]);
    const w001 = checked.editions.map((e) => e.documents.find((d) => d.code === 'M09.P01.W001')!.schema.properties as JsonObject);
    expect(w001.map((p) => (p.cleaningsPerDay as JsonObject).minimum)).toEqual([3, 4]);
    expect(checked.variants[0].overlays).toHaveLength(1);
  });

  it('refuses a change the edition does not explain, and an explanation the documents do not show', () => {
    const silent = library({ editions: [q3, q4([{ code: 'M09.P01', change: 'revised', author: '王莉', note: '引用调整' }, { code: 'M09.P01.W002', change: 'retired', author: '王莉', note: '并入' }, { code: 'M09.P01.W003', change: 'introduced', author: '王莉', note: '新增' }, { code: 'M09', change: 'revised', author: '王莉', note: '未修改' }])] });
    expect(problems(silent)).toEqual(expect.arrayContaining([
      expect.stringContaining('M09.P01.W001 changed in 2026-Q4 but editions.json does not say who changed it and why'),
      expect.stringContaining('M09 is listed as revised in 2026-Q4, but the documents do not show that'),
    ]));
  });

  it('refuses a document that disappears without being retired', () => {
    const pkg = library();
    pkg.editions = [q3, q4(pkg.editions[1].changes.filter((c) => c.change !== 'retired'))];
    expect(problems(pkg)).toEqual([expect.stringContaining('M09.P01.W002 is missing from 2026-Q4 without being retired')]);
  });

  it('names each unknown touchpoint, each unused touchpoint and each item without one', () => {
    const noTouchpoint = instruction('M09.P01.W003');
    delete ((noTouchpoint.properties as JsonObject).floorCondition as { 'x-check': JsonObject })['x-check'].touchpoints;
    const pkg = library({ touchpoints: [...tps, { code: 'TP-099', name: '无人问津之处', stage: '日常居住', place: '楼顶' }] });
    pkg.documents = pkg.documents.map((f) => (f.file.endsWith('W003.json') ? file(noTouchpoint) : f));
    expect(problems(pkg)).toEqual([
      'M09/M09.P01.W003.json /properties/floorCondition/x-check/touchpoints: every check item names at least one touchpoint',
      'touchpoints.json : touchpoint TP-099 (无人问津之处) is not named by any check item',
    ]);
    expect(problems(library({ touchpoints: [{ code: 'TP-41', name: '', stage: '日常居住', place: 'x' }] }))).toEqual(expect.arrayContaining([
      'touchpoints.json /0/code: must be a code like TP-001',
      'touchpoints.json /0/name: must be a non-empty string',
    ]));
  });

  it('checks that every overlay applies to a document of the newest edition and stays valid', () => {
    const variant = (overlays: unknown[]) => [{ file: 'variants/platinum.json', schema: { profile: 'platinum', title: '白金', description: '商业', overlays } }];
    expect(problems(library({ variants: variant([{ code: 'M09.P01.W002', note: '已停用', patch: {} }]) }))).toEqual(['variants/platinum.json /overlays/0/code: M09.P01.W002 is not in the newest edition']);
    expect(problems(library({ variants: variant([{ code: 'M09.P01.W001', note: '错误', patch: { properties: { cleaningsPerDay: { minimum: '六' } } } }]) }))).toEqual([
      expect.stringMatching(/^variants\/platinum.json \/overlays\/0\/patch\/properties\/cleaningsPerDay\/minimum: M09.P01.W001: /),
    ]);
    expect(problems(library({ variants: variant([{ code: 'M09.P01.W001', note: '改身份', patch: { $id: 'urn:pinzhi:std:M01' } }]) }))).toEqual(['variants/platinum.json /overlays/0/patch/$id: M09.P01.W001: an overlay may not change $id']);
  });
});

describe('variants with history', () => {
  const platinum = (minimum: number, code = 'M09.P01.W001') => ({ profile: 'platinum', title: '白金服务标准', description: '商业综合体', overlays: [{ code, note: '客流大', patch: { properties: { cleaningsPerDay: { minimum } } } }] });
  /** Q3, Q4 (platinum v1 first pinned, kept in history) and 2027-Q1 (W001 gains a place, platinum v2). */
  function threeEditions(q4Variant = platinum(6)): LibraryPackage {
    const pkg = library();
    const placed = JSON.parse(JSON.stringify(tightened)) as JsonObject;
    ((placed.properties as JsonObject).cleaningsPerDay as { 'x-check': JsonObject })['x-check'].place = 'lift';
    const q1: EditionManifest = { name: '2027-Q1', date: '2026-12-01', publishedBy: '刘建国', note: '检查地点', changes: [{ code: 'M09.P01.W001', change: 'revised', author: '刘建国', note: '检查项标注检查地点' }] };
    return {
      ...pkg,
      editions: [...pkg.editions, q1],
      documents: pkg.documents.map((f) => (f.file.endsWith('W001.json') ? file(placed) : f)),
      history: new Map([...pkg.history, ['2026-Q4', [file(tightened)]]]),
      variants: [{ file: 'variants/platinum.json', schema: platinum(8) }],
      variantHistory: new Map([['2026-Q4', [{ file: 'history/2026-Q4/variants/platinum.json', schema: q4Variant }]]]),
    };
  }

  it('gives each edition the variant it pinned: none before the first file of a profile, then the history, then the newest', () => {
    // given a variant first pinned by 2026-Q4 and changed in 2027-Q1 / when checked
    const checked = checkLibraryPackage(threeEditions());
    // then 2026-Q3 pins none, 2026-Q4 its own version, 2027-Q1 the newest
    const minimums = checked.editions.map((e) => e.variants.map((v) => ((v.overlays[0].patch.properties as JsonObject).cleaningsPerDay as JsonObject).minimum));
    expect(minimums).toEqual([[], [6], [8]]);
    expect(checked.variants).toBe(checked.editions[2].variants);
  });

  it('checks a variant of the history against the documents of its own edition, naming its file', () => {
    // given 2026-Q4's variant overlaying an instruction only 2026-Q3 had
    const pkg = threeEditions(platinum(6, 'M09.P01.W002'));
    // when checked / then the problem names the history file and the edition
    expect(problems(pkg)).toEqual(['history/2026-Q4/variants/platinum.json /overlays/0/code: M09.P01.W002 is not in edition 2026-Q4']);
  });

  it('refuses variant history for an edition it does not know', () => {
    const pkg = threeEditions();
    pkg.variantHistory!.set('2025-Q9', [{ file: 'history/2025-Q9/variants/platinum.json', schema: platinum(6) }]);
    expect(problems(pkg)).toEqual([expect.stringContaining('no earlier edition is named 2025-Q9')]);
  });
});

describe('JSON Merge Patch overlays', () => {
  it('merges objects, replaces arrays and scalars, and removes with null (RFC 7386)', () => {
    expect(mergePatch({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { b: 2, c: [3] }, d: null, e: true })).toEqual({ a: { b: 2, c: [3] }, e: true });
    expect(mergePatch({ a: 1 }, ['x'])).toEqual(['x']);
    expect(mergePatch(undefined, { a: { b: null } })).toEqual({ a: {} });
  });

  it('returns a valid standard, and leaves the base untouched', () => {
    const base = instruction('M09.P01.W001');
    const result = applyOverlay(base, { code: 'M09.P01.W001', note: '加严', patch: { properties: { cleaningsPerDay: { minimum: 6, 'x-check': { severity: 'major' } } } } });
    expect((result.properties as JsonObject).cleaningsPerDay).toMatchObject({ minimum: 6, 'x-check': { severity: 'major', weight: 2 } });
    expect(((base.properties as JsonObject).cleaningsPerDay as JsonObject).minimum).toBe(3);
    expect(() => applyOverlay(base, { code: 'M09.P01.W001', note: '删项', patch: { required: ['missing'] } })).toThrow(ValidationError);
  });
});
