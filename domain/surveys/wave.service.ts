/**
 * Survey waves and their single-use links. A wave pins one published questionnaire version and a
 * period; links are generated per project and handed to the sender (SMS, WeChat) once — only
 * their hashes are kept, so a lost list cannot be printed again, only replaced by new links.
 */
import { authorize, holdsOn, PERMISSIONS, ForbiddenError, type Actor } from '../shared/access.ts';
import { ConflictError, NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { requireDates } from '../shared/dates.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { IProject } from '../projects/project.entity.ts';
import { questionnaireOf } from './questionnaire.service.ts';
import type { ISurveyWave } from './survey.entity.ts';
import { surveyMessage as m } from './survey.messages.ts';
import { surveyRepository } from './survey.repository.ts';
import { newSurveyToken, surveyTokenHash } from './survey-token.ts';

/** The most links generated in one call. */
export const MAX_LINKS_PER_CALL = 5000;

export interface WaveInput {
  questionnaireCode: string;
  version: number;
  name: string;
  opensOn: string;
  closesOn: string;
}

/** Links just made: the tokens are shown this once. */
export interface GeneratedLinks {
  waveId: number;
  project: IProject;
  tokens: string[];
}

/** The caller's wave by id; another organisation's answers like a missing one. */
export async function waveOf(em: EntityManager, actor: Actor, id: number): Promise<ISurveyWave> {
  const wave = await surveyRepository.wave(em, actor.organisationId, id);
  if (!wave) throw new NotFoundError(m('survey.wave_not_found', { id }), String(id));
  return wave;
}

/** Creates a wave asking a published version of a questionnaire over a period of days. */
export async function createSurveyWave(ctx: ServiceContext, input: WaveInput): Promise<ISurveyWave> {
  const actor = authorize(ctx.actor, 'manageSurveys');
  requireDates({ opensOn: input.opensOn, closesOn: input.closesOn });
  if (input.opensOn > input.closesOn) throw new ValidationError(m('survey.bad_period', { from: input.opensOn, to: input.closesOn }), [issue('/closesOn', m('survey.bad_period', { from: input.opensOn, to: input.closesOn }))]);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 255) throw new ValidationError(m('survey.name_rule'), [issue('/name', m('survey.name_rule'))]);
  const questionnaire = await questionnaireOf(ctx.em, actor, input.questionnaireCode);
  const version = await surveyRepository.version(ctx.em, questionnaire.id, input.version);
  if (!version) throw new NotFoundError(m('survey.version_not_found', { code: questionnaire.code, version: input.version }), `${questionnaire.code}@${input.version}`);
  if (version.status !== 'published') throw new ConflictError(m('survey.not_published', { code: questionnaire.code, version: input.version }));
  return inTransaction(ctx.em, async (em) => {
    const wave = await surveyRepository.insertWave(em, { versionId: version.id, name, opensOn: input.opensOn, closesOn: input.closesOn, createdBy: actor.username, createdAt: new Date() });
    await appendAudit(em, actor, { action: 'survey_wave.created', subjectType: 'survey_wave', subjectKey: String(wave.id), detail: { name, questionnaire: questionnaire.code, version: input.version, opensOn: input.opensOn, closesOn: input.closesOn } });
    return wave;
  });
}

/** Generates `count` single-use links of a wave for one project; the tokens are returned once. */
export async function generateSurveyLinks(ctx: ServiceContext, waveId: number, projectId: number, count: number): Promise<GeneratedLinks> {
  const actor = authorize(ctx.actor, 'manageSurveys');
  if (!Number.isInteger(count) || count < 1 || count > MAX_LINKS_PER_CALL) throw new ValidationError(m('survey.count_rule', { max: MAX_LINKS_PER_CALL }), [issue('/count', m('survey.count_rule', { max: MAX_LINKS_PER_CALL }))]);
  const wave = await waveOf(ctx.em, actor, waveId);
  const project = await surveyRepository.project(ctx.em, actor.organisationId, projectId);
  if (!project) throw new NotFoundError(m('survey.project_not_found', { id: projectId }), String(projectId));
  if (!holdsOn(actor, PERMISSIONS.manageSurveys, project.id)) throw new ForbiddenError(m('survey.may_not_manage', { username: actor.username, project: project.name }), PERMISSIONS.manageSurveys);
  const tokens = Array.from({ length: count }, newSurveyToken);
  const now = new Date();
  await inTransaction(ctx.em, async (em) => {
    await surveyRepository.insertLinks(em, tokens.map((t) => ({ organisationId: wave.organisationId, waveId: wave.id, projectId: project.id, tokenHash: surveyTokenHash(t), createdAt: now })));
    await appendAudit(em, actor, { action: 'survey_links.generated', subjectType: 'survey_wave', subjectKey: String(wave.id), detail: { projectId: project.id, count } });
  });
  return { waveId: wave.id, project, tokens };
}

/** The links as CSV for the sender: one row per household link (project code, name, URL). */
export function linksCsv(links: GeneratedLinks, baseUrl: string): string {
  const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const base = baseUrl.replace(/\/+$/, '');
  const rows = links.tokens.map((t) => [links.project.code, links.project.name, `${base}/s/${t}`].map(cell).join(','));
  return ['project_code,project_name,url', ...rows].join('\r\n') + '\r\n';
}

/** The caller's organisation's waves, newest first. */
export async function listSurveyWaves(ctx: ServiceContext): Promise<ISurveyWave[]> {
  const actor = authorize(ctx.actor, 'readSurveyResults');
  return surveyRepository.waves(ctx.em, actor.organisationId);
}

export async function getSurveyWave(ctx: ServiceContext, id: number): Promise<ISurveyWave> {
  const actor = authorize(ctx.actor, 'readSurveyResults');
  return waveOf(ctx.em, actor, id);
}
