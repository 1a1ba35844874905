import type { ArgBuilder, ObjectRef, SchemaTypes } from '@pothos/core';
import { PAGE_LIMITS, type Page, type PageArgs, type PageSizes } from '../../domain/shared/paging.ts';
import { builder } from './builder.ts';

/**
 * The one way lists of records are served: relay connections (`edges { cursor node }`, `nodes`,
 * `pageInfo`, `totalCount`) built from a domain `Page`, paged with `first` / `after` (and, where a
 * list allows it, `last` / `before`) over opaque keyset cursors.
 */

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

builder.globalConnectionField('totalCount', (t) => t.int({ description: 'How many items the whole list has (every page).', resolve: (connection) => connection.totalCount() }));

/** The connection type of a list of `node`s, named `<Node>Connection` with edges `<Node>Edge`. */
export function connectionOf<T>(node: ObjectRef<Types, T>, name: string) {
  return builder.connectionObject({ type: node, name: `${name}Connection` }, { name: `${name}Edge` });
}

/** The arguments of a page, forwards: `first` items after the cursor `after`. */
export function pageArgs(arg: ArgBuilder<Types>, sizes: PageSizes = PAGE_LIMITS) {
  return {
    first: arg.int({ description: `How many items (1–${sizes.maxSize}, ${sizes.defaultSize} by default).` }),
    after: arg.string({ description: 'A cursor this list returned: the page starts after that item.' }),
  };
}

/** The arguments of a page, backwards: `last` items before the cursor `before`. */
export function backwardPageArgs(arg: ArgBuilder<Types>, sizes: PageSizes = PAGE_LIMITS) {
  return {
    last: arg.int({ description: `How many items before \`before\` (1–${sizes.maxSize}); instead of first.` }),
    before: arg.string({ description: 'A cursor this list returned: the page ends before that item.' }),
  };
}

/** A domain page as a connection. */
export function toConnection<T>(page: Page<T>) {
  const edges = page.items.map((node, i) => ({ node, cursor: page.cursors[i] }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

/** The cost of a connection field for the request limits: what is selected per item, times the page size. */
export function pagedCost(args: PageArgs, sizes: PageSizes = PAGE_LIMITS): { field: number; multiplier: number } {
  const size = args.first ?? args.last ?? sizes.defaultSize;
  return { field: 10, multiplier: Math.min(Math.max(size, 1), sizes.maxSize) };
}
