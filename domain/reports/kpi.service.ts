import { authorize } from '../users/roles.ts';
import { requireDates } from '../inspections/dates.ts';
import type { ServiceContext } from '../shared/service-context.ts';

export interface StepKpi {
  step: string;
  completed: number;
  onTime: number;
  /** completed on or before the task's deadline / completed with a deadline */
  onTimeRate: number | null;
  meanHours: number | null;
}

export interface RectificationKpi {
  key: string;
  started: number;
  completed: number;
  /** completed / started */
  completionRate: number | null;
  openOverdue: number;
  steps: StepKpi[];
}

/**
 * Rectification KPIs by project, module or month (of the finding): completion rate, on-time rate
 * and mean hours of each step (分析 48 h, 整改 72 h …), and open overdue tasks.
 */
export async function rectificationKpis(ctx: ServiceContext, groupBy: 'project' | 'module' | 'month', filter: { from?: string | null; to?: string | null }): Promise<RectificationKpi[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const key = groupBy === 'project' ? 'p.code' : groupBy === 'module' ? 'f.module' : `to_char(f.found_on, 'YYYY-MM')`;
  const params: unknown[] = [];
  const conditions = [`w.definition_key = 'rectification'`];
  if (filter.from) { conditions.push('f.found_on >= ?'); params.push(filter.from); }
  if (filter.to) { conditions.push('f.found_on <= ?'); params.push(filter.to); }
  const base = `from workflow_instance w join finding f on w.business_key = 'finding:' || f.id join project p on p.id = f.project_id where ${conditions.join(' and ')}`;
  const totals = await ctx.em.execute<{ key: string; started: string; completed: string }[]>(
    `select ${key} as key, count(*) as started, count(*) filter (where w.status = 'completed') as completed ${base} group by 1 order by 1`, params);
  const steps = await ctx.em.execute<{ key: string; step: string; completed: string; on_time: string; with_due: string; mean_hours: string | null }[]>(
    `select ${key} as key, t.element_id as step, count(*) as completed,
       count(*) filter (where t.due_at is not null and t.completed_at <= t.due_at) as on_time,
       count(*) filter (where t.due_at is not null) as with_due,
       avg(extract(epoch from (t.completed_at - t.created_at)) / 3600) as mean_hours
     ${base.replace('where', 'join workflow_task t on t.instance_id = w.id and t.status = \'completed\' where')} group by 1, 2 order by 1, 2`, params);
  const overdue = await ctx.em.execute<{ key: string; n: string }[]>(
    `select ${key} as key, count(*) as n ${base.replace('where', 'join workflow_task t on t.instance_id = w.id and t.status = \'open\' and t.due_at < now() where')} group by 1`, params);
  const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  return totals.map((row) => ({
    key: row.key,
    started: Number(row.started),
    completed: Number(row.completed),
    completionRate: rate(Number(row.completed), Number(row.started)),
    openOverdue: Number(overdue.find((o) => o.key === row.key)?.n ?? 0),
    steps: steps.filter((s) => s.key === row.key).map((s) => ({
      step: s.step, completed: Number(s.completed), onTime: Number(s.on_time), onTimeRate: rate(Number(s.on_time), Number(s.with_due)),
      meanHours: s.mean_hours === null ? null : Math.round(Number(s.mean_hours) * 100) / 100,
    })),
  }));
}
