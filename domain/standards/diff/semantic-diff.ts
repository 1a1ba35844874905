import { pointer, type JsonObject, type JsonValue } from '../../shared/json.ts';
import { describeItems } from './item-changes.ts';
import { asObject, emit, emitText, isText, member, unchanged, unionKeys, walkable, type ChangeSink } from './schema-changes.ts';

import type { Change } from './change.ts';

export type { Change, ChangeKind } from './change.ts';

/**
 * Describes how a standard changed between two versions, for people (auditors) rather than
 * tools. Every difference is reported once. Order: document-level changes in `to`'s key order
 * (keys only `from` has after them), then check items in `to`'s key order, then `required` names
 * matching no item, then removed items in `from`'s order.
 */
export function describeChanges(from: JsonObject, to: JsonObject): Change[] {
  const out: Change[] = [];
  const doc: ChangeSink = { subject: {}, out };
  const itemsWellFormed = walkable(member(from, 'properties') ?? {}, member(to, 'properties') ?? {});
  for (const key of unionKeys(from, to)) {
    const before = member(from, key);
    const after = member(to, key);
    if ((itemsWellFormed && handledAsItems(key, before, after)) || unchanged(before, after)) continue;
    const at = pointer(key);
    if ((key === 'title' || key === 'description') && isText(before, false) && isText(after, false)) {
      emitText(doc, { pointer: at, field: key }, before, after);
    } else if (key === 'x-standard' && walkable(before, after)) {
      diffStandardMeta(doc, asObject(before), asObject(after));
    } else {
      emit(doc, { kind: 'document-changed', pointer: at, field: key, before, after });
    }
  }
  if (itemsWellFormed) describeItems(from, to, out);
  return out;
}

/**
 * Well-formed `properties` and `required` are reported per check item, not as document changes
 * (except "absent versus empty", which no item would show).
 */
function handledAsItems(key: string, before: JsonValue | undefined, after: JsonValue | undefined): boolean {
  if (key === 'properties') return walkable(before, after);
  if (key !== 'required' || !isNameList(before) || !isNameList(after)) return false;
  return !((before === undefined && isEmptyList(after)) || (after === undefined && isEmptyList(before)));
}

/** `x-standard`: texts under `body` are text changes; every other field is a document change. */
function diffStandardMeta(doc: ChangeSink, a: JsonObject, b: JsonObject): void {
  for (const key of unionKeys(a, b)) {
    const before = member(a, key);
    const after = member(b, key);
    if (unchanged(before, after)) continue;
    const place = { pointer: pointer('x-standard', key), field: `x-standard/${key}` };
    if (key === 'body') diffBody(doc, before, after, place);
    else emit(doc, { kind: 'document-changed', ...place, before, after });
  }
}

/** Walks `x-standard/body`: each string or string list is a text change, anything else a document change. */
function diffBody(doc: ChangeSink, a: JsonValue | undefined, b: JsonValue | undefined, place: { pointer: string; field: string }): void {
  if (unchanged(a, b)) return;
  if (walkable(a, b)) {
    const before = asObject(a);
    const after = asObject(b);
    for (const key of unionKeys(before, after)) {
      const child = { pointer: `${place.pointer}${pointer(key)}`, field: `${place.field}/${key}` };
      diffBody(doc, member(before, key), member(after, key), child);
    }
  } else if (isText(a, true) && isText(b, true)) {
    emitText(doc, place, a, b);
  } else {
    emit(doc, { kind: 'document-changed', ...place, before: a, after: b });
  }
}

function isEmptyList(value: JsonValue | undefined): boolean {
  return Array.isArray(value) && value.length === 0;
}

function isNameList(value: JsonValue | undefined): boolean {
  return value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}
