import { escapePointerToken, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from '../../shared/json.ts';
import { buildChange, type ChangeDraft, type Subject } from './change-summary.ts';
import { constraintDirection, isDirectional } from './constraint-direction.ts';
import { isSatisfiable } from '../satisfiable.ts';
import type { Change, ChangeKind } from './change.ts';
import { diffText } from './text-diff.ts';

/** Where found changes go, and whom (the document or one check item) they concern. */
export interface ChangeSink {
  subject: Subject;
  out: Change[];
}

/** Adds one change to a sink. */
export function emit(sink: ChangeSink, draft: ChangeDraft): void {
  sink.out.push(buildChange(sink.subject, draft));
}

/** Keys of `b` in its order, then the keys only `a` has, in `a`'s order. */
export function unionKeys(a: JsonObject, b: JsonObject): string[] {
  return [...Object.keys(b), ...Object.keys(a).filter((k) => !Object.hasOwn(b, k))];
}

/** An own member, or `undefined` (never an inherited property such as `constructor`). */
export function member(obj: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** True when both sides are present and JSON-equal. */
export function unchanged(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a !== undefined && b !== undefined && jsonEqual(a, b);
}

/** Text for diffing: a string, or (when `lists` is allowed) an array of strings; absent counts too. */
export function isText(value: JsonValue | undefined, lists: boolean): boolean {
  if (value === undefined || typeof value === 'string') return true;
  return lists && Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Reports a text change with its character-level diff; string lists are compared joined by newlines. */
export function emitText(
  sink: ChangeSink,
  place: { pointer: string; field: string; label?: string },
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  const text = (v?: JsonValue): string => (v === undefined ? '' : Array.isArray(v) ? v.join('\n') : String(v));
  emit(sink, { kind: 'text-changed', ...place, before, after, segments: diffText(text(before), text(after)) });
}

const CHECK_KINDS: Record<string, ChangeKind> = {
  severity: 'severity-changed',
  weight: 'weight-changed',
  tiers: 'tiers-changed',
};

/**
 * Reports how one check item's schema changed, keyword by keyword, descending into nested
 * `properties` and `items`. `pointer` locates the schema in the document; `label` is its place
 * relative to the item ('' for the item itself), used in summaries.
 */
export function diffItemSchema(sink: ChangeSink, a: JsonValue | undefined, b: JsonValue | undefined, pointer: string, label: string): void {
  if (!isJsonObject(a) || !isJsonObject(b)) {
    if (!unchanged(a, b)) emit(sink, { kind: 'constraint-changed', pointer, label: label || 'schema', before: a, after: b });
    return;
  }
  for (const key of unionKeys(a, b)) {
    const before = member(a, key);
    const after = member(b, key);
    if (unchanged(before, after)) continue;
    const at = `${pointer}/${escapePointerToken(key)}`;
    const place = label ? `${label}/${key}` : key;
    if ((key === 'title' || key === 'description') && isText(before, false) && isText(after, false)) {
      emitText(sink, { pointer: at, field: key, label: place }, before, after);
    } else if (key === 'x-check') {
      if (walkable(before, after)) diffCheck(sink, asObject(before), asObject(after), at);
      else emit(sink, { kind: 'check-changed', pointer: at, field: key, before, after });
    } else if (key === 'properties' && walkable(before, after)) {
      diffNestedProperties(sink, asObject(before), asObject(after), at, place);
    } else if (key === 'items' && isJsonObject(before) && isJsonObject(after)) {
      diffItemSchema(sink, before, after, at, place);
    } else {
      // criteria no answer can meet are not "tightened": the change breaks the item, it does not raise the bar
      const kind: ChangeKind = isDirectional(key) && isSatisfiable(b) ? `constraint-${constraintDirection(key, before, after)}` : 'constraint-changed';
      emit(sink, { kind, pointer: at, field: key, label: place, before, after });
    }
  }
}

function diffNestedProperties(sink: ChangeSink, a: JsonObject, b: JsonObject, pointer: string, label: string): void {
  for (const key of unionKeys(a, b)) {
    const before = member(a, key);
    const after = member(b, key);
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (before !== undefined && after !== undefined) diffItemSchema(sink, before, after, at, `${label}/${key}`);
    else emit(sink, { kind: 'constraint-changed', pointer: at, field: 'properties', label: `${label}/${key}`, before, after });
  }
}

/** `x-check` fields: severity, weight and tiers have their own kinds; every other field is `check-changed`. */
function diffCheck(sink: ChangeSink, a: JsonObject, b: JsonObject, pointer: string): void {
  for (const key of unionKeys(a, b)) {
    const before = member(a, key);
    const after = member(b, key);
    if (unchanged(before, after)) continue;
    const kind = Object.hasOwn(CHECK_KINDS, key) ? CHECK_KINDS[key] : 'check-changed';
    const field = `x-check/${key}`;
    emit(sink, { kind, pointer: `${pointer}/${escapePointerToken(key)}`, field, label: kind === 'check-changed' ? field : key, before, after });
  }
}

/**
 * True when two differing values can be compared member by member: both objects or absent, but
 * not "absent versus {}", a difference no member-by-member walk would see.
 */
export function walkable(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const objectOrAbsent = (v?: JsonValue): boolean => v === undefined || isJsonObject(v);
  const empty = (v?: JsonValue): boolean => isJsonObject(v) && Object.keys(v).length === 0;
  if (!objectOrAbsent(a) || !objectOrAbsent(b)) return false;
  return !((a === undefined && empty(b)) || (b === undefined && empty(a)));
}

/** An object member, `{}` when absent (after `walkable` said yes). */
export function asObject(value: JsonValue | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}
