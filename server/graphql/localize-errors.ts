import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ConflictError, DomainError, NotFoundError, ValidationError, type Issue } from '../../domain/shared/errors.ts';
import { paramsData, type MessageData, type MessageParams } from '../../domain/shared/messages.ts';
import { ForbiddenError } from '../../domain/shared/access.ts';
import { localeFromAcceptLanguage } from '../i18n/locale.ts';
import { render, renderedIssue } from '../i18n/catalogue.ts';

/** The category of an expected error in `errors` (fields without a result union), or null for anything else. */
function categoryOf(error: Error): string | null {
  if (error instanceof ForbiddenError) return 'FORBIDDEN';
  if (error instanceof ValidationError) return 'BAD_USER_INPUT';
  if (error instanceof NotFoundError) return 'NOT_FOUND';
  if (error instanceof ConflictError) return 'CONFLICT';
  return null;
}

/**
 * An expected domain error as a GraphQL error in `errors`: the message (English until the result is
 * localized), `extensions.code` its category, `messageCode` and `params` the message as data, and
 * `issues` for a ValidationError. Returns null for anything unexpected (it is masked).
 */
export function domainGraphQLError(error: unknown, path: readonly (string | number)[] | undefined): GraphQLError | null {
  if (!(error instanceof DomainError)) return null;
  const code = categoryOf(error);
  if (!code) return null;
  return new GraphQLError(error.message, {
    path,
    extensions: {
      code, messageCode: error.code, params: paramsData(error.params),
      ...(error instanceof ValidationError ? { issues: error.issues.map((i) => ({ pointer: i.pointer, code: i.code, params: paramsData(i.params), message: i.message })) } : {}),
    },
  });
}

/** The extensions of a GraphQL error that carries a message as data. */
function messageOf(extensions: Record<string, unknown> | undefined): (MessageData & { message?: string }) | null {
  return extensions && typeof extensions.messageCode === 'string' ? { code: extensions.messageCode, params: (extensions.params ?? {}) as MessageParams } : null;
}

/**
 * The message of an error that carries none: GraphQL's own refusals (syntax, validation, variables;
 * graphql-js words them in English, so the English detail is kept inside the rendered text) and
 * masked unexpected errors.
 */
function withMessage(error: GraphQLError): GraphQLError {
  if (messageOf(error.extensions)) return error;
  const unexpected = error.extensions?.code === 'INTERNAL_SERVER_ERROR';
  if (!unexpected && error.originalError && !(error.originalError instanceof GraphQLError)) return error;
  const messageCode = unexpected ? 'request.unexpected' : 'request.graphql_invalid';
  return new GraphQLError(error.message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError,
    extensions: { ...error.extensions, messageCode, params: unexpected ? {} : { detail: error.message } },
  });
}

function localized(error: GraphQLError, locale: ReturnType<typeof localeFromAcceptLanguage>): GraphQLError {
  const message = messageOf(error.extensions);
  if (!message) return error;
  const issues = Array.isArray(error.extensions.issues) ? (error.extensions.issues as Issue[]).map((i) => renderedIssue(i, locale)) : undefined;
  return new GraphQLError(render({ ...message, message: error.message }, locale), {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError,
    extensions: { ...error.extensions, ...(issues ? { issues } : {}) },
  });
}

/**
 * Renders the errors in a response's `errors` in the request's language (Accept-Language, Chinese
 * by default): every error carries `extensions.messageCode` — expected domain errors on fields
 * without a result union, refused input, exceeded query limits, GraphQL's own refusals and masked
 * unexpected errors — and gets its message, and its issues' messages, from the catalogue. Union members render their own `message` field from the context.
 */
export function localizeErrorsPlugin(): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (Symbol.asyncIterator in Object(result)) return;
      const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
      const one = (r: ExecutionResult): ExecutionResult => (r.errors?.length ? { ...r, errors: r.errors.map((e) => (e instanceof GraphQLError ? localized(withMessage(e), locale) : e)) } : r);
      setResult(Array.isArray(result) ? result.map(one) : one(result as ExecutionResult));
    },
  };
}
