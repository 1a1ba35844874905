import { AUDIT_PAGE, auditTrail, verifyAuditChain, type AuditRecord } from '../../domain/audit/audit.service.ts';
import { authorize } from '../../domain/shared/access.ts';
import { builder } from './builder.ts';
import { render } from '../i18n/catalogue.ts';
import { READ_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';
import { FIELD_COST } from './query-limits.ts';

/** A field of an event's detail, when it has that type. */
function detailOf<T extends 'number' | 'string'>(e: AuditRecord, key: string, type: T): (T extends 'number' ? number : string) | null {
  const detail = e.detail;
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return null;
  const value = detail[key];
  return typeof value === type ? (value as T extends 'number' ? number : string) : null;
}

const AuditEventRef = builder.objectRef<AuditRecord>('AuditEvent').implement({
  description: 'One link of the append-only, hash-chained audit trail.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actor: t.string({ nullable: true, resolve: (e) => e.actor ?? null }),
    action: t.exposeString('action'),
    subjectType: t.exposeString('subjectType'),
    subjectKey: t.exposeString('subjectKey'),
    detail: t.field({ type: 'JSON', resolve: (e) => e.detail }),
    version: t.int({ nullable: true, description: 'The version of a standard the event is about, if any.', resolve: (e) => detailOf(e, 'version', 'number') }),
    note: t.string({ nullable: true, description: 'The note the person gave (submission, review decision, discard, import).', resolve: (e) => detailOf(e, 'note', 'string') }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

const AuditEventConnection = connectionOf(AuditEventRef, 'AuditEvent');

const ChainReport = builder.objectRef<Awaited<ReturnType<typeof verifyAuditChain>>>('AuditChainReport').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'checked' in v,
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    checked: t.exposeInt('checked'),
    brokenAtId: t.exposeInt('brokenAtId', { nullable: true }),
    reason: t.string({ nullable: true, description: 'Why the chain is broken, in the request\'s language.', resolve: (r, _args, ctx) => (r.reason ? render(r.reason, ctx.locale) : null) }),
    reasonCode: t.string({ nullable: true, description: 'The stable code of the reason (audit.event_altered …).', resolve: (r) => r.reason?.code ?? null }),
  }),
});

builder.queryFields((t) => ({
  auditTrail: t.field({
    type: AuditEventConnection,
    description: 'Every recorded change of a standard (or edition, or user), oldest first.',
    errors: { types: READ_ERRORS, union: { name: 'AuditTrailResult' } },
    args: { code: t.arg.string({ required: true }), ...pageArgs(t.arg, AUDIT_PAGE) },
    complexity: (a) => pagedCost(a, AUDIT_PAGE),
    resolve: async (_r, a, ctx) => toConnection(await auditTrail(ctx, a.code, a)),
  }),
  verifyAuditChain: t.field({
    type: ChainReport,
    description: 'Recomputes every hash of the audit chain (admins).',
    complexity: FIELD_COST.auditChain,
    errors: { types: READ_ERRORS, union: { name: 'VerifyAuditChainResult' } },
    resolve: (_r, _a, ctx) => {
      authorize(ctx.actor, 'verifyAuditChain');
      return verifyAuditChain(ctx.em, ctx.actor!.organisationId);
    },
  }),
}));
