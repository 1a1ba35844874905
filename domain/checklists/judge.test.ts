import { readLibraryPackage } from '../editions/library-files.ts';
import { SHIPPED_LIBRARY } from '../../server/bootstrap.ts';
import { checkLibraryPackage } from '../editions/library-package.ts';
import { mergePatch } from '../variants/variants.ts';
import { compileCached } from '../standards/ajv.ts';
import type { JsonObject, JsonValue } from '../shared/json.ts';
import { answerTypeSchema } from './criterion.ts';
import { generateChecklist, type ChecklistItem } from './generate.ts';
import { judgeValue, missedKeyword } from './judge.ts';
import { failingValue, passingValue } from './sample-answers.ts';

/** The server's verdict: Ajv on the answer's type, then on the item's pass schema. */
function ajvVerdict(item: ChecklistItem, value: JsonValue): { status: string; keywords: string[] } {
  const typeCheck = compileCached(answerTypeSchema(item));
  if (!typeCheck(value)) return { status: 'invalid', keywords: (typeCheck.errors ?? []).map((e) => e.keyword) };
  const passCheck = compileCached(item.schema);
  return passCheck(value) ? { status: 'passed', keywords: [] } : { status: 'failed', keywords: (passCheck.errors ?? []).map((e) => e.keyword) };
}

const HASH = (c: string) => c.repeat(64);

/** Values around every limit of an item, of the right type and of wrong ones. */
function probes(item: ChecklistItem): JsonValue[] {
  const s = item.schema;
  const values: JsonValue[] = [passingValue(item), failingValue(item), null, 'x', '', 0, -1, 1.5, true, false, [], {}];
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const) {
    const limit = s[k];
    if (typeof limit === 'number') values.push(limit, limit - 1, limit + 1, limit - 0.5, limit + 0.5, limit - 0.1, limit + 0.1, limit * 3);
  }
  for (const option of item.options ?? []) values.push(option);
  if (typeof s.minLength === 'number') values.push('字'.repeat(Math.max(0, s.minLength - 1)), '字'.repeat(s.minLength), '😀'.repeat(s.minLength));
  if (typeof s.pattern === 'string') values.push(`${String(passingValue(item))}x`, `x${String(passingValue(item))}`, '12345', 'AB-2026-0001');
  values.push([HASH('a')], [HASH('a'), HASH('b')], [HASH('a'), HASH('a')], [HASH('a'), HASH('b'), HASH('c'), HASH('d')], ['not-a-hash'], Array.from({ length: 21 }, (_, i) => HASH(i.toString(16).slice(-1))));
  return values.filter((v) => v !== undefined);
}

describe('judging answers on the phone', () => {
  let items: ChecklistItem[];
  beforeAll(() => {
    const lib = checkLibraryPackage(readLibraryPackage(SHIPPED_LIBRARY));
    const newest = lib.editions[lib.editions.length - 1];
    const instructions = newest.documents.filter((d) => d.kind === 'instruction').map((d) => ({ code: d.code, version: 1, title: d.title, schema: d.schema }));
    const overlays = new Map(lib.variants.flatMap((v) => v.overlays).map((o) => [o.code, o.patch]));
    const platinum = instructions.map((d) => (overlays.has(d.code) ? { ...d, schema: mergePatch(d.schema, overlays.get(d.code)!) as JsonObject } : d));
    const request = { projectId: 1, projectCode: 'HD01', tier: 'quarterly' as const, scope: '', edition: newest.manifest.name, date: '2026-11-24', variant: null };
    items = [...generateChecklist(request, instructions).items, ...generateChecklist({ ...request, variant: { profile: 'platinum', version: 1 } }, platinum).items];
  });

  it('agrees with the server\'s Ajv on every item of the shipped library (and its platinum overlays), around every limit and for wrong types', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const item of items) {
      for (const value of probes(item)) {
        const phone = judgeValue(item, value);
        const server = ajvVerdict(item, value);
        compared++;
        if (phone.status !== server.status || ('keyword' in phone && !server.keywords.includes(phone.keyword))) {
          disagreements.push(`${item.id} ${JSON.stringify(value)}: phone ${JSON.stringify(phone)}, server ${JSON.stringify(server)}`);
        }
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(items.length).toBeGreaterThan(1200);
    expect(compared).toBeGreaterThan(items.length * 20);
  });

  it('judges the formats the server knows as Ajv does', () => {
    const samples = ['2026-02-29', '2028-02-29', '2026-13-01', '2026-1-01', '12:30:00Z', '12:30:00+08:00', '12:30:00', '25:00:00Z', '2026-11-24T12:30:00Z', '2026-11-24 12:30:00+08:00', '2026-11-24T12:30:00',
      'P1D', 'PT48H', 'P', 'PT', 'P1W', 'a@b.cn', 'a@b', 'https://example.com/x', 'not a uri', '123e4567-e89b-12d3-a456-426614174000', '123e4567', HASH('f'), 'ABC'];
    const wrong: string[] = [];
    for (const format of ['date', 'time', 'date-time', 'duration', 'email', 'uri', 'uuid', 'photo-id']) {
      const schema = { type: 'string', format };
      const validate = compileCached(schema);
      for (const s of samples) if ((missedKeyword(schema, s) === null) !== validate(s)) wrong.push(`${format} ${s}`);
    }
    expect(wrong).toEqual([]);
  });

  it('tells a failed criterion from a wrong type, and names the keyword', () => {
    const count = items.find((i) => i.input === 'integer' && typeof i.schema.minimum === 'number')!;
    const min = count.schema.minimum as number;
    expect(judgeValue(count, min)).toEqual({ status: 'passed' });
    expect(judgeValue(count, min - 1)).toEqual({ status: 'failed', keyword: 'minimum' });
    expect(judgeValue(count, min + 0.5)).toEqual({ status: 'invalid', keyword: 'type' });
    expect(judgeValue(count, String(min))).toEqual({ status: 'invalid', keyword: 'type' });
  });
});
