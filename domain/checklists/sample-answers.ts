import type { JsonValue } from '../shared/json.ts';
import type { ChecklistItem } from './generate.ts';
import type { Answer } from './evaluate.ts';

// Answers made from the items themselves: for tests, the benchmark and the demo activity of a
// first start. None of them is a default answer an inspector could submit by accident.

/** A string matching the simple patterns the library uses: literals, [0-9]{n} / {a,b}, (A|B). */
function instanceOf(pattern: string): string {
  let out = '';
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') {
      const end = body.indexOf(')', i);
      out += body.slice(i + 1, end).split('|')[0];
      i = end;
    } else if (c === '[') {
      const end = body.indexOf(']', i);
      const quant = /^\{(\d+)(?:,(\d+))?\}/.exec(body.slice(end + 1));
      out += '1'.repeat(quant ? Number(quant[1]) : 1);
      i = end + (quant ? quant[0].length : 0);
    } else out += c;
  }
  return out;
}

/** A value that passes the item, for tests and the benchmark (photos items take the given photo ids). */
export function passingValue(item: ChecklistItem, photos: string[] = FAKE_PHOTOS): JsonValue {
  const s = item.schema;
  switch (item.input) {
    case 'boolean':
      return s.const ?? true;
    case 'choice':
      return (s.enum as JsonValue[])[0];
    case 'integer':
    case 'number': {
      const lo = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (item.input === 'integer' ? 1 : 0.5) : undefined;
      const hi = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (item.input === 'integer' ? 1 : 0.5) : undefined;
      return lo ?? (hi !== undefined ? Math.min(hi, 0) : 1);
    }
    case 'text':
      return typeof s.pattern === 'string' ? instanceOf(s.pattern) : '现场情况正常，已核对记录'.padEnd(Number(s.minLength ?? 1), '。');
    case 'photos':
      return photos.slice(0, Number(s.minItems ?? 1));
  }
}

const FAKE_PHOTOS = ['a', 'b', 'c', 'd', 'e', 'f', '0', '1', '2', '3'].map((c) => c.repeat(64));

/** Answers that pass every item of a checklist, with photos where the evidence rule asks for them. */
export function passingAnswers(items: ChecklistItem[], photos: string[] = FAKE_PHOTOS): Answer[] {
  return items.map((item) => ({ itemId: item.id, value: passingValue(item, photos), ...(item.evidence === 'photo-required' && item.input !== 'photos' ? { photos: [photos[0]] } : {}) }));
}

/**
 * A value that fails the item: the other yes/no, a rating outside the passing ones, a number just
 * past the limit. Items answered with text or photos have no failing value (null).
 */
export function failingValue(item: Pick<ChecklistItem, 'input' | 'schema' | 'options'>): JsonValue | null {
  const s = item.schema;
  const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : undefined);
  switch (item.input) {
    case 'boolean':
      return !(s.const ?? true);
    case 'choice':
      return (item.options ?? []).find((o) => !(s.enum as JsonValue[]).includes(o)) ?? null;
    case 'integer':
    case 'number': {
      const step = item.input === 'integer' ? 1 : 0.5;
      const min = num(s.minimum) ?? num(s.exclusiveMinimum);
      const max = num(s.maximum) ?? num(s.exclusiveMaximum);
      if (min !== undefined) return min - step;
      return max !== undefined ? max + step : null;
    }
    default:
      return null;
  }
}
