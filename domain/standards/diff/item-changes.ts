import { canonicalJson, isJsonObject, pointer, type JsonObject, type JsonValue } from '../../shared/json.ts';
import { sameJson } from './json-tree.ts';
import { asObject, diffItemSchema, emit, member, type ChangeSink } from './schema-changes.ts';
import type { Change } from './change.ts';

/**
 * Reports check item changes: the entries of the top-level `properties` and the top-level
 * `required` list. Items come in `to`'s key order (each with its addition or rename first, then
 * its keyword changes, then its required flag), then `required` names that match no item, then
 * removed items in `from`'s order. A new item that is required also gets its `required` change;
 * a removed item does not (its removal says it all). Malformed `properties` / `required` are left to the caller,
 * which reports them as document changes (so call this only when `properties` is well formed).
 */
export function describeItems(from: JsonObject, to: JsonObject, out: Change[]): void {
  const fromItems = asObject(member(from, 'properties'));
  const toItems = asObject(member(to, 'properties'));
  const required = { from: requiredNames(from), to: requiredNames(to) };
  const renamed = findRenames(fromItems, toItems);
  const renamedFrom = new Set(renamed.values());

  for (const key of Object.keys(toItems)) {
    const item = toItems[key];
    const oldKey = Object.hasOwn(fromItems, key) ? key : renamed.get(key);
    // Most items are unchanged: skip them before building anything (sameJson is the faster equality).
    if (oldKey === key && sameJson(fromItems[key], item) && sameRequired(required.from, required.to, key)) continue;
    const sink: ChangeSink = { subject: { item: key, title: titleOf(item) }, out };
    const at = pointer('properties', key);
    if (oldKey === undefined) {
      emit(sink, { kind: 'item-added', pointer: at, after: item });
    } else {
      if (oldKey !== key) emit(sink, { kind: 'item-renamed', pointer: at, before: oldKey, after: key });
      diffItemSchema(sink, fromItems[oldKey], item, at, '');
    }
    if (required.from && required.to) requiredChange(sink, required.from, required.to, oldKey, key);
  }

  if (required.from && required.to) {
    for (const name of new Set([...required.to.keys(), ...required.from.keys()])) {
      if (Object.hasOwn(toItems, name) || Object.hasOwn(fromItems, name)) continue;
      requiredChange({ subject: { item: name }, out }, required.from, required.to, name, name);
    }
  }

  for (const key of Object.keys(fromItems)) {
    if (Object.hasOwn(toItems, key) || renamedFrom.has(key)) continue;
    const item = fromItems[key];
    emit({ subject: { item: key, title: titleOf(item) }, out }, { kind: 'item-removed', pointer: pointer('properties', key), before: item });
  }
}

/**
 * Pairs removed with added items whose schemas are equal apart from `title`: the key was renamed.
 * Returns new key → old key; ties go to the earliest removed item.
 */
function findRenames(fromItems: JsonObject, toItems: JsonObject): Map<string, string> {
  const removedBySchema = new Map<string, string[]>();
  for (const key of Object.keys(fromItems)) {
    if (Object.hasOwn(toItems, key)) continue;
    const shape = shapeKey(fromItems[key]);
    removedBySchema.set(shape, [...(removedBySchema.get(shape) ?? []), key]);
  }
  const renames = new Map<string, string>();
  if (removedBySchema.size === 0) return renames;
  for (const key of Object.keys(toItems)) {
    if (Object.hasOwn(fromItems, key)) continue;
    const oldKey = removedBySchema.get(shapeKey(toItems[key]))?.shift();
    if (oldKey !== undefined) renames.set(key, oldKey);
  }
  return renames;
}

function shapeKey(item: JsonValue): string {
  if (!isJsonObject(item) || !Object.hasOwn(item, 'title')) return canonicalJson(item);
  const { title: _title, ...rest } = item;
  return canonicalJson(rest);
}

/** Name → index in the document's top-level `required`; `undefined` when it is not a list of names. */
function requiredNames(doc: JsonObject): Map<string, number> | undefined {
  const list = member(doc, 'required') ?? [];
  if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) return undefined;
  const names = new Map<string, number>();
  list.forEach((name, i) => {
    if (!names.has(name as string)) names.set(name as string, i);
  });
  return names;
}

function sameRequired(was: Map<string, number> | undefined, now: Map<string, number> | undefined, key: string): boolean {
  return !was || !now || was.has(key) === now.has(key);
}

/** Becoming required tightens the check (pointer into `to`); ceasing to be required loosens it (pointer into `from`). */
function requiredChange(sink: ChangeSink, was: Map<string, number>, now: Map<string, number>, oldKey: string | undefined, key: string): void {
  const before = oldKey !== undefined && was.has(oldKey);
  const after = now.has(key);
  if (before === after) return;
  const at = after ? pointer('required', now.get(key) ?? 0) : pointer('required', was.get(oldKey ?? key) ?? 0);
  emit(sink, { kind: after ? 'constraint-tightened' : 'constraint-loosened', pointer: at, field: 'required', before, after });
}

/** An item's title, when it has a string one. */
export function titleOf(item: JsonValue | undefined): string | undefined {
  if (!isJsonObject(item)) return undefined;
  const title = member(item, 'title');
  return typeof title === 'string' ? title : undefined;
}
