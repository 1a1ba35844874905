import type { JsonObject, JsonValue } from '../../domain/shared/json.ts';
import { STD_URN_PREFIX } from '../../domain/standards/refs.ts';
import { isPlaceKind, type PlaceKind } from '../../domain/standards/place-kinds.ts';
import type { BodySource, InstructionSource, ItemInput, ItemSource, ModuleSource, PlatinumSource, ProcedureSource } from './types.ts';

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const CLAUSE_PREFIX = 'GB/T 19001-2016 ';
export const OWNER = '品质部';

export function tpCode(n: number): string {
  return `TP-${String(n).padStart(3, '0')}`;
}

function bodyJson(body: BodySource): JsonObject {
  const out: JsonObject = { purpose: body.purpose, scope: body.scope };
  for (const key of ['definitions', 'responsibilities', 'steps', 'requirements', 'records', 'references'] as const) {
    const value = body[key];
    if (value && value.length > 0) out[key] = [...value];
  }
  return out;
}

function limits(input: { min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number; multipleOf?: number }): JsonObject {
  const out: JsonObject = {};
  if (input.min !== undefined) out.minimum = input.min;
  if (input.exclusiveMin !== undefined) out.exclusiveMinimum = input.exclusiveMin;
  if (input.max !== undefined) out.maximum = input.max;
  if (input.exclusiveMax !== undefined) out.exclusiveMaximum = input.exclusiveMax;
  if (input.multipleOf !== undefined) out.multipleOf = input.multipleOf;
  return out;
}

/** The JSON Schema constraint of an input kind: what an answer must be to pass. */
function constraint(input: ItemInput): JsonObject {
  switch (input.kind) {
    case 'pass':
      return { type: 'boolean', const: true };
    case 'count':
      return { type: 'integer', ...limits(input) };
    case 'measure':
      return { type: 'number', ...limits(input) };
    case 'rating':
      return { type: 'string', enum: [...input.pass] };
    case 'text': {
      const out: JsonObject = { type: 'string', minLength: input.minLength ?? 1 };
      if (input.maxLength !== undefined) out.maxLength = input.maxLength;
      if (input.pattern !== undefined) out.pattern = input.pattern;
      return out;
    }
    case 'photos': {
      const out: JsonObject = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: input.min ?? 1 };
      if (input.max !== undefined) out.maxItems = input.max;
      return out;
    }
  }
}

/** How documents are built for one edition: with the places of check items (2027-Q1 on) or without. */
export interface BuildOptions {
  places: boolean;
}

/**
 * The kind of place an item is checked at: its own, else its instruction's. An item with neither is
 * an error naming it, so no edition with places can be built with an item left out.
 */
export function placeOf(instruction: Pick<InstructionSource, 'code' | 'place'>, item: Pick<ItemSource, 'key' | 'place'>): PlaceKind {
  const place = item.place ?? instruction.place;
  if (!isPlaceKind(place)) {
    throw new Error(`${instruction.code}.${item.key}: ${place === undefined ? 'no place (give the instruction a place, or the item its own)' : `"${String(place)}" is not a kind of place`}`);
  }
  return place;
}

/** One check item as a JSON Schema property carrying its `x-check`, with its place when one is given. */
export function itemSchema(item: ItemSource, place?: PlaceKind): JsonObject {
  const check: JsonObject = {
    tiers: [...item.tiers],
    severity: item.severity,
    weight: item.weight,
    method: item.method,
    ...(place ? { place } : {}),
    evidence: item.evidence,
    touchpoints: item.touchpoints.map(tpCode),
    rectifyWithinHours: item.rectifyWithinHours,
  };
  if (item.input.kind === 'count' || item.input.kind === 'measure') check.unit = item.input.unit;
  if (item.input.kind === 'rating') check.options = [...item.input.options];
  if (item.hint) check.hint = item.hint;
  return { title: item.title, description: item.description, ...constraint(item.input), 'x-check': check };
}

interface Header {
  code: string;
  title: string;
  description: string;
  clauses: string[];
  body: BodySource;
}

function documentJson(kind: 'module' | 'procedure' | 'instruction', head: Header, properties: JsonObject): JsonObject {
  const parent = kind === 'module' ? undefined : head.code.split('.').slice(0, -1).join('.');
  const std: JsonObject = { kind, code: head.code };
  if (parent) std.parent = parent;
  std.clauses = head.clauses.map((c) => `${CLAUSE_PREFIX}${c}`);
  std.owner = OWNER;
  std.body = bodyJson(head.body);
  return {
    $schema: SCHEMA_DIALECT,
    $id: `${STD_URN_PREFIX}${head.code}`,
    title: head.title,
    description: head.description,
    'x-standard': std,
    type: 'object',
    properties,
    required: Object.keys(properties),
  };
}

export function instructionJson(source: InstructionSource, options: BuildOptions): JsonObject {
  return documentJson('instruction', source, Object.fromEntries(source.items.map((item) => [item.key, itemSchema(item, options.places ? placeOf(source, item) : undefined)])));
}

/** A parent (module or procedure) refers to each child by `$ref`, titled for readers. */
export function parentJson(kind: 'module' | 'procedure', head: Header, children: { code: string; title: string }[]): JsonObject {
  return documentJson(kind, head, Object.fromEntries(children.map((c) => [c.code, { title: c.title, $ref: `${STD_URN_PREFIX}${c.code}` }])));
}

/** The JSON Merge Patch (RFC 7386) the platinum variant applies to one instruction. */
export function platinumPatch(source: InstructionSource, platinum: PlatinumSource, options: BuildOptions): JsonObject {
  const properties: Record<string, JsonValue> = {};
  for (const [key, t] of Object.entries(platinum.tighten ?? {})) {
    const item = source.items.find((i) => i.key === key);
    if (!item) throw new Error(`${source.code}: platinum tightens unknown item "${key}"`);
    // For photos the limits are counts of photos; for numbers, the value itself.
    const patch: JsonObject = item.input.kind === 'photos'
      ? { ...(t.min !== undefined ? { minItems: t.min } : {}), ...(t.max !== undefined ? { maxItems: t.max } : {}) }
      : { ...limits(t) };
    if (t.pass) patch.enum = [...t.pass];
    if (t.description) patch.description = t.description;
    const check: JsonObject = {};
    if (t.tiers) check.tiers = [...t.tiers];
    if (t.severity) check.severity = t.severity;
    if (t.weight !== undefined) check.weight = t.weight;
    if (t.rectifyWithinHours !== undefined) check.rectifyWithinHours = t.rectifyWithinHours;
    if (Object.keys(check).length > 0) patch['x-check'] = check;
    properties[key] = patch;
  }
  for (const item of platinum.add ?? []) properties[item.key] = itemSchema(item, options.places ? placeOf(source, item) : undefined);
  const patch: JsonObject = { properties };
  if (platinum.add && platinum.add.length > 0) patch.required = [...source.items.map((i) => i.key), ...platinum.add.map((i) => i.key)];
  return patch;
}

/** The current (newest edition) form of a module: is the instruction part of it? */
export function isCurrent(instruction: InstructionSource): boolean {
  return !instruction.retired;
}

/** Whether the instruction existed in the earlier edition. */
export function inEarlierEdition(instruction: InstructionSource): boolean {
  return !instruction.introduced;
}

export function procedureChildren(procedure: ProcedureSource, edition: 'current' | 'earlier'): { code: string; title: string }[] {
  return procedure.instructions
    .filter((i) => (edition === 'current' ? isCurrent(i) : inEarlierEdition(i)))
    .map((i) => ({ code: i.code, title: edition === 'earlier' ? (i.revision?.before.title ?? i.title) : i.title }));
}

export function moduleChildren(module: ModuleSource): { code: string; title: string }[] {
  return module.procedures.map((p) => ({ code: p.code, title: p.title }));
}
