import { AuditEvent, type IAuditEvent } from '../../domain/audit/audit-event.entity.ts';
import { verifyAuditChain } from '../../domain/audit/audit.service.ts';
import { authorize } from '../../domain/users/roles.ts';
import { builder } from './builder.ts';
import { render } from '../i18n/catalogue.ts';
import { READ_ERRORS } from './error.types.ts';
import { readPage, pagedCost } from '../../domain/shared/paging.ts';
import { FIELD_COST } from './query-limits.ts';

/** The audit trail is read a page of events at a time. */
const AUDIT_PAGE = { defaultSize: 200, maxSize: 1000 };

const AuditEventRef = builder.objectRef<IAuditEvent>('AuditEvent').implement({
  description: 'One link of the append-only, hash-chained audit trail.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actor: t.string({ nullable: true, resolve: (e) => e.actor ?? null }),
    action: t.exposeString('action'),
    subjectType: t.exposeString('subjectType'),
    subjectKey: t.exposeString('subjectKey'),
    detail: t.field({ type: 'JSON', resolve: (e) => JSON.parse(e.detail) }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash'),
  }),
});

const AuditTrail = builder.objectRef<{ events: IAuditEvent[] }>('AuditTrail').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'events' in v,
  fields: (t) => ({ events: t.field({ type: [AuditEventRef], resolve: (a) => a.events }) }),
});

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
    type: AuditTrail,
    description: 'Every recorded change of a standard (or edition, or user), oldest first.',
    errors: { types: READ_ERRORS, union: { name: 'AuditTrailResult' } },
    args: { code: t.arg.string({ required: true }), first: t.arg.int({ description: 'At most this many events (default 200, at most 1000).' }), afterId: t.arg.int() },
    complexity: (a) => pagedCost(a, AUDIT_PAGE),
    resolve: async (_r, a, ctx) => {
      authorize(ctx.actor, 'readAuditTrail');
      const { first: limit } = readPage({ first: a.first }, AUDIT_PAGE);
      const events = await ctx.em.find(AuditEvent, { subjectKey: a.code, ...(a.afterId ? { id: { $gt: a.afterId } } : {}) }, { orderBy: { id: 'asc' }, limit });
      return { events };
    },
  }),
  verifyAuditChain: t.field({
    type: ChainReport,
    description: 'Recomputes every hash of the audit chain (admins).',
    complexity: FIELD_COST.auditChain,
    errors: { types: READ_ERRORS, union: { name: 'VerifyAuditChainResult' } },
    resolve: (_r, _a, ctx) => {
      authorize(ctx.actor, 'verifyAuditChain');
      return verifyAuditChain(ctx.em);
    },
  }),
}));
