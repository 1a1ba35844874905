// Pure statistics of the effect evaluation: rates, Wilson intervals and the two-proportion z-test.

/** z for a two-sided 95 % level. */
const Z95 = 1.959964;

/** passed / applicable, rounded to 4 places; null when nothing applied. */
export function rateOf(passed: number, applicable: number): number | null {
  return applicable === 0 ? null : Math.round((passed / applicable) * 10000) / 10000;
}

/** The Wilson score 95 % interval of a rate (null when nothing applied): honest at small n and near 0 or 1. */
export function wilson(passed: number, applicable: number): { low: number; high: number } | null {
  if (applicable === 0) return null;
  const p = passed / applicable;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * applicable)) / (1 + z2 / applicable);
  const half = (Z95 / (1 + z2 / applicable)) * Math.sqrt((p * (1 - p)) / applicable + z2 / (4 * applicable * applicable));
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10000) / 10000;
  return { low: round(centre - half), high: round(centre + half) };
}

/**
 * The two-proportion z-test of the change from before to after (pooled): z, and whether the change
 * is significant at 95 %. Null when either side has nothing applied or both are all-or-nothing alike.
 */
export function twoProportionZ(before: { passed: number; applicable: number }, after: { passed: number; applicable: number }): { z: number; significant: boolean } | null {
  if (before.applicable === 0 || after.applicable === 0) return null;
  const pooled = (before.passed + after.passed) / (before.applicable + after.applicable);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / before.applicable + 1 / after.applicable));
  if (se === 0) return null;
  const z = (after.passed / after.applicable - before.passed / before.applicable) / se;
  return { z: Math.round(z * 100) / 100, significant: Math.abs(z) >= Z95 };
}
