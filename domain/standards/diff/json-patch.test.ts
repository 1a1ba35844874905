import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../shared/json.ts';
import { applyPatch, createPatch, PatchError, type PatchOperation } from './json-patch.ts';
import { cloneJson, sameJson, setMember } from './json-tree.ts';

type Gen = fc.GeneratorValue;

const oddKeys = ['a/b', '~', '~1', 'x~0y/', '', '__proto__', 'constructor', '0', '-'];
const keyArb = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...oddKeys));
const smallValue = (): fc.Arbitrary<JsonValue> => fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;

/** Returns a randomly edited copy of `value`: keys changed/added/removed, elements inserted/deleted/moved, nested. */
function randomEdit(value: JsonValue, g: Gen, depth = 0): JsonValue {
  if (Array.isArray(value)) {
    const next = value.slice();
    const edits = g(fc.nat, 3);
    for (let e = 0; e < edits; e++) {
      const action = g(fc.constantFrom, 'insert', 'delete', 'move', 'nested');
      if (action === 'insert') next.splice(g(fc.nat, next.length), 0, g(smallValue));
      else if (next.length === 0) continue;
      else if (action === 'delete') next.splice(g(fc.nat, next.length - 1), 1);
      else if (action === 'move') {
        const [moved] = next.splice(g(fc.nat, next.length - 1), 1);
        next.splice(g(fc.nat, next.length), 0, moved);
      } else if (depth < 4) {
        const i = g(fc.nat, next.length - 1);
        next[i] = randomEdit(next[i], g, depth + 1);
      }
    }
    return next;
  }
  if (value !== null && typeof value === 'object') {
    const next = cloneJson(value) as JsonObject;
    const keys = Object.keys(next);
    const edits = g(fc.nat, 3);
    for (let e = 0; e < edits; e++) {
      const action = g(fc.constantFrom, 'add', 'remove', 'change', 'nested');
      if (action === 'add') setMember(next, g(() => keyArb), g(smallValue));
      else if (keys.length === 0) continue;
      else {
        const key = keys[g(fc.nat, keys.length - 1)];
        if (!Object.hasOwn(next, key)) continue;
        if (action === 'remove') delete next[key];
        else if (action === 'change') setMember(next, key, g(smallValue));
        else if (depth < 4) setMember(next, key, randomEdit(next[key], g, depth + 1));
      }
    }
    return next;
  }
  return g(fc.boolean) ? g(smallValue) : value;
}

function expectRoundTrip(a: JsonValue, b: JsonValue): void {
  const snapshot = cloneJson(a);
  const result = applyPatch(a, createPatch(a, b));
  expect(sameJson(result, b)).toBe(true);
  expect(result).toEqual(b);
  expect(sameJson(a, snapshot)).toBe(true);
}

describe('createPatch / applyPatch round trip', () => {
  it('turns any JSON value into any other', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => expectRoundTrip(a as JsonValue, b as JsonValue)),
      { numRuns: 500 },
    );
  });

  it('turns a value into a random edit of itself', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.gen(), (a, g) => {
        const b = randomEdit(a as JsonValue, g);
        expectRoundTrip(a as JsonValue, b);
      }),
      { numRuns: 1000 },
    );
  });

  it('turns arrays into edited arrays, with moves and duplicates', () => {
    const arr = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.record({ k: fc.integer({ min: 0, max: 2 }) })), { maxLength: 12 });
    fc.assert(
      fc.property(arr, fc.gen(), (a, g) => expectRoundTrip(a, randomEdit(a, g))),
      { numRuns: 500 },
    );
  });
});

describe('createPatch on large arrays', () => {
  it('aligns long arrays with many edits in a few operations per edit', () => {
    const base = fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 300, maxLength: 600 });
    fc.assert(
      fc.property(base, fc.gen(), (a, g) => {
        // given 150 to 200 scattered edits: more than the bounded Myers diff accepts
        const b = a.slice();
        const edits = g(fc.integer, { min: 150, max: 200 });
        for (let e = 0; e < edits; e++) {
          const i = g(fc.nat, b.length - 1);
          const action = g(fc.constantFrom, 'insert', 'delete', 'change', 'move');
          if (action === 'insert') b.splice(i, 0, -1 - e);
          else if (action === 'delete') b.splice(i, 1);
          else if (action === 'change') b[i] = -10_000 - e;
          else b.splice(g(fc.nat, b.length - 1), 0, ...b.splice(i, 1));
        }
        // when
        const patch = createPatch(a, b);
        // then
        expect(applyPatch(a, patch)).toEqual(b);
        expect(patch.length).toBeLessThanOrEqual(2 * edits);
      }),
      // Shrinking arrays this long takes minutes; the first counterexample is enough.
      { numRuns: 50, endOnFailure: true },
    );
  });

  it('replaces a long array outright when nothing lines up', () => {
    const a = Array.from({ length: 1000 }, (_, i) => i);
    expect(createPatch(a, a.slice().reverse())).toEqual([{ op: 'replace', path: '', value: a.slice().reverse() }]);
  });
});

describe('createPatch output', () => {
  it('keeps -0 apart from 0, so the result is exactly `to`', () => {
    const patch = createPatch({ a: [0] }, { a: [-0] });
    expect(patch).toEqual([{ op: 'replace', path: '/a/0', value: -0 }]);
    expect(Object.is((applyPatch({ a: [0] }, patch) as { a: number[] }).a[0], -0)).toBe(true);
  });

  it('is empty for equal values, whatever the key order', () => {
    // given two JSON-equal documents
    const a = { x: 1, y: [1, { z: 'a' }] };
    const b = { y: [1, { z: 'a' }], x: 1 };
    // then
    expect(createPatch(a, b)).toEqual([]);
  });

  it('touches only the changed key, escaping "/" and "~"', () => {
    // given
    const a = { properties: { 'a/b~c': { minimum: 3, title: 't' }, other: { minimum: 1 } } };
    const b = { properties: { 'a/b~c': { minimum: 4, title: 't' }, other: { minimum: 1 } } };
    // then
    expect(createPatch(a, b)).toEqual([{ op: 'replace', path: '/properties/a~1b~0c/minimum', value: 4 }]);
  });

  it('edits an array element in place instead of replacing the array', () => {
    const a = { steps: ['一', { n: 1, t: 'x' }, '三'] };
    const b = { steps: ['一', { n: 2, t: 'x' }, '三', '四'] };
    expect(createPatch(a, b)).toEqual([
      { op: 'replace', path: '/steps/1/n', value: 2 },
      { op: 'add', path: '/steps/3', value: '四' },
    ]);
  });

  it('aligns inserted and deleted array elements', () => {
    const a = ['a', 'b', 'c', 'd', 'e'];
    const b = ['a', 'x', 'c', 'd', 'y', 'e'];
    const patch = createPatch(a, b);
    expect(patch).toEqual([
      { op: 'replace', path: '/1', value: 'x' },
      { op: 'add', path: '/4', value: 'y' },
    ]);
    expect(applyPatch(a, patch)).toEqual(b);
  });

  it('replaces a container that kept nothing', () => {
    expect(createPatch({ a: { p: 1, q: 2 } }, { a: { r: 3, s: 4 } })).toEqual([
      { op: 'replace', path: '/a', value: { r: 3, s: 4 } },
    ]);
  });

  it('copies values instead of sharing them with `to`', () => {
    const to = { a: { deep: [1] } };
    const patch = createPatch({}, to) as unknown as { value: { deep: number[] } }[];
    patch[0].value.deep.push(2);
    expect(to.a.deep).toEqual([1]);
  });
});

describe('applyPatch operations', () => {
  const doc = { 'a/b': 1, '~k': { list: [1, 2, 3] }, s: 'x' };

  it.each<[string, PatchOperation, JsonValue]>([
    ['add member', { op: 'add', path: '/n', value: { q: null } }, { ...doc, n: { q: null } }],
    ['add into array', { op: 'add', path: '/~0k/list/1', value: 9 }, { ...doc, '~k': { list: [1, 9, 2, 3] } }],
    ['append with -', { op: 'add', path: '/~0k/list/-', value: 4 }, { ...doc, '~k': { list: [1, 2, 3, 4] } }],
    ['add replaces a member', { op: 'add', path: '/s', value: 'y' }, { ...doc, s: 'y' }],
    ['remove member with "/"', { op: 'remove', path: '/a~1b' }, { '~k': { list: [1, 2, 3] }, s: 'x' }],
    ['remove element', { op: 'remove', path: '/~0k/list/0' }, { ...doc, '~k': { list: [2, 3] } }],
    ['replace', { op: 'replace', path: '/~0k/list/2', value: 'z' }, { ...doc, '~k': { list: [1, 2, 'z'] } }],
    ['replace root', { op: 'replace', path: '', value: [1] }, [1]],
    ['move', { op: 'move', from: '/a~1b', path: '/~0k/list/0' }, { '~k': { list: [1, 1, 2, 3] }, s: 'x' }],
    ['move within array', { op: 'move', from: '/~0k/list/0', path: '/~0k/list/2' }, { ...doc, '~k': { list: [2, 3, 1] } }],
    ['move to itself', { op: 'move', from: '/s', path: '/s' }, doc],
    ['copy', { op: 'copy', from: '/~0k', path: '/c' }, { ...doc, c: { list: [1, 2, 3] } }],
    ['test passes', { op: 'test', path: '/~0k', value: { list: [1, 2, 3] } }, doc],
  ])('%s', (_name, operation, expected) => {
    // given
    const before = cloneJson(doc);
    // when
    const result = applyPatch(doc, [operation]);
    // then
    expect(result).toEqual(expected);
    expect(doc).toEqual(before);
  });

  it('makes a result that shares nothing with the input or the patch', () => {
    const value = { inner: [1] };
    const result = applyPatch(doc, [{ op: 'add', path: '/v', value }]) as { v: { inner: number[] }; '~k': { list: number[] } };
    result.v.inner.push(2);
    result['~k'].list.push(4);
    expect(value.inner).toEqual([1]);
    expect(doc['~k'].list).toEqual([1, 2, 3]);
  });

  it('keeps "__proto__" an ordinary member', () => {
    const result = applyPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as JsonObject;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('applyPatch errors', () => {
  const doc = { a: { b: [1, 2] }, s: 'x' };

  it.each<[string, PatchOperation[], string, number]>([
    ['pointer without leading /', [{ op: 'add', path: 'a', value: 1 }], 'a', 0],
    ['bad ~ escape', [{ op: 'add', path: '/a~2', value: 1 }], '/a~2', 0],
    ['missing parent', [{ op: 'add', path: '/x/y', value: 1 }], '/x/y', 0],
    ['index past the end', [{ op: 'add', path: '/a/b/3', value: 1 }], '/a/b/3', 0],
    ['index with leading zero', [{ op: 'replace', path: '/a/b/01', value: 1 }], '/a/b/01', 0],
    ['- outside add', [{ op: 'remove', path: '/a/b/-' }], '/a/b/-', 0],
    ['remove missing member', [{ op: 'test', path: '/s', value: 'x' }, { op: 'remove', path: '/nope' }], '/nope', 1],
    ['replace missing member', [{ op: 'replace', path: '/nope', value: 1 }], '/nope', 0],
    ['descend into a string', [{ op: 'add', path: '/s/0', value: 1 }], '/s/0', 0],
    ['remove the root', [{ op: 'remove', path: '' }], '', 0],
    ['failed test', [{ op: 'test', path: '/a/b', value: [2, 1] }], '/a/b', 0],
    ['move from missing', [{ op: 'move', from: '/nope', path: '/s' }], '/nope', 0],
    ['move into own child', [{ op: 'move', from: '/a', path: '/a/c' }], '/a/c', 0],
    ['copy from missing', [{ op: 'copy', from: '/a/b/5', path: '/c' }], '/a/b/5', 0],
    ['unknown op', [{ op: 'frobnicate', path: '/s' } as unknown as PatchOperation], '/s', 0],
    ['missing value', [{ op: 'add', path: '/s' } as unknown as PatchOperation], '/s', 0],
    ['missing from', [{ op: 'copy', path: '/s' } as unknown as PatchOperation], '/s', 0],
  ])('%s', (_name, patch, path, index) => {
    // given
    const before = cloneJson(doc);
    // when
    let error: unknown;
    try {
      applyPatch(doc, patch);
    } catch (e) {
      error = e;
    }
    // then
    expect(error).toBeInstanceOf(PatchError);
    expect(error).toMatchObject({ path, index });
    expect(doc).toEqual(before);
  });
});
