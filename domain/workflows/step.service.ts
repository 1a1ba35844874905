import { ConflictError, DomainError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import { underSavepoint, type EntityManager } from '../shared/persistence.ts';
import { DEFAULT_LIMITS } from '../shared/limits.ts';
import { holdsOn, PERMISSIONS, type Actor } from '../shared/access.ts';
import { projectRepository } from '../projects/project.repository.ts';
import { projectMessage } from '../projects/project.messages.ts';
import type { BusinessKeys } from '../shared/business-keys.ts';
import type { Jobs } from '../shared/jobs.ts';
import { feelValue } from './compiler/feel.ts';
import { mergeSteps, step, waitingFor, type Runnable, type Step } from './engine.ts';
import { multiItems, type Effect, type WorkflowEvent } from './machine.ts';
import { SERVICE_ACTIONS } from './actions.service.ts';
import { findDefinition, runnableOf } from './definition.service.ts';
import { instanceRepository, type WorkflowInstance } from './instance.repository.ts';
import { unqualifiedAssignees } from './task-checks.service.ts';

/** The open transaction a step runs in, where the jobs it causes are recorded, and who owns business keys. */
export interface Tx {
  em: EntityManager;
  jobs: Jobs;
  keys: BusinessKeys;
}

/** An instance as far as a step needs it: its id and the revision read (null when inserted in this transaction). */
type Stepping = Pick<WorkflowInstance, 'id'> & { revision: number | null };

export async function loadInstance(em: EntityManager, id: number): Promise<WorkflowInstance> {
  const instance = await instanceRepository.get(em, id);
  if (!instance) throw new NotFoundError(workflowMessage('instance.not_found', { id }), String(id));
  return instance;
}

/** How deep call activities may nest instances: a process calling itself, directly or through others, is refused when deployed; this guards the run. */
export const CALL_DEPTH = 8;

/**
 * Carries out the effects of a step (in its transaction): returns what each did, for the history,
 * and the events the instance must be told at once — how a guarded service task's action went, and
 * the end of a called instance that ran to its end as it started.
 */
async function carryOut(tx: Tx, instanceId: number, effects: Step['effects'], who: Actor, now: Date): Promise<{ done: Record<string, unknown>[]; told: { event: WorkflowEvent; error?: unknown }[] }> {
  const done: Record<string, unknown>[] = [];
  const told: { event: WorkflowEvent; error?: unknown }[] = [];
  for (const e of effects) {
    if (e.kind === 'service') {
      const ctx = { em: tx.em, instanceId, actor: who, limits: DEFAULT_LIMITS, startWorkflow: (key: string, variables: Record<string, unknown>, businessKey: string | null) => startInTransaction(tx, key, variables, businessKey, who, now) };
      if (!e.guarded) {
        done.push({ kind: e.kind, action: e.action, task: e.task, ...await SERVICE_ACTIONS[e.action](ctx, e) });
        continue;
      }
      // an error boundary may catch the failure: what the action wrote before it failed is undone, not the step
      try {
        const result = await underSavepoint(tx.em, () => SERVICE_ACTIONS[e.action](ctx, e));
        done.push({ kind: e.kind, action: e.action, task: e.task, ...result });
        told.push({ event: { type: 'SERVICE_DONE', taskId: e.task } });
      } catch (error) {
        const code = error instanceof DomainError ? error.code : null;
        done.push({ kind: e.kind, action: e.action, task: e.task, failed: { code, message: (error as Error).message } });
        told.push({ event: { type: 'SERVICE_FAILED', taskId: e.task, code }, error });
      }
    } else if (e.kind === 'call') {
      const child = await startCalled(tx, instanceId, e, who, now);
      done.push({ kind: e.kind, task: e.task, key: e.key, instance: child.id });
      const ended = calledEnd(child, e.task);
      if (ended) told.push({ event: ended });
    } else if (e.kind === 'caught') done.push({ kind: e.kind, task: e.task, boundary: e.boundary, code: e.code });
    else if (e.kind === 'escalate') done.push({ kind: e.kind, event: e.event, code: e.code, name: e.name });
    else if (e.kind === 'message') done.push({ kind: e.kind, event: e.event, name: e.name, ...(e.to ? { to: e.to } : {}) });
    else if (e.kind === 'signal') done.push({ kind: e.kind, event: e.event, name: e.name });
    else if (e.kind === 'error') done.push({ kind: e.kind, event: e.event, code: e.code, boundary: e.boundary });
    else done.push({ kind: e.kind, gateway: e.gateway, reason: e.reason });
  }
  return { done, told };
}

/**
 * Starts the instance a call activity calls: the newest version of its process, of the caller's
 * organisation, with the caller's variables, business key and project (the caller holds the key;
 * its owner is not asked again), linked to the caller and its call activity.
 */
async function startCalled(tx: Tx, callerId: number, e: Extract<Effect, { kind: 'call' }>, who: Actor, now: Date): Promise<WorkflowInstance> {
  const caller = await loadInstance(tx.em, callerId);
  if (await instanceRepository.callDepth(tx.em, callerId) + 1 >= CALL_DEPTH) {
    throw new ConflictError(workflowMessage('instance.call_too_deep', { element: e.task, depth: CALL_DEPTH }));
  }
  const definition = await findDefinition(tx.em, e.key);
  const r = await runnableOf(tx.em, e.key, definition.version);
  const s = step(r, null, null, now, e.variables);
  const id = await instanceRepository.insert(tx.em, { definitionKey: e.key, definitionVersion: definition.version, status: s.status, businessKey: caller.businessKey, projectId: caller.projectId, snapshot: s.snapshot, startedBy: who.username, now, incident: s.incident, parent: { id: callerId, element: e.task } });
  await record(tx, { id, revision: null }, r, s, who, 'start', { variables: e.variables, calledBy: { instance: callerId, element: e.task } }, now);
  return loadInstance(tx.em, id);
}

/** What a call activity is told when the instance it called has ended: done with its variables, or failed (with its error code); null while it runs. */
function calledEnd(child: WorkflowInstance, task: string): WorkflowEvent | null {
  if (child.status === 'completed') return { type: 'CALL_DONE', taskId: task, variables: child.snapshot.context?.variables ?? {} };
  if (child.status === 'failed' || child.status === 'cancelled') {
    const code = child.status === 'failed' ? (child.incident?.params?.code as string | undefined) || null : null;
    return { type: 'CALL_FAILED', taskId: task, code };
  }
  return null;
}

/**
 * Tells the caller of an instance that has ended (completed, failed, cancelled) when its call
 * activity still waits for it, in the same transaction; a caller that moved on (a deadline passed)
 * or ended is left alone.
 */
export async function tellCaller(tx: Tx, childId: number, who: Actor): Promise<void> {
  const child = await loadInstance(tx.em, childId);
  if (child.parentId === null || child.parentElement === null) return;
  const told = calledEnd(child, child.parentElement);
  if (!told) return;
  const caller = await loadInstance(tx.em, child.parentId);
  if (caller.status !== 'running') return;
  const r = await runnableOf(tx.em, caller.definitionKey, caller.definitionVersion);
  if (!waitingFor(r, caller.snapshot).calls.includes(child.parentElement)) return;
  await advance(tx, caller, told, who, { call: child.parentElement, instance: child.id, outcome: child.status });
}

/**
 * Stores what a step did, in the caller's transaction: its effects carried out (the events they
 * answer at once — a guarded action's outcome, a called instance that ended as it started — stepped
 * in as part of the step), the tasks it opens assigned (an assignee must hold the task's role: a
 * start or completion naming another is refused, a timer's step leaves the task to the role and
 * says so), then the snapshot, history, tasks and timers in one statement. The timers armed are
 * queued in the same transaction; an instance that ended tells its caller, and the instances of
 * call activities it left are cancelled.
 */
async function record(tx: Tx, instance: Stepping, r: Runnable, first: Step, who: Actor, event: string, detail: Record<string, unknown>, now: Date): Promise<void> {
  let s = first;
  const effects: Record<string, unknown>[] = [];
  let pending = first.effects;
  for (let round = 0; pending.length > 0; round++) {
    // a failing service task whose error boundary leads back to it would go round for ever
    if (round > 100) throw new ConflictError(workflowMessage('instance.step_runaway', { id: instance.id, rounds: 100 }));
    const { done, told } = await carryOut(tx, instance.id, pending, who, now);
    effects.push(...done);
    pending = [];
    for (const answer of told) {
      const next = step(r, s.snapshot, answer.event, now);
      // a failure no error boundary catches fails the step, as an action without boundaries does
      if (answer.error !== undefined && !next.changed) throw answer.error;
      s = mergeSteps(s, next);
      pending = [...pending, ...next.effects];
    }
  }
  const assigned = s.openedTasks.flatMap((task) => {
    const meta = r.compiled.userTasks[task];
    const one = (name: string, variables: Record<string, unknown>, itemIndex = 0) => {
      const value = meta.assignee ? feelValue(meta.assignee, variables) : null;
      return { element: task, name, role: meta.candidateRole, assignee: typeof value === 'string' && value ? value : null, itemIndex };
    };
    if (!meta.multi) return [one(meta.name, s.variables)];
    // a multi-instance task: one task per element of its collection, named with the element
    const { collection, elementVariable } = meta.multi;
    return multiItems(collection, s.variables).map((item, i) => one(`${meta.name}（${itemLabel(item)}）`, elementVariable ? { ...s.variables, [elementVariable]: item } : s.variables, i));
  });
  const unqualified = await unqualifiedAssignees(tx.em, await projectOfInstance(tx.em, instance.id), assigned.filter((a): a is typeof a & { assignee: string } => a.assignee !== null));
  if (unqualified.length > 0) {
    if (event !== 'timer') {
      throw new ValidationError(workflowMessage('instance.assignee_unqualified'), unqualified.map((u) => issue(`/${u.element}`, workflowMessage('instance.assignee_lacks_role', { name: u.name, role: u.role, assignee: u.assignee }))));
    }
    effects.push({ kind: 'unassigned', tasks: unqualified.map((u) => ({ task: u.element, assignee: u.assignee, role: u.role })) });
    for (const a of assigned) if (unqualified.some((u) => u.element === a.element && u.assignee === a.assignee)) a.assignee = null;
  }
  const armed = s.armTimers.map((t) => ({ element: t.id, dueAt: t.dueAt }));
  // a task is due when its first boundary timer falls due (e.g. the 48-hour analysis deadline)
  const dueOf = (task: string) => r.compiled.userTasks[task].timers.map((t) => armed.find((x) => x.element === t)?.dueAt).filter((d): d is Date => !!d).sort((x, y) => x.getTime() - y.getTime())[0] ?? null;
  const stored = await instanceRepository.recordStep(tx.em, {
    instanceId: instance.id, revision: instance.revision, snapshot: s.snapshot, status: s.status, incident: s.incident, now,
    history: { actor: who.username, event, detail: { ...detail, ...(effects.length ? { effects } : {}) }, from: s.from, to: s.to },
    abandonTasks: s.closedTasks.filter((t) => t !== detail.task),
    openTasks: assigned.map((a) => ({ ...a, dueAt: dueOf(a.element) })),
    cancelTimers: s.cancelTimers,
    armTimers: armed,
  });
  if (!stored) throw new ConflictError(workflowMessage('instance.changed', { id: instance.id }));
  // a called instance shares its caller's key: the key's owner hears of the caller's end alone
  if (s.status === 'completed' && !stored.parent) await tx.keys.ended(tx.em, stored.definitionKey, stored.businessKey, 'completed');
  if (s.status === 'failed' && !stored.parent) await tx.keys.ended(tx.em, stored.definitionKey, stored.businessKey, 'cancelled');
  await tx.jobs.enqueue(tx.em, stored.armed.map((t) => ({ kind: 'fire-timer' as const, timerId: t.id, dueAt: armed.find((x) => x.element === t.element)!.dueAt })));
  // a signal thrown reaches every other instance waiting for it, in the same transaction
  for (const e of s.effects) if (e.kind === 'signal') await deliverSignal(tx, e.name, {}, who, instance.id);
  // a start's caller is told by the caller's own step, which started it
  if (stored.parent && event !== 'start' && (s.status === 'completed' || s.status === 'failed')) await tellCaller(tx, instance.id, who);
  // call activities left without hearing from their instance (an interrupting deadline, a terminate) cancel it
  const left = Object.keys(r.compiled.calls ?? {}).filter((c) => first.from.includes(c) && !s.to.includes(c));
  if (left.length > 0) await cancelCalled(tx, instance.id, left, who, now);
}

/** Cancels the running instances that call activities `elements` (null: any) of `callerId` started, and theirs in turn. */
export async function cancelCalled(tx: Tx, callerId: number, elements: string[] | null, who: Actor, now: Date): Promise<void> {
  for (const child of await instanceRepository.called(tx.em, callerId)) {
    if (child.status !== 'running' && child.status !== 'incident') continue;
    if (elements && !elements.includes(child.parentElement ?? '')) continue;
    if (!(await instanceRepository.cancel(tx.em, child.id, child.revision, now))) throw new ConflictError(workflowMessage('instance.changed', { id: child.id }));
    await instanceRepository.appendHistory(tx.em, child.id, { at: now, actor: who.username, event: 'cancel', detail: { reason: 'caller', caller: callerId }, fromStates: [], toStates: [] });
    await cancelCalled(tx, child.id, null, who, now);
  }
}

/**
 * Delivers a signal to every running instance (of the transaction's organisation) waiting for it,
 * but the one that threw it; returns the ids of those it moved.
 */
export async function deliverSignal(tx: Tx, name: string, variables: Record<string, unknown>, who: Actor, thrower: number | null = null): Promise<number[]> {
  const moved: number[] = [];
  for (const instance of await instanceRepository.allRunning(tx.em, who.organisationId)) {
    if (instance.id === thrower) continue;
    const r = await runnableOf(tx.em, instance.definitionKey, instance.definitionVersion);
    if (!waitingFor(r, instance.snapshot).signals.includes(name)) continue;
    await advance(tx, instance, { type: 'SIGNAL', name, variables }, who, { signal: name, ...(Object.keys(variables).length ? { variables } : {}) });
    moved.push(instance.id);
  }
  return moved;
}

/** How a multi-instance task's element reads in its task's name: itself, or its name, title or id. */
function itemLabel(item: unknown): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    return String(o.name ?? o.title ?? o.id ?? JSON.stringify(item));
  }
  return String(item);
}

async function projectOfInstance(em: EntityManager, id: number): Promise<{ organisationId: number; projectId: number | null } | null> {
  return instanceRepository.get(em, id);
}

/**
 * The project an instance started with `projectId` belongs to: it must be a project of the
 * organisation where the starter may start work (checked here for people; the system's own starts
 * come from findings it has read). Unknown and foreign projects answer alike: not found.
 */
async function projectOfStart(em: EntityManager, who: Actor, given: unknown): Promise<number | null> {
  if (given === undefined || given === null) return null;
  const id = typeof given === 'number' ? given : typeof given === 'string' && /^\d{1,9}$/.test(given) ? Number(given) : NaN;
  if (!Number.isInteger(id)) throw new ValidationError(workflowMessage('instance.project_invalid'), [issue('/variables/projectId', workflowMessage('instance.project_invalid'))]);
  if (who.reach === undefined) return id;
  const project = await projectRepository.find(em, id);
  if (!project || project.organisationId !== who.organisationId || !holdsOn(who, PERMISSIONS.startWorkflows, id)) throw new NotFoundError(projectMessage('project.not_found', { id }), String(id));
  return id;
}

/** Starts an instance of the newest version of `key` in the caller's transaction; returns its id. */
export async function startInTransaction(tx: Tx, key: string, given: Record<string, unknown>, businessKey: string | null, who: Actor, now: Date): Promise<number> {
  const definition = await findDefinition(tx.em, key);
  const variables = await tx.keys.claim(tx.em, key, businessKey, given);
  const r = await runnableOf(tx.em, key, definition.version);
  const s = step(r, null, null, now, variables);
  // the instance is the project's work when its variables name one (a finding's rectification does)
  const projectId = await projectOfStart(tx.em, who, variables.projectId);
  const id = await instanceRepository.insert(tx.em, { definitionKey: key, definitionVersion: definition.version, status: s.status, businessKey, projectId, snapshot: s.snapshot, startedBy: who.username, now, incident: s.incident });
  await record(tx, { id, revision: null }, r, s, who, 'start', { variables }, now);
  return id;
}

/** Sends an event to a running instance and records the step, in the caller's open transaction. */
export async function advance(tx: Tx, instance: WorkflowInstance, event: WorkflowEvent, actor: Actor, detail: Record<string, unknown>): Promise<Step> {
  if (instance.status !== 'running') throw new ConflictError(workflowMessage('instance.not_running', { id: instance.id, status: instance.status }));
  const r = await runnableOf(tx.em, instance.definitionKey, instance.definitionVersion);
  const now = new Date();
  const s = step(r, instance.snapshot, event, now);
  await record(tx, instance, r, s, actor, event.type === 'COMPLETE' ? 'complete' : event.type.toLowerCase(), detail, now);
  return s;
}
