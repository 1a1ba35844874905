import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { GraphQLError, Kind, getOperationAST, type DocumentNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { transportMessage } from './transport.messages.ts';

/**
 * What one GraphQL request may ask for. Each limit is well above what the admin UI sends (measured
 * over its documents with the page sizes it sends: depth 5, 4 aliases, at most 190 tokens, cost at
 * most 18,010 — the standards tree's 500 documents) and far below what hurts the server. Field costs
 * are declared with the fields (`complexity`): a connection or list multiplies what is selected
 * under it by its page size.
 */
export const QUERY_LIMITS = {
  /** lexical tokens in the document (counted while parsing, so a huge document is never parsed whole) */
  tokens: 10_000,
  /** nesting of fields (fragments do not count) */
  depth: 8,
  /** aliased fields (the same field asked for many times) */
  aliases: 15,
  directives: 20,
  /** the operation's cost: 1 per field, lists times their size, expensive fields more */
  cost: 25_000,
} as const;
export type QueryLimit = keyof typeof QUERY_LIMITS;

/**
 * The declared cost of fields that do more than read a row: the request limit counts them so that a
 * few aliases of an expensive field are refused like many of a cheap one.
 */
export const FIELD_COST = {
  /** a diff of two whole editions (hundreds of documents) */
  editionDiff: 2000,
  /** recomputing every hash of the audit chain */
  auditChain: 2000,
  /** generating a checklist from the pinned standards */
  checklist: 200,
  /** a diff of two versions of one document; an aggregate over the findings or inspections */
  report: 100,
  /** a field that reads the database once per parent item */
  lookup: 5,
} as const;

/** The typed error of a refused request: `extensions` name the limit, its maximum and what was found. */
export function limitError(limit: Exclude<QueryLimit, 'tokens'>, found: number | null): GraphQLError {
  const message = transportMessage(`request.${limit}`, { found: found ?? '?', max: QUERY_LIMITS[limit] });
  return new GraphQLError(message.message, { extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, max: QUERY_LIMITS[limit], ...(found === null ? {} : { found }), messageCode: message.code, params: message.params } });
}

/** GraphQL Armor reports to the validation context instead of throwing, with our typed error. */
function reported(limit: Exclude<QueryLimit, 'tokens' | 'cost'>) {
  return [(context: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    context?.reportError(limitError(limit, Number.isNaN(found) ? null : found));
  }];
}

/** The one operation a request executes, with the fragments it may use. */
function operationOnly(document: DocumentNode, operationName: string | null | undefined): DocumentNode | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  return { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
}

/**
 * The request limits as Yoga plugins: tokens while parsing; depth, aliases and directives while
 * validating; the cost (from the fields' declared complexity and the request's variables) before
 * executing. A refused request gets one error naming the limit, and nothing runs.
 */
export function queryLimitPlugins(): Plugin[] {
  const costPlugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const document = operationOnly(args.document, args.operationName);
      if (!document) return;
      const { complexity } = complexityFromQuery(document, { schema: args.schema, ctx: args.contextValue as object, variables: (args.variableValues ?? {}) as Record<string, unknown> });
      if (complexity > QUERY_LIMITS.cost) {
        setResultAndStopExecution({ errors: [limitError('cost', complexity)] });
      }
    },
  };
  return [
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }) as Plugin,
    maxDepthPlugin({ n: QUERY_LIMITS.depth, flattenFragments: true, propagateOnRejection: false, onReject: reported('depth') }) as Plugin,
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, propagateOnRejection: false, onReject: reported('aliases') }) as Plugin,
    maxDirectivesPlugin({ n: QUERY_LIMITS.directives, propagateOnRejection: false, onReject: reported('directives') }) as Plugin,
    costPlugin,
  ];
}
