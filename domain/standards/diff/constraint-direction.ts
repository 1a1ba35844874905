import { canonicalJson, type JsonValue } from '../../shared/json.ts';

/** How a constraint change moves the pass criterion: stricter, more lenient, or neither. */
export type Direction = 'tightened' | 'loosened' | 'changed';

/** Keywords whose larger value is stricter. */
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
/** Keywords whose smaller value is stricter. */
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);
/** Keywords that restrict by being present at all; a changed value has no direction. */
const PRESENCE = new Set(['pattern', 'format', 'const', 'multipleOf']);

/** True for the keywords `constraintDirection` can judge. */
export function isDirectional(keyword: string): boolean {
  return (
    LOWER_BOUNDS.has(keyword) || UPPER_BOUNDS.has(keyword) || PRESENCE.has(keyword) ||
    keyword === 'enum' || keyword === 'type' || keyword === 'required'
  );
}

/**
 * Judges the change of one JSON Schema keyword (`undefined` = absent). Adding a constraint
 * tightens and removing it loosens; bounds compare numerically; `enum` and `required` compare as
 * sets; `type` compares the sets of accepted types (`integer` counts as part of `number`).
 */
export function constraintDirection(keyword: string, before: JsonValue | undefined, after: JsonValue | undefined): Direction {
  if (before === undefined) return 'tightened';
  if (after === undefined) return 'loosened';
  if (LOWER_BOUNDS.has(keyword) || UPPER_BOUNDS.has(keyword)) {
    if (typeof before !== 'number' || typeof after !== 'number' || before === after) return 'changed';
    return (after > before) === LOWER_BOUNDS.has(keyword) ? 'tightened' : 'loosened';
  }
  if (keyword === 'enum') return setDirection(after, before);
  if (keyword === 'required') return setDirection(before, after);
  if (keyword === 'type') return typeDirection(before, after);
  return 'changed';
}

/** Tightened when only `b` has extra members, loosened when only `a` has, otherwise changed. */
function setDirection(a: JsonValue, b: JsonValue): Direction {
  const { onlyInA, onlyInB } = compareSets(a, b);
  if (onlyInA === undefined || onlyInB === undefined) return 'changed';
  if (onlyInA.length === 0 && onlyInB.length > 0) return 'tightened';
  if (onlyInB.length === 0 && onlyInA.length > 0) return 'loosened';
  return 'changed';
}

/** Members (by canonical JSON) found in only one of two arrays; `undefined` when either is not an array. */
export function compareSets(a: JsonValue | undefined, b: JsonValue | undefined): { onlyInA?: JsonValue[]; onlyInB?: JsonValue[] } {
  if (!Array.isArray(a) || !Array.isArray(b)) return {};
  const keysA = new Set(a.map(canonicalJson));
  const keysB = new Set(b.map(canonicalJson));
  return {
    onlyInA: a.filter((v) => !keysB.has(canonicalJson(v))),
    onlyInB: b.filter((v) => !keysA.has(canonicalJson(v))),
  };
}

function typeDirection(before: JsonValue, after: JsonValue): Direction {
  const was = typeSet(before);
  const now = typeSet(after);
  if (!was || !now) return 'changed';
  const nowWithinWas = [...now].every((t) => accepts(was, t));
  const wasWithinNow = [...was].every((t) => accepts(now, t));
  if (nowWithinWas && !wasWithinNow) return 'tightened';
  if (wasWithinNow && !nowWithinWas) return 'loosened';
  return 'changed';
}

function typeSet(value: JsonValue): Set<string> | undefined {
  if (typeof value === 'string') return new Set([value]);
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return new Set(value as string[]);
  return undefined;
}

function accepts(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}
