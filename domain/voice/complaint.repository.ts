import type { EntityManager } from '../shared/persistence.ts';

/** A feedback item as the complaint process reads it (snake-case row). */
export interface FeedbackFacts {
  id: number;
  organisation_id: number;
  project_id: number;
  channel: string;
  received_at: Date | string;
  text: string;
  place: string | null;
  module: string | null;
  touchpoints: string[] | string;
  problem_type: string | null;
  sentiment: string;
  intensity: number;
  priority: string;
  complaint_instance_id: number | null;
}

export const feedbackBusinessKey = (feedbackId: number): string => `feedback:${feedbackId}`;

/** Reads `feedback:<id>` back; null for any other key. */
export function feedbackIdOf(businessKey: string | null): number | null {
  const m = /^feedback:(\d{1,9})$/.exec(businessKey ?? '');
  return m ? Number(m[1]) : null;
}

const touchpointsOf = (stored: string[] | string): string[] => (Array.isArray(stored) ? stored : (JSON.parse(stored) as string[]));

/** The reads and writes of a feedback item's complaint. */
export const complaintRepository = {
  /** The item, locked for the transaction (two openers of the same item queue here). */
  async lock(em: EntityManager, id: number): Promise<FeedbackFacts | null> {
    const [row] = await em.execute<FeedbackFacts[]>('select * from feedback where id = ? for update', [id]);
    return row ? { ...row, touchpoints: touchpointsOf(row.touchpoints) } : null;
  },

  async linkInstance(em: EntityManager, feedbackId: number, instanceId: number): Promise<void> {
    await em.execute('update feedback set complaint_instance_id = ? where id = ?', [instanceId, feedbackId]);
  },

  /** Of the given items, the P1 ones with no complaint yet (ids in order). */
  async awaitingComplaint(em: EntityManager, ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await em.execute<{ id: number }[]>(`select id from feedback where id in (${ids.map(() => '?').join(', ')}) and priority = 'P1' and complaint_instance_id is null order by id`, [...ids]);
    return rows.map((r) => r.id);
  },

  /** The newest complaint instance of an item: its id and variables (what the forms recorded). */
  async lastComplaint(em: EntityManager, businessKey: string): Promise<{ id: number; snapshot_json: string } | null> {
    const [row] = await em.execute<{ id: number; snapshot_json: string }[]>(`select id, snapshot_json from workflow_instance where business_key = ? and definition_key = 'complaint' order by id desc limit 1`, [businessKey]);
    return row ?? null;
  },

  /** How many callbacks (回访) an instance's people completed. */
  async callbacksOf(em: EntityManager, instanceId: number): Promise<number> {
    const [row] = await em.execute<{ n: number | string }[]>(`select count(*) as n from workflow_task where instance_id = ? and element_id in ('callback', 'callbackAgain') and status = 'completed'`, [instanceId]);
    return Number(row?.n ?? 0);
  },

  async recordOutcome(em: EntityManager, feedbackId: number, instanceId: number, outcome: { outcome: string; rounds: number; note: string | null; at: Date }): Promise<void> {
    await em.execute(`update feedback set complaint_instance_id = coalesce(complaint_instance_id, ?), complaint_outcome = ?, complaint_rounds = ?, complaint_note = ?, complaint_closed_at = ? where id = ?`,
      [instanceId, outcome.outcome, outcome.rounds, outcome.note, outcome.at, feedbackId]);
  },
};

/** Of the ids, those of feedback in the scope's projects (SQL conditions from `scopeSql` on alias `f`), in order. */
export async function feedbackIdsIn(em: EntityManager, ids: readonly number[], scope: { sql: string; params: unknown[] }): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<{ id: number }[]>(`select f.id from feedback f where f.id in (${ids.map(() => '?').join(', ')}) and ${scope.sql} order by f.id`, [...ids, ...scope.params]);
  return rows.map((r) => r.id);
}

/** The project of a feedback item (null when there is none). */
export async function projectOfFeedback(em: EntityManager, id: number): Promise<number | null> {
  const [row] = await em.execute<{ project_id: number }[]>('select project_id from feedback where id = ?', [id]);
  return row?.project_id ?? null;
}
