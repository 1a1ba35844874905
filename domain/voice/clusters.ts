/**
 * Rising clusters (上升问题簇): a problem type growing in a project — this window against the
 * window of equal length just before it — or the same type rising in several projects at once
 * (an organisation-wide issue: a policy, a season, a supplier). Pure: counts in, clusters out.
 *
 * A type rises in a project when, this window, it has at least MIN_COUNT items, at least
 * GROWTH_RATIO times as many as the previous window (any count ≥ MIN_COUNT over none rises), and
 * the rise is more than chance: were the rate unchanged, each of the two windows' items would fall
 * in this window with probability ½, so the one-sided binomial tail P(X ≥ count | n = both windows)
 * must be below MAX_P_VALUE — with some 200 project × type cells a month, a bare ratio flags noise.
 * It rises across projects when it rises in at least CROSS_PROJECT_MIN projects and its total over
 * every project grows too. Praise and suggestions are not problems and never form clusters.
 */
export const CLUSTER_RULES = { minCount: 5, growthRatio: 1.5, maxPValue: 0.01, crossProjectMin: 2 } as const;

/** Feedback kinds that ask for no correction. */
const NOT_PROBLEMS: ReadonlySet<string> = new Set(['praise', 'suggestion']);

/**
 * P(X ≥ k) for X ~ Binomial(n, ½): exact (in logarithms) up to 1,000 trials, the normal
 * approximation with continuity correction beyond.
 */
export function upperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (n > 1000) return 0.5 * erfc((k - 0.5 - n / 2) / Math.sqrt(n / 4) / Math.SQRT2);
  let logChoose = 0; // log C(n, 0)
  let total = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) total += Math.exp(logChoose - n * Math.LN2);
  }
  return Math.min(1, total);
}

/** The complementary error function (Abramowitz and Stegun 7.1.26, |error| < 1.5e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

export interface TypeCount {
  projectId: number;
  problemType: string;
  count: number;
}

/** A period of days, inclusive (YYYY-MM-DD). */
export interface Window {
  from: string;
  to: string;
}

export interface Cluster {
  /** stable: the type, the project (`*` across projects) and the window — the same data gives the same key */
  key: string;
  problemType: string;
  /** null: rising across projects */
  projectId: number | null;
  /** the projects it rises in (one for a project's cluster) */
  projectIds: number[];
  window: Window;
  previous: Window;
  count: number;
  previousCount: number;
  /** count / previousCount; null when the previous window had none */
  growth: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The window of equal length that ends the day before `window` starts. */
export function previousWindow(window: Window): Window {
  const start = dayNumber(window.from);
  const length = dayNumber(window.to) - start + 1;
  return { from: dayOf(start - length), to: dayOf(start - 1) };
}

const rises = (count: number, previousCount: number) =>
  count >= CLUSTER_RULES.minCount && count >= CLUSTER_RULES.growthRatio * previousCount && upperTail(count, count + previousCount) < CLUSTER_RULES.maxPValue;
const growthOf = (count: number, previousCount: number) => (previousCount === 0 ? null : Math.round((count / previousCount) * 100) / 100);
const keyOf = (type: string, projectId: number | null, w: Window) => `${type}:${projectId ?? '*'}:${w.from}..${w.to}`;

/** The rising clusters, projects' first (fastest growing first), then those across projects. */
export function risingClusters(now: readonly TypeCount[], before: readonly TypeCount[], window: Window): Cluster[] {
  const previous = previousWindow(window);
  const previousOf = new Map(before.map((c) => [`${c.projectId}/${c.problemType}`, c.count]));
  const inProjects = now
    .map((c) => ({ ...c, previousCount: previousOf.get(`${c.projectId}/${c.problemType}`) ?? 0 }))
    .filter((c) => !NOT_PROBLEMS.has(c.problemType) && rises(c.count, c.previousCount))
    .map((c): Cluster => ({
      key: keyOf(c.problemType, c.projectId, window), problemType: c.problemType, projectId: c.projectId, projectIds: [c.projectId], window, previous,
      count: c.count, previousCount: c.previousCount, growth: growthOf(c.count, c.previousCount),
    }))
    .sort((a, b) => (b.growth ?? Infinity) - (a.growth ?? Infinity) || b.count - a.count || a.key.localeCompare(b.key));
  const byType = new Map<string, Cluster[]>();
  for (const c of inProjects) byType.set(c.problemType, [...(byType.get(c.problemType) ?? []), c]);
  const across = [...byType.entries()]
    .filter(([, clusters]) => clusters.length >= CLUSTER_RULES.crossProjectMin)
    .map(([type, clusters]): Cluster => {
      const count = sumOf(now, type);
      const previousCount = sumOf(before, type);
      return { key: keyOf(type, null, window), problemType: type, projectId: null, projectIds: clusters.map((c) => c.projectId!).sort((a, b) => a - b), window, previous, count, previousCount, growth: growthOf(count, previousCount) };
    })
    .filter((c) => c.count > c.previousCount)
    .sort((a, b) => b.projectIds.length - a.projectIds.length || a.key.localeCompare(b.key));
  return [...inProjects, ...across];
}

const sumOf = (counts: readonly TypeCount[], type: string) => counts.filter((c) => c.problemType === type).reduce((n, c) => n + c.count, 0);
