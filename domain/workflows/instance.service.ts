import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { compileCached } from '../standards/ajv.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { feelValue } from './compiler/feel.ts';
import { step, type Runnable, type Step } from './engine.ts';
import type { WorkflowEvent } from './machine.ts';
import { ajvIssues, DEFAULT_LIMITS, type DocumentLimits } from '../standards/validate.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, ForbiddenError, type Actor } from '../users/roles.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { JobsContext, ServiceContext } from '../shared/service-context.ts';
import { SERVICE_ACTIONS } from './actions.ts';
import { findDefinition, runnableOf } from './definition.service.ts';
import { closeFindingOf, reopenFindingOf } from '../findings/finding.repository.ts';
import { claimBusinessKey } from './business-keys.ts';
import { photoRefs } from './form-photos.ts';
import { assertPhotosUploaded, unqualifiedAssignees } from './task-checks.ts';
import { yieldToEventLoop } from '../shared/event-loop.ts';

export interface InstanceRow {
  id: number;
  definition_key: string;
  definition_version: number;
  status: string;
  business_key: string | null;
  snapshot_json: string;
  revision: number;
  started_by: string;
  started_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  incident: string | null;
}

export interface TaskRow {
  id: number;
  instance_id: number;
  element_id: string;
  name: string;
  candidate_role: string;
  assignee: string | null;
  status: string;
  due_at: Date | null;
  created_at: Date;
  claimed_by: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  data_json: string | null;
}

/** Who acts when a timer fires. */
const TIMER_ACTOR: Actor = { username: 'timer', roles: ['admin'] };
const LIMITS: DocumentLimits = DEFAULT_LIMITS;

async function loadInstance(em: EntityManager, id: number, lock = false): Promise<InstanceRow> {
  const [row] = await em.execute<InstanceRow[]>(`select * from workflow_instance where id = ?${lock ? ' for update' : ''}`, [id]);
  if (!row) throw new NotFoundError(workflowMessage('instance.not_found', { id }), String(id));
  return row;
}

/** The open transaction a step runs in, and where the jobs it causes are recorded. */
export interface Tx {
  em: EntityManager;
  jobs: Jobs;
}

/**
 * Stores what a step did, in the caller's transaction: the snapshot (compare-and-set on the
 * revision), the history row, tasks opened and closed, timers armed and cancelled, and the effects
 * carried out. The timers armed are queued in the same transaction, to fire when they fall due.
 */
async function record(tx: Tx, instance: { id: number; revision: number | null }, r: Runnable, s: Step, who: Actor, event: string, detail: Record<string, unknown>, now: Date): Promise<void> {
  const em = tx.em;
  const actor = who.username;
  const status = s.status;
  const effects: Record<string, unknown>[] = [];
  for (const e of s.effects) {
    if (e.kind === 'service') {
      const done = await SERVICE_ACTIONS[e.action]({ em, instanceId: instance.id, actor: who, limits: LIMITS, startWorkflow: (key, variables, businessKey) => startInTransaction(tx, key, variables, businessKey, who, now) }, e);
      effects.push({ kind: e.kind, action: e.action, task: e.task, ...done });
    } else if (e.kind === 'escalate') effects.push({ kind: e.kind, event: e.event, code: e.code, name: e.name });
    else effects.push({ kind: e.kind, gateway: e.gateway, reason: e.reason });
  }
  // assignees from variables must hold the task's role: a start or a completion naming another is
  // refused; a timer's step leaves such a task to the role and says so in the history
  const assigned = s.openedTasks.map((task) => {
    const meta = r.compiled.userTasks[task];
    const value = meta.assignee ? feelValue(meta.assignee, s.variables) : null;
    return { element: task, name: meta.name, role: meta.candidateRole, assignee: typeof value === 'string' && value ? value : null };
  });
  const unqualified = await unqualifiedAssignees(em, assigned.filter((a): a is typeof a & { assignee: string } => a.assignee !== null));
  if (unqualified.length > 0) {
    if (event !== 'timer') {
      throw new ValidationError(workflowMessage('instance.assignee_unqualified'), unqualified.map((u) => issue(`/${u.element}`, workflowMessage('instance.assignee_lacks_role', { name: u.name, role: u.role, assignee: u.assignee }))));
    }
    effects.push({ kind: 'unassigned', tasks: unqualified.map((u) => ({ task: u.element, assignee: u.assignee, role: u.role })) });
    for (const u of unqualified) assigned.find((a) => a.element === u.element)!.assignee = null;
  }
  const history = [instance.id, now, actor, event, JSON.stringify({ ...detail, ...(effects.length ? { effects } : {}) }), s.from.join(','), s.to.join(',')];
  const armed = s.armTimers.map((t) => ({ element: t.id, dueAt: t.dueAt }));
  // One statement: the snapshot (compare-and-set on the revision), the history row, the tasks
  // opened and left, the timers cancelled and armed.
  const parts: string[] = [];
  const params: unknown[] = [];
  if (instance.revision === null) {
    parts.push(`moved as (select id, business_key, definition_key from workflow_instance where id = ?)`);
    params.push(instance.id);
  } else {
    parts.push(`moved as (update workflow_instance set snapshot_json = ?, revision = revision + 1, status = ?, updated_at = ?, ended_at = ?, incident = ? where id = ? and revision = ? returning id, business_key, definition_key)`);
    params.push(JSON.stringify(s.snapshot), status, now, status === 'completed' ? now : null, s.incident, instance.id, instance.revision);
  }
  parts.push(`logged as (insert into workflow_history (instance_id, at, actor, event, detail_json, from_states, to_states) select moved.id, ?, ?, ?, ?, ?, ? from moved)`);
  params.push(...history.slice(1));
  // tasks left without being completed (an interrupting timer took them away) are cancelled
  const leftOpen = s.closedTasks.filter((t) => t !== detail.task);
  if (leftOpen.length > 0) {
    parts.push(`abandoned as (update workflow_task set status = 'cancelled', completed_at = ? where instance_id = ? and status = 'open' and element_id in (${leftOpen.map(() => '?').join(', ')}))`);
    params.push(now, instance.id, ...leftOpen);
  }
  for (const [i, task] of s.openedTasks.entries()) {
    const meta = r.compiled.userTasks[task];
    const assignee = assigned[i].assignee;
    // a task is due when its first boundary timer falls due (e.g. the 48-hour analysis deadline)
    const due = meta.timers.map((t) => armed.find((x) => x.element === t)?.dueAt).filter((d): d is Date => !!d).sort((x, y) => x.getTime() - y.getTime())[0] ?? null;
    parts.push(`task${i} as (insert into workflow_task (instance_id, element_id, name, candidate_role, assignee, status, due_at, created_at) values (?, ?, ?, ?, ?, 'open', ?, ?))`);
    params.push(instance.id, task, meta.name, meta.candidateRole, assignee, due, now);
  }
  if (s.cancelTimers.length > 0) {
    parts.push(`cancelled as (update workflow_timer set status = 'cancelled' where instance_id = ? and status = 'armed' and element_id in (${s.cancelTimers.map(() => '?').join(', ')}))`);
    params.push(instance.id, ...s.cancelTimers);
  }
  parts.push(armed.length > 0
    ? `armed as (insert into workflow_timer (instance_id, element_id, due_at, status, created_at) values ${armed.map(() => `(?, ?, ?, 'armed', ?)`).join(', ')} returning id, element_id)`
    : `armed as (select null::int as id, null::text as element_id where false)`);
  for (const t of armed) params.push(instance.id, t.element, t.dueAt, now);
  const rows = await em.execute<{ business_key: string | null; definition_key: string; id: number | null; element_id: string | null }[]>(
    `with ${parts.join(', ')} select moved.business_key, moved.definition_key, armed.id, armed.element_id from moved left join armed on true`, params);
  if (rows.length === 0) throw new ConflictError(workflowMessage('instance.changed', { id: instance.id }));
  if (status === 'completed') await closeFindingOf(em, rows[0].definition_key, rows[0].business_key);
  const timers = rows.filter((row) => row.id !== null).map((row) => ({ kind: 'fire-timer' as const, timerId: row.id!, dueAt: armed.find((x) => x.element === row.element_id)!.dueAt }));
  await tx.jobs.enqueue(em, timers);
}

async function startInTransaction(tx: Tx, key: string, given: Record<string, unknown>, businessKey: string | null, who: Actor, now: Date): Promise<number> {
  const em = tx.em;
  const actor = who.username;
  const definition = await findDefinition(em, key);
  const variables = await claimBusinessKey(em, key, businessKey, given);
  const r = await runnableOf(em, key, definition.version);
  const s = step(r, null, null, now, variables);
  const [row] = await em.execute<{ id: number }[]>(
    `insert into workflow_instance (definition_key, definition_version, status, business_key, snapshot_json, revision, started_by, started_at, updated_at, ended_at, incident) values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?) returning id`,
    [key, definition.version, s.status, businessKey, JSON.stringify(s.snapshot), actor, now, now, s.status === 'completed' ? now : null, s.incident]);
  await record(tx, { id: row.id, revision: null }, r, s, who, 'start', { variables }, now);
  return row.id;
}

/** Starts an instance of the newest version of a workflow with the given variables. */
export async function startWorkflow(ctx: JobsContext, key: string, variables: Record<string, unknown> = {}, businessKey: string | null = null): Promise<InstanceRow> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  const id = await ctx.em.transactional((em) => startWorkflowIn({ em, jobs: ctx.jobs }, actor, key, variables, businessKey));
  return loadInstance(ctx.em, id);
}

/** Starts an instance in the caller's open transaction (a finding opening its rectification, for one). */
export async function startWorkflowIn(tx: Tx, actor: Actor, key: string, variables: Record<string, unknown>, businessKey: string | null): Promise<number> {
  const instanceId = await startInTransaction(tx, key, variables, businessKey, actor, new Date());
  await appendAudit(tx.em, actor, { action: 'workflow.started', subjectType: 'workflow-instance', subjectKey: String(instanceId), detail: { key, businessKey } });
  return instanceId;
}

/** Sends an event to an instance and records the step, in the caller's open transaction. */
async function advance(tx: Tx, instanceId: number | InstanceRow, event: WorkflowEvent, actor: Actor, detail: Record<string, unknown>): Promise<Step> {
  const instance = typeof instanceId === 'number' ? await loadInstance(tx.em, instanceId) : instanceId;
  if (instance.status !== 'running') throw new ConflictError(workflowMessage('instance.not_running', { id: instance.id, status: instance.status }));
  const r = await runnableOf(tx.em, instance.definition_key, instance.definition_version);
  const now = new Date();
  const s = step(r, JSON.parse(instance.snapshot_json), event, now);
  await record(tx, instance, r, s, actor, event.type === 'COMPLETE' ? 'complete' : 'timer', detail, now);
  return s;
}

/** Holders of a task's role work on it (an assignee is one of them); admins on any. */
function mayWork(actor: Actor, task: TaskRow): boolean {
  return actor.roles.includes('admin') || actor.roles.includes(task.candidate_role as never);
}

async function loadTask(em: EntityManager, id: number): Promise<TaskRow> {
  const [task] = await em.execute<TaskRow[]>('select * from workflow_task where id = ?', [id]);
  if (!task) throw new NotFoundError(workflowMessage('task.not_found', { id }), String(id));
  return task;
}

/** Takes an open task for oneself (someone else's claim is a conflict). */
export async function claimTask(ctx: ServiceContext, taskId: number): Promise<TaskRow> {
  const actor = authorize(ctx.actor, 'workOnTasks');
  const task = await loadTask(ctx.em, taskId);
  if (!mayWork(actor, task)) throw new ForbiddenError(workflowMessage('task.for_role', { task: taskId, role: task.candidate_role }), [task.candidate_role as never]);
  const rows = await ctx.em.execute<TaskRow[]>(`update workflow_task set claimed_by = ?, claimed_at = ? where id = ? and status = 'open' and (claimed_by is null or claimed_by = ?) returning *`, [actor.username, new Date(), taskId, actor.username]);
  if (rows.length === 0) throw new ConflictError(task.status !== 'open' ? workflowMessage('task.status', { task: taskId, status: task.status }) : workflowMessage('task.claimed', { task: taskId, by: task.claimed_by }));
  return rows[0];
}

/**
 * Completes an open task with form data, validated by the task's JSON Schema form; the instance
 * moves on in the same transaction. Of two clients completing one task, one wins; the other gets a
 * ConflictError.
 */
export async function completeTask(ctx: JobsContext, taskId: number, data: Record<string, unknown>): Promise<TaskRow> {
  const actor = authorize(ctx.actor, 'workOnTasks');
  const admin = actor.roles.includes('admin');
  return ctx.em.transactional(async (em) => {
    const now = new Date();
    // The task closes — if it is open, not claimed by someone else and the caller may work on it —
    // and the instance is read, in one round trip; the form is checked after (a failure rolls back).
    const closed = await em.execute<(TaskRow & { i_snapshot: string; i_revision: number; i_status: string; i_key: string; i_version: number })[]>(
      `with t as (update workflow_task set status = 'completed', completed_by = ?, completed_at = ?, data_json = ?
         where id = ? and status = 'open' and (? or claimed_by is null or claimed_by = ?) and (? or candidate_role in (${actor.roles.map(() => '?').join(', ')})) returning *)
       select t.*, i.snapshot_json as i_snapshot, i.revision as i_revision, i.status as i_status, i.definition_key as i_key, i.definition_version as i_version from t join workflow_instance i on i.id = t.instance_id`,
      [actor.username, now, JSON.stringify(data), taskId, admin, actor.username, admin, ...actor.roles]);
    if (closed.length === 0) {
      const task = await loadTask(em, taskId);
      if (!mayWork(actor, task)) throw new ForbiddenError(workflowMessage('task.for_role_named', { task: taskId, name: task.name, role: task.candidate_role }), [task.candidate_role as never]);
      if (task.status !== 'open') throw new ConflictError(workflowMessage('task.not_open', { task: taskId, status: task.status }));
      throw new ConflictError(workflowMessage('task.claimed', { task: taskId, by: task.claimed_by }));
    }
    const c = closed[0];
    const form = (await runnableOf(em, c.i_key, c.i_version)).compiled.userTasks[c.element_id]?.form;
    if (form) {
      const validate = compileCached(form as JsonObject);
      if (!validate(data)) throw new ValidationError(workflowMessage('task.form_invalid', { task: taskId, name: c.name }), ajvIssues(validate.errors));
      await assertPhotosUploaded(em, taskId, photoRefs(form, data));
    }
    const instance = { id: c.instance_id, snapshot_json: c.i_snapshot, revision: c.i_revision, status: c.i_status, definition_key: c.i_key, definition_version: c.i_version } as InstanceRow;
    await advance({ em, jobs: ctx.jobs }, instance, { type: 'COMPLETE', taskId: c.element_id, data, by: actor.username }, actor, { task: c.element_id, taskId, data });
    const { i_snapshot: _s, i_revision: _r, i_status: _st, i_key: _k, i_version: _v, ...row } = c;
    return row as TaskRow;
  });
}

/**
 * Fires an armed timer once: the first delivery marks it fired and moves the instance; any later
 * delivery (pg-boss delivers at least once) finds it fired and does nothing.
 */
export async function fireTimer(ctx: Tx, timerId: number): Promise<boolean> {
  return ctx.em.transactional(async (em) => {
    const [timer] = await em.execute<{ instance_id: number; element_id: string }[]>(`update workflow_timer set status = 'fired', fired_at = ? where id = ? and status = 'armed' and due_at <= ? returning instance_id, element_id`, [new Date(), timerId, new Date()]);
    if (!timer) return false;
    const instance = await loadInstance(em, timer.instance_id);
    if (instance.status !== 'running') return false;
    await advance({ em, jobs: ctx.jobs }, instance, { type: 'TIMER', timerId: timer.element_id }, TIMER_ACTOR, { timer: timer.element_id });
    return true;
  });
}

/** Fires every armed timer that is due (after downtime, or when a queued job was lost). */
export async function fireDueTimers(ctx: Tx, now = new Date()): Promise<number> {
  const due = await ctx.em.execute<{ id: number }[]>(`select id from workflow_timer where status = 'armed' and due_at <= ? order by due_at, id`, [now]);
  let fired = 0;
  for (const { id } of due) {
    await yieldToEventLoop();
    try {
      if (await fireTimer({ em: ctx.em.fork() as EntityManager, jobs: ctx.jobs }, id)) fired += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return fired;
}

/** Every armed timer with its deadline (queued again at start). */
export async function armedTimers(em: EntityManager): Promise<{ id: number; dueAt: Date }[]> {
  const rows = await em.execute<{ id: number; due_at: Date }[]>(`select id, due_at from workflow_timer where status = 'armed' order by id`);
  return rows.map((t) => ({ id: t.id, dueAt: new Date(t.due_at) }));
}

/** Cancels a running instance: its open tasks and armed timers end with it. */
export async function cancelInstance(ctx: ServiceContext, id: number, reason: string): Promise<InstanceRow> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  if (!reason?.trim()) throw new ValidationError(workflowMessage('instance.cancel_reason_required'), [issue('/reason', workflowMessage('instance.reason_required'))]);
  await ctx.em.transactional(async (em) => {
    const instance = await loadInstance(em, id);
    if (instance.status !== 'running' && instance.status !== 'incident') throw new ConflictError(workflowMessage('instance.not_running', { id, status: instance.status }));
    const now = new Date();
    const updated = await em.execute<{ id: number }[]>(`update workflow_instance set status = 'cancelled', revision = revision + 1, updated_at = ?, ended_at = ? where id = ? and revision = ? returning id`, [now, now, id, instance.revision]);
    if (updated.length === 0) throw new ConflictError(workflowMessage('instance.changed', { id }));
    await em.execute(`update workflow_task set status = 'cancelled', completed_at = ? where instance_id = ? and status = 'open'`, [now, id]);
    await em.execute(`update workflow_timer set status = 'cancelled' where instance_id = ? and status = 'armed'`, [id]);
    await reopenFindingOf(em, instance.definition_key, instance.business_key);
    await em.execute(`insert into workflow_history (instance_id, at, actor, event, detail_json, from_states, to_states) values (?, ?, ?, 'cancel', ?, '', '')`, [id, now, actor.username, JSON.stringify({ reason })]);
    await appendAudit(em, actor, { action: 'workflow.cancelled', subjectType: 'workflow-instance', subjectKey: String(id), detail: { reason } });
  });
  return loadInstance(ctx.em, id);
}

export async function getInstance(ctx: ServiceContext, id: number): Promise<InstanceRow> {
  authorize(ctx.actor, 'readStandards');
  return loadInstance(ctx.em, id);
}

export interface HistoryRow {
  id: number;
  at: Date;
  actor: string;
  event: string;
  detail_json: string;
  from_states: string;
  to_states: string;
}

export function instanceHistory(em: EntityManager, id: number): Promise<HistoryRow[]> {
  return em.execute<HistoryRow[]>('select * from workflow_history where instance_id = ? order by id', [id]);
}

export function instanceTasks(em: EntityManager, id: number): Promise<TaskRow[]> {
  return em.execute<TaskRow[]>('select * from workflow_task where instance_id = ? order by id', [id]);
}

/** Tasks: mine (assigned to or claimed by me), my roles', or overdue; open ones by default. */
export async function listTasks(ctx: ServiceContext, filter: { mine?: boolean | null; role?: boolean | null; overdue?: boolean | null; status?: string | null }): Promise<TaskRow[]> {
  const actor = authorize(ctx.actor, 'readStandards');
  const conditions = ['status = ?'];
  const params: unknown[] = [filter.status ?? 'open'];
  if (filter.mine) { conditions.push('(assignee = ? or claimed_by = ?)'); params.push(actor.username, actor.username); }
  if (filter.role) { conditions.push(`candidate_role in (${actor.roles.map(() => '?').join(', ')})`); params.push(...actor.roles); }
  if (filter.overdue) { conditions.push('due_at is not null and due_at < ?'); params.push(new Date()); }
  return ctx.em.execute<TaskRow[]>(`select * from workflow_task where ${conditions.join(' and ')} order by due_at nulls last, id limit 500`, params);
}
