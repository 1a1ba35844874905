/**
 * Net Promoter Score: promoters answer 9–10, passives 7–8, detractors 0–6 on the 0–10
 * likelihood-to-recommend question; NPS = %promoters − %detractors, in points (−100…100).
 */

/** Below this many answers an NPS is flagged as a small sample and gets the adjusted interval. */
export const SMALL_SAMPLE = 30;

/** z of a two-sided 95 % interval. */
const Z95 = 1.959964;

export type NpsClass = 'promoter' | 'passive' | 'detractor';

export interface NpsFigure {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** NPS in points, null without answers */
  nps: number | null;
  /** 95 % interval in points, clamped to −100…100; null without answers */
  ciLow: number | null;
  ciHigh: number | null;
  /** n < SMALL_SAMPLE: the interval is the adjusted one and wide — read with care */
  smallSample: boolean;
}

/** The class of one 0–10 answer. */
export function npsClass(score: number): NpsClass {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** Counts of the three classes among answers (anything outside 0–10 or not an integer is ignored). */
export function npsCounts(scores: Iterable<number | null | undefined>): { promoters: number; passives: number; detractors: number } {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) {
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 10) continue;
    const c = npsClass(s);
    if (c === 'promoter') counts.promoters++;
    else if (c === 'passive') counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

/**
 * NPS with its 95 % interval from class counts. The difference of two multinomial proportions has
 * variance (pP + pD − (pP − pD)²) / n; the interval is the normal (Wald) one. Below SMALL_SAMPLE
 * answers the Wald interval is too narrow (and zero-wide when every answer agrees), so one
 * pseudo-answer is added to each class (n + 3) before computing it — an adjusted-Wald interval that
 * pulls towards 0 and keeps a sensible width; the point estimate stays the observed one.
 */
export function npsFromCounts(counts: { promoters: number; passives: number; detractors: number }): NpsFigure {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, ciLow: null, ciHigh: null, smallSample: true };
  const nps = ((promoters - detractors) / n) * 100;
  const smallSample = n < SMALL_SAMPLE;
  const [p, d, m] = smallSample ? [promoters + 1, detractors + 1, n + 3] : [promoters, detractors, n];
  const pP = p / m;
  const pD = d / m;
  const centre = pP - pD;
  const half = Z95 * Math.sqrt(Math.max(0, pP + pD - centre * centre) / m);
  const clamp = (x: number) => Math.min(100, Math.max(-100, x * 100));
  return { n, promoters, passives, detractors, nps, ciLow: clamp(centre - half), ciHigh: clamp(centre + half), smallSample };
}

/** NPS of a list of 0–10 answers. */
export function npsOf(scores: Iterable<number | null | undefined>): NpsFigure {
  return npsFromCounts(npsCounts(scores));
}

export type TrendGrain = 'month' | 'quarter';

/** The period label of a moment in China's time zone: 2026-03 or 2026-Q1. */
export function periodOf(at: Date, grain: TrendGrain): string {
  const china = new Date(at.getTime() + 8 * 3600_000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  return grain === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
}

export interface TrendPoint extends NpsFigure {
  period: string;
}

/** NPS per period (ascending), each with its own interval. */
export function npsTrend(answers: Iterable<{ nps: number | null; submittedAt: Date }>, grain: TrendGrain): TrendPoint[] {
  const byPeriod = new Map<string, number[]>();
  for (const a of answers) {
    if (a.nps === null) continue;
    const key = periodOf(a.submittedAt, grain);
    const list = byPeriod.get(key) ?? [];
    list.push(a.nps);
    byPeriod.set(key, list);
  }
  return [...byPeriod.keys()].sort().map((period) => ({ period, ...npsOf(byPeriod.get(period)!) }));
}

export type NpsCounts = { promoters: number; passives: number; detractors: number };

/** The quarter (2026-Q1) of a month (2026-03). */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/**
 * NPS and trend from class counts per month (what the database aggregates): the months' counts
 * summed for the whole, and per month or quarter for the trend.
 */
export function npsFromMonthlyCounts(cells: Iterable<{ month: string } & NpsCounts>, grain: TrendGrain): { figure: NpsFigure; trend: TrendPoint[] } {
  const total: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  const byPeriod = new Map<string, NpsCounts>();
  for (const c of cells) {
    const period = grain === 'month' ? c.month : quarterOfMonth(c.month);
    const sum = byPeriod.get(period) ?? { promoters: 0, passives: 0, detractors: 0 };
    for (const key of ['promoters', 'passives', 'detractors'] as const) {
      sum[key] += c[key];
      total[key] += c[key];
    }
    byPeriod.set(period, sum);
  }
  const trend = [...byPeriod.keys()].sort().map((period) => ({ period, ...npsFromCounts(byPeriod.get(period)!) })).filter((p) => p.n > 0);
  return { figure: npsFromCounts(total), trend };
}
