/**
 * Survey results of a wave: NPS by project, region or the whole organisation with intervals and
 * trends, and the key-driver analysis. Computed only over responses to the wave's pinned
 * questionnaire version, with the question roles and scales of that version, so the same wave
 * always gives the same results; every result names the questionnaire code and version it used.
 */
import { inScope, scopeOf, type Scope } from '../organisations/scope.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keyDrivers, NotAnalysableError, type KeyDriverResult } from './analysis/key-drivers.ts';
import { npsFromMonthlyCounts, type NpsFigure, type TrendGrain, type TrendPoint } from './analysis/nps.ts';
import { questionRoles } from './analysis/questionnaire-roles.ts';
import { surveyResultsMessage } from './survey-results.messages.ts';
import { surveyResultsRepository, type NpsCell, type PinnedWave } from './survey-results.repository.ts';

export type NpsGrouping = 'project' | 'region' | 'organisation';

/** Which questionnaire version a result was computed from. */
export interface ResultSource {
  waveId: number;
  waveName: string;
  questionnaireCode: string;
  questionnaireTitle: string;
  version: number;
}

export interface NpsRow extends NpsFigure {
  /** project code, region name, or 全部 for the organisation */
  label: string;
  projectId: number | null;
  regionId: number | null;
  trend: TrendPoint[];
}

export interface SurveyResults extends ResultSource {
  groupBy: NpsGrouping;
  grain: TrendGrain;
  rows: NpsRow[];
  /** every response in the caller's view together */
  total: NpsRow;
}

export interface KeyDriverReport extends ResultSource, KeyDriverResult {
  projectId: number | null;
}

const sourceOf = (w: PinnedWave): ResultSource => ({ waveId: w.id, waveName: w.name, questionnaireCode: w.questionnaireCode, questionnaireTitle: w.questionnaireTitle, version: w.version });

/** The wave and scope of a results request; a wave or project out of reach answers like a missing one. */
async function resultsScope(ctx: ServiceContext, waveId: number, projectId: number | null): Promise<{ wave: PinnedWave; scope: Scope }> {
  const scope = scopeOf(ctx.actor, 'readSurveyResults');
  const wave = await surveyResultsRepository.pinnedWave(ctx.em, waveId, scope.organisationId);
  if (!wave) throw new NotFoundError(surveyResultsMessage('survey_results.wave_not_found', { id: waveId }), 'SurveyWave');
  if (projectId !== null) {
    const exists = await surveyResultsRepository.projectInOrganisation(ctx.em, projectId, wave.organisationId);
    if (!exists || !inScope(scope, { organisationId: wave.organisationId, id: projectId })) throw new NotFoundError(surveyResultsMessage('survey_results.project_not_found', { id: projectId }), 'Project');
  }
  return { wave, scope };
}

/** NPS of a wave grouped by project, region or organisation, each row with its interval and trend. */
export async function surveyResults(ctx: ServiceContext, args: { waveId: number; projectId?: number | null; groupBy?: NpsGrouping | null; grain?: TrendGrain | null }): Promise<SurveyResults> {
  const groupBy = args.groupBy ?? 'project';
  const grain = args.grain ?? 'month';
  const { wave, scope } = await resultsScope(ctx, args.waveId, args.projectId ?? null);
  const cells = await surveyResultsRepository.npsCells(ctx.em, wave, scope, args.projectId ?? null);
  const groups = new Map<string, { row: GroupRow; cells: NpsCell[] }>();
  for (const c of cells) {
    const row = groupRow(c, groupBy);
    const group = groups.get(row.label) ?? { row, cells: [] };
    group.cells.push(c);
    groups.set(row.label, group);
  }
  const rows = [...groups.keys()].sort().map((k) => npsRow(groups.get(k)!.row, groups.get(k)!.cells, grain));
  const total = npsRow({ label: '全部', projectId: null, regionId: null }, cells, grain);
  return { ...sourceOf(wave), groupBy, grain, rows: groupBy === 'organisation' ? [total] : rows, total };
}

type GroupRow = Pick<NpsRow, 'label' | 'projectId' | 'regionId'>;

function groupRow(c: NpsCell, groupBy: NpsGrouping): GroupRow {
  if (groupBy === 'project') return { label: c.projectCode, projectId: c.projectId, regionId: c.regionId };
  if (groupBy === 'region') return { label: c.region, projectId: null, regionId: c.regionId };
  return { label: '全部', projectId: null, regionId: null };
}

function npsRow(row: GroupRow, cells: NpsCell[], grain: TrendGrain): NpsRow {
  const { figure, trend } = npsFromMonthlyCounts(cells, grain);
  return { ...row, ...figure, trend };
}

/** The key-driver analysis of a wave (one project's responses, or every one in the caller's view). */
export async function keyDriverReport(ctx: ServiceContext, args: { waveId: number; projectId?: number | null }): Promise<KeyDriverReport> {
  const projectId = args.projectId ?? null;
  const { wave, scope } = await resultsScope(ctx, args.waveId, projectId);
  const roles = questionRoles(wave.schema);
  if (!roles.overall || roles.drivers.length === 0) throw new NotAnalysableError(surveyResultsMessage('survey_results.no_drivers', { questionnaire: wave.questionnaireCode, version: wave.version }));
  const answers = await surveyResultsRepository.answers(ctx.em, wave, scope, projectId);
  return { ...sourceOf(wave), projectId, ...keyDrivers(answers, roles.drivers, roles.overall.key) };
}
