import { appendAudit } from '../audit/audit.service.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { getProject } from '../projects/project.service.ts';
import type { IProject } from '../projects/project.entity.ts';
import { scopeOf } from '../organisations/scope.ts';
import { authorize } from '../shared/access.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { inTransaction } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { newSurveyToken, surveyTokenHash } from '../surveys/survey-token.ts';
import { assessmentMessage as m } from './assessment.messages.ts';
import type { IMysteryLink } from './mystery-link.entity.ts';
import { mysteryLinkRepository } from './mystery-link.repository.ts';

const MAX_LINKS_PER_CALL = 200;
const MAX_DAYS_AHEAD = 180;

export interface IssuedMysteryLinks {
  project: IProject;
  expiresOn: string;
  tokens: string[];
}

/**
 * Issues single-use mystery-customer links for a project, valid up to and including `expiresOn`.
 * Only the tokens' hashes are stored; the tokens are returned once, to be handed to the customers.
 */
export async function issueMysteryLinks(ctx: ServiceContext, projectId: number, count: number, expiresOn: string): Promise<IssuedMysteryLinks> {
  const actor = authorize(ctx.actor, 'runAssessments');
  const issues: Issue[] = [];
  if (!Number.isInteger(count) || count < 1 || count > MAX_LINKS_PER_CALL) issues.push(issue('/count', m('mystery.count_rule', { max: MAX_LINKS_PER_CALL })));
  const today = todayInChina();
  if (!isCalendarDate(expiresOn) || expiresOn < today || Date.parse(expiresOn) - Date.parse(today) > MAX_DAYS_AHEAD * 86400_000) issues.push(issue('/expiresOn', m('mystery.expires_rule', { max: MAX_DAYS_AHEAD })));
  if (issues.length > 0) throw new ValidationError(m('mystery.request_invalid'), issues);
  const project = await getProject(ctx.em, projectId, scopeOf(actor, 'runAssessments'));
  const tokens = Array.from({ length: count }, newSurveyToken);
  const now = new Date();
  await inTransaction(ctx.em, async (em) => {
    mysteryLinkRepository.insertAll(em, tokens.map((t) => ({ organisationId: project.organisationId, projectId: project.id, tokenHash: surveyTokenHash(t), expiresOn, createdBy: actor.username, createdAt: now, usedAt: null, inspectionId: null })));
    await appendAudit(em, actor, { action: 'mystery_links.issued', subjectType: 'project', subjectKey: String(project.id), detail: { count, expiresOn } });
  });
  return { project, expiresOn, tokens };
}

/** The links as CSV for whoever hands them out: project code, name, expiry and URL per row. */
export function mysteryLinksCsv(links: IssuedMysteryLinks, baseUrl: string): string {
  const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const base = baseUrl.replace(/\/+$/, '');
  const rows = links.tokens.map((t) => [links.project.code, links.project.name, links.expiresOn, `${base}/m/${t}`].map(cell).join(','));
  return ['project_code,project_name,expires_on,url', ...rows].join('\r\n') + '\r\n';
}

/** The issued links of the projects the caller assesses, newest first (the tokens are not kept: only state and result). */
export async function listMysteryLinks(ctx: ServiceContext, limit = 100): Promise<IMysteryLink[]> {
  const scope = scopeOf(ctx.actor, 'runAssessments');
  return mysteryLinkRepository.list(ctx.em, scope.organisationId, scope.projects, Math.min(Math.max(limit, 1), 500));
}
