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

  /**
   * Up to `limit` stored events of one chain after position `afterSeq`, in order, as stored (for
   * verifying hashes): plain rows, no unit of work, read on the chain's (organisation, position) index.
   */
  async after(em: EntityManager, organisationId: number | null, afterSeq: number, limit: number): Promise<IAuditEvent[]> {
    const chain = organisationId === null ? 'organisation_id is null' : 'organisation_id = ?';
    const rows = await em.execute<{ id: number; organisation_id: number | null; seq: number; occurred_at: Date | string; actor: string | null; action: string; subject_type: string; subject_key: string; detail: string; prev_hash: string; hash: string }[]>(
      `select id, organisation_id, seq, occurred_at, actor, action, subject_type, subject_key, detail, prev_hash, hash from audit_event
       where ${chain} and seq > ? order by seq limit ?`, [...(organisationId === null ? [] : [organisationId]), afterSeq, limit]);
    return rows.map((r) => ({
      id: Number(r.id), organisationId: r.organisation_id === null ? null : Number(r.organisation_id), seq: Number(r.seq),
      occurredAt: r.occurred_at instanceof Date ? r.occurred_at : new Date(r.occurred_at), actor: r.actor, action: r.action,
      subjectType: r.subject_type, subjectKey: r.subject_key, detail: r.detail, prevHash: r.prev_hash, hash: r.hash,
    }));
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
