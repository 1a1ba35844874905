import type { EntityManager } from '../shared/persistence.ts';

const ids = (regionIds: readonly number[]) => regionIds.map(() => '?').join(', ');

/**
 * A finding is found on the day of its inspection (`foundOn` is the inspection's `inspectedOn`), so
 * the period bounds the inspections too: the organisation–tier–day index then reads the period's
 * monthly inspections instead of every monthly inspection ever made.
 */
const SAME_DAYS = 'i.inspected_on between ? and ?';

/**
 * The regional figures behind `regionKpis`, from the monthly tier (the regions' flying
 * inspections) over a period of days: execution, findings by severity and rectification steps,
 * each per region.
 */
export const regionKpiRepository = {
  /** Monthly inspections and the items they tallied, per region. */
  async execution(em: EntityManager, regionIds: readonly number[], from: string, to: string): Promise<Map<number, { inspections: number; applicable: number; passed: number }>> {
    if (regionIds.length === 0) return new Map();
    const rows = await em.execute<{ region_id: number; inspections: string; applicable: string | null; passed: string | null }[]>(
      `select p.region_id, count(distinct i.id) as inspections, sum(t.applicable) as applicable, sum(t.passed) as passed
       from inspection i join project p on p.id = i.project_id left join inspection_tally t on t.inspection_id = i.id
       where i.tier = 'monthly' and i.inspected_on between ? and ? and p.region_id in (${ids(regionIds)}) group by 1`, [from, to, ...regionIds]);
    return new Map(rows.map((r) => [Number(r.region_id), { inspections: Number(r.inspections), applicable: Number(r.applicable ?? 0), passed: Number(r.passed ?? 0) }]));
  },

  /** Findings of monthly inspections found in the period, per region and severity. */
  async findings(em: EntityManager, regionIds: readonly number[], from: string, to: string): Promise<{ regionId: number; severity: string; count: number }[]> {
    if (regionIds.length === 0) return [];
    const rows = await em.execute<{ region_id: number; severity: string; n: string }[]>(
      `select p.region_id, f.severity, count(*) as n from finding f join inspection i on i.id = f.inspection_id join project p on p.id = f.project_id
       where i.tier = 'monthly' and f.found_on between ? and ? and ${SAME_DAYS} and p.region_id in (${ids(regionIds)}) group by 1, 2`, [from, to, from, to, ...regionIds]);
    return rows.map((r) => ({ regionId: Number(r.region_id), severity: r.severity, count: Number(r.n) }));
  },

  /**
   * The rectifications of those findings, per region: started and completed, the steps completed
   * with a deadline and how many of them on time, and the open steps past their deadline. Each
   * finding's business key is a column of its own (`offset 0` keeps it one), so its instances are
   * found by the business key's index: compared with the computed `'finding:' || f.id`, that index
   * is refused under row-level security (`||` is not leakproof) and every instance was hashed.
   */
  async rectification(em: EntityManager, regionIds: readonly number[], from: string, to: string): Promise<Map<number, { started: number; completed: number; stepsWithDue: number; stepsOnTime: number; openOverdue: number }>> {
    if (regionIds.length === 0) return new Map();
    const rows = await em.execute<{ region_id: number; started: string; completed: string; with_due: string; on_time: string; overdue: string }[]>(
      `select p.region_id, count(distinct w.id) as started, count(distinct w.id) filter (where w.status = 'completed') as completed,
         count(t.id) filter (where t.status = 'completed' and t.due_at is not null) as with_due,
         count(t.id) filter (where t.status = 'completed' and t.due_at is not null and t.completed_at <= t.due_at) as on_time,
         count(t.id) filter (where t.status = 'open' and t.due_at < now()) as overdue
       from finding f join inspection i on i.id = f.inspection_id join project p on p.id = f.project_id
       cross join lateral (select 'finding:' || f.id as key offset 0) k join workflow_instance w on w.business_key = k.key
       left join workflow_task t on t.instance_id = w.id
       where w.definition_key = 'rectification' and i.tier = 'monthly' and f.found_on between ? and ? and ${SAME_DAYS} and p.region_id in (${ids(regionIds)}) group by 1`, [from, to, from, to, ...regionIds]);
    return new Map(rows.map((r) => [Number(r.region_id), { started: Number(r.started), completed: Number(r.completed), stepsWithDue: Number(r.with_due), stepsOnTime: Number(r.on_time), openOverdue: Number(r.overdue) }]));
  },
};
