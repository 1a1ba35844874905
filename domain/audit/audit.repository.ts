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

/** An organisation's events and the shared library's (everything for the system). */
const readable = (organisationId: number | null) => (organisationId === null ? {} : { $or: [{ organisationId }, { organisationId: null }] });

/** The hash chain's rows: its tail, appends, and reads in id order. */
export const auditRepository = {
  /**
   * The newest event's id and hash, counting the events this transaction has added but not yet
   * written (they are flushed first); null on an empty chain.
   */
  async tail(em: EntityManager, organisationId: number | null): Promise<{ seq: number; hash: string } | null> {
    await em.flush();
    const [last] = await em.find(AuditEvent, { organisationId }, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq', 'hash'] });
    return last ? { seq: last.seq, hash: last.hash } : null;
  },

  /** Serialises the writers of one organisation's chain until the transaction ends (an advisory lock keyed by the chain). */
  async lockChain(em: EntityManager, key: number, organisationId: number | null): Promise<void> {
    await em.execute('select pg_advisory_xact_lock(?, ?)', [key, organisationId ?? 0]);
  },

  /** A new event's id, unique across every organisation's chain. */
  async nextId(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ id: string }[]>(`select nextval('audit_event_id_seq') as id`);
    return Number(row.id);
  },

  /** Adds an event to the unit of work (written with the caller's transaction). */
  append(em: EntityManager, event: IAuditEvent): IAuditEvent {
    return em.create(AuditEvent, event);
  },

  /** Up to `limit` stored events of one chain from position `fromSeq` on, in order, as stored (for verifying hashes). */
  from(em: EntityManager, organisationId: number | null, fromSeq: number, limit: number): Promise<IAuditEvent[]> {
    return em.find(AuditEvent, { organisationId, seq: { $gte: fromSeq } }, { orderBy: { seq: 'asc' }, limit, disableIdentityMap: true });
  },

  /** A window of one subject's events, in a keyset's order (on `id`). */
  async trail(em: EntityManager, organisationId: number | null, subjectKey: string, keyset: KeysetOrder, window: PageWindow): Promise<AuditRecord[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return (await em.find(AuditEvent, withWindow({ subjectKey, ...readable(organisationId) }, where), { orderBy, limit })).map(toRecord);
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

  countTrail(em: EntityManager, organisationId: number | null, subjectKey: string): Promise<number> {
    return em.count(AuditEvent, { subjectKey, ...readable(organisationId) });
  },
};
