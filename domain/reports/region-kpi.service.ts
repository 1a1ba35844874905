/**
 * KPIs by region (区域 KPI) over a period: the flying inspections planned and how they stand, the
 * execution rate of the monthly inspections, their findings by severity, and how their
 * rectifications kept their deadlines. A regional supervisor sees their own region's only.
 */
import { ValidationError, issue } from '../shared/errors.ts';
import { requireDates } from '../shared/dates.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { flyingInspectionPlansOf, visibleRegions } from '../inspections/flying.service.ts';
import { flyingMessage } from '../inspections/flying.messages.ts';
import { isSmallSample } from '../shared/sample-size.ts';
import { regionKpiRepository } from './region-kpi.repository.ts';

export interface RegionKpi {
  regionId: number;
  regionCode: string;
  regionName: string;
  /** flying inspections of the plans of the period's months */
  planned: number;
  done: number;
  late: number;
  missing: number;
  /** planned, the month still running */
  open: number;
  /** monthly inspections in the period, and their items */
  inspections: number;
  applicable: number;
  passed: number;
  /** passed / applicable; null when nothing was inspected */
  executionRate: number | null;
  smallSample: boolean;
  findings: { critical: number; major: number; minor: number };
  rectificationsStarted: number;
  rectificationsCompleted: number;
  /** rectification steps completed by their deadline / completed with one; null when none */
  rectificationOnTimeRate: number | null;
  openOverdue: number;
}

const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);

/** The KPIs of every region the caller sees over a period of days (this month by default), by region code. */
export async function regionKpis(ctx: ServiceContext, period: { from?: string | null; to?: string | null }): Promise<RegionKpi[]> {
  requireDates({ from: period.from, to: period.to });
  const today = todayInChina();
  const from = period.from ?? `${today.slice(0, 7)}-01`;
  const to = period.to ?? today;
  if (from > to) throw new ValidationError(flyingMessage('flying.bad_range', { from, to }), [issue('/to', flyingMessage('flying.bad_range', { from, to }))]);
  const regions = await visibleRegions(ctx);
  const regionIds = regions.map((r) => r.id);
  const plans = await flyingInspectionPlansOf(ctx.em, regions, from.slice(0, 7), to.slice(0, 7));
  const execution = await regionKpiRepository.execution(ctx.em, regionIds, from, to);
  const findings = await regionKpiRepository.findings(ctx.em, regionIds, from, to);
  const rectification = await regionKpiRepository.rectification(ctx.em, regionIds, from, to);
  return regions.map((region) => {
    const assignments = plans.filter((p) => p.regionId === region.id).flatMap((p) => p.assignments);
    const count = (status: string) => assignments.filter((a) => a.status === status).length;
    const ex = execution.get(region.id) ?? { inspections: 0, applicable: 0, passed: 0 };
    const severity = (s: string) => findings.find((f) => f.regionId === region.id && f.severity === s)?.count ?? 0;
    const rect = rectification.get(region.id) ?? { started: 0, completed: 0, stepsWithDue: 0, stepsOnTime: 0, openOverdue: 0 };
    return {
      regionId: region.id, regionCode: region.code, regionName: region.name,
      planned: assignments.length, done: count('done'), late: count('late'), missing: count('missing'), open: count('planned'),
      inspections: ex.inspections, applicable: ex.applicable, passed: ex.passed, executionRate: rate(ex.passed, ex.applicable), smallSample: ex.inspections > 0 && isSmallSample(ex.applicable),
      findings: { critical: severity('critical'), major: severity('major'), minor: severity('minor') },
      rectificationsStarted: rect.started, rectificationsCompleted: rect.completed, rectificationOnTimeRate: rate(rect.stepsOnTime, rect.stepsWithDue), openOverdue: rect.openOverdue,
    };
  });
}
