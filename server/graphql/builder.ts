import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphQLContext } from './context.ts';

/** The Pothos schema builder: plugins and scalar types, nothing else. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
  // every connection counts its whole list, only when the client asks for totalCount
  Connection: { totalCount: () => Promise<number> };
}>({
  plugins: [ComplexityPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: { directResult: true },
  // fields declare their cost; the request limits (query-limits.ts) add it up before executing
  complexity: { defaultComplexity: 1, defaultListMultiplier: 10, disabled: true },
  relay: { clientMutationId: 'omit', cursorType: 'String', nodeQueryOptions: false, nodesQueryOptions: false, edgesFieldOptions: { complexity: { field: 1, multiplier: 1 } }, nodesOnConnection: { complexity: { field: 1, multiplier: 1 } } },
});
