import { scopeOf } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { requireDates } from '../shared/dates.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { reportRepository } from './report.repository.ts';
import { reportMessage } from './report.messages.ts';
import { feedbackRepository } from '../voice/feedback.repository.ts';
import { chinaDayStart } from '../voice/feedback.service.ts';
import { isSmallSample } from '../shared/sample-size.ts';


/** The dashboard's filters: an inclusive period, a module (M01–M07) for the heat map, a grouping for KPIs. */
export interface DashboardFilter {
  from?: string | null;
  to?: string | null;
  module?: string | null;
  groupBy?: string | null;
  /** what the heat map counts: findings (default), customer feedback, or both together */
  source?: string | null;
}

export const HEAT_SOURCES = ['findings', 'feedback', 'combined'] as const;
export type HeatSource = (typeof HEAT_SOURCES)[number];

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
  if (filter.source != null && !(HEAT_SOURCES as readonly string[]).includes(filter.source)) issues.push(issue('/source', reportMessage('report.source_rule', { value: filter.source })));
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
  /** feedback items in the period (0 unless the map counts feedback) */
  feedback: number;
  /** per touchpoint: what the source counts, and the findings and feedback behind it */
  touchpoints: TouchpointCell[];
}

export interface TouchpointCell {
  touchpoint: string;
  count: number;
  findings: number;
  feedback: number;
}

/** Findings and feedback cells of a project merged by touchpoint, counted as the source says, largest first. */
function cellsOf(findings: { touchpoint: string; count: number }[], feedback: { touchpoint: string; count: number }[], source: HeatSource): TouchpointCell[] {
  const cells = new Map<string, TouchpointCell>();
  const cell = (touchpoint: string) => cells.get(touchpoint) ?? cells.set(touchpoint, { touchpoint, count: 0, findings: 0, feedback: 0 }).get(touchpoint)!;
  if (source !== 'feedback') for (const f of findings) cell(f.touchpoint).findings += f.count;
  if (source !== 'findings') for (const f of feedback) cell(f.touchpoint).feedback += f.count;
  for (const c of cells.values()) c.count = c.findings + c.feedback;
  return [...cells.values()].sort((a, b) => b.count - a.count || a.touchpoint.localeCompare(b.touchpoint));
}

/**
 * Every project the caller may see, with its sample and its findings by touchpoint over the
 * period: the heat map's rows. Projects nobody inspected in the period are rows too, flagged.
 */
export async function heatMapRows(ctx: ServiceContext, filter: DashboardFilter): Promise<ProjectSample[]> {
  authorize(ctx.actor, 'readInspections');
  requireDashboardFilter(filter);
  const samples = await reportRepository.projectSamples(ctx.em, scopeOf(ctx.actor, 'readInspections'), filter);
  const source = (filter.source ?? 'findings') as HeatSource;
  const cells = source === 'feedback' ? [] : await reportRepository.findingsByTouchpoint(ctx.em, scopeOf(ctx.actor, 'readInspections'), filter);
  const voice = source === 'findings' ? [] : await feedbackRepository.byTouchpoint(ctx.em, scopeOf(ctx.actor, 'readFeedback'), {
    since: filter.from ? chinaDayStart(filter.from) : null, before: filter.to ? new Date(chinaDayStart(filter.to).getTime() + 86_400_000) : null, module: filter.module,
  });
  const of = <T extends { projectId: number }>(rows: T[], projectId: number) => rows.filter((c) => c.projectId === projectId);
  return samples.map((s) => ({
    ...s,
    rate: s.applicable === 0 ? null : Math.round((s.passed / s.applicable) * 10000) / 10000,
    smallSample: s.inspections > 0 && isSmallSample(s.applicable),
    inspected: s.inspections > 0,
    feedback: of(voice, s.projectId).reduce((n, c) => n + c.count, 0),
    touchpoints: cellsOf(of(cells, s.projectId), of(voice, s.projectId), source),
  }));
}

/** The projects the caller may see that no inspection reached in the period. */
export async function uninspectedProjects(ctx: ServiceContext, filter: Pick<DashboardFilter, 'from' | 'to'>): Promise<ProjectSample[]> {
  return (await heatMapRows(ctx, { from: filter.from, to: filter.to })).filter((r) => !r.inspected);
}
