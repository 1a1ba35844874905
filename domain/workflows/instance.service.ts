import { ConflictError, issue, ValidationError, NotFoundError } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import { inTransaction } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, type Actor, type Permission } from '../shared/access.ts';
import { inScope, scopeOf, visibleOr } from '../organisations/scope.ts';
import { instanceRepository, type HistoryEntry, type WorkflowInstance } from './instance.repository.ts';
import { cancelCalled, loadInstance, startInTransaction, tellCaller, type Tx } from './step.service.ts';
import { taskRepository, type WorkflowTask } from './task.repository.ts';

/** Starts an instance of the newest version of a workflow with the given variables. */
export async function startWorkflow(ctx: JobsContext, key: string, variables: Record<string, unknown> = {}, businessKey: string | null = null): Promise<WorkflowInstance> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  const id = await inTransaction(ctx.em, (em) => startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, key, variables, businessKey));
  return loadInstance(ctx.em, id);
}

/** Starts an instance in the caller's open transaction (a finding opening its rectification, for one). */
export async function startWorkflowIn(tx: Tx, actor: Actor, key: string, variables: Record<string, unknown>, businessKey: string | null): Promise<number> {
  const instanceId = await startInTransaction(tx, key, variables, businessKey, actor, new Date());
  await appendAudit(tx.em, actor, { action: 'workflow.started', subjectType: 'workflow-instance', subjectKey: String(instanceId), detail: { key, businessKey } });
  return instanceId;
}

/**
 * Cancels a running instance: its open tasks and armed timers end with it, and the owner of its
 * business key hears of it. The instances its call activities started are cancelled with it; a
 * called instance cancelled on its own is a failure its caller's call activity hears of.
 */
export async function cancelInstance(ctx: JobsContext, id: number, reason: string): Promise<WorkflowInstance> {
  const actor = authorize(ctx.actor, 'cancelInstances');
  if (!reason?.trim()) throw new ValidationError(workflowMessage('instance.cancel_reason_required'), [issue('/reason', workflowMessage('instance.reason_required'))]);
  await getInstance(ctx, id, 'cancelInstances');
  await inTransaction(ctx.em, async (em) => {
    const instance = await loadInstance(em, id);
    if (instance.status !== 'running' && instance.status !== 'incident') throw new ConflictError(workflowMessage('instance.not_running', { id, status: instance.status }));
    const now = new Date();
    if (!(await instanceRepository.cancel(em, id, instance.revision, now))) throw new ConflictError(workflowMessage('instance.changed', { id }));
    // a called instance shares its caller's key: the key's owner hears of the caller's end alone
    if (instance.parentId === null) await ctx.keys.ended(em, instance.definitionKey, instance.businessKey, 'cancelled');
    await instanceRepository.appendHistory(em, id, { at: now, actor: actor.username, event: 'cancel', detail: { reason }, fromStates: [], toStates: [] });
    await appendAudit(em, actor, { action: 'workflow.cancelled', subjectType: 'workflow-instance', subjectKey: String(id), detail: { reason } });
    // the instances its call activities started end with it; a called instance cancelled on its own fails its call activity
    const tx = { em, jobs: ctx.jobs, keys: ctx.keys };
    await cancelCalled(tx, id, null, actor, now);
    await tellCaller(tx, id, actor);
  });
  return loadInstance(ctx.em, id);
}

/**
 * An instance the caller may read: of their organisation, and of a project they reach or of none;
 * any other answers as a missing one.
 */
export async function getInstance(ctx: ServiceContext, id: number, permission: Permission = 'readStandards'): Promise<WorkflowInstance> {
  const scope = scopeOf(ctx.actor, permission);
  return visibleOr(scope, await instanceRepository.get(ctx.em, id), () => new NotFoundError(workflowMessage('instance.not_found', { id }), String(id)));
}

/** Every recorded step of an instance, oldest first. */
export async function instanceHistory(ctx: ServiceContext, id: number): Promise<HistoryEntry[]> {
  await getInstance(ctx, id);
  return instanceRepository.history(ctx.em, id);
}

/** Every task an instance opened, oldest first. */
export async function instanceTasks(ctx: ServiceContext, id: number): Promise<WorkflowTask[]> {
  await getInstance(ctx, id);
  return taskRepository.ofInstance(ctx.em, id);
}

/** The instance whose call activity started this one, when the caller may read it; null for one started on its own. */
export async function callerOf(ctx: ServiceContext, instance: WorkflowInstance): Promise<WorkflowInstance | null> {
  if (instance.parentId === null) return null;
  const caller = await instanceRepository.get(ctx.em, instance.parentId);
  return caller && inScope(scopeOf(ctx.actor, 'readStandards'), caller) ? caller : null;
}

/** The instances an instance's call activities started, oldest first, as far as the caller may read them. */
export async function calledBy(ctx: ServiceContext, id: number): Promise<WorkflowInstance[]> {
  await getInstance(ctx, id);
  const scope = scopeOf(ctx.actor, 'readStandards');
  return (await instanceRepository.called(ctx.em, id)).filter((i) => inScope(scope, i));
}
