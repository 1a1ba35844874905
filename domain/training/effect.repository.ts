import type { EntityManager } from '../shared/persistence.ts';
import { scopeSql, type Scope } from '../organisations/scope.ts';

/** What the effect evaluation reads: a document code (or prefix), optionally one project and one tier. */
export interface EffectFilter {
  code: string;
  projectId?: number | null;
  tier?: string | null;
}

/** Applicable and passed items, and the inspections that tallied them. */
export interface Totals {
  applicable: number;
  passed: number;
  inspections: number;
}

/** SQL conditions of a filter and an inclusive window of days on `inspection i` joined to `inspection_tally t`. */
function conditions(scope: Scope, filter: EffectFilter, from: string, to: string): { sql: string; params: unknown[] } {
  const sc = scopeSql(scope, 'i');
  const parts = ['(t.code = ? or t.code like ?)', 'i.inspected_on >= ?', 'i.inspected_on <= ?'];
  const params: unknown[] = [filter.code, `${filter.code}.%`, from, to];
  if (filter.projectId != null) (parts.push('i.project_id = ?'), params.push(filter.projectId));
  if (filter.tier != null) (parts.push('i.tier = ?'), params.push(filter.tier));
  return { sql: [...parts, sc.sql].join(' and '), params: [...params, ...sc.params] };
}

const totals = (r: { applicable: string; passed: string; inspections: string }): Totals => ({ applicable: Number(r.applicable), passed: Number(r.passed), inspections: Number(r.inspections) });

/** The execution-rate reads behind the effect evaluation, from inspection tallies. */
export const effectRepository = {
  /**
   * Per project over a window — and per project and instruction when `byCode` — with the
   * inspections counted once each (an inspection tallies several instructions).
   */
  async byProject(em: EntityManager, scope: Scope, filter: EffectFilter, window: { from: string; to: string }, byCode: boolean): Promise<(Totals & { projectId: number; projectCode: string; projectName: string; code: string | null })[]> {
    const w = conditions(scope, filter, window.from, window.to);
    const rows = await em.execute<{ project_id: number; project_code: string; project_name: string; code: string | null; applicable: string; passed: string; inspections: string }[]>(
      `select i.project_id, p.code as project_code, p.name as project_name, ${byCode ? 't.code' : 'null'} as code, sum(t.applicable) as applicable, sum(t.passed) as passed, count(distinct i.id) as inspections
       from inspection i join inspection_tally t on t.inspection_id = i.id join project p on p.id = i.project_id
       where ${w.sql} group by 1, 2, 3, 4 order by 2, 4`, w.params);
    return rows.map((r) => ({ projectId: Number(r.project_id), projectCode: r.project_code, projectName: r.project_name, code: r.code, ...totals(r) }));
  },

  /** Per week (Monday, YYYY-MM-DD) over a window, across the filter's projects. */
  async weekly(em: EntityManager, scope: Scope, filter: EffectFilter, from: string, to: string): Promise<(Totals & { week: string })[]> {
    const w = conditions(scope, filter, from, to);
    const rows = await em.execute<{ week: string; applicable: string; passed: string; inspections: string }[]>(
      `select to_char(date_trunc('week', i.inspected_on::timestamp), 'YYYY-MM-DD') as week, sum(t.applicable) as applicable, sum(t.passed) as passed, count(distinct i.id) as inspections
       from inspection i join inspection_tally t on t.inspection_id = i.id
       where ${w.sql} group by 1 order by 1`, w.params);
    return rows.map((r) => ({ week: r.week, ...totals(r) }));
  },

  /** A training of the scope's organisation with its code and the China-time days of its first and last sessions. */
  async trainingSpan(em: EntityManager, scope: Scope, id: number): Promise<{ code: string; title: string; first: string | null; last: string | null; projects: number[] } | null> {
    const org = scope.organisationId === null ? { sql: 'true', params: [] as unknown[] } : { sql: 'tr.organisation_id = ?', params: [scope.organisationId] };
    const rows = await em.execute<{ code: string; title: string; first: string | null; last: string | null; projects: number[] | null }[]>(
      `select tr.code, tr.title,
         to_char(min(s.starts_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as first,
         to_char(max(s.starts_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as last,
         array_remove(array_agg(distinct s.project_id), null) as projects
       from training tr left join training_session s on s.training_id = tr.id
       where tr.id = ? and ${org.sql} group by tr.id, tr.code, tr.title`, [id, ...org.params]);
    const r = rows[0];
    return r ? { code: r.code, title: r.title, first: r.first, last: r.last, projects: (r.projects ?? []).map(Number) } : null;
  },
};
