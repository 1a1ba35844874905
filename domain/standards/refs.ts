import { isJsonObject, pointer, type JsonValue } from '../shared/json.ts';
import { issue, type Issue } from '../shared/errors.ts';
import { standardMessage } from './standard.messages.ts';

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

const REF_PATTERN = /^urn:pinzhi:std:([A-Z0-9.-]+)(?:@(\d+))?(?:#(.*))?$/;

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

/** A `$ref` inside the document (`#/…`), where it stands and where it points. */
interface LocalRef {
  /** pointer of the object holding the `$ref` */
  at: string;
  /** pointer it refers to (decoded from the fragment) */
  target: string;
}

function localRefs(doc: JsonValue): LocalRef[] {
  const refs: LocalRef[] = [];
  const stack: { value: JsonValue; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (isJsonObject(value)) {
      if (typeof value.$ref === 'string' && value.$ref.startsWith('#')) {
        let target = value.$ref.slice(1);
        try {
          target = decodeURIComponent(target);
        } catch {
          // left as written: Ajv reports a ref it cannot resolve
        }
        refs.push({ at: pointer(...path), target });
      }
      for (const [k, v] of Object.entries(value)) if (k !== 'enum' && k !== 'const' && k !== 'examples') stack.push({ value: v, path: [...path, k] });
    }
  }
  return refs;
}

const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`) || outer === '';

/**
 * The first local `$ref` whose expansion never ends: following it leads, through the refs inside
 * what it points at, back to itself (`$defs/a → $defs/a`, `a → b → a`, or a ref to its own
 * ancestor). Checklists expand refs, so such a document cannot be a standard.
 */
export function localRefCycle(doc: JsonValue): Issue | undefined {
  const refs = localRefs(doc);
  // ref i leads to ref j when j stands inside what i points at
  const next = refs.map((r) => refs.map((s, j) => (within(s.at, r.target) ? j : -1)).filter((j) => j >= 0));
  const state = new Array<0 | 1 | 2>(refs.length).fill(0);
  for (let start = 0; start < refs.length; start++) {
    if (state[start] !== 0) continue;
    const stack: { node: number; edge: number }[] = [{ node: start, edge: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.edge >= next[top.node].length) {
        state[top.node] = 2;
        stack.pop();
        continue;
      }
      const j = next[top.node][top.edge++];
      if (state[j] === 1) {
        const path = [...stack.slice(stack.findIndex((f) => f.node === j)).map((f) => `#${refs[f.node].at}`), `#${refs[j].at}`];
        return issue(`${refs[j].at}/$ref`, standardMessage('standard.ref_cycle_local', { path }));
      }
      if (state[j] === 0) {
        state[j] = 1;
        stack.push({ node: j, edge: 0 });
      }
    }
  }
  return undefined;
}
