import { NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { authorize, holdsOn, PERMISSIONS } from '../shared/access.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { scopeOf, visibleOr } from '../organisations/scope.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { photoRepository } from '../photos/photo.repository.ts';
import { projectRepository } from '../projects/project.repository.ts';
import { coachingRepository } from './coaching.repository.ts';
import { coachingMessage } from './coaching.messages.ts';
import type { ICoaching } from './coaching.entity.ts';

/** What recording a coaching visit takes. */
export interface CoachingInput {
  projectId: number;
  code: string;
  coachedOn: string;
  /** who coached; the recorder by default */
  coach?: string | null;
  notes: string;
  photos?: string[] | null;
  people?: string[] | null;
}

const MAX_NOTES = 4000;
const MAX_NAME = 255;

/** The shape of the input: issues located by JSON pointer. */
function shapeIssues(input: CoachingInput, today: string): Issue[] {
  const issues: Issue[] = [];
  const required = coachingMessage('coaching.required');
  if (!input.code?.trim()) issues.push(issue('/code', required));
  if (!input.notes?.trim()) issues.push(issue('/notes', required));
  else if (input.notes.length > MAX_NOTES) issues.push(issue('/notes', coachingMessage('coaching.too_long', { max: MAX_NOTES })));
  if (!isCalendarDate(input.coachedOn)) issues.push(issue('/coachedOn', required));
  else if (input.coachedOn > today) issues.push(issue('/coachedOn', coachingMessage('coaching.in_future', { today })));
  if (input.coach && input.coach.length > MAX_NAME) issues.push(issue('/coach', coachingMessage('coaching.too_long', { max: MAX_NAME })));
  (input.people ?? []).forEach((p, i) => {
    if (!p.trim()) issues.push(issue(`/people/${i}`, required));
    else if (p.length > MAX_NAME) issues.push(issue(`/people/${i}`, coachingMessage('coaching.too_long', { max: MAX_NAME })));
  });
  return issues;
}

/**
 * Records an on-site coaching visit at a project the recorder reaches, on a work instruction pinned
 * to its current published version, with photos already uploaded. Nothing is stored on a bad input.
 */
export async function recordCoaching(ctx: ServiceContext, input: CoachingInput): Promise<ICoaching> {
  const actor = authorize(ctx.actor, 'recordCoaching');
  const now = new Date();
  const issues = shapeIssues(input, todayInChina(now));
  const project = await projectRepository.find(ctx.em, input.projectId);
  if (!project || (actor.organisationId !== null && project.organisationId !== actor.organisationId) || !holdsOn(actor, PERMISSIONS.recordCoaching, project.id)) {
    issues.push(issue('/projectId', coachingMessage('coaching.project_unknown', { id: input.projectId })));
  }
  const code = input.code?.trim() ?? '';
  const version = code ? await coachingRepository.publishedVersion(ctx.em, code, actor.organisationId) : null;
  if (code && version === null) issues.push(issue('/code', coachingMessage('coaching.code_unpublished', { code: code.slice(0, 64) })));
  const photos = [...new Set(input.photos ?? [])];
  const known = await photoRepository.existing(ctx.em, photos.filter((p) => /^[0-9a-f]{64}$/.test(p)));
  photos.forEach((p, i) => { if (!known.has(p)) issues.push(issue(`/photos/${i}`, coachingMessage('coaching.photo_missing', { photo: p.slice(0, 80) }))); });
  if (issues.length > 0) throw new ValidationError(coachingMessage('coaching.invalid'), issues);
  return coachingRepository.insert(ctx.em, {
    projectId: input.projectId, code, version: version!, coachedOn: input.coachedOn, coach: input.coach?.trim() || actor.username,
    notes: input.notes.trim(), photos, people: (input.people ?? []).map((p) => p.trim()), recordedBy: actor.username, recordedAt: now,
  });
}

const notFound = (id: number) => () => new NotFoundError(coachingMessage('coaching.not_found', { id }), String(id));

/** One coaching record of a project the reader reaches (another organisation's answers as missing). */
export async function getCoaching(ctx: ServiceContext, id: number): Promise<ICoaching> {
  const scope = scopeOf(ctx.actor, 'readTraining');
  return visibleOr(scope, await coachingRepository.find(ctx.em, id), notFound(id));
}

const COACHINGS: Keyset<ICoaching> = { list: 'coachings', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (c) => [c.id] };

/** Coaching records, newest first, of the projects the reader reaches; by project and/or work instruction. */
export function listCoachings(ctx: ServiceContext, filter: { projectId?: number | null; code?: string | null }, page: PageArgs): Promise<Page<ICoaching>> {
  const f = { scope: scopeOf(ctx.actor, 'readTraining'), ...filter };
  return keysetPage(COACHINGS, page, (window) => coachingRepository.window(ctx.em, f, COACHINGS, window), () => coachingRepository.count(ctx.em, f));
}
