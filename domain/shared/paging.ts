import { ValidationError, type Issue } from './errors.ts';

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
  if (!Number.isInteger(first) || first < 1 || first > sizes.maxSize) issues.push({ pointer: '/first', message: `must be between 1 and ${sizes.maxSize} (got ${first})` });
  if (!Number.isInteger(offset) || offset < 0 || offset > PAGE_LIMITS.maxOffset) issues.push({ pointer: '/offset', message: `must be between 0 and ${PAGE_LIMITS.maxOffset} (got ${offset})` });
  if (issues.length > 0) throw new ValidationError('The page asked for is out of range', issues);
  return { first, offset };
}

/** The cost of a paged list field for the request limits: what is selected per item, times the page size. */
export function pagedCost(args: PageArgs, sizes: { defaultSize: number; maxSize: number } = PAGE_LIMITS): { field: number; multiplier: number } {
  const first = args.first ?? sizes.defaultSize;
  return { field: 10, multiplier: Math.min(Math.max(first, 1), sizes.maxSize) };
}
