/**
 * A mystery customer (神秘客户) answering a project's mystery checklist through a single-use link,
 * without an account. The token's hash names the organisation (a security-definer lookup); from
 * then on the server acts for that organisation as the link's mystery customer — an assessor held
 * on that one project — so the answers are judged like any inspection (findings, rectifications).
 * Unknown, used and expired links are refused with nothing stored; the link is claimed in the same
 * transaction as the inspection, so of two submissions at once exactly one wins.
 */
import type { Actor } from '../shared/access.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { EntityManager } from '../shared/persistence.ts';
import { inTransaction } from '../shared/persistence.ts';
import type { Jobs } from '../shared/jobs.ts';
import type { BusinessKeys } from '../shared/business-keys.ts';
import type { DocumentLimits } from '../shared/limits.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { getChecklist, getChecklistById, todayInChina } from '../checklists/checklist.service.ts';
import type { Checklist } from '../checklists/generate.ts';
import type { Answer } from '../checklists/evaluate.ts';
import { submitInspection, type SubmitResult } from '../inspections/inspection.service.ts';
import { getProject } from '../projects/project.service.ts';
import { looksLikeSurveyToken, surveyTokenHash } from '../surveys/survey-token.ts';
import { assessmentMessage as m } from './assessment.messages.ts';
import type { IMysteryLink } from './mystery-link.entity.ts';
import { mysteryLinkRepository } from './mystery-link.repository.ts';

/** What an anonymous caller works with: their own (organisation-less) unit of work, one acting for an organisation, and the server's jobs. */
export interface AnonymousAssessmentContext {
  em: EntityManager;
  asSystemOf: (organisationId: number) => EntityManager;
  jobs: Jobs;
  keys: BusinessKeys;
  limits: DocumentLimits;
}

/** What the link's page shows: the project, until when, and the checklist to answer. */
export interface PublicMysteryAudit {
  projectName: string;
  expiresOn: string;
  /** the link was used already (the page thanks instead of asking) */
  used: boolean;
  checklist: Checklist | null;
}

/** The inspector a mystery audit is recorded under: 神秘客户 and the link's id. */
export const mysteryInspector = (linkId: number) => `神秘客户#${linkId}`;

const unknownLink = () => new NotFoundError(m('mystery.link_unknown'), 'mystery link');

/** The mystery customer of a link: an assessor (inspector role) held on the link's project only. */
function mysteryActor(link: IMysteryLink): Actor {
  return { username: mysteryInspector(link.id), roles: ['inspector'], organisationId: link.organisationId, reach: [{ role: 'inspector', projects: [link.projectId], regions: [] }] };
}

async function openLink(ctx: AnonymousAssessmentContext, token: string): Promise<{ em: EntityManager; link: IMysteryLink; service: JobsContext }> {
  if (!looksLikeSurveyToken(token)) throw unknownLink();
  const hash = surveyTokenHash(token);
  const organisationId = await mysteryLinkRepository.organisationOfToken(ctx.em, hash);
  if (organisationId === null) throw unknownLink();
  const em = ctx.asSystemOf(organisationId);
  const link = await mysteryLinkRepository.byHash(em, organisationId, hash);
  if (!link) throw unknownLink();
  return { em, link, service: { em, actor: mysteryActor(link), limits: ctx.limits, jobs: ctx.jobs, keys: ctx.keys } };
}

const expired = (link: IMysteryLink) => todayInChina() > link.expiresOn;

/** The project and mystery checklist a link opens (no checklist once used or expired). */
export async function mysteryAuditByToken(ctx: AnonymousAssessmentContext, token: string): Promise<PublicMysteryAudit> {
  const { em, link, service } = await openLink(ctx, token);
  if (!link.usedAt && expired(link)) throw new ConflictError(m('mystery.link_expired', { expiresOn: link.expiresOn }));
  const project = await getProject(em, link.projectId);
  const used = Boolean(link.usedAt);
  const checklist = used ? null : (await getChecklist(service, { projectId: link.projectId, tier: 'mystery' })).checklist;
  return { projectName: project.name, expiresOn: link.expiresOn, used, checklist };
}

/**
 * Judges a mystery customer's answers into an inspection of the link's project, as the link's
 * mystery customer. The checklist must be the mystery checklist of the link's project.
 */
export async function submitMysteryAudit(ctx: AnonymousAssessmentContext, token: string, checklistId: string, answers: Answer[]): Promise<SubmitResult> {
  const { em, link, service } = await openLink(ctx, token);
  if (link.usedAt) throw new ConflictError(m('mystery.link_used'));
  if (expired(link)) throw new ConflictError(m('mystery.link_expired', { expiresOn: link.expiresOn }));
  const wrongChecklist = () => new ValidationError(m('mystery.other_checklist'), [issue('/checklistId', m('mystery.other_checklist_detail', { checklist: checklistId, project: link.projectId }))]);
  const { checklist } = await getChecklistById(em, checklistId, { organisationId: link.organisationId, projects: null }).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw wrongChecklist();
    throw error;
  });
  if (checklist.projectId !== link.projectId || checklist.tier !== 'mystery') throw wrongChecklist();
  return inTransaction(em, async (tx) => {
    // claimed first: a concurrent submission waits on the row and then finds it claimed
    if (!(await mysteryLinkRepository.claim(tx, link.id, new Date()))) throw new ConflictError(m('mystery.link_used'));
    const result = await submitInspection({ ...service, em: tx }, { checklistId, clientSubmissionId: `mystery-${link.organisationId}-${link.id}`, answers });
    if (result.replayed) throw new ConflictError(m('mystery.link_used'));
    await mysteryLinkRepository.recordInspection(tx, link.id, result.inspection.id);
    return result;
  });
}
