import { inTransaction } from '../shared/persistence.ts';
import { authorize, holds, type Actor } from '../shared/access.ts';
import { NotFoundError, ValidationError, ConflictError, issue } from '../shared/errors.ts';
import type { JobsContext, ServiceContext } from '../shared/service-context.ts';
import { scopeOf, scopeSql, type Scope } from '../organisations/scope.ts';
import { instanceRepository, type WorkflowInstance } from '../workflows/instance.repository.ts';
import { getInstance, startWorkflowIn } from '../workflows/instance.service.ts';
import { loadInstance } from '../workflows/step.service.ts';
import { PROBLEM_TYPES, type ProblemType } from './analysis/types.ts';
import { loopMessage } from './loop.messages.ts';
import { projectMessage } from '../projects/project.messages.ts';
import { dayOf, DAY_MS, isoDay, publishedStandardOf } from './standard-facts.ts';
import { loopRepository } from './loop.repository.ts';
import type { EvidenceKind } from './revision-evidence.entity.ts';

/** The shipped process a revision runs in. */
export const STANDARD_REVISION = 'standard-revision';

export interface ClusterRevisionInput {
  standardCode: string;
  problemType: string;
  projectId?: number | null;
  from: string;
  to: string;
  note?: string | null;
}

/** One piece of a revision's evidence as its reviewer reads it. */
export interface EvidenceView {
  kind: EvidenceKind;
  itemId: number;
  /** the customer's words, or the finding's item and what the inspector saw */
  text: string;
  /** YYYY-MM-DD: received, or found */
  date: string;
  projectId: number;
  projectName: string;
  /** the problem type's name (feedback) or the severity (finding) */
  label: string;
}

interface Period { from: Date; to: Date; fromDay: string; toDay: string }

function periodOf(input: ClusterRevisionInput): Period {
  const from = dayOf(input.from, '/from');
  const to = dayOf(input.to, '/to');
  if (from > to) throw new ValidationError(loopMessage('loop.bad_period', { from: input.from, to: input.to }), [issue('/from', loopMessage('loop.period_rule'))]);
  return { from, to: new Date(to.getTime() + DAY_MS), fromDay: input.from, toDay: input.to };
}

function problemTypeOf(value: string): ProblemType {
  if (!Object.hasOwn(PROBLEM_TYPES, value)) throw new ValidationError(loopMessage('loop.problem_type_unknown', { value }), [issue('/problemType', loopMessage('loop.problem_type_rule'))]);
  return value as ProblemType;
}

/** The scope of a permission, narrowed to one project when the caller names one (a project outside it answers as missing). */
function narrowed(scope: Scope, projectId: number | null | undefined): Scope {
  if (projectId === null || projectId === undefined) return scope;
  if (scope.projects !== null && !scope.projects.includes(projectId)) return { ...scope, projects: [] };
  return { ...scope, projects: [projectId] };
}

/** The cluster's feedback: its problem type in the period, in the projects the caller reads. */
async function clusterFeedback(ctx: ServiceContext, scope: Scope, problemType: ProblemType, period: Period): Promise<{ id: number; project_id: number }[]> {
  return loopRepository.clusterFeedback(ctx.em, problemType, period.from, period.to, scopeSql(scope, 'f'));
}

/** The standard's findings (its own, or of an item sharing one of its touchpoints) in the projects and period. */
async function standardFindings(ctx: ServiceContext, scope: Scope, code: string, touchpoints: Set<string>, period: Period): Promise<number[]> {
  const rows = await loopRepository.findingsOfStandardOrModule(ctx.em, code, code.split('.')[0], period.fromDay, period.toDay, scopeSql(scope, 'f'));
  return rows.filter((r) => r.code === code || (Array.isArray(r.touchpoints) ? r.touchpoints : (JSON.parse(r.touchpoints) as string[])).some((t) => touchpoints.has(t))).map((r) => r.id);
}

/**
 * Opens the shipped standard revision of `standardCode` from a cluster of feedback (a problem type
 * in a period, optionally of one project) with its evidence: the cluster's items and the
 * standard's findings in the same projects and period, stored with the instance in the starting
 * transaction. Nothing to show for it, a revision already running, or a bad input: nothing starts.
 */
export async function openStandardRevisionFromCluster(ctx: JobsContext, input: ClusterRevisionInput): Promise<WorkflowInstance> {
  const actor = authorize(ctx.actor, 'editStandards');
  authorize(actor, 'startWorkflows');
  const problemType = problemTypeOf(input.problemType);
  const period = periodOf(input);
  const standard = publishedStandardOf(await loopRepository.publishedStandard(ctx.em, input.standardCode, actor.organisationId), input.standardCode);
  const feedbackScope = narrowed(scopeOf(actor, 'readFeedback'), input.projectId);
  if (input.projectId !== null && input.projectId !== undefined && feedbackScope.projects?.length === 0) throw new NotFoundError(projectMessage('project.not_found', { id: input.projectId }), String(input.projectId));
  const feedback = await clusterFeedback(ctx, feedbackScope, problemType, period);
  // the findings of the projects the cluster came from (of the named project, or of the caller's when it has no items)
  const projects = input.projectId ? [input.projectId] : [...new Set(feedback.map((f) => f.project_id))];
  const findingScope = scopeOf(actor, 'readInspections');
  const sameProjects: Scope = projects.length === 0 ? findingScope : { ...findingScope, projects: projects.filter((p) => findingScope.projects === null || findingScope.projects.includes(p)) };
  const findings = await standardFindings(ctx, sameProjects, standard.code, new Set(standard.items.flatMap((i) => i.touchpoints)), period);
  const typeName = PROBLEM_TYPES[problemType].zh;
  if (feedback.length === 0 && findings.length === 0) {
    throw new ValidationError(loopMessage('loop.no_evidence', { code: standard.code, problemType: typeName, from: period.fromDay, to: period.toDay }), [issue('/problemType', loopMessage('loop.no_evidence', { code: standard.code, problemType: typeName, from: period.fromDay, to: period.toDay }))]);
  }
  const reason = `${input.note?.trim() || '按客户反馈修订'}（客户反馈：${typeName}，${period.fromDay} 至 ${period.toDay}，反馈 ${feedback.length} 条、不合格项 ${findings.length} 条）`;
  const id = await inTransaction(ctx.em, async (em) => {
    const running = await instanceRepository.activeWithBusinessKey(em, standard.code);
    if (running !== null) throw new ConflictError(loopMessage('loop.revision_running', { code: standard.code, instance: running }));
    const instanceId = await startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, STANDARD_REVISION,
      { code: standard.code, reason, problemType, from: period.fromDay, to: period.toDay, clusterProjectId: input.projectId ?? null }, standard.code);
    await storeEvidence(em, actor, instanceId, [...feedback.map((f) => ['feedback', f.id] as const), ...findings.map((f) => ['finding', f] as const)]);
    return instanceId;
  });
  return loadInstance(ctx.em, id);
}

function storeEvidence(em: JobsContext['em'], actor: Actor, instanceId: number, items: readonly (readonly [EvidenceKind, number])[]): Promise<void> {
  return loopRepository.insertEvidence(em, actor.organisationId, instanceId, items, new Date());
}

/**
 * The evidence a revision was opened with, feedback first then findings, oldest first: what the
 * reviewer reads. Items of projects the caller does not read are left out; an instance the caller
 * cannot see answers as missing.
 */
export async function revisionEvidence(ctx: ServiceContext, instanceId: number): Promise<EvidenceView[]> {
  await getInstance(ctx, instanceId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new NotFoundError(loopMessage('loop.instance_not_found', { id: instanceId }), String(instanceId));
    throw error;
  });
  const actor = ctx.actor!;
  const views: EvidenceView[] = [];
  if (holds(actor, 'readFeedback')) {
    const rows = await loopRepository.evidenceFeedback(ctx.em, instanceId, scopeSql(scopeOf(actor, 'readFeedback'), 'f'));
    for (const r of rows) views.push({ kind: 'feedback', itemId: r.id, text: r.text, date: isoDay(r.received_at), projectId: r.project_id, projectName: r.name, label: r.problem_type && Object.hasOwn(PROBLEM_TYPES, r.problem_type) ? PROBLEM_TYPES[r.problem_type as ProblemType].zh : '' });
  }
  if (holds(actor, 'readInspections')) {
    const rows = await loopRepository.evidenceFindings(ctx.em, instanceId, scopeSql(scopeOf(actor, 'readInspections'), 'f'));
    for (const r of rows) views.push({ kind: 'finding', itemId: r.id, text: `${r.code} ${r.title}${r.remark ? `：${r.remark}` : ''}`, date: isoDay(r.found_on), projectId: r.project_id, projectName: r.name, label: r.severity });
  }
  return views;
}
