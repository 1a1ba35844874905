import { issue, ValidationError, type Issue } from './errors.ts';
import { sharedMessage } from './shared.messages.ts';

/** Page sizes of list queries (the README documents them): a default, a maximum, and the deepest offset. */
export const PAGE_LIMITS = { defaultSize: 50, maxSize: 500, maxOffset: 100_000 } as const;

export interface PageArgs {
  first?: number | null;
  offset?: number | null;
}

/**
 * Reads `first` and `offset` of a list request. Values out of range are refused with the
 * argument named — never clamped, so a client learns the limits instead of silently getting less.
 */
export function readPage(page: PageArgs, sizes: { defaultSize: number; maxSize: number } = PAGE_LIMITS): { first: number; offset: number } {
  const first = page.first ?? sizes.defaultSize;
  const offset = page.offset ?? 0;
  const issues: Issue[] = [];
  if (!Number.isInteger(first) || first < 1 || first > sizes.maxSize) issues.push(issue('/first', sharedMessage('page.first_out_of_range', { max: sizes.maxSize, value: first })));
  if (!Number.isInteger(offset) || offset < 0 || offset > PAGE_LIMITS.maxOffset) issues.push(issue('/offset', sharedMessage('page.offset_out_of_range', { max: PAGE_LIMITS.maxOffset, value: offset })));
  if (issues.length > 0) throw new ValidationError(sharedMessage('page.out_of_range'), issues);
  return { first, offset };
}

/** The cost of a paged list field for the request limits: what is selected per item, times the page size. */
export function pagedCost(args: PageArgs, sizes: { defaultSize: number; maxSize: number } = PAGE_LIMITS): { field: number; multiplier: number } {
  const first = args.first ?? sizes.defaultSize;
  return { field: 10, multiplier: Math.min(Math.max(first, 1), sizes.maxSize) };
}
