import { ConflictError, NotFoundError, ValidationError, type Issue } from '../../domain/shared/errors.ts';
import { ForbiddenError } from '../../domain/shared/access.ts';
import { InvalidCredentialsError } from '../../domain/users/user.service.ts';
import { RateLimitedError } from '../../domain/users/login-throttle.service.ts';
import { builder } from './builder.ts';

/** Every expected failure implements `Error { message }`; unexpected ones are masked by Yoga. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure, returned as a member of a result union.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

export const IssueRef = builder.objectRef<Issue>('Issue').implement({
  description: 'One problem in an input, located by a JSON Pointer ("" is the root).',
  fields: (t) => ({ pointer: t.exposeString('pointer'), message: t.exposeString('message') }),
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
