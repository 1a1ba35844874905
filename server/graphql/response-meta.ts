import { getOperationAST, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Tells the HTTP front what a request executed — `query`, `mutation`, `subscription`, or
 * `sign-in` (a mutation that only calls `login`) — whatever its content type, so that the response
 * cache keeps queries only and every mutation clears it. The front removes the header.
 */
export const OPERATION_HEADER = 'x-pinzhi-operation';

function kindOf(operation: OperationDefinitionNode): string {
  const onlyLogin = operation.selectionSet.selections.every((s) => s.kind === 'Field' && (s.name.value === 'login' || s.name.value === '__typename'));
  return operation.operation === 'mutation' && onlyLogin ? 'sign-in' : operation.operation;
}

/** The plugin, and the headers a resolver adds to its request's HTTP response (for example `Retry-After`). */
export interface ResponseMeta {
  plugin: Plugin;
  headersFor(request: Request): Headers;
}

/** Marks each response with the kind of operation it ran, and adds the headers resolvers asked for. */
export function responseMeta(): ResponseMeta {
  const kinds = new WeakMap<Request, string>();
  const extra = new WeakMap<Request, Headers>();
  return {
    headersFor(request) {
      let headers = extra.get(request);
      if (!headers) {
        headers = new Headers();
        extra.set(request, headers);
      }
      return headers;
    },
    plugin: {
      onExecute({ args }) {
        const operation = getOperationAST(args.document, args.operationName);
        const request = (args.contextValue as { request?: Request }).request;
        if (operation && request) kinds.set(request, kindOf(operation));
      },
      onSubscribe({ args }) {
        const request = (args.contextValue as { request?: Request }).request;
        if (request) kinds.set(request, 'subscription');
      },
      onResponse({ request, response }) {
        const kind = kinds.get(request);
        if (kind) response.headers.set(OPERATION_HEADER, kind);
        extra.get(request)?.forEach((value, name) => response.headers.set(name, value));
      },
    },
  };
}
