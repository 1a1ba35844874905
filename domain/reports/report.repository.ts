import type { EntityManager } from '../shared/persistence.ts';
import { scopeSql, type Scope } from '../organisations/scope.ts';

/** A period of inclusive dates (YYYY-MM-DD), either end open. */
export interface Period {
  from?: string | null;
  to?: string | null;
}

/** Conditions and their parameters, joined with `and`. */
function where(parts: [string, unknown][]): { sql: string; params: unknown[] } {
  return { sql: ['true', ...parts.map(([c]) => c)].join(' and '), params: parts.map(([, p]) => p) };
}

const KIND_OF_TIER = `case when s.tier in ('scenario', 'mystery') then s.tier else 'routine' end`;
const RATE_KEYS = { project: 'p.code', module: 's.module', month: `to_char(s.day, 'YYYY-MM')`, kind: KIND_OF_TIER } as const;
/** The tiers each inspection kind of the execution rate counts (`routineAndMystery`: the reception rule's 日常巡检与神秘客户暗访合并计算). */
export const KIND_TIERS = {
  routine: ['daily', 'monthly', 'quarterly'], scenario: ['scenario'], mystery: ['mystery'],
  routineAndMystery: ['daily', 'monthly', 'quarterly', 'mystery'], all: ['daily', 'monthly', 'quarterly', 'scenario', 'mystery'],
} as const;
/** `s.tier in ('daily', …)` as a list of constants (the planner estimates constants). The tiers are this module's own constants. */
const tierList = (tiers: readonly string[]): string => `s.tier in (${tiers.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')})`;

/** A date (YYYY-MM-DD) moved by whole days. */
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The rows of a summary over a period, as `day` (a month's row stands at its first day): the whole
 * months of the period from `<name>_month`, the days before and after them from `<name>_day`.
 */
export function summaryOver(name: 'inspection_summary' | 'finding_summary', columns: string, period: Period): { sql: string; params: unknown[] } {
  const { from, to } = { from: period.from || null, to: period.to || null };
  // the whole months of the period: first day m with monthsFrom <= m < monthsTo (null: open)
  const monthsFrom = !from ? null : from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const monthsTo = !to ? null : addDays(to, 1).endsWith('-01') ? addDays(to, 1) : `${to.slice(0, 7)}-01`;
  const wholeMonths = !monthsFrom || !monthsTo || monthsFrom < monthsTo;
  const parts: { sql: string; params: unknown[] }[] = [];
  const range = (table: string, column: string, bounds: [string, string | null][]) => {
    const w = where(bounds.filter(([, v]) => v !== null).map(([c, v]) => [`x.${column} ${c} ?::date`, v]));
    parts.push({ sql: `select x.${column} as day, ${columns} from ${name}_${table} x where ${w.sql}`, params: w.params });
  };
  if (wholeMonths) {
    range('month', 'month', [['>=', monthsFrom], ['<', monthsTo]]);
    // the days before the first whole month and after the last
    if (from && monthsFrom && from < monthsFrom) range('day', 'day', [['>=', from], ['<', monthsFrom]]);
    if (to && monthsTo && monthsTo <= to) range('day', 'day', [['>=', monthsTo], ['<=', to]]);
  } else {
    range('day', 'day', [['>=', from], ['<=', to]]);
  }
  return { sql: `(${parts.map((p) => p.sql).join(' union all ')})`, params: parts.flatMap((p) => p.params) };
}
const KPI_KEYS = { project: 'p.code', module: 's.module', month: `to_char(s.day, 'YYYY-MM')` } as const;

/**
 * The aggregate reads behind the dashboard: execution rates from inspection tallies, findings by
 * touchpoint, and rectification KPIs from workflow tasks. Each returns plain numbers per group.
 */
export const reportRepository = {
  /** Applicable and passed items and inspections per group, summed from the inspection summaries. */
  async executionTotals(em: EntityManager, scope: Scope, groupBy: keyof typeof RATE_KEYS, filter: Period & { projectId?: number | null; kind: keyof typeof KIND_TIERS }): Promise<{ key: string; applicable: number; passed: number; inspections: number }[]> {
    const sc = scopeSql(scope, 's');
    const tiers = KIND_TIERS[filter.kind];
    const source = summaryOver('inspection_summary', 'organisation_id, module, project_id, tier, inspections, applicable, passed', filter);
    const w = where([
      ...(filter.projectId != null ? [['s.project_id = ?', filter.projectId] as [string, unknown]] : []),
    ]);
    // module '' sums every module (an inspection once); by module, each module's own rows
    const rows = await em.execute<{ key: string; applicable: string; passed: string; inspections: string }[]>(
      `select ${RATE_KEYS[groupBy]} as key, sum(s.applicable) as applicable, sum(s.passed) as passed, sum(s.inspections) as inspections
       from ${source.sql} s join project p on p.id = s.project_id
       where s.module ${groupBy === 'module' ? "<> ''" : "= ''"} and ${tierList(tiers)} and ${w.sql} and ${sc.sql} group by 1 order by 1`,
      [...source.params, ...w.params, ...sc.params]);
    return rows.map((r) => ({ key: r.key, applicable: Number(r.applicable), passed: Number(r.passed), inspections: Number(r.inspections) }));
  },

  async findingsByTouchpoint(em: EntityManager, scope: Scope, filter: Period & { module?: string | null }): Promise<{ touchpoint: string; projectId: number; count: number }[]> {
    const sc = scopeSql(scope, 'f');
    const w = where([
      ...(filter.module ? [['f.module = ?', filter.module] as [string, unknown]] : []),
      ...(filter.from ? [['f.found_on >= ?', filter.from] as [string, unknown]] : []),
      ...(filter.to ? [['f.found_on <= ?', filter.to] as [string, unknown]] : []),
    ]);
    const rows = await em.execute<{ touchpoint: string; project_id: number; count: string }[]>(
      `select tp.value as touchpoint, f.project_id, count(*) as count from finding f cross join jsonb_array_elements_text(f.touchpoints) as tp(value)
       where ${w.sql} and ${sc.sql} group by 1, 2 order by 3 desc, 1, 2`, [...w.params, ...sc.params]);
    return rows.map((r) => ({ touchpoint: r.touchpoint, projectId: Number(r.project_id), count: Number(r.count) }));
  },

  /**
   * Every project (of `ids`, when given) with its sample over the period: inspections and the
   * applicable and passed items they tallied (of `module`, when given), and its findings, from the
   * summaries. A project no inspection touched comes back with zeros, not missing.
   */
  async projectSamples(em: EntityManager, scope: Scope, filter: Period & { module?: string | null; ids?: readonly number[] | null }): Promise<{ projectId: number; code: string; name: string; region: string; inspections: number; applicable: number; passed: number; findings: number }[]> {
    const module = filter.module ?? '';
    const inspected = summaryOver('inspection_summary', 'organisation_id, module, project_id, tier, inspections, applicable, passed', filter);
    const found = summaryOver('finding_summary', 'organisation_id, module, project_id, findings', filter);
    const ids = filter.ids ?? null;
    const sc = scopeSql(scope, 'p', 'id');
    const [si, sf] = [scopeSql(scope, 's'), scopeSql(scope, 'f')];
    const rows = await em.execute<{ id: number; code: string; name: string; region: string; inspections: string; applicable: string; passed: string; findings: string }[]>(
      `select p.id, p.code, p.name, p.region, coalesce(s.inspections, 0) as inspections, coalesce(s.applicable, 0) as applicable, coalesce(s.passed, 0) as passed,
         coalesce(f.findings, 0) as findings
       from project p
       left join (select s.project_id, sum(s.inspections) as inspections, sum(s.applicable) as applicable, sum(s.passed) as passed
         from ${inspected.sql} s where s.module = ? and ${si.sql} group by 1) s on s.project_id = p.id
       left join (select f.project_id, sum(f.findings) as findings from ${found.sql} f where ${filter.module ? 'f.module = ?' : 'true'} and ${sf.sql} group by 1) f on f.project_id = p.id
       where ${ids === null ? 'true' : ids.length === 0 ? 'false' : `p.id in (${ids.map(() => '?').join(', ')})`} and ${sc.sql}
       order by p.code`, [...inspected.params, module, ...si.params, ...found.params, ...(filter.module ? [filter.module] : []), ...sf.params, ...(ids ?? []), ...sc.params]);
    return rows.map((r) => ({ projectId: Number(r.id), code: r.code, name: r.name, region: r.region, inspections: Number(r.inspections), applicable: Number(r.applicable), passed: Number(r.passed), findings: Number(r.findings) }));
  },

  /** The names of touchpoints by code (客户触点), for the ones asked for. */
  async touchpointNames(em: EntityManager, codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await em.execute<{ code: string; name: string }[]>(`select code, name from touchpoint where code in (${codes.map(() => '?').join(', ')})`, codes);
    return new Map(rows.map((r) => [r.code, r.name]));
  },

  /**
   * Rectifications started and completed per group, each step's completions against its deadline, and
   * open overdue tasks, of the findings found in the period: from the rectification summaries (the
   * overdue ones from the open tasks, due before now).
   */
  async rectificationFigures(em: EntityManager, scope: Scope, groupBy: keyof typeof KPI_KEYS, filter: Period): Promise<{
    totals: { key: string; started: number; completed: number }[];
    steps: { key: string; step: string; completed: number; onTime: number; withDue: number; meanHours: number | null }[];
    overdue: { key: string; n: number }[];
  }> {
    const key = KPI_KEYS[groupBy];
    const sc = scopeSql(scope, 's');
    const base = where([
      ...(filter.from ? [['s.day >= ?::date', filter.from] as [string, unknown]] : []),
      ...(filter.to ? [['s.day <= ?::date', filter.to] as [string, unknown]] : []),
    ]);
    const w = { sql: `${base.sql} and ${sc.sql}`, params: [...base.params, ...sc.params] };
    const join = groupBy === 'project' ? 'join project p on p.id = s.project_id' : '';
    const totals = await em.execute<{ key: string; started: string; completed: string }[]>(
      `select ${key} as key, sum(s.started) as started, sum(s.completed) as completed from rectification_summary_day s ${join}
       where ${w.sql} group by 1 having sum(s.started) > 0 order by 1`, w.params);
    const steps = await em.execute<{ key: string; step: string; completed: string; on_time: string; with_due: string; mean_hours: string | null }[]>(
      `select ${key} as key, s.step, sum(s.completed) as completed, sum(s.on_time) as on_time, sum(s.with_due) as with_due,
         sum(s.hours_sum) / sum(s.completed) as mean_hours
       from rectification_step_summary_day s ${join} where ${w.sql} group by 1, 2 having sum(s.completed) > 0 order by 1, 2`, w.params);
    const overdue = await em.execute<{ key: string; n: string }[]>(
      `select ${key} as key, count(*) as n from rectification_open_task s ${join} where s.due_at < now() and ${w.sql} group by 1`, w.params);
    return {
      totals: totals.map((r) => ({ key: r.key, started: Number(r.started), completed: Number(r.completed) })),
      steps: steps.map((s) => ({ key: s.key, step: s.step, completed: Number(s.completed), onTime: Number(s.on_time), withDue: Number(s.with_due), meanHours: s.mean_hours === null ? null : Number(s.mean_hours) })),
      overdue: overdue.map((o) => ({ key: o.key, n: Number(o.n) })),
    };
  },
};
