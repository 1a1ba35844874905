import { compileCached } from '../standards/ajv.ts';
import { ajvIssues } from '../standards/validate.ts';
import { ConflictError, issue, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { authorize, ForbiddenError, holds, holdsOn, type Actor, type Role } from '../shared/access.ts';
import { inScope, scopeOf } from '../organisations/scope.ts';
import { runnableOf } from './definition.service.ts';
import { photoRefs } from './form-photos.ts';
import { advance } from './step.service.ts';
import { assertPhotosUploaded } from './task-checks.service.ts';
import { assertTaskQualified } from './task-qualification.service.ts';
import { TASK_NEWEST, TASK_ORDER, taskRepository, type TaskFilter, type WorkflowTask } from './task.repository.ts';
import { keysetPage, type Page, type PageArgs } from '../shared/paging.ts';

/**
 * Holders of a task's role on its project — on the project, its region or the whole organisation —
 * work on it (an assignee is one of them); admins on any of their projects.
 */
function mayWork(actor: Actor, task: WorkflowTask): boolean {
  return holdsOn(actor, ['admin', task.candidateRole as Role], task.projectId);
}

/** The roles the actor holds on a project (on it, its region or the whole organisation). */
function rolesOn(actor: Actor, projectId: number | null): Role[] {
  return actor.roles.filter((role) => holdsOn(actor, [role], projectId));
}

/** A task the actor may see: in their organisation, and of a project they reach, of none, or their own. */
async function loadTask(em: EntityManager, id: number, actor: Actor): Promise<WorkflowTask> {
  const task = await taskRepository.get(em, id);
  const scope = scopeOf(actor, 'workOnTasks');
  const own = task && (task.assignee === actor.username || task.claimedBy === actor.username);
  if (!task || (scope.organisationId !== null && task.organisationId !== scope.organisationId) || (!own && task.projectId !== null && !inScope(scope, task))) {
    throw new NotFoundError(workflowMessage('task.not_found', { id }), String(id));
  }
  return task;
}

/** Takes an open task for oneself (someone else's claim is a conflict). */
export async function claimTask(ctx: ServiceContext, taskId: number): Promise<WorkflowTask> {
  const actor = authorize(ctx.actor, 'workOnTasks');
  const task = await loadTask(ctx.em, taskId, actor);
  if (!mayWork(actor, task)) throw new ForbiddenError(workflowMessage('task.for_role', { task: taskId, role: task.candidateRole }), [task.candidateRole as never]);
  const claimed = await taskRepository.claim(ctx.em, taskId, actor.username, new Date());
  if (!claimed) throw new ConflictError(task.status !== 'open' ? workflowMessage('task.status', { task: taskId, status: task.status }) : workflowMessage('task.claimed', { task: taskId, by: task.claimedBy }));
  return claimed;
}

/**
 * Completes an open task with form data, validated by the task's JSON Schema form; the instance
 * moves on in the same transaction. Of two clients completing one task, one wins; the other gets a
 * ConflictError.
 */
export async function completeTask(ctx: JobsContext, taskId: number, data: Record<string, unknown>): Promise<WorkflowTask> {
  const actor = authorize(ctx.actor, 'workOnTasks');
  // a required certificate is checked (and the check recorded) first, outside the completion's transaction
  const open = await loadTask(ctx.em, taskId, actor);
  if (open.status === 'open' && mayWork(actor, open) && (!open.claimedBy || open.claimedBy === actor.username)) await assertTaskQualified(ctx.em, actor, open);
  return inTransaction(ctx.em, async (em) => {
    // The task closes — if it is open, not claimed by someone else and the caller may work on it —
    // and the instance is read, in one round trip; the form is checked after (a failure rolls back).
    // the roles the caller holds on the task's project decide, read first (an unknown or foreign task is not found)
    const target = await loadTask(em, taskId, actor);
    const roles = rolesOn(actor, target.projectId);
    const closed = await taskRepository.complete(em, { id: taskId, username: actor.username, roles, anyRole: roles.includes('admin'), data, now: new Date() });
    if (!closed) {
      const task = await loadTask(em, taskId, actor);
      if (!mayWork(actor, task)) throw new ForbiddenError(workflowMessage('task.for_role_named', { task: taskId, name: task.name, role: task.candidateRole }), [task.candidateRole as never]);
      if (task.status !== 'open') throw new ConflictError(workflowMessage('task.not_open', { task: taskId, status: task.status }));
      throw new ConflictError(workflowMessage('task.claimed', { task: taskId, by: task.claimedBy }));
    }
    const { task, instance } = closed;
    const form = (await runnableOf(em, instance.definitionKey, instance.definitionVersion)).compiled.userTasks[task.elementId]?.form;
    if (form) {
      const validate = compileCached(form as JsonObject);
      if (!validate(data)) throw new ValidationError(workflowMessage('task.form_invalid', { task: taskId, name: task.name }), ajvIssues(validate.errors));
      await assertPhotosUploaded(em, taskId, photoRefs(form, data));
    }
    await advance({ em, jobs: ctx.jobs, keys: ctx.keys }, instance, { type: 'COMPLETE', taskId: task.elementId, data, by: actor.username }, actor, { task: task.elementId, taskId, data });
    return task;
  });
}

const TASK_SORTS = ['due', 'newest'] as const;
const SEVERITIES = ['critical', 'major', 'minor'] as const;

/** What the inbox may be narrowed to and ordered by. */
export interface TaskQuery {
  mine?: boolean | null;
  role?: boolean | null;
  overdue?: boolean | null;
  status?: string | null;
  /** of rectifications of this project's findings */
  projectId?: number | null;
  /** of rectifications of findings of this severity */
  severity?: string | null;
  /** at this step (a user task's element id) */
  step?: string | null;
  /** due (soonest first, the default) or newest */
  sort?: string | null;
}

function checkTaskQuery(q: TaskQuery): void {
  const issues: Issue[] = [];
  if (q.severity != null && !(SEVERITIES as readonly string[]).includes(q.severity)) issues.push(issue('/severity', workflowMessage('task.not_one_of', { value: q.severity, allowed: [...SEVERITIES] })));
  if (q.sort != null && !(TASK_SORTS as readonly string[]).includes(q.sort)) issues.push(issue('/sort', workflowMessage('task.not_one_of', { value: q.sort, allowed: [...TASK_SORTS] })));
  if (issues.length > 0) throw new ValidationError(workflowMessage('task.filter_invalid', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
}

/**
 * Tasks: mine (assigned to or claimed by me), my roles', or overdue; of a project's or a
 * severity's findings, at a step; open ones by default; the soonest due first (or the newest), a
 * page at a time. Frontline staff see only the tasks assigned to them.
 */
export async function listTasks(ctx: ServiceContext, filter: TaskQuery, page: PageArgs): Promise<Page<WorkflowTask>> {
  const actor = authorize(ctx.actor, 'workOnTasks');
  checkTaskQuery(filter);
  // people who read no processes (frontline staff) see only the tasks assigned to them
  const ownOnly = !holds(actor, 'readStandards');
  const f: TaskFilter = {
    status: filter.status ?? 'open',
    scope: scopeOf(actor, 'workOnTasks'),
    reader: actor.username,
    ...(filter.mine || ownOnly ? { assignedTo: actor.username } : {}),
    ...(filter.role ? { roles: actor.roles } : {}),
    ...(filter.overdue ? { overdueAt: new Date() } : {}),
    ...(filter.projectId != null ? { projectId: filter.projectId } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.step ? { step: filter.step } : {}),
  };
  const order = filter.sort === 'newest' ? TASK_NEWEST : TASK_ORDER;
  return keysetPage(order, page, (window) => taskRepository.window(ctx.em, f, window, order), () => taskRepository.count(ctx.em, f));
}
