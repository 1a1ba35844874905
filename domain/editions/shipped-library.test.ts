import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import { checkLibraryPackage, type CheckedPackage } from './library-package.ts';
import { readLibraryPackage } from './library-files.ts';
import { SHIPPED_LIBRARY } from '../../server/bootstrap.ts';
import { buildLibraryFiles } from '../../library/source/build-library.ts';
import { loadModules } from '../../library/source/modules.ts';
import { checkSources, PLACEHOLDER } from '../../library/source/source-checks.ts';
import { describeChanges } from '../standards/diff/semantic-diff.ts';
import { mergePatch } from '../variants/variants.ts';
import { PLACE_KINDS } from '../standards/place-kinds.ts';

let lib: CheckedPackage;
beforeAll(() => {
  lib = checkLibraryPackage(readLibraryPackage(SHIPPED_LIBRARY));
});

const q3 = () => lib.editions.find((e) => e.manifest.name === '2026-Q3')!;
const q4 = () => lib.editions.find((e) => e.manifest.name === '2026-Q4')!;
const q1 = () => lib.editions.find((e) => e.manifest.name === '2027-Q1')!;
/** the newest edition: what a first start reads by default */
const newest = () => lib.editions[lib.editions.length - 1];
const ofKind = <T extends { kind: string }>(docs: T[], kind: string): T[] => docs.filter((d) => d.kind === kind);
const items = (docs = newest().documents) => ofKind(docs, 'instruction').flatMap((d) => Object.entries(d.schema.properties as JsonObject).map(([key, item]) => ({ code: d.code, key, item: item as JsonObject })));
const placeOf = (item: JsonObject) => (item['x-check'] as JsonObject).place;
/** a document as it read before places were given: every x-check without its place */
const withoutPlaces = (schema: JsonObject): JsonObject => JSON.parse(JSON.stringify(schema), (key, value) => (key === 'x-check' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'place')) : value));

/** Every string in a JSON value, with where it is. */
function strings(value: JsonValue, at: string, out: { at: string; text: string }[] = []): { at: string; text: string }[] {
  if (typeof value === 'string') out.push({ at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}/${i}`, out));
  else if (isJsonObject(value)) for (const [k, v] of Object.entries(value)) strings(v, `${at}/${k}`, out);
  return out;
}

describe('the shipped standards library', () => {
  it('has 7 modules, 42 procedures and 189 work instructions in the newest edition, 2027-Q1, each file valid', () => {
    // checkLibraryPackage (beforeAll) validated every file of every edition, every $ref and the history
    expect(lib.editions.map((e) => e.manifest.name)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(newest()).toBe(q1());
    for (const edition of [q4(), q1()]) expect([ofKind(edition.documents, 'module').length, ofKind(edition.documents, 'procedure').length, ofKind(edition.documents, 'instruction').length]).toEqual([7, 42, 189]);
    expect(ofKind(q3().documents, 'instruction')).toHaveLength(188);
  });

  it('has unique codes and titles, and procedure/instruction titles that say what they are', () => {
    const docs = newest().documents;
    expect(new Set(docs.map((d) => d.code)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => d.title)).size).toBe(docs.length);
    for (const d of ofKind(docs, 'instruction')) expect(d.title).toMatch(/作业指导书$/);
    for (const d of ofKind(docs, 'procedure')) expect(d.title).toMatch(/(服务|管理)规程$/);
  });

  it('gives every instruction 4–12 check items, about 1,200 in all, with a real mix of inputs', () => {
    for (const d of ofKind(newest().documents, 'instruction')) {
      expect(Object.keys(d.schema.properties as JsonObject).length).toBeGreaterThanOrEqual(4);
      expect(Object.keys(d.schema.properties as JsonObject).length).toBeLessThanOrEqual(12);
    }
    const all = items();
    expect(all.length).toBeGreaterThan(1100);
    expect(all.length).toBeLessThan(1300);
    const kind = ({ item }: { item: JsonObject }) => (item.type === 'boolean' ? 'pass' : item.type === 'array' ? 'photos' : item.enum ? 'rating' : item.type === 'string' ? 'text' : 'number');
    const counts = all.reduce<Record<string, number>>((acc, i) => ({ ...acc, [kind(i)]: (acc[kind(i)] ?? 0) + 1 }), {});
    expect(counts.pass / all.length).toBeLessThan(0.6);
    expect(counts.number / all.length).toBeGreaterThan(0.2);
    expect(counts.rating).toBeGreaterThan(60);
    expect(counts.text).toBeGreaterThan(40);
    expect(counts.photos).toBeGreaterThan(60);
    for (const { code, key, item } of all) {
      const check = item['x-check'] as JsonObject;
      expect({ at: `${code}#${key}`, keys: Object.keys(check).filter((k) => ['tiers', 'severity', 'weight', 'method', 'place', 'evidence', 'touchpoints', 'rectifyWithinHours'].includes(k)).length }).toEqual({ at: `${code}#${key}`, keys: 8 });
      if (item.type === 'number' || item.type === 'integer') expect({ at: `${code}#${key}`, unit: typeof check.unit }).toEqual({ at: `${code}#${key}`, unit: 'string' });
    }
    const tiers = new Set(all.flatMap((i) => (i.item['x-check'] as JsonObject).tiers as string[]));
    expect([...tiers].sort()).toEqual(['daily', 'monthly', 'mystery', 'quarterly', 'scenario']);
  });

  it('has touchpoints TP-001 … TP-215, each named by a check item, and every item names known ones', () => {
    expect(lib.touchpoints.map((t) => t.code)).toEqual(Array.from({ length: 215 }, (_, i) => `TP-${String(i + 1).padStart(3, '0')}`));
    const named = new Set(items().flatMap((i) => (i.item['x-check'] as JsonObject).touchpoints as string[]));
    expect(named.size).toBe(215);
    expect(new Set(lib.touchpoints.map((t) => t.stage))).toEqual(new Set(['入住', '日常居住', '出行停车', '报事报修', '装修', '缴费', '社区活动', '访客来访', '紧急求助']));
  });

  it('carries GB/T 19001-2016 clauses and the full body text on every document', () => {
    for (const d of newest().documents) {
      const std = d.schema['x-standard'] as JsonObject;
      expect((std.clauses as string[]).length).toBeGreaterThan(0);
      for (const c of std.clauses as string[]) expect(c).toMatch(/^GB\/T 19001-2016 (4|5|6|7|8|9|10)(\.\d+){0,2}$/);
      const body = std.body as JsonObject;
      expect(Object.keys(body)).toEqual(expect.arrayContaining(['purpose', 'scope', 'responsibilities', 'steps', 'records']));
    }
  });

  it('contains no placeholder text and no boilerplate repeated across documents', () => {
    const docs = newest().documents;
    for (const d of docs) for (const { at, text } of strings(d.schema, d.code)) if (PLACEHOLDER.test(text)) throw new Error(`placeholder-like text at ${at}: ${text}`);
    const once = new Map<string, string>();
    const shared = new Map<string, Set<string>>();
    for (const d of docs) {
      const body = (d.schema['x-standard'] as JsonObject).body as JsonObject;
      for (const text of [d.schema.description as string, body.purpose as string, body.scope as string]) {
        expect({ text, doc: once.get(text) ?? d.code }).toEqual({ text, doc: d.code });
        once.set(text, d.code);
      }
      for (const text of [...(body.steps as string[]), ...((body.requirements ?? []) as string[])]) shared.set(text, (shared.get(text) ?? new Set()).add(d.code));
    }
    for (const [text, where] of shared) expect({ text, documents: Math.min(where.size, 2) }).toEqual({ text, documents: where.size });
    const descriptions = items().map((i) => i.item.description as string);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it('ships the platinum variant: at least 25 overlays that only tighten or add, lobby fragrance and lift-car cleaning among them', () => {
    const platinum = lib.variants.find((v) => v.profile === 'platinum')!;
    expect(platinum.overlays.length).toBeGreaterThanOrEqual(25);
    const byCode = new Map(newest().documents.map((d) => [d.code, d]));
    const allChanges = platinum.overlays.map((o) => ({ code: o.code, title: byCode.get(o.code)!.title, changes: describeChanges(byCode.get(o.code)!.schema, mergePatch(byCode.get(o.code)!.schema, o.patch) as JsonObject) }));
    for (const { code, changes } of allChanges) {
      expect({ code, some: changes.length > 0 }).toEqual({ code, some: true });
      for (const c of changes) expect({ code, kind: c.kind }).not.toEqual({ code, kind: expect.stringMatching(/loosened|removed/) });
    }
    const added = allChanges.flatMap((o) => o.changes.filter((c) => c.kind === 'item-added'));
    const tightenedChanges = allChanges.flatMap((o) => o.changes.filter((c) => c.kind === 'constraint-tightened'));
    expect(added.length).toBeGreaterThan(5);
    expect(tightenedChanges.length).toBeGreaterThan(10);
    const fragrance = allChanges.filter((o) => o.title.includes('大堂')).flatMap((o) => o.changes).filter((c) => c.kind === 'item-added' && JSON.stringify(c.after).includes('香氛'));
    expect(fragrance.length).toBeGreaterThan(0);
    const liftCar = allChanges.filter((o) => o.title.includes('轿厢')).flatMap((o) => o.changes).filter((c) => c.kind === 'constraint-tightened' && c.field === 'minimum');
    expect(liftCar.length).toBeGreaterThan(0);
  });

  it('records 2026-Q4: the EV charging-pile patrol and emergency plan added, about a dozen instructions revised, one retired, each by a named author with a note', () => {
    const { changes } = q4().manifest;
    const introduced = changes.filter((c) => c.change === 'introduced').map((c) => q4().documents.find((d) => d.code === c.code)!.title);
    expect(introduced).toEqual(expect.arrayContaining([expect.stringMatching(/充电桩巡查/), expect.stringMatching(/充电.*应急/)]));
    expect(changes.filter((c) => c.change === 'introduced').every((c) => c.code.startsWith('M06.'))).toBe(true);
    const revised = changes.filter((c) => c.change === 'revised' && c.code.split('.').length === 3);
    expect(revised.length).toBeGreaterThanOrEqual(12);
    expect(revised.length).toBeLessThanOrEqual(15);
    expect(changes.filter((c) => c.change === 'retired')).toHaveLength(1);
    for (const c of changes) {
      expect(c.author).toMatch(/[\u4e00-\u9fa5]{2,}/);
      expect(c.note.length).toBeGreaterThan(10);
    }
    const q3Docs = new Map(q3().documents.map((d) => [d.code, d]));
    const kinds = revised.flatMap((c) => describeChanges(q3Docs.get(c.code)!.schema, q4().documents.find((d) => d.code === c.code)!.schema).map((x) => x.kind));
    expect(kinds).toEqual(expect.arrayContaining(['constraint-tightened', 'item-added', 'text-changed']));
  });

  it('gives every check item of every instruction, and every item the platinum standard adds, the kind of place it is checked at', () => {
    // given the newest edition's 1,286 items and the platinum variant's added items
    const all = items();
    expect(all).toHaveLength(1286);
    const kinds = PLACE_KINDS.map((p) => p.kind as string);
    // then each names one kind of the list
    for (const { code, key, item } of all) expect({ at: `${code}#${key}`, place: kinds.includes(placeOf(item) as string) }).toEqual({ at: `${code}#${key}`, place: true });
    const byCode = new Map(newest().documents.map((d) => [d.code, d]));
    const added = lib.variants.flatMap((v) => v.overlays.flatMap((o) => Object.entries((o.patch.properties ?? {}) as JsonObject)
      .filter(([key]) => !Object.hasOwn(byCode.get(o.code)!.schema.properties as JsonObject, key)).map(([key, item]) => ({ at: `${o.code}#${key}`, item: item as JsonObject }))));
    expect(added.length).toBeGreaterThan(40);
    for (const { at, item } of added) expect({ at, place: kinds.includes(placeOf(item) as string) }).toEqual({ at, place: true });
    // and the places follow what is looked at: the lift car in the lift, records at the desk, car-park lighting in the car park
    const w002 = all.filter((i) => i.code === 'M03.P01.W002');
    expect(new Set(w002.map((i) => placeOf(i.item)))).toEqual(new Set(['lift']));
    const records = all.filter((i) => (i.item['x-check'] as JsonObject).method === '查阅记录');
    expect(records.filter((i) => placeOf(i.item) === 'office').length / records.length).toBeGreaterThan(0.8);
    const lux = all.filter((i) => i.code.startsWith('M06.P02.W005') && (i.item['x-check'] as JsonObject).unit === 'lx');
    expect(lux.length).toBeGreaterThan(0);
    expect(new Set(lux.map((i) => placeOf(i.item)))).toEqual(new Set(['car-park']));
    // every kind of the list is used, none more than half the items
    const used = new Map<string, number>();
    for (const { item } of all) used.set(placeOf(item) as string, (used.get(placeOf(item) as string) ?? 0) + 1);
    expect([...used.keys()].sort()).toEqual([...kinds].sort());
    expect(Math.max(...used.values())).toBeLessThan(all.length / 2);
  });

  it('records 2027-Q1: every instruction revised by the quality manager only to give its items their places, 2026-Q3 and 2026-Q4 as they were', () => {
    const { manifest } = q1();
    expect(manifest).toMatchObject({ date: '2026-12-01', publishedBy: '刘建国（品质部经理）', note: expect.stringContaining('检查项标注检查地点，便于按地点巡检') });
    // every instruction, and nothing else, is revised, each with the note saying where its items are checked
    expect(manifest.changes.map((c) => c.code)).toEqual(ofKind(q4().documents, 'instruction').map((d) => d.code).sort());
    for (const c of manifest.changes) expect(c).toMatchObject({ change: 'revised', author: '刘建国（品质部经理）', note: expect.stringMatching(/^检查项标注检查地点，便于按地点巡检：[\u4e00-\u9fa5]+\d+项/) });
    // the earlier editions carry no places, and the newest differs from 2026-Q4 by the places alone
    for (const edition of [q3(), q4()]) expect(items(edition.documents).filter(({ item }) => placeOf(item) !== undefined)).toEqual([]);
    const before = new Map(q4().documents.map((d) => [d.code, d.schema]));
    for (const d of q1().documents) expect({ code: d.code, schema: withoutPlaces(d.schema) }).toEqual({ code: d.code, schema: before.get(d.code) });
    // the semantic diff names each added place in words, and says nothing else
    const changes = ofKind(q1().documents, 'instruction').flatMap((d) => describeChanges(before.get(d.code)!, d.schema));
    expect(changes).toHaveLength(1286);
    for (const c of changes) {
      const kind = PLACE_KINDS.find((p) => p.kind === c.after)!;
      expect(c).toMatchObject({ kind: 'check-changed', field: 'x-check/place', summary: expect.stringMatching(new RegExp(`: place none → ${kind.en}$`)), summaryZh: expect.stringMatching(new RegExp(`：检查地点 无 → ${kind.zh}$`)) });
      expect(c).not.toHaveProperty('before');
    }
    // 2026-Q4 pins the platinum variant as it was; 2027-Q1 the same overlays with the added items placed
    const [q4Platinum, q1Platinum] = [q4(), q1()].map((e) => e.variants.find((v) => v.profile === 'platinum')!);
    expect(q3().variants).toEqual([]);
    expect(q1Platinum.overlays.map((o) => ({ ...o, patch: withoutPlaces(o.patch) }))).toEqual(q4Platinum.overlays);
    expect(JSON.stringify(q4Platinum)).not.toContain('"place"');
  });

  it('refuses to build, and the library check names, an item without a place', async () => {
    // given the environment module with the lift-car instruction's place taken away
    const [module] = structuredClone(await loadModules(['M03']));
    const w002 = module.procedures.flatMap((p) => p.instructions).find((i) => i.code === 'M03.P01.W002')!;
    delete w002.place;
    // when built and checked / then the first item without a place is named
    expect(() => buildLibraryFiles([module])).toThrow('M03.P01.W002.cleaningsPerDay: no place');
    expect(checkSources([module]).problems).toEqual(expect.arrayContaining([expect.stringContaining('M03.P01.W002.carPhotos: no place')]));
  });

  it('is exactly what the source tables build (npm run library:build leaves nothing to change)', async () => {
    const built = buildLibraryFiles(await loadModules(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07']));
    for (const [file, json] of built) expect({ file, text: readFileSync(join(SHIPPED_LIBRARY, file), 'utf8') }).toEqual({ file, text: `${JSON.stringify(json, null, 2)}\n` });
    const pkg = readLibraryPackage(SHIPPED_LIBRARY);
    const shipped = [...pkg.documents, ...[...pkg.history.values()].flat(), ...pkg.variants, ...[...(pkg.variantHistory?.values() ?? [])].flat()].length + 2;
    expect(shipped).toBe(built.size);
  });
});
