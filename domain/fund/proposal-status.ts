/** Where a proposal stands, as the portfolio groups them. */
export const PROPOSAL_STATUSES = ['submitted', 'in_review', 'approved', 'rejected', 'implemented', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A measured effect: an indicator before and after, and the change in percent (negative: it fell). */
export interface ProposalEffect {
  indicator: string | null;
  before: number | null;
  after: number | null;
  changePercent: number | null;
  outcome: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The effect recorded at the evaluation: indicator, before and after (version 2 of the process), or
 * the fall in faults in percent of version 1. Null before the evaluation.
 */
export function effectOf(variables: Record<string, unknown>): ProposalEffect | null {
  const before = num(variables.before);
  const after = num(variables.after);
  const outcome = str(variables.outcome);
  if (before !== null && after !== null) {
    return { indicator: str(variables.indicator), before, after, changePercent: before > 0 ? Math.round(((after - before) / before) * 1000) / 10 : null, outcome };
  }
  const reduction = num(variables.faultReduction);
  if (reduction !== null || outcome) return { indicator: null, before: null, after: null, changePercent: reduction === null ? null : -reduction, outcome };
  return null;
}

/** The budget the committee granted: its `budget` when it approved (and HQ did not refuse). */
export function grantedOf(variables: Record<string, unknown>, status: ProposalStatus): number | null {
  if (variables.approved !== true || status === 'rejected') return null;
  return num(variables.budget);
}
