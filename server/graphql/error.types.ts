import { ConflictError, NotFoundError, ValidationError, type Issue, DomainError } from '../../domain/shared/errors.ts';
import { ForbiddenError } from '../../domain/shared/access.ts';
import { InvalidCredentialsError } from '../../domain/users/user.service.ts';
import { RateLimitedError } from '../../domain/users/login-throttle.service.ts';
import { paramsData } from '../../domain/shared/messages.ts';
import { render } from '../i18n/catalogue.ts';
import { builder } from './builder.ts';

/**
 * Every expected failure implements `Error { code params message }`: a stable code, its parameters,
 * and the message rendered in the request's language (Accept-Language). Unexpected ones are masked by Yoga.
 */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned as a member of a result union: a stable code with its parameters, and the message in the language of Accept-Language (Chinese by default).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable message code, e.g. standard.draft_stale; clients may render their own text from it and params.' }),
    params: t.field({ type: 'JSON', description: 'The parameters of the message (JSON object); nested messages appear as { code, params }.', resolve: (e) => paramsData(e.params) }),
    message: t.string({ description: 'The message in the request\'s language (zh-CN or en).', resolve: (e, _args, ctx) => render(e, ctx.locale) }),
  }),
});

export const IssueRef = builder.objectRef<Issue>('Issue').implement({
  description: 'One problem in an input, located by a JSON Pointer ("" is the root): a stable code with its parameters, and the message in the request\'s language.',
  fields: (t) => ({
    pointer: t.exposeString('pointer'),
    code: t.exposeString('code'),
    params: t.field({ type: 'JSON', resolve: (i) => paramsData(i.params) }),
    message: t.string({ resolve: (i, _args, ctx) => render(i, ctx.locale) }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input breaks a rule; `issues` say what and where. Nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [IssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'Stale or conflicting state (e.g. an old expectedRevision). Nothing was overwritten.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentRevision: t.int({ nullable: true, resolve: (e) => e.currentRevision }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ subject: t.exposeString('subject') }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Not signed in, or the role does not allow this.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ requiredRoles: t.stringList({ resolve: (e) => [...e.requiredRoles] }) }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Too many failed attempts; the HTTP response also carries Retry-After.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

/** The errors any read may return. */
export const READ_ERRORS = [NotFoundError, ForbiddenError, ValidationError];
/** The errors any change may return. */
export const WRITE_ERRORS = [ValidationError, ConflictError, NotFoundError, ForbiddenError];
