import { diffArrays } from 'diff';
import { canonicalJson, type JsonValue } from '../../shared/json.ts';
import { sameJson } from './json-tree.ts';

/**
 * One run of an alignment of two arrays, read left to right: `equal` elements kept (`exact` when
 * they are identical, not only JSON-equal), or a region where `removed` elements of the old array
 * were replaced by `added` elements of the new one.
 */
export type AlignedRun = { equal: number; exact: boolean } | { removed: number; added: number };

/**
 * Edit length at which the Myers diff gives up. Myers costs about (length × edit length), so
 * this bounds the time; past it, alignment uses unique anchors, and failing those, positions.
 */
const MAX_EDIT_LENGTH = 128;

/**
 * Aligns two arrays. The common prefix and suffix are trimmed; the middle is aligned by a
 * bounded Myers diff over the canonical JSON of the elements. When that gives up (a large middle
 * with many edits), elements that occur exactly once on both sides anchor the alignment
 * (patience diff) and the gaps between anchors are diffed again, or, when still too different,
 * paired by position.
 */
export function alignArrays(from: JsonValue[], to: JsonValue[]): AlignedRun[] {
  let prefix = 0;
  const shortest = Math.min(from.length, to.length);
  while (prefix < shortest && sameJson(from[prefix], to[prefix])) prefix++;
  if (prefix === from.length && prefix === to.length) return prefix ? [{ equal: prefix, exact: true }] : [];
  let suffix = 0;
  while (suffix < shortest - prefix && sameJson(from[from.length - 1 - suffix], to[to.length - 1 - suffix])) suffix++;

  const oldKeys = from.slice(prefix, from.length - suffix).map(canonicalJson);
  const newKeys = to.slice(prefix, to.length - suffix).map(canonicalJson);
  const middle = myers(oldKeys, newKeys) ?? anchored(oldKeys, newKeys);
  return merge([{ equal: prefix, exact: true }, ...middle, { equal: suffix, exact: true }]);
}

function myers(a: string[], b: string[]): AlignedRun[] | undefined {
  if (a.length === 0 || b.length === 0) return [{ removed: a.length, added: b.length }];
  const hunks = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  return hunks?.map((h) =>
    h.added ? { removed: 0, added: h.count } : h.removed ? { removed: h.count, added: 0 } : { equal: h.count, exact: false },
  );
}

function anchored(a: string[], b: string[]): AlignedRun[] {
  const anchors = uniqueAnchors(a, b);
  // Each gap costs at most its longer side in operations; positions cost the longer array.
  let gapCost = 0;
  anchors.forEach(([x, y], i) => {
    const [px, py] = i === 0 ? [-1, -1] : anchors[i - 1];
    gapCost += Math.max(x - px - 1, y - py - 1);
  });
  const [lx, ly] = anchors.length ? anchors[anchors.length - 1] : [-1, -1];
  gapCost += Math.max(a.length - lx - 1, b.length - ly - 1);
  if (gapCost >= Math.max(a.length, b.length)) return [{ removed: a.length, added: b.length }];

  const runs: AlignedRun[] = [];
  let ai = 0;
  let bi = 0;
  for (const [x, y] of anchors) {
    const gapA = a.slice(ai, x);
    const gapB = b.slice(bi, y);
    runs.push(...(myers(gapA, gapB) ?? [{ removed: gapA.length, added: gapB.length }]), { equal: 1, exact: false });
    ai = x + 1;
    bi = y + 1;
  }
  const gapA = a.slice(ai);
  const gapB = b.slice(bi);
  runs.push(...(myers(gapA, gapB) ?? [{ removed: gapA.length, added: gapB.length }]));
  return runs;
}

/**
 * Pairs (old index, new index) of elements occurring exactly once on each side, reduced to the
 * longest sequence increasing on both sides (patience sorting, O(n log n)).
 */
function uniqueAnchors(a: string[], b: string[]): [number, number][] {
  const seen = new Map<string, { inA: number; inB: number; at: number }>();
  a.forEach((key, i) => {
    const entry = seen.get(key);
    if (entry) entry.inA++;
    else seen.set(key, { inA: 1, inB: 0, at: i });
  });
  const newIndexOf = new Map<number, number>();
  b.forEach((key, j) => {
    const entry = seen.get(key);
    if (entry && ++entry.inB === 1) newIndexOf.set(entry.at, j);
  });
  // A Map iterates in insertion order, i.e. by first index in `a`: the pairs come sorted by old index.
  const pairs: [number, number][] = [];
  for (const entry of seen.values()) {
    if (entry.inA === 1 && entry.inB === 1) pairs.push([entry.at, newIndexOf.get(entry.at) ?? 0]);
  }

  // tails[k]: index in `pairs` of the smallest new index ending an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, y], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const chain: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) chain.push(pairs[i]);
  return chain.reverse();
}

/** Drops empty runs and joins neighbours of the same kind, so a region is never split in two. */
function merge(runs: AlignedRun[]): AlignedRun[] {
  const out: AlignedRun[] = [];
  for (const run of runs) {
    if ('equal' in run ? run.equal === 0 : run.removed + run.added === 0) continue;
    const last = out[out.length - 1];
    if (last && 'equal' in last && 'equal' in run && last.exact === run.exact) last.equal += run.equal;
    else if (last && !('equal' in last) && !('equal' in run)) {
      last.removed += run.removed;
      last.added += run.added;
    } else out.push({ ...run });
  }
  return out;
}
