import { inScope, scopeOf } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { KIND_TIERS, reportRepository } from './report.repository.ts';
import { inspectionRepository, type InspectionFilter } from '../inspections/inspection.repository.ts';
import { requireDates } from '../shared/dates.ts';
import { isSmallSample } from '../shared/sample-size.ts';
import { findingReads, type FindingFilter, type FindingView } from '../findings/finding.repository.ts';
import type { IInspection } from '../inspections/inspection.entity.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

const INSPECTIONS: Keyset<IInspection> = { list: 'inspections', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (i) => [i.id] };
const INSPECTIONS_UNDER: Keyset<IInspection> = { list: 'inspectionsUnder', columns: [{ name: 'inspection_id', type: 'int', direction: 'asc' }], keyOf: (i) => [i.id] };

export type RateGroup = 'project' | 'module' | 'month' | 'kind';
/** Which inspections a rate counts: routine rounds, scenario assessments, mystery audits, routine and mystery combined, or all. */
export type InspectionKind = keyof typeof KIND_TIERS;

export interface RateRow {
  key: string;
  applicable: number;
  passed: number;
  /** passed / applicable */
  rate: number;
  inspections: number;
  /** fewer than SMALL_SAMPLE_ITEMS applicable items: the rate is shown as a small sample */
  smallSample: boolean;
}

/**
 * Execution rate (passed / applicable items) by project, module, month or inspection kind, over a
 * period. Routine inspections, scenario assessments and mystery audits are counted apart: by default
 * the routine rounds (all kinds when grouping by kind).
 */
export async function executionRates(ctx: ServiceContext, groupBy: RateGroup, filter: { projectId?: number | null; from?: string | null; to?: string | null; kind?: InspectionKind | null }): Promise<RateRow[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ from: filter.from, to: filter.to });
  const kind = filter.kind ?? (groupBy === 'kind' ? 'all' : 'routine');
  const rows = await reportRepository.executionTotals(ctx.em, scopeOf(ctx.actor, 'readInspections'), groupBy, { ...filter, kind });
  return rows.map((r) => ({ ...r, rate: r.applicable === 0 ? 1 : Math.round((r.passed / r.applicable) * 10000) / 10000, smallSample: isSmallSample(r.applicable) }));
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
  return reportRepository.findingsByTouchpoint(ctx.em, scopeOf(ctx.actor, 'readInspections'), filter);
}

/** The inspections that checked a given version of a document ("what was checked under v3 of W021?"). */
export async function inspectionsUnder(ctx: ServiceContext, code: string, version: number, page: PageArgs): Promise<Page<IInspection>> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  return keysetPage(INSPECTIONS_UNDER, page,
    async (window) => inspectionRepository.byIds(ctx.em, await inspectionRepository.idsUnder(ctx.em, scope, code, version, INSPECTIONS_UNDER, window)),
    () => inspectionRepository.countUnder(ctx.em, scope, code, version));
}

/** Inspections, newest first, by project and inspector, a page at a time. */
export async function listInspections(ctx: ServiceContext, filter: InspectionFilter, page: PageArgs): Promise<Page<IInspection>> {
  const scoped = { ...filter, scope: scopeOf(ctx.actor, 'readInspections') };
  requireDates({ from: filter.from, to: filter.to });
  return keysetPage(INSPECTIONS, page, (window) => inspectionRepository.window(ctx.em, scoped, INSPECTIONS, window), () => inspectionRepository.count(ctx.em, scoped));
}

/** Every finding of one inspection, in checklist order. */
export async function findingsOf(ctx: ServiceContext, inspectionId: number): Promise<FindingView[]> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  const inspection = await inspectionRepository.find(ctx.em, inspectionId);
  if (!inspection || !inScope(scope, inspection)) return [];
  return findingReads.ofInspection(ctx.em, inspectionId);
}
