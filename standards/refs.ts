import { isJsonObject, pointer, type JsonValue } from './json.ts';

export const STD_URN_PREFIX = 'urn:pinzhi:std:';

/** A `$ref` from a document to another standard in the store. */
export interface StandardRef {
  /** JSON Pointer of the `$ref` keyword in the referring document. */
  pointer: string;
  /** The referenced standard's code. */
  code: string;
  /** The pinned version, when the ref is `urn:pinzhi:std:<code>@<version>`. */
  version?: number;
  /** A fragment after `#`, if any. */
  fragment?: string;
}

const REF_PATTERN = /^urn:pinzhi:std:([A-Z0-9.]+)(?:@(\d+))?(?:#(.*))?$/;

/** Parses a `urn:pinzhi:std:` reference; undefined for local (`#…`) and foreign refs. */
export function parseStandardRef(ref: string): Omit<StandardRef, 'pointer'> | undefined {
  const m = REF_PATTERN.exec(ref);
  if (!m) return undefined;
  return { code: m[1], ...(m[2] ? { version: Number(m[2]) } : {}), ...(m[3] !== undefined ? { fragment: m[3] } : {}) };
}

/** Every `$ref` to another standard, in document order (iterative: safe on deep input). */
export function collectStandardRefs(doc: JsonValue): StandardRef[] {
  const refs: StandardRef[] = [];
  const stack: { value: JsonValue; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (isJsonObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const child = value[key];
        if (key === '$ref' && typeof child === 'string') {
          const parsed = parseStandardRef(child);
          if (parsed) refs.push({ pointer: pointer(...path, key), ...parsed });
        } else if (key !== 'enum' && key !== 'const' && key !== 'examples' && key !== 'x-standard' && key !== 'x-check') {
          stack.push({ value: child, path: [...path, key] });
        }
      }
    }
  }
  return refs;
}

/**
 * Returns a copy of a document with its own `$id` and every standard `$ref` rewritten by `rewrite`
 * (used to pin an edition: `urn:pinzhi:std:M01` → `urn:pinzhi:std:M01@3`).
 */
export function rewriteStandardRefs(doc: JsonValue, rewrite: (ref: Omit<StandardRef, 'pointer'>) => string): JsonValue {
  if (Array.isArray(doc)) return doc.map((v) => rewriteStandardRefs(v, rewrite));
  if (!isJsonObject(doc)) return doc;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(doc)) {
    if ((key === '$ref' || key === '$id') && typeof value === 'string' && parseStandardRef(value)) {
      out[key] = rewrite(parseStandardRef(value)!);
    } else if (key === 'enum' || key === 'const' || key === 'examples' || key === 'x-standard' || key === 'x-check') {
      out[key] = value;
    } else {
      out[key] = rewriteStandardRefs(value, rewrite);
    }
  }
  return out;
}
