import { isJsonObject, type JsonObject, type JsonValue } from '../../shared/json.ts';

/**
 * Sets an own member of a JSON object. `defineProperty` keeps a key such as `__proto__` an
 * ordinary data member instead of touching the object's prototype.
 */
export function setMember(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Deep copy of a JSON value; shares nothing with the original. */
export function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setMember(copy, key, cloneJson(value[key]));
    return copy;
  }
  return value;
}

/**
 * Deep equality like `jsonEqual`, but numbers compare with `Object.is`, so `0` and `-0` differ.
 * Used where a patch must reproduce its target exactly, not just JSON-equivalently.
 */
export function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === 'number') return Object.is(a, b);
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameJson(a[key], b[key])) return false;
  return true;
}
