import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';

/** One document's share of an inspection: the items that applied and passed, and its version. */
export interface Tally {
  code: string;
  version: number;
  applicable: number;
  passed: number;
}

/** The reads and writes of inspections beyond their entity: tallies and period checks. */
export const inspectionRepository = {
  /** Stores an inspection's tallies, one row per document, in one statement. */
  async insertTallies(em: EntityManager, inspectionId: number, tallies: Tally[]): Promise<void> {
    if (tallies.length === 0) return;
    await em.execute(`insert into inspection_tally (inspection_id, code, version, applicable, passed) values ${tallies.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      tallies.flatMap((t) => [inspectionId, t.code, t.version, t.applicable, t.passed]));
  },

  /** Ids of the inspections that checked a given version of a document, a window of them in the keyset's order (on `inspection_id`). */
  async idsUnder(em: EntityManager, code: string, version: number, keyset: KeysetOrder, window: PageWindow): Promise<number[]> {
    const w = sqlWindow(keyset, window);
    const rows = await em.execute<{ inspection_id: number }[]>(
      `select distinct inspection_id from inspection_tally where code = ? and version = ? and ${w.condition} order by ${w.orderBy} limit ?`, [code, version, ...w.params, w.limit]);
    return rows.map((r) => r.inspection_id);
  },

  async countUnder(em: EntityManager, code: string, version: number): Promise<number> {
    const [{ count }] = await em.execute<{ count: string }[]>('select count(distinct inspection_id) as count from inspection_tally where code = ? and version = ?', [code, version]);
    return Number(count);
  },

  /** A project's last inspection day at a tier, and whether any inspection with applicable items fell within [from, to]. */
  async periodCoverage(em: EntityManager, projectId: number, tier: string, from: string, to: string): Promise<{ last: string | null; covered: boolean }> {
    const [row] = await em.execute<{ last: string | null; within: string }[]>(
      `select max(inspected_on)::text as last, count(*) filter (where inspected_on between ? and ? and applicable > 0) as within from inspection where project_id = ? and tier = ?`,
      [from, to, projectId, tier]);
    return { last: row.last, covered: Number(row.within) > 0 };
  },
};
