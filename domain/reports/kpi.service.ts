import { scopeOf } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { reportRepository } from './report.repository.ts';
import { requireDates } from '../shared/dates.ts';
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
 * and mean hours of each step (分析, 整改, 验证 — on time against each task's own due time), and open overdue tasks.
 */
export async function rectificationKpis(ctx: ServiceContext, groupBy: 'project' | 'module' | 'month', filter: { from?: string | null; to?: string | null }): Promise<RectificationKpi[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const { totals, steps, overdue } = await reportRepository.rectificationFigures(ctx.em, scopeOf(ctx.actor, 'readInspections'), groupBy, filter);
  const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  return totals.map((row) => ({
    key: row.key,
    started: row.started,
    completed: row.completed,
    completionRate: rate(row.completed, row.started),
    openOverdue: overdue.find((o) => o.key === row.key)?.n ?? 0,
    steps: steps.filter((s) => s.key === row.key).map((s) => ({
      step: s.step, completed: s.completed, onTime: s.onTime, onTimeRate: rate(s.onTime, s.withDue),
      meanHours: s.meanHours === null ? null : Math.round(s.meanHours * 100) / 100,
    })),
  }));
}
