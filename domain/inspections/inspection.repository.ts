import { scopeSql, scopeWhere, type Scope } from '../organisations/scope.ts';
import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, sqlWindow, withWindow } from '../shared/keyset-query.ts';
import { Inspection, type IInspection } from './inspection.entity.ts';

/** One document's share of an inspection: the items that applied and passed, and its version. */
export interface Tally {
  code: string;
  version: number;
  applicable: number;
  passed: number;
}

/** Which inspections a list shows: by project, inspector and inclusive days (YYYY-MM-DD). */
export interface InspectionFilter {
  /** where the reader's roles reach */
  scope?: Scope;
  projectId?: number | null;
  inspector?: string | null;
  /** only these kinds (tiers), e.g. the assessments */
  tiers?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

function whereOf(filter: InspectionFilter): Record<string, unknown> {
  const where: Record<string, unknown> = filter.scope ? scopeWhere(filter.scope) : {};
  if (filter.projectId != null) where.projectId = filter.projectId;
  if (filter.inspector) where.inspector = filter.inspector;
  if (filter.tiers && filter.tiers.length > 0) where.tier = { $in: [...filter.tiers] };
  if (filter.from || filter.to) where.inspectedOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  return where;
}

/** Inspections, their tallies and period checks. */
export const inspectionRepository = {
  find(em: EntityManager, id: number): Promise<IInspection | null> {
    return em.findOne(Inspection, { id });
  },

  /** The inspection a phone submitted under its `clientSubmissionId`, if any. */
  findBySubmission(em: EntityManager, organisationId: number | null, clientSubmissionId: string): Promise<IInspection | null> {
    return em.findOne(Inspection, { clientSubmissionId, ...(organisationId !== null ? { organisationId } : {}) });
  },

  /** Stores an inspection (in the caller's transaction); returns it with its id. */
  async insert(em: EntityManager, inspection: NewRow<IInspection>): Promise<IInspection> {
    const row = em.create(Inspection, inspection);
    await em.flush();
    return row;
  },

  /** The inspections with the given ids, in the order of `ids` (unknown ids are left out). */
  async byIds(em: EntityManager, ids: number[]): Promise<IInspection[]> {
    if (ids.length === 0) return [];
    const byId = new Map((await em.find(Inspection, { id: { $in: ids } })).map((i) => [i.id, i]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  },

  /** A window of the inspections matching the filter, in a keyset's order. */
  window(em: EntityManager, filter: InspectionFilter, keyset: KeysetOrder, window: PageWindow): Promise<IInspection[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Inspection, withWindow(whereOf(filter), where), { orderBy, limit });
  },

  count(em: EntityManager, filter: InspectionFilter = {}): Promise<number> {
    return em.count(Inspection, whereOf(filter));
  },

  /** Stores an inspection's tallies, one row per document, in one statement. */
  async insertTallies(em: EntityManager, inspectionId: number, tallies: Tally[]): Promise<void> {
    if (tallies.length === 0) return;
    await em.execute(`insert into inspection_tally (inspection_id, code, version, applicable, passed) values ${tallies.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      tallies.flatMap((t) => [inspectionId, t.code, t.version, t.applicable, t.passed]));
  },

  /** Ids of the inspections that checked a given version of a document, a window of them in the keyset's order (on `inspection_id`). */
  async idsUnder(em: EntityManager, scope: Scope, code: string, version: number, keyset: KeysetOrder, window: PageWindow): Promise<number[]> {
    const w = sqlWindow(keyset, window);
    const sc = scopeSql(scope, 'i');
    const rows = await em.execute<{ inspection_id: number }[]>(
      `select distinct t.inspection_id from inspection_tally t join inspection i on i.id = t.inspection_id where t.code = ? and t.version = ? and ${sc.sql} and ${w.condition} order by ${w.orderBy} limit ?`, [code, version, ...sc.params, ...w.params, w.limit]);
    return rows.map((r) => r.inspection_id);
  },

  async countUnder(em: EntityManager, scope: Scope, code: string, version: number): Promise<number> {
    const sc = scopeSql(scope, 'i');
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(distinct t.inspection_id) as count from inspection_tally t join inspection i on i.id = t.inspection_id where t.code = ? and t.version = ? and ${sc.sql}`, [code, version, ...sc.params]);
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
