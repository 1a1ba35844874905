import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import { answerTypeSchema, type InputKind } from './criterion.ts';

/**
 * Judging one answer on the inspector's phone, by the rules the server applies with Ajv: first the
 * answer's type (`answerTypeSchema` — a wrong type is bad input, refused), then the item's pass
 * schema (a miss is a finding). The phone cannot run Ajv (it compiles validators with `new Function`,
 * which the app's content security policy forbids), so the keywords checklists judge are read here
 * directly; a test checks this against Ajv on every item of the shipped library.
 */

/** What an answer value is: passing, failing (with the keyword it missed), or not an answer of this item's kind. */
export type Verdict = { status: 'passed' } | { status: 'failed'; keyword: string } | { status: 'invalid'; keyword: string };

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|[+-]\d\d(?::?\d\d)?)?$/i;
const DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/;
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]);
}

function isTime(s: string): boolean {
  const m = TIME.exec(s);
  if (!m || !m[4]) return false; // full format: the time zone is required
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return (h <= 23 && min <= 59 && sec < 60) || (h === 23 && min === 59 && sec < 61);
}

/** The formats the server's Ajv knows (domain/standards/ajv.ts); any other is not judged by either. */
const FORMATS: Record<string, (s: string) => boolean> = {
  date: isDate,
  time: isTime,
  'date-time': (s) => {
    const [date, time, ...rest] = s.split(/t|\s/i);
    return rest.length === 0 && time !== undefined && isDate(date) && isTime(time);
  },
  duration: (s) => DURATION.test(s),
  email: (s) => EMAIL.test(s),
  uri: (s) => URI.test(s),
  uuid: (s) => UUID.test(s),
  'photo-id': (s) => /^[0-9a-f]{64}$/.test(s),
};

function typeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: JsonValue, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function equal(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** Ajv counts string length in code points. */
const length = (s: string) => [...s].length;

/** Ajv's `multipleOfPrecision: 9`: decimal steps such as 0.1 without binary rounding errors. */
function isMultiple(value: number, step: number): boolean {
  const division = value / step;
  return !Number.isNaN(division) && Math.abs(Math.round(division) - division) <= 1e-9;
}

/** The first keyword of `schema` that `value` misses, or null when it satisfies them all. */
export function missedKeyword(schema: JsonObject, value: JsonValue): string | null {
  const n = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  if (typeof schema.type === 'string' && !hasType(value, schema.type)) return 'type';
  if ('const' in schema && !equal(value, schema.const as JsonValue)) return 'const';
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => equal(value, v))) return 'enum';
  if (typeof value === 'number') {
    if (n('minimum') !== undefined && value < n('minimum')!) return 'minimum';
    if (n('maximum') !== undefined && value > n('maximum')!) return 'maximum';
    if (n('exclusiveMinimum') !== undefined && value <= n('exclusiveMinimum')!) return 'exclusiveMinimum';
    if (n('exclusiveMaximum') !== undefined && value >= n('exclusiveMaximum')!) return 'exclusiveMaximum';
    if (n('multipleOf') !== undefined && !isMultiple(value, n('multipleOf')!)) return 'multipleOf';
  }
  if (typeof value === 'string') {
    if (n('minLength') !== undefined && length(value) < n('minLength')!) return 'minLength';
    if (n('maxLength') !== undefined && length(value) > n('maxLength')!) return 'maxLength';
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return 'pattern';
    if (typeof schema.format === 'string' && FORMATS[schema.format] && !FORMATS[schema.format](value)) return 'format';
  }
  if (Array.isArray(value)) {
    if (n('minItems') !== undefined && value.length < n('minItems')!) return 'minItems';
    if (n('maxItems') !== undefined && value.length > n('maxItems')!) return 'maxItems';
    if (schema.uniqueItems === true && value.some((v, i) => value.findIndex((w) => equal(v, w)) !== i)) return 'uniqueItems';
    if (isJsonObject(schema.items)) {
      // as Ajv reports it: the keyword an element missed
      for (const element of value) {
        const missed = missedKeyword(schema.items, element);
        if (missed) return missed;
      }
    }
  }
  return null;
}

/** How the server judges an answer value of an item: its type first, then the item's pass schema. */
export function judgeValue(item: { input: InputKind; options?: string[] | null; schema: JsonObject }, value: JsonValue): Verdict {
  const wrongType = missedKeyword(answerTypeSchema(item), value);
  if (wrongType) return { status: 'invalid', keyword: wrongType };
  const missed = missedKeyword(item.schema, value);
  return missed ? { status: 'failed', keyword: missed } : { status: 'passed' };
}
