import type { EntityManager } from '../shared/persistence.ts';
import type { JsonValue } from '../shared/json.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { AuditEvent, type IAuditEvent } from './audit-event.entity.ts';

/** An audit event as a reader sees it: its detail parsed. */
export interface AuditRecord extends Omit<IAuditEvent, 'detail'> {
  detail: JsonValue;
}

const toRecord = ({ detail, ...event }: IAuditEvent): AuditRecord => ({ ...event, detail: JSON.parse(detail) as JsonValue });

/** The hash chain's rows: its tail, appends, and reads in id order. */
export const auditRepository = {
  /**
   * The newest event's id and hash, counting the events this transaction has added but not yet
   * written (they are flushed first); null on an empty chain.
   */
  async tail(em: EntityManager): Promise<{ id: number; hash: string } | null> {
    await em.flush();
    const [last] = await em.find(AuditEvent, {}, { orderBy: { id: 'desc' }, limit: 1, fields: ['id', 'hash'] });
    return last ? { id: last.id, hash: last.hash } : null;
  },

  /** Adds an event to the unit of work (written with the caller's transaction). */
  append(em: EntityManager, event: IAuditEvent): IAuditEvent {
    return em.create(AuditEvent, event);
  },

  /** Up to `limit` stored events from id `fromId` on, in id order, as stored (for verifying hashes). */
  from(em: EntityManager, fromId: number, limit: number): Promise<IAuditEvent[]> {
    return em.find(AuditEvent, { id: { $gte: fromId } }, { orderBy: { id: 'asc' }, limit, disableIdentityMap: true });
  },

  /** A window of one subject's events, in a keyset's order (on `id`). */
  async trail(em: EntityManager, subjectKey: string, keyset: KeysetOrder, window: PageWindow): Promise<AuditRecord[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return (await em.find(AuditEvent, withWindow({ subjectKey }, where), { orderBy, limit })).map(toRecord);
  },

  /**
   * The highest version number of a standard that was discarded as a draft, 0 if none: numbers
   * are never given twice, so an audit row naming a version always means the same content.
   */
  async highestDiscardedVersion(em: EntityManager, code: string): Promise<number> {
    const [row] = await em.execute<{ v: number | null }[]>(
      `select max((detail::jsonb ->> 'version')::int) as v from audit_event where subject_key = ? and subject_type = 'standard' and action = 'standard.draft.discarded'`, [code]);
    return Number(row?.v ?? 0);
  },

  countTrail(em: EntityManager, subjectKey: string): Promise<number> {
    return em.count(AuditEvent, { subjectKey });
  },
};
