import { issue, type Issue } from '../shared/errors.ts';
import { canonicalJson, isJsonObject, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { standardMessage as m } from './standard.messages.ts';

type Path = (string | number)[];

/** Pairs of count limits where a maximum below its minimum leaves nothing to answer, with the message for each. */
const COUNT_PAIRS = [
  ['minLength', 'maxLength', 'standard.max_length_below_min'],
  ['minItems', 'maxItems', 'standard.max_items_below_min'],
  ['minProperties', 'maxProperties', 'standard.max_properties_below_min'],
  ['minContains', 'maxContains', 'standard.max_contains_below_min'],
] as const;

const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The types a schema node names (`undefined` when it names none). */
function typesOf(node: JsonObject): string[] | undefined {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type) && node.type.every((t) => typeof t === 'string')) return node.type as string[];
  return undefined;
}

/** The numeric range problem of one node, if its bounds leave no number (or, for integers, no whole number). */
function rangeIssue(node: JsonObject, path: Path): Issue | undefined {
  const min = num(node.minimum);
  const max = num(node.maximum);
  const xmin = num(node.exclusiveMinimum);
  const xmax = num(node.exclusiveMaximum);
  if (min !== undefined && max !== undefined && max < min) {
    const at = pointer(...path, 'maximum');
    return issue(at, m('standard.maximum_below_minimum', { pointer: at, minimum: min, maximum: max }));
  }
  // the strongest lower and upper bound, each with whether it is exclusive
  const lower = xmin !== undefined && (min === undefined || xmin >= min) ? { value: xmin, open: true } : min !== undefined ? { value: min, open: false } : undefined;
  const upper = xmax !== undefined && (max === undefined || xmax <= max) ? { value: xmax, open: true } : max !== undefined ? { value: max, open: false } : undefined;
  if (!lower || !upper) return undefined;
  const at = pointer(...path, upper.open ? 'exclusiveMaximum' : 'maximum');
  const params = { lower: lower.value, upper: upper.value };
  if (upper.value < lower.value || (upper.value === lower.value && (lower.open || upper.open))) {
    return issue(at, m('standard.bounds_exclude_all', params));
  }
  const types = typesOf(node);
  if (types && types.length === 1 && types[0] === 'integer') {
    const first = lower.open ? Math.floor(lower.value) + 1 : Math.ceil(lower.value);
    const last = upper.open ? Math.ceil(upper.value) - 1 : Math.floor(upper.value);
    if (first > last) return issue(at, m('standard.no_integer_in_range', params));
  }
  return undefined;
}

function typeOfValue(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value meets the node's own type, bounds and lengths (the keywords beside `const` / `enum`). */
export function meetsOwnLimits(value: JsonValue, node: JsonObject): boolean {
  const types = typesOf(node);
  const actual = typeOfValue(value);
  if (types && !types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return false;
  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = node;
    if (typeof minimum === 'number' && value < minimum) return false;
    if (typeof maximum === 'number' && value > maximum) return false;
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return false;
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof node.minLength === 'number' && length < node.minLength) return false;
    if (typeof node.maxLength === 'number' && length > node.maxLength) return false;
  }
  if (Array.isArray(value)) {
    if (typeof node.minItems === 'number' && value.length < node.minItems) return false;
    if (typeof node.maxItems === 'number' && value.length > node.maxItems) return false;
  }
  return true;
}

/** Problems of `const` and `enum`: an empty list, a const outside the list, values the node's own limits refuse. */
function valueIssues(node: JsonObject, path: Path): Issue[] {
  const issues: Issue[] = [];
  const hasConst = Object.hasOwn(node, 'const');
  if (Array.isArray(node.enum)) {
    const options = node.enum;
    if (options.length === 0) issues.push(issue(pointer(...path, 'enum'), m('standard.enum_empty')));
    else if (hasConst && !options.some((v) => canonicalJson(v) === canonicalJson(node.const as JsonValue))) {
      issues.push(issue(pointer(...path, 'const'), m('standard.const_not_in_enum', { value: node.const as JsonValue })));
    } else if (!options.some((v) => meetsOwnLimits(v, node))) {
      issues.push(issue(pointer(...path, 'enum'), m('standard.enum_impossible')));
    }
  }
  if (hasConst && issues.length === 0 && !meetsOwnLimits(node.const as JsonValue, node)) {
    issues.push(issue(pointer(...path, 'const'), m('standard.const_impossible', { value: node.const as JsonValue })));
  }
  return issues;
}

/**
 * Criteria of one schema node that no answer can meet: bounds that exclude every number (or every
 * whole number of an integer), a maximum length / count below its minimum, an empty `enum`, a
 * `const` outside the `enum` or breaking the node's own type and limits. Each issue points at the
 * keyword that closes the door, so an editor shows it on the check item it belongs to.
 */
export function unsatisfiableIssues(node: JsonObject, path: Path = []): Issue[] {
  const issues: Issue[] = [];
  const range = rangeIssue(node, path);
  if (range) issues.push(range);
  for (const [min, max, code] of COUNT_PAIRS) {
    const low = num(node[min]);
    const high = num(node[max]);
    if (low !== undefined && high !== undefined && high < low) issues.push(issue(pointer(...path, max), m(code, { min: low, max: high })));
  }
  issues.push(...valueIssues(node, path));
  return issues;
}

/** True when some answer could meet the node's own criteria (as far as `unsatisfiableIssues` can tell). */
export function isSatisfiable(node: JsonValue | undefined): boolean {
  return !isJsonObject(node) || unsatisfiableIssues(node).length === 0;
}
