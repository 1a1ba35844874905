/**
 * Edits of a work instruction's JSON Schema made by the form editor, as pure functions: each
 * returns a new document and leaves the one given untouched. Key order matters (the order of the
 * check items is part of the standard), so objects are rebuilt key by key rather than mutated.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../../domain/shared/json.ts';
import { inputKind, type InputKind } from '../../../../../domain/checklists/criterion.ts';

export type { InputKind };
export const INPUT_KINDS: InputKind[] = ['boolean', 'integer', 'number', 'choice', 'text', 'photos'];
export const TIERS = ['daily', 'monthly', 'quarterly', 'scenario', 'mystery'] as const;
export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export const METHODS = ['目视', '测量', '查阅记录', '询问', '抽查'] as const;
export const EVIDENCE = ['none', 'photo-on-fail', 'photo-required', 'document'] as const;
export const BODY_TEXTS = ['purpose', 'scope'] as const;
export const BODY_LISTS = ['definitions', 'responsibilities', 'steps', 'requirements', 'records', 'references'] as const;

export function itemsOf(doc: JsonObject): [string, JsonObject][] {
  const properties = isJsonObject(doc.properties) ? doc.properties : {};
  return Object.entries(properties).filter((e): e is [string, JsonObject] => isJsonObject(e[1]) && !('$ref' in e[1]));
}

export function checkOf(item: JsonObject): JsonObject {
  return isJsonObject(item['x-check']) ? item['x-check'] : {};
}

export { inputKind };

function withProperties(doc: JsonObject, entries: [string, JsonValue][], required?: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'properties') out.properties = Object.fromEntries(entries);
    else if (key === 'required' && required) out.required = required;
    else out[key] = value;
  }
  if (!('properties' in out)) out.properties = Object.fromEntries(entries);
  if (required && !('required' in out) && required.length > 0) out.required = required;
  if (required && required.length === 0) delete out.required;
  return out;
}

function requiredOf(doc: JsonObject): string[] {
  return Array.isArray(doc.required) ? doc.required.filter((r): r is string => typeof r === 'string') : [];
}

/** Replaces one item (same key, same place). */
export function setItem(doc: JsonObject, key: string, item: JsonObject): JsonObject {
  const entries = Object.entries(isJsonObject(doc.properties) ? doc.properties : {});
  return withProperties(doc, entries.map(([k, v]) => [k, k === key ? item : v]));
}

/** Sets (or, with undefined, removes) one member of an item's x-check, keeping key order. */
export function setCheck(item: JsonObject, name: string, value: JsonValue | undefined): JsonObject {
  const check = { ...checkOf(item) };
  if (value === undefined || (Array.isArray(value) && value.length === 0 && name !== 'tiers')) delete check[name];
  else check[name] = value;
  return { ...item, 'x-check': check };
}

/** Sets (or removes) a keyword of an item, keeping x-check last as the library writes it. */
export function setKeyword(item: JsonObject, name: string, value: JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(item)) if (k !== name && k !== 'x-check') out[k] = v;
  if (value !== undefined) out[name] = value;
  if ('x-check' in item) out['x-check'] = item['x-check'];
  return out;
}

const TYPE_KEYWORDS = ['type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'items', 'minItems', 'maxItems', 'uniqueItems'];

/**
 * Changes how an item is answered: the type keywords of the old kind go, sensible ones of the new
 * kind come (a pass/fail item expects "yes"; a rating starts with a four-level scale, the top two
 * passing). Title, description and x-check stay; unit and options only where they mean something.
 */
export function setInputKind(item: JsonObject, kind: InputKind): JsonObject {
  const base: JsonObject = {};
  for (const [k, v] of Object.entries(item)) if (!TYPE_KEYWORDS.includes(k) && k !== 'x-check') base[k] = v;
  const typed: Record<InputKind, JsonObject> = {
    boolean: { type: 'boolean', const: true },
    integer: { type: 'integer', minimum: 1 },
    number: { type: 'number', minimum: 0 },
    choice: { type: 'string', enum: ['优', '良'] },
    text: { type: 'string', minLength: 1 },
    photos: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  };
  let check = { ...checkOf(item) };
  if (kind !== 'integer' && kind !== 'number') delete check.unit;
  if (kind === 'choice') check.options = Array.isArray(check.options) ? check.options : ['优', '良', '中', '差'];
  else delete check.options;
  if (kind === 'photos') check = { ...check, evidence: 'photo-required' };
  return { ...base, ...typed[kind], 'x-check': check };
}

/** A new pass/fail item with the defaults of a daily minor check; the caller chooses the key. */
export function newItem(title: string): JsonObject {
  return {
    title,
    type: 'boolean',
    const: true,
    'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视', evidence: 'photo-on-fail', touchpoints: [], rectifyWithinHours: 48 },
  };
}

/** A key not used yet: newItem1, newItem2 … */
export function freeKey(doc: JsonObject, stem = 'newItem'): string {
  const used = new Set(Object.keys(isJsonObject(doc.properties) ? doc.properties : {}));
  for (let i = 1; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** Appends an item; it is required, like every check item (each must be answered). */
export function addItem(doc: JsonObject, key: string, item: JsonObject): JsonObject {
  const entries = Object.entries(isJsonObject(doc.properties) ? doc.properties : {});
  return withProperties(doc, [...entries, [key, item]], [...requiredOf(doc), key]);
}

export function removeItem(doc: JsonObject, key: string): JsonObject {
  const entries = Object.entries(isJsonObject(doc.properties) ? doc.properties : {}).filter(([k]) => k !== key);
  return withProperties(doc, entries, requiredOf(doc).filter((r) => r !== key));
}

/** Moves an item one place up (-1) or down (+1); `required` follows the new order. */
export function moveItem(doc: JsonObject, key: string, by: -1 | 1): JsonObject {
  const entries = Object.entries(isJsonObject(doc.properties) ? doc.properties : {});
  const from = entries.findIndex(([k]) => k === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= entries.length) return doc;
  const moved = [...entries];
  [moved[from], moved[to]] = [moved[to], moved[from]];
  const required = new Set(requiredOf(doc));
  return withProperties(doc, moved, moved.map(([k]) => k).filter((k) => required.has(k)));
}

/** Renames an item's key (its id in checklists); refused when the new key is taken or malformed. */
export function renameItem(doc: JsonObject, key: string, next: string): JsonObject | 'taken' | 'malformed' {
  if (next === key) return doc;
  if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(next)) return 'malformed';
  const entries = Object.entries(isJsonObject(doc.properties) ? doc.properties : {});
  if (entries.some(([k]) => k === next)) return 'taken';
  return withProperties(doc, entries.map(([k, v]) => [k === key ? next : k, v]), requiredOf(doc).map((r) => (r === key ? next : r)));
}

/** The body text of x-standard, read and written as plain strings and lists of strings. */
export function bodyOf(doc: JsonObject): JsonObject {
  const xs = isJsonObject(doc['x-standard']) ? doc['x-standard'] : {};
  return isJsonObject(xs.body) ? xs.body : {};
}

export function setStandardField(doc: JsonObject, name: string, value: JsonValue | undefined): JsonObject {
  const xs = { ...(isJsonObject(doc['x-standard']) ? doc['x-standard'] : {}) };
  if (value === undefined) delete xs[name];
  else xs[name] = value;
  return { ...doc, 'x-standard': xs };
}

export function setBodyField(doc: JsonObject, name: string, value: JsonValue | undefined): JsonObject {
  const body = { ...bodyOf(doc) };
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete body[name];
  else body[name] = value;
  return setStandardField(doc, 'body', Object.keys(body).length > 0 ? body : undefined);
}

/** Sets the document's title or description (top-level keywords, in place). */
export function setDocField(doc: JsonObject, name: 'title' | 'description', value: string): JsonObject {
  if (name in doc) return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, k === name ? value : v]).filter(([k, v]) => !(k === 'description' && v === ''))) as JsonObject;
  if (value === '') return doc;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(doc)) {
    out[k] = v;
    if (k === 'title') out[name] = value;
  }
  if (!(name in out)) out[name] = value;
  return out;
}
