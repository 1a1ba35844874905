import { createHash } from 'node:crypto';

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32) from a 32-bit state: the same state, the same draws. */
export function mulberry32(initial: number): () => number {
  let state = initial >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic pseudo-random sequence (mulberry32) seeded from text: the same seed, the same draws. */
export function seededRandom(seed: string): () => number {
  return mulberry32(createHash('sha256').update(seed).digest().readUInt32LE(0));
}

/** How many items a stratum of `size` contributes to a monthly flying inspection. */
export function sampleSize(size: number): number {
  return Math.min(size, Math.max(4, Math.ceil(size * 0.25)));
}

/**
 * A stratified random sample: from each stratum, `sampleSize` members drawn with a generator seeded
 * by `seed` and the stratum's key, kept in their original order. An auditor who knows the seed
 * (project and month) reproduces the sample exactly.
 */
export function stratifiedSample<T>(members: T[], stratumOf: (m: T) => string, seed: string): T[] {
  const strata = new Map<string, number[]>();
  members.forEach((m, i) => strata.set(stratumOf(m), [...(strata.get(stratumOf(m)) ?? []), i]));
  const chosen = new Set<number>();
  for (const [key, indexes] of [...strata].sort(([a], [b]) => a.localeCompare(b))) {
    const random = seededRandom(`${seed}|${key}`);
    const pool = [...indexes];
    const n = sampleSize(pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      chosen.add(pool[i]);
    }
  }
  return members.filter((_, i) => chosen.has(i));
}
