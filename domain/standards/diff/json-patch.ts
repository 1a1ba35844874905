import { isJsonObject, jsonEqual, pointer, type JsonObject, type JsonValue } from '../../shared/json.ts';
import { alignArrays } from './array-alignment.ts';
import { parseArrayIndex, parsePointer } from './json-pointer.ts';
import { cloneJson, sameJson, setMember } from './json-tree.ts';

/** One RFC 6902 JSON Patch operation. `path` and `from` are JSON Pointers (RFC 6901). */
export type PatchOperation =
  | { op: 'add'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: JsonValue }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: JsonValue };

/** A patch that cannot be applied: `index` is the failing operation, `path` the pointer at fault. */
export class PatchError extends Error {
  readonly path: string;
  readonly index: number;

  constructor(message: string, path: string, index: number) {
    super(`patch operation ${index} (${path || '<root>'}): ${message}`);
    this.name = 'PatchError';
    this.path = path;
    this.index = index;
  }
}

/**
 * Computes a JSON Patch that turns `from` into `to`. Objects are diffed key by key, arrays are
 * aligned (common prefix/suffix, then a Myers diff of the middle) so that an edit deep inside a
 * large document yields a few small operations. Values in the patch are copies; applying the
 * operations in order reproduces `to` exactly (object key order aside, which JSON leaves open).
 */
export function createPatch(from: JsonValue, to: JsonValue): PatchOperation[] {
  const state: DiffState = { ops: [], path: [] };
  diffValue(state, from, to);
  return state.ops;
}

/** The operations so far, and the reference tokens of the place being diffed (escaped only when used). */
interface DiffState {
  ops: PatchOperation[];
  path: (string | number)[];
}

function here(state: DiffState, last?: string | number): string {
  return last === undefined ? pointer(...state.path) : pointer(...state.path, last);
}

/** Appends the operations for one subtree; returns true when some part of `a` survives in `b`. */
function diffValue(state: DiffState, a: JsonValue, b: JsonValue): boolean {
  if (a === b && (typeof a !== 'number' || Object.is(a, b))) return true;
  if (Array.isArray(a) && Array.isArray(b)) return diffArray(state, a, b);
  if (isJsonObject(a) && isJsonObject(b)) return diffObject(state, a, b);
  if (sameJson(a, b)) return true;
  state.ops.push({ op: 'replace', path: here(state), value: cloneJson(b) });
  return false;
}

function diffChild(state: DiffState, token: string | number, a: JsonValue, b: JsonValue): boolean {
  state.path.push(token);
  const kept = diffValue(state, a, b);
  state.path.pop();
  return kept;
}

function diffObject(state: DiffState, a: JsonObject, b: JsonObject): boolean {
  const start = state.ops.length;
  let kept = false;
  let shared = 0;
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(b, key)) {
      state.ops.push({ op: 'remove', path: here(state, key) });
      continue;
    }
    shared++;
    if (diffChild(state, key, a[key], b[key])) kept = true;
  }
  const keysOfB = Object.keys(b);
  if (shared < keysOfB.length) {
    for (const key of keysOfB) {
      if (!Object.hasOwn(a, key)) state.ops.push({ op: 'add', path: here(state, key), value: cloneJson(b[key]) });
    }
  }
  return keepOrCollapse(state, kept, b, start);
}

function diffArray(state: DiffState, a: JsonValue[], b: JsonValue[]): boolean {
  const start = state.ops.length;
  let kept = false;
  // `index` is the position in the array as it is after the operations emitted so far.
  let index = 0;
  let ai = 0;
  let bi = 0;
  for (const run of alignArrays(a, b)) {
    if ('equal' in run) {
      if (!run.exact) for (let k = 0; k < run.equal; k++) diffChild(state, index + k, a[ai + k], b[bi + k]);
      kept = true;
      index += run.equal;
      ai += run.equal;
      bi += run.equal;
      continue;
    }
    const paired = Math.min(run.removed, run.added);
    for (let k = 0; k < paired; k++) if (diffChild(state, index + k, a[ai + k], b[bi + k])) kept = true;
    for (let k = paired; k < run.removed; k++) state.ops.push({ op: 'remove', path: here(state, index + paired) });
    for (let k = paired; k < run.added; k++) state.ops.push({ op: 'add', path: here(state, index + k), value: cloneJson(b[bi + k]) });
    index += run.added;
    ai += run.removed;
    bi += run.added;
  }
  return keepOrCollapse(state, kept, b, start);
}

/** When a container kept nothing of its old content, one `replace` is smaller than many ops. */
function keepOrCollapse(state: DiffState, kept: boolean, b: JsonValue, start: number): boolean {
  const { ops } = state;
  if (kept || ops.length - start <= 1) return kept || ops.length === start;
  ops.length = start;
  ops.push({ op: 'replace', path: here(state), value: cloneJson(b) });
  return false;
}

/**
 * Applies a JSON Patch (RFC 6902, all six operations) and returns the new document. The input is
 * never mutated, and the result shares no objects with the input or the patch. Throws
 * `PatchError` at the first operation that cannot be applied (bad pointer, missing target,
 * failed `test`, ...); the patch is all-or-nothing.
 */
export function applyPatch(doc: JsonValue, patch: PatchOperation[]): JsonValue {
  if (!Array.isArray(patch)) throw new PatchError('a patch must be an array of operations', '', 0);
  let root = cloneJson(doc);
  patch.forEach((operation, index) => {
    root = applyOperation(root, operation, index);
  });
  return root;
}

function applyOperation(root: JsonValue, operation: PatchOperation, index: number): JsonValue {
  // Patches arrive from storage and clients too, so the shape is checked, not trusted.
  const op = (isJsonObject(operation) ? operation : {}) as { op?: unknown; path?: unknown; from?: unknown; value?: JsonValue };
  if (typeof op.path !== 'string') throw new PatchError('operation has no string "path"', '', index);
  const path = op.path;
  const tokens = parseTokens(path, index);
  const value = (): JsonValue => {
    if (op.value === undefined) throw new PatchError(`"${String(op.op)}" needs a "value"`, path, index);
    return op.value;
  };
  const source = (): { from: string; tokens: string[] } => {
    if (typeof op.from !== 'string') throw new PatchError(`"${String(op.op)}" needs a string "from"`, path, index);
    return { from: op.from, tokens: parseTokens(op.from, index) };
  };

  switch (op.op) {
    case 'add':
      return addAt(root, tokens, cloneJson(value()), path, index);
    case 'remove':
      return removeAt(root, tokens, path, index);
    case 'replace':
      return replaceAt(root, tokens, cloneJson(value()), path, index);
    case 'test':
      if (!jsonEqual(getAt(root, tokens, path, index), value())) throw new PatchError('test failed: value differs', path, index);
      return root;
    case 'copy': {
      const src = source();
      return addAt(root, tokens, cloneJson(getAt(root, src.tokens, src.from, index)), path, index);
    }
    case 'move': {
      const src = source();
      const moved = getAt(root, src.tokens, src.from, index);
      if (src.from === path) return root;
      if (path.startsWith(`${src.from}/`)) throw new PatchError('cannot move a value into one of its own children', path, index);
      return addAt(removeAt(root, src.tokens, src.from, index), tokens, moved, path, index);
    }
    default:
      throw new PatchError(`unknown operation "${String(op.op)}"`, path, index);
  }
}

function parseTokens(ptr: string, index: number): string[] {
  const tokens = parsePointer(ptr);
  if (!tokens) throw new PatchError('malformed JSON pointer', ptr, index);
  return tokens;
}

/** Walks to the container holding the last token; every step before it must exist. */
function parentOf(root: JsonValue, tokens: string[], path: string, index: number): JsonValue {
  return getAt(root, tokens.slice(0, -1), path, index);
}

function getAt(root: JsonValue, tokens: string[], path: string, index: number): JsonValue {
  let node = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      const i = parseArrayIndex(token);
      if (i === undefined || i >= node.length) throw new PatchError(`no array element "${token}"`, path, index);
      node = node[i];
    } else if (isJsonObject(node)) {
      if (!Object.hasOwn(node, token)) throw new PatchError(`no member "${token}"`, path, index);
      node = node[token];
    } else {
      throw new PatchError(`cannot descend into a ${node === null ? 'null' : typeof node} at "${token}"`, path, index);
    }
  }
  return node;
}

function addAt(root: JsonValue, tokens: string[], value: JsonValue, path: string, index: number): JsonValue {
  if (tokens.length === 0) return value;
  const parent = parentOf(root, tokens, path, index);
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : parseArrayIndex(key);
    if (i === undefined || i > parent.length) throw new PatchError(`array index "${key}" out of range`, path, index);
    parent.splice(i, 0, value);
  } else if (isJsonObject(parent)) {
    setMember(parent, key, value);
  } else {
    throw new PatchError('parent is not an object or array', path, index);
  }
  return root;
}

function removeAt(root: JsonValue, tokens: string[], path: string, index: number): JsonValue {
  if (tokens.length === 0) throw new PatchError('cannot remove the document root', path, index);
  const parent = parentOf(root, tokens, path, index);
  const key = tokens[tokens.length - 1];
  getAt(parent, [key], path, index);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, JsonValue>)[key];
  return root;
}

function replaceAt(root: JsonValue, tokens: string[], value: JsonValue, path: string, index: number): JsonValue {
  if (tokens.length === 0) return value;
  const parent = parentOf(root, tokens, path, index);
  const key = tokens[tokens.length - 1];
  getAt(parent, [key], path, index);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else setMember(parent as Record<string, JsonValue>, key, value);
  return root;
}
