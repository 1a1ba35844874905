import { authorize } from '../shared/access.ts';
import { requireDates } from '../shared/dates.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { inspectableProjectIds } from '../inspections/schedule.service.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { reportRepository } from './report.repository.ts';
import { reportMessage } from './report.messages.ts';

/** A rate over fewer applicable items than this is marked as a small sample (样本小). */
export const SMALL_SAMPLE_ITEMS = 10;

/** Whether a rate over `applicable` items rests on too few to trust. */
export const isSmallSample = (applicable: number): boolean => applicable < SMALL_SAMPLE_ITEMS;

/** The dashboard's filters: an inclusive period, a module (M01–M07) for the heat map, a grouping for KPIs. */
export interface DashboardFilter {
  from?: string | null;
  to?: string | null;
  module?: string | null;
  groupBy?: string | null;
}

const GROUPS = ['project', 'module', 'month'] as const;
export type DashboardGroup = (typeof GROUPS)[number];

/**
 * Checks the dashboard's filters all at once: real dates in order, a module M01–M07, a known
 * grouping. Throws one ValidationError naming every bad filter.
 */
export function requireDashboardFilter(filter: DashboardFilter): void {
  requireDates({ from: filter.from, to: filter.to });
  const issues: Issue[] = [];
  if (filter.from && filter.to && filter.from > filter.to) issues.push(issue('/to', reportMessage('report.range_reversed', { from: filter.from, to: filter.to })));
  if (filter.module != null && !/^M0[1-7]$/.test(filter.module)) issues.push(issue('/module', reportMessage('report.module_rule', { value: filter.module })));
  if (filter.groupBy != null && !(GROUPS as readonly string[]).includes(filter.groupBy)) issues.push(issue('/groupBy', reportMessage('report.group_rule', { value: filter.groupBy })));
  if (issues.length > 0) throw new ValidationError(reportMessage('report.bad_filter', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
}

/** One project's row of the heat map: its sample, its rate, and its findings by touchpoint. */
export interface ProjectSample {
  projectId: number;
  code: string;
  name: string;
  region: string;
  /** inspections in the period (that tallied items of the module, when one is chosen) */
  inspections: number;
  applicable: number;
  passed: number;
  /** passed / applicable; null when nothing was inspected */
  rate: number | null;
  smallSample: boolean;
  /** false: no inspection in the period — flagged, never left out */
  inspected: boolean;
  findings: number;
  touchpoints: { touchpoint: string; count: number }[];
}

/**
 * Every project the caller may see, with its sample and its findings by touchpoint over the
 * period: the heat map's rows. Projects nobody inspected in the period are rows too, flagged.
 */
export async function heatMapRows(ctx: ServiceContext, filter: DashboardFilter): Promise<ProjectSample[]> {
  authorize(ctx.actor, 'readInspections');
  requireDashboardFilter(filter);
  const ids = await inspectableProjectIds(ctx);
  const samples = await reportRepository.projectSamples(ctx.em, { ...filter, ids });
  const cells = await reportRepository.findingsByTouchpoint(ctx.em, filter);
  return samples.map((s) => ({
    ...s,
    rate: s.applicable === 0 ? null : Math.round((s.passed / s.applicable) * 10000) / 10000,
    smallSample: s.inspections > 0 && isSmallSample(s.applicable),
    inspected: s.inspections > 0,
    touchpoints: cells.filter((c) => c.projectId === s.projectId).map(({ touchpoint, count }) => ({ touchpoint, count })),
  }));
}

/** The projects the caller may see that no inspection reached in the period. */
export async function uninspectedProjects(ctx: ServiceContext, filter: Pick<DashboardFilter, 'from' | 'to'>): Promise<ProjectSample[]> {
  return (await heatMapRows(ctx, { from: filter.from, to: filter.to })).filter((r) => !r.inspected);
}
