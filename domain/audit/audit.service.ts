import { createHash } from 'node:crypto';
import { type EntityManager } from '../shared/persistence.ts';
import { canonicalJson, type JsonValue } from '../shared/json.ts';
import type { IAuditEvent } from './audit-event.entity.ts';
import { auditRepository, type AuditRecord } from './audit.repository.ts';
import { authorize, type Actor } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import type { Message } from '../shared/messages.ts';
import { auditMessage } from './audit.messages.ts';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 72_100_001;

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectKey: string;
  detail: JsonValue;
}

/** The hash of one audit row: sha256 of the previous hash and the row's canonical content. */
export function auditHash(row: Pick<IAuditEvent, 'id' | 'occurredAt' | 'actor' | 'action' | 'subjectType' | 'subjectKey' | 'detail' | 'prevHash'>): string {
  const content = canonicalJson({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor ?? null,
    action: row.action,
    subjectType: row.subjectType,
    subjectKey: row.subjectKey,
    detail: row.detail,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends an event to its organisation's hash chain (the actor's organisation; the shared library's
 * chain for the system acting for none). Must run inside the transaction of the change it records:
 * a transaction-scoped advisory lock per chain serialises its writers so it never forks.
 */
export async function appendAudit(em: EntityManager, actor: Actor, input: AuditInput): Promise<IAuditEvent> {
  const organisationId = actor.organisationId;
  await auditRepository.lockChain(em, AUDIT_LOCK, organisationId);
  const prev = (await auditRepository.tail(em, organisationId)) ?? { seq: 0, hash: GENESIS_HASH };
  const row = {
    id: await auditRepository.nextId(em),
    organisationId,
    seq: prev.seq + 1,
    occurredAt: new Date(),
    actor: actor.username,
    action: input.action,
    subjectType: input.subjectType,
    subjectKey: input.subjectKey,
    detail: canonicalJson(input.detail),
    prevHash: prev.hash,
  };
  return auditRepository.append(em, { ...row, hash: auditHash(row) });
}

/** How many events `verifyAuditChain` reads at a time: memory stays flat however long the chain. */
export const AUDIT_VERIFY_BATCH = 2000;

/**
 * Reports whether an organisation's chain (the shared library's for none) is intact, and where it
 * first breaks: every position from 1 on present once, each linked to the one before, none altered.
 * The chain is read in keyset batches on its position, the next batch fetched while this one is hashed.
 */
export async function verifyAuditChain(em: EntityManager, organisationId: number | null, batch = AUDIT_VERIFY_BATCH): Promise<{ ok: boolean; checked: number; brokenAtId: number | null; reason: Message | null }> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let previousId = 0;
  let next = auditRepository.after(em, organisationId, 0, batch);
  for (;;) {
    const rows = await next;
    // the next batch is read while this one is checked (a full batch may not be the last)
    if (rows.length === batch) next = auditRepository.after(em, organisationId, rows[rows.length - 1].seq, batch);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return settle(next, rows.length === batch, { ok: false, checked, brokenAtId: row.id, reason: auditMessage('audit.event_missing', { id: expectedSeq }) });
      if (row.prevHash !== prevHash) return settle(next, rows.length === batch, { ok: false, checked, brokenAtId: row.id, reason: auditMessage('audit.link_broken', { id: row.id, previous: previousId }) });
      if (auditHash(row) !== row.hash) return settle(next, rows.length === batch, { ok: false, checked, brokenAtId: row.id, reason: auditMessage('audit.event_altered', { id: row.id }) });
      prevHash = row.hash;
      previousId = row.id;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batch) return { ok: true, checked, brokenAtId: null, reason: null };
  }
}

/** A verdict returned once the prefetched batch (if one was started) has come back, so no read outlives the call. */
async function settle<T>(pending: Promise<unknown>, started: boolean, verdict: T): Promise<T> {
  if (started) await pending.catch(() => undefined);
  return verdict;
}

/** The audit trail is read a page of events at a time, larger pages than other lists. */
export const AUDIT_PAGE = { defaultSize: 200, maxSize: 1000 };
export type { AuditRecord };

const TRAIL: Keyset<AuditRecord> = { list: 'auditTrail', columns: [{ name: 'id', type: 'int', direction: 'asc' }], keyOf: (e) => [e.id] };

/** Every recorded change of one subject (a standard's code, an edition's name, a username), oldest first, a page at a time. */
export async function auditTrail(ctx: ServiceContext, subjectKey: string, page: PageArgs): Promise<Page<AuditRecord>> {
  // the reader's organisation's chain and the shared library's
  const { organisationId } = authorize(ctx.actor, 'readAuditTrail');
  return keysetPage(TRAIL, page, (window) => auditRepository.trail(ctx.em, organisationId, subjectKey, TRAIL, window), () => auditRepository.countTrail(ctx.em, organisationId, subjectKey), AUDIT_PAGE);
}
