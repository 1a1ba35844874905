import { getOperationAST } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLContext } from './context.ts';
import { OPERATION_HEADER } from './response-meta.ts';

/**
 * Queries executed without Yoga's HTTP layer (issue 18). Yoga turns each node:http request into a
 * Fetch `Request`, runs its request parsers and parameter checks, and builds a Fetch `Response`:
 * on this machine that costs as much as a whole executed `standard(code)`. Here the HTTP front hands
 * a plain JSON query straight to the same envelop pipeline Yoga uses (`yoga.getEnveloped`: the same
 * schema, parse and validation caches, request limits, input guards, error masking and context),
 * and writes the result as Yoga's regular result processor would.
 *
 * Only the plain case is taken: a POST of `{ query, variables?, operationName? }` that parses and
 * validates to a query, answered without errors as JSON. Anything else — a mutation, GET, a batch,
 * multipart, a cross-origin call, an `Accept` that Yoga would answer with a stream, a parse or
 * validation error, a result with errors or HTTP extensions — returns null before anything is sent,
 * and the caller lets Yoga answer the request (a query that failed is executed once more by Yoga,
 * which formats and localises its errors; queries change nothing, so running one twice is harmless).
 */
export interface DirectParams {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface DirectAnswer {
  status: 200;
  headers: Record<string, string>;
  bytes: Buffer;
}

/** The parameters of a request body this path may take, or null. */
export function directParamsOf(body: unknown): DirectParams | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, variables, operationName, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length || typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, ...(variables ? { variables: variables as Record<string, unknown> } : {}), ...(operationName ? { operationName } : {}) };
}

const matches = (asked: string, offered: string): boolean => {
  const [askedType, askedSub] = asked.split('/');
  const [type, sub] = offered.split('/');
  return (type === '*' || type === askedType) && (sub === '*' || sub === askedSub);
};

/** Yoga's result processors in the order it tries them; only the last one writes a single JSON document. */
const PROCESSORS: { types: string[]; regular: boolean }[] = [
  { types: ['text/event-stream'], regular: false },
  { types: ['multipart/mixed'], regular: false },
  { types: ['application/graphql-response+json', 'application/json'], regular: true },
];

/**
 * The media type Yoga answers a successful query with for this `Accept`, when it is one of the
 * regular JSON ones; null when Yoga would stream the answer or refuse it (406). Same order as Yoga:
 * the asked types from last to first, each processor's types in turn, the last match winning.
 */
export function regularMediaType(accept: string | undefined): string | null {
  const asked = (accept || '*/*')
    .replace(/\s/g, '')
    .toLowerCase()
    .split(',')
    .flatMap((entry) => {
      const [type, ...params] = entry.split(';');
      return (params.find((p) => p.includes('charset=')) ?? 'charset=utf-8') === 'charset=utf-8' ? [type] : [];
    })
    .reverse();
  let chosen: string | null = null;
  for (const processor of PROCESSORS) for (const type of asked) for (const offered of processor.types) if (matches(offered, type)) chosen = processor.regular ? offered : null;
  return chosen;
}

/** Whether the request's headers allow this path (no CORS, an `Accept` answered with one JSON document). */
export function directMediaType(headers: IncomingHttpHeaders): string | null {
  if (headers.origin || !String(headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return null;
  return regularMediaType(headers.accept);
}

/**
 * Executes `params` through Yoga's envelop pipeline; the answer when it is a query answered without
 * errors, otherwise null (nothing has been sent; Yoga answers the request).
 * `request` is the Fetch request the resolvers see as `ctx.request`; `serverContext` is what the
 * HTTP front passes to Yoga (the client's address, the caller it already read).
 */
export async function executeDirectly(
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>,
  request: Request,
  params: DirectParams,
  mediaType: string,
  serverContext: Record<string, unknown>,
  extraHeaders: (request: Request) => Headers,
): Promise<DirectAnswer | null> {
  const enveloped = yoga.getEnveloped({ ...serverContext, request, params } as never);
  let document;
  try {
    document = enveloped.parse(params.query);
  } catch {
    return null;
  }
  if (getOperationAST(document, params.operationName)?.operation !== 'query') return null;
  if (enveloped.validate(enveloped.schema, document).length) return null;
  let result;
  try {
    const contextValue = await enveloped.contextFactory();
    result = await enveloped.execute({ schema: enveloped.schema, document, contextValue, variableValues: params.variables, operationName: params.operationName });
  } catch {
    // Yoga reports what went wrong (for example a variable of the wrong type) in its own words
    return null;
  }
  if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return null;
  if (result.errors?.length || (result.extensions as { http?: unknown } | undefined)?.http) return null;
  const bytes = Buffer.from(JSON.stringify(result));
  const headers: Record<string, string> = { 'content-type': `${mediaType}; charset=utf-8`, 'content-length': String(bytes.length), [OPERATION_HEADER]: 'query' };
  extraHeaders(request).forEach((value, name) => (headers[name] = value));
  return { status: 200, headers, bytes };
}
