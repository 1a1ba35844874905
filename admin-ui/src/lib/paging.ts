import { graphql, type ResultOf } from './graphql.ts';
import { setQuery, useLocation } from './router.tsx';

/** What the UI reads of a connection's pageInfo: whether a next page follows, and from where. */
export const PageInfoFields = graphql(`fragment PageInfoFields on PageInfo { hasNextPage endCursor }`);
export type PageInfo = ResultOf<typeof PageInfoFields>;

/**
 * Every node of a list the UI needs whole (reference data, editions, deployed processes): follows
 * the connection page by page until it ends.
 */
export async function allNodes<T>(load: (after: string | null) => Promise<{ nodes: T[]; pageInfo: PageInfo }>): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await load(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** The query parameter that keeps the pages a reader walked through (their cursors, comma-separated). */
export const PAGES_PARAM = 'pages';

export interface PageTrail {
  /** the cursor the current page starts after (null on the first page) */
  after: string | null;
  /** how many pages come before the current one */
  index: number;
  next(endCursor: string): void;
  previous(): void;
}

/**
 * A list read a page at a time with keyset cursors: the cursors of the pages walked through stay in
 * the address (`?pages=c1,c2`), so Previous goes back exactly and a reload or a shared link shows
 * the same page. Cursors are base64url, so commas cannot occur in them.
 */
export function usePageTrail(): PageTrail {
  const { query } = useLocation();
  const trail = (query.get(PAGES_PARAM) ?? '').split(',').filter(Boolean);
  return {
    after: trail.at(-1) ?? null,
    index: trail.length,
    next: (endCursor) => setQuery({ [PAGES_PARAM]: [...trail, endCursor].join(',') }),
    previous: () => setQuery({ [PAGES_PARAM]: trail.slice(0, -1).join(',') || null }),
  };
}
