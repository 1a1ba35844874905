import type { Intensity, Priority, ProblemType } from './types.ts';

/** Problem types whose harm is physical or legal: one strong complaint is already urgent. */
const SEVERE: ReadonlySet<ProblemType> = new Set(['security', 'emergency', 'facility_fault', 'renovation_dispute']);

/**
 * 解决优先级 from the three dimensions: the problem type (severe types weigh double), the intensity
 * (0–3) and repetition (items of the same type the project received in the window before this one:
 * a recurring problem is a systemic one). Praise asks for nothing; unclassified text goes to routine
 * handling so a person reads it.
 *
 * score = intensity × (severe ? 2 : 1) + min(repetition, 6) / 2 → P1 ≥ 5, P2 ≥ 3, P3 otherwise.
 */
export function priorityOf(problemType: ProblemType | null, intensity: Intensity, repetition: number): Priority {
  if (problemType === 'praise') return 'P4';
  if (problemType === null) return 'P3';
  const score = intensity * (SEVERE.has(problemType) ? 2 : 1) + Math.min(Math.max(repetition, 0), 6) / 2;
  return score >= 5 ? 'P1' : score >= 3 ? 'P2' : 'P3';
}
