/**
 * Feedback intake (客户反馈登记): an item recorded by a project's service desk or imported from a
 * call centre's export is stored with its analysis — the analyser's reading of the text, the
 * repetition of its problem type in the project, the priority those give and the model version —
 * and read back, scoped to the projects the reader's roles reach.
 */
import { authorize, type Actor } from '../shared/access.ts';
import { ConflictError, NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { inTransaction, isUniqueViolation, type EntityManager, type NewRow } from '../shared/persistence.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import type { JobsContext, ServiceContext } from '../shared/service-context.ts';
import { openComplaintsFor } from './complaint.service.ts';
import { requireDates } from '../shared/dates.ts';
import { scopeOf, visibleOr } from '../organisations/scope.ts';
import type { IProject } from '../projects/project.entity.ts';
import { analyzeText } from './analysis/analyze.ts';
import { priorityOf } from './analysis/priority.ts';
import { PRIORITIES, PROBLEM_TYPES, type FeedbackAnalysis } from './analysis/types.ts';
import { CHANNELS } from './channels.ts';
import type { IFeedback } from './feedback.entity.ts';
import { feedbackMessage } from './feedback.messages.ts';
import { feedbackRepository, type FeedbackWhere } from './feedback.repository.ts';
import { feedbackIssues, normalised, type FeedbackInput } from './feedback-rules.ts';

/** The analysis an item gets at intake: the text's, its repetition in the project, and the priority from the three. */
export async function analyseFeedback(em: EntityManager, projectId: number, text: string, receivedAt: Date, earlierInBatch: (problemType: string) => number = () => 0): Promise<FeedbackAnalysis> {
  const analysis = analyzeText(text);
  const repetition = analysis.problemType === null ? 0 : (await feedbackRepository.repetitionOf(em, projectId, analysis.problemType, receivedAt)) + earlierInBatch(analysis.problemType);
  return { ...analysis, repetition, priority: priorityOf(analysis.problemType, analysis.intensity, repetition) };
}

/** The row to store for a valid input of a project, with its analysis. */
export function feedbackRow(project: Pick<IProject, 'id' | 'organisationId'>, input: FeedbackInput, analysis: FeedbackAnalysis, actor: Actor, now: Date): NewRow<IFeedback> {
  const item = normalised(input);
  return {
    organisationId: project.organisationId, projectId: project.id, channel: item.channel, receivedAt: item.receivedAt, text: item.text,
    place: item.place ?? null, contact: item.contact ?? null, sourceId: item.sourceId ?? null,
    module: analysis.module, touchpoints: analysis.touchpoints, problemType: analysis.problemType, sentiment: analysis.sentiment, intensity: analysis.intensity,
    repetition: analysis.repetition, priority: analysis.priority, unclassified: analysis.unclassified, modelVersion: analysis.modelVersion,
    complaintInstanceId: null, createdBy: actor.username, createdAt: now,
  };
}

/**
 * What happens once feedback is stored (after commit), for every path that stores it (recording,
 * import): the P1 items open their complaint-handling workflows (受理 → 处理 → 回访). Returns the instances opened.
 */
export async function afterFeedbackStored(ctx: JobsContext, stored: readonly IFeedback[]): Promise<number[]> {
  const urgent = stored.filter((f) => f.priority === 'P1').map((f) => f.id);
  return urgent.length > 0 ? openComplaintsFor(ctx, urgent) : [];
}

/** The project of the caller's scope for `permission`, or a ValidationError at /projectId. */
async function projectFor(ctx: ServiceContext, projectId: number): Promise<IProject> {
  const projects = await feedbackRepository.projectsOf(ctx.em, scopeOf(ctx.actor, 'recordFeedback'));
  const project = projects.find((p) => p.id === projectId);
  if (!project) throw new ValidationError(feedbackMessage('feedback.invalid', { names: ['projectId'] }), [issue('/projectId', feedbackMessage('feedback.project_unknown', { value: projectId }))]);
  return project;
}

/**
 * Records one piece of feedback of a project the caller holds recordFeedback on: validated (every
 * broken rule at its pointer), analysed, stored. A source id the organisation already holds is a
 * ConflictError; nothing is stored then.
 */
export async function recordFeedback(ctx: JobsContext, input: FeedbackInput): Promise<IFeedback> {
  const actor = authorize(ctx.actor, 'recordFeedback');
  const issues: Issue[] = feedbackIssues(input);
  const project = await projectFor(ctx, input.projectId).catch((e: unknown) => {
    if (!(e instanceof ValidationError)) throw e;
    issues.unshift(...e.issues);
    return null;
  });
  if (issues.length > 0) throw new ValidationError(feedbackMessage('feedback.invalid', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
  const item = normalised(input);
  const duplicate = () => new ConflictError(feedbackMessage('feedback.duplicate', { sourceId: item.sourceId ?? '' }));
  if (item.sourceId && (await feedbackRepository.existingSourceIds(ctx.em, project!.organisationId, [item.sourceId])).size > 0) throw duplicate();
  let id: number;
  try {
    id = await inTransaction(ctx.em, async (em) => {
      const analysis = await analyseFeedback(em, project!.id, item.text, item.receivedAt);
      return (await feedbackRepository.insertMany(em, [feedbackRow(project!, item, analysis, actor, new Date())]))[0];
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  const stored = (await feedbackRepository.find(ctx.em, id))!;
  // the answer shows the complaint the item opened (it was linked in the complaint's own transaction)
  const [complaint] = await afterFeedbackStored(ctx, [stored]);
  if (complaint !== undefined) stored.complaintInstanceId = complaint;
  return stored;
}

/** The list's filters: a project, problem type, priority, channel, a period of days (China time, inclusive) and words in the text or place, or a source id. */
export interface FeedbackFilter {
  projectId?: number | null;
  problemType?: string | null;
  priority?: string | null;
  channel?: string | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

/** The instant a China calendar day starts. */
export const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(chinaDayStart(day).getTime() + 86_400_000);

/** Checks the filter (all problems at once) and turns its days into instants. */
export function feedbackWhere(filter: FeedbackFilter): FeedbackWhere {
  requireDates({ from: filter.from, to: filter.to });
  const issues: Issue[] = [];
  if (filter.problemType != null && !(filter.problemType in PROBLEM_TYPES)) issues.push(issue('/problemType', feedbackMessage('feedback.type_rule', { value: filter.problemType })));
  if (filter.priority != null && !(PRIORITIES as readonly string[]).includes(filter.priority)) issues.push(issue('/priority', feedbackMessage('feedback.priority_rule', { value: filter.priority })));
  if (filter.channel != null && !(CHANNELS as readonly string[]).includes(filter.channel)) issues.push(issue('/channel', feedbackMessage('feedback.channel_rule', { value: filter.channel, allowed: CHANNELS.join(', ') })));
  if (filter.from && filter.to && filter.from > filter.to) issues.push(issue('/to', feedbackMessage('feedback.range_reversed', { from: filter.from, to: filter.to })));
  if (issues.length > 0) throw new ValidationError(feedbackMessage('feedback.bad_filter', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
  const search = filter.search?.trim().slice(0, 100);
  return {
    projectId: filter.projectId, problemType: filter.problemType, priority: filter.priority, channel: filter.channel,
    since: filter.from ? chinaDayStart(filter.from) : null, before: filter.to ? nextDay(filter.to) : null, search: search || null,
  };
}

const FEEDBACK: Keyset<IFeedback> = {
  list: 'feedback',
  columns: [{ name: 'receivedAt', type: 'timestamp', direction: 'desc' }, { name: 'id', type: 'int', direction: 'desc' }],
  keyOf: (f) => [f.receivedAt.getTime(), f.id],
};

/** Feedback of the projects the reader reaches, newest first, a page at a time. */
export async function feedbackPage(ctx: ServiceContext, filter: FeedbackFilter, page: PageArgs): Promise<Page<IFeedback>> {
  const scope = scopeOf(ctx.actor, 'readFeedback');
  const where = feedbackWhere(filter);
  return keysetPage(FEEDBACK, page, (window) => feedbackRepository.window(ctx.em, scope, where, FEEDBACK, window), () => feedbackRepository.count(ctx.em, scope, where));
}

/** One item the reader may see (another organisation's or project's answers as a missing one). */
export async function feedbackItem(ctx: ServiceContext, id: number): Promise<IFeedback> {
  const scope = scopeOf(ctx.actor, 'readFeedback');
  return visibleOr(scope, await feedbackRepository.find(ctx.em, id), () => new NotFoundError(feedbackMessage('feedback.not_found', { id }), String(id)));
}
