/**
 * Key-driver analysis of a survey: which driver questions (环境品质, 服务响应…) move overall
 * satisfaction (relative weights), how well each performs (mean, top-2-box), and where each
 * lands on the importance × performance chart.
 */
import { DomainError } from '../../shared/errors.ts';
import { surveyResultsMessage } from '../survey-results.messages.ts';
import { relativeWeights } from './relative-weights.ts';

/** Fewer complete responses than this (or than drivers + 10) give no analysis. */
export const MIN_DRIVER_RESPONSES = 30;

/** Too few complete responses (every driver and the overall question answered) to analyse. */
export class TooFewResponsesError extends DomainError {
  readonly n: number;
  readonly required: number;
  constructor(n: number, required: number) {
    super(surveyResultsMessage('survey_results.too_few_responses', { n, required }));
    this.name = 'TooFewResponsesError';
    this.n = n;
    this.required = required;
  }
}

/** The responses cannot be analysed at all: no driver questions, or nothing to explain. */
export class NotAnalysableError extends DomainError {
  constructor(message: ConstructorParameters<typeof DomainError>[0]) {
    super(message);
    this.name = 'NotAnalysableError';
  }
}

/** A driver question: its answer key, the driver's name, and its scale. */
export interface DriverQuestion {
  key: string;
  name: string;
  min: number;
  max: number;
}

/**
 * strength 优势保持 (important, performing), improve 重点改进 (important, lagging),
 * maintain 适度维持 (less important, performing), monitor 次要改进 (less important, lagging).
 */
export type Quadrant = 'strength' | 'improve' | 'maintain' | 'monitor';

export interface DriverResult {
  key: string;
  name: string;
  /** raw relative weight (share of R²); null when the driver was excluded */
  weight: number | null;
  /** weight rescaled to percent of R² */
  importance: number | null;
  /** excluded from the regression because every complete response gave it the same score */
  constant: boolean;
  /** mean score over every answer to the driver */
  mean: number | null;
  /** the mean placed on its scale, 0 (min) … 1 (max): comparable across scales */
  performance: number | null;
  /** share of answers in the top two points of the scale */
  topTwoBox: number | null;
  answered: number;
  quadrant: Quadrant | null;
}

export interface KeyDriverResult {
  /** complete responses used (listwise) */
  n: number;
  rSquared: number;
  drivers: DriverResult[];
}

export type Answers = Record<string, unknown>;

const scoreOf = (answers: Answers, key: string): number | null => {
  const v = answers[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Mean, position on the scale and top-2-box of one driver over every response answering it. */
export function driverPerformance(responses: readonly Answers[], q: DriverQuestion): Pick<DriverResult, 'mean' | 'performance' | 'topTwoBox' | 'answered'> {
  let sum = 0;
  let top = 0;
  let answered = 0;
  for (const r of responses) {
    const s = scoreOf(r, q.key);
    if (s === null) continue;
    answered++;
    sum += s;
    if (s >= q.max - 1) top++;
  }
  if (answered === 0) return { mean: null, performance: null, topTwoBox: null, answered };
  const mean = sum / answered;
  return { mean, performance: q.max > q.min ? (mean - q.min) / (q.max - q.min) : null, topTwoBox: top / answered, answered };
}

/**
 * The key-driver analysis. Missing answers are handled listwise: only responses answering every
 * driver and the overall question enter the regression (the weights then describe one set of
 * people; pairwise correlations could give a non-positive-definite matrix). Performance uses every
 * answer to the driver. Drivers constant over the complete responses are excluded (weight null).
 */
export function keyDrivers(responses: readonly Answers[], drivers: readonly DriverQuestion[], overallKey: string): KeyDriverResult {
  const complete = responses.filter((r) => scoreOf(r, overallKey) !== null && drivers.every((d) => scoreOf(r, d.key) !== null));
  const required = Math.max(MIN_DRIVER_RESPONSES, drivers.length + 10);
  if (complete.length < required) throw new TooFewResponsesError(complete.length, required);
  const y = complete.map((r) => scoreOf(r, overallKey)!);
  if (isConstant(y)) throw new NotAnalysableError(surveyResultsMessage('survey_results.constant_overall'));
  const varying = drivers.filter((d) => !isConstant(complete.map((r) => scoreOf(r, d.key)!)));
  const weights = new Map<string, number>();
  let rSquared = 0;
  if (varying.length > 0) {
    const fit = relativeWeights(complete.map((r) => varying.map((d) => scoreOf(r, d.key)!)), y);
    varying.forEach((d, j) => weights.set(d.key, fit.raw[j]));
    rSquared = fit.rSquared;
  }
  const results = drivers.map((d): DriverResult => {
    const weight = weights.get(d.key) ?? null;
    const importance = weight === null || rSquared <= 0 ? null : (weight / rSquared) * 100;
    return { key: d.key, name: d.name, weight, importance, constant: weight === null, ...driverPerformance(responses, d), quadrant: null };
  });
  return { n: complete.length, rSquared, drivers: withQuadrants(results) };
}

/** Splits the chart at the mean importance and the mean performance of the analysed drivers. */
export function withQuadrants(drivers: DriverResult[]): DriverResult[] {
  const placed = drivers.filter((d) => d.importance !== null && d.performance !== null);
  if (placed.length === 0) return drivers;
  const midImportance = placed.reduce((s, d) => s + d.importance!, 0) / placed.length;
  const midPerformance = placed.reduce((s, d) => s + d.performance!, 0) / placed.length;
  return drivers.map((d) => {
    if (d.importance === null || d.performance === null) return d;
    const important = d.importance >= midImportance;
    const performing = d.performance >= midPerformance;
    const quadrant: Quadrant = important ? (performing ? 'strength' : 'improve') : performing ? 'maintain' : 'monitor';
    return { ...d, quadrant };
  });
}

function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
