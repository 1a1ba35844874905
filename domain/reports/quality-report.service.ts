import { authorize } from '../users/roles.ts';
import { reportRepository } from './report.repository.ts';
import { inspectionRepository } from '../inspections/inspection.repository.ts';
import { requireDates } from '../inspections/dates.ts';
import { Finding, type IFinding } from '../findings/finding.entity.ts';
import { Inspection, type IInspection } from '../inspections/inspection.entity.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { readPage, type PageArgs } from '../shared/paging.ts';

export interface FindingFilter {
  inspectionId?: number | null;
  projectId?: number | null;
  module?: string | null;
  severity?: string | null;
  status?: string | null;
  /** inclusive dates YYYY-MM-DD */
  from?: string | null;
  to?: string | null;
}

export interface Page<T> {
  totalCount: number;
  items: T[];
}

/** Findings, newest first, filtered by project, module, severity, status and period, a page at a time. */
export async function listFindings(ctx: ServiceContext, filter: FindingFilter, page: PageArgs): Promise<Page<IFinding>> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const where: Record<string, unknown> = {};
  if (filter.inspectionId != null) where.inspectionId = filter.inspectionId;
  if (filter.projectId != null) where.projectId = filter.projectId;
  if (filter.module) where.module = filter.module;
  if (filter.severity) where.severity = filter.severity;
  if (filter.status) where.status = filter.status;
  if (filter.from || filter.to) where.foundOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  const { first, offset } = readPage(page);
  const [items, totalCount] = await ctx.em.findAndCount(Finding, where, { orderBy: { id: 'desc' }, limit: first, offset });
  return { totalCount, items };
}

export type RateGroup = 'project' | 'module' | 'month';

export interface RateRow {
  key: string;
  applicable: number;
  passed: number;
  /** passed / applicable */
  rate: number;
  inspections: number;
}

/** Execution rate (passed / applicable items) by project, module or month, over a period. */
export async function executionRates(ctx: ServiceContext, groupBy: RateGroup, filter: { projectId?: number | null; from?: string | null; to?: string | null }): Promise<RateRow[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const rows = await reportRepository.executionTotals(ctx.em, groupBy, filter);
  return rows.map((r) => ({ ...r, rate: r.applicable === 0 ? 1 : Math.round((r.passed / r.applicable) * 10000) / 10000 }));
}

export interface HeatCell {
  touchpoint: string;
  projectId: number;
  count: number;
}

/** Findings counted by touchpoint × project: where residents meet the failures. */
export async function findingHeatMap(ctx: ServiceContext, filter: { module?: string | null; from?: string | null; to?: string | null }): Promise<HeatCell[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  return reportRepository.findingsByTouchpoint(ctx.em, filter);
}

/** The inspections that checked a given version of a document ("what was checked under v3 of W021?"). */
export async function inspectionsUnder(ctx: ServiceContext, code: string, version: number): Promise<IInspection[]> {
  authorize(ctx.actor, 'readInspections');
  const ids = await inspectionRepository.idsUnder(ctx.em, code, version);
  if (ids.length === 0) return [];
  return ctx.em.find(Inspection, { id: { $in: ids } }, { orderBy: { id: 'asc' } });
}

/** Inspections, newest first, by project and inspector, a page at a time. */
export async function listInspections(ctx: ServiceContext, filter: { projectId?: number | null; inspector?: string | null; from?: string | null; to?: string | null }, page: PageArgs): Promise<Page<IInspection>> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const where: Record<string, unknown> = {};
  if (filter.projectId != null) where.projectId = filter.projectId;
  if (filter.inspector) where.inspector = filter.inspector;
  if (filter.from || filter.to) where.inspectedOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  const { first, offset } = readPage(page);
  const [items, totalCount] = await ctx.em.findAndCount(Inspection, where, { orderBy: { id: 'desc' }, limit: first, offset });
  return { totalCount, items };
}

/** Every finding of one inspection, in checklist order. */
export async function findingsOf(ctx: ServiceContext, inspectionId: number): Promise<IFinding[]> {
  authorize(ctx.actor, 'readInspections');
  return ctx.em.find(Finding, { inspectionId }, { orderBy: { id: 'asc' } });
}
