/** User tasks (with their forms and deadlines), service tasks, and send and receive tasks. */
import { feelSyntaxError } from './feel.ts';
import { compileMessage as m } from './compile.messages.ts';
import { boundaryTimers, errorCatches, eventName, isError, throwAction, waitFor } from './events.ts';
import { laneRole } from './lanes.ts';
import { extensionValues } from './model.ts';
import type { ModdleElement } from './parse.ts';
import type { Region, StateConfig, UserTaskMeta, Walker } from './types.ts';

/** A user task's form: the JSON Schema in its pinzhi:Form extension, checked as a schema. */
export function form(c: Walker, el: ModdleElement): Record<string, unknown> | null {
  const form = extensionValues(el).find((v) => v.$type === 'pinzhi:Form');
  if (!form) return null;
  try {
    const schema = JSON.parse(String(form.body ?? ''));
    const problem = c.options.checkForm?.(schema) ?? null;
    if (problem) c.fail(el, m('compile.form_invalid', { problem }));
    return schema;
  } catch (error) {
    c.fail(el, m('compile.form_not_json', { detail: (error as Error).message }));
    return null;
  }
}

/** The role of a task: its pinzhi:candidateRole, else the role its lane's name stands for; '' (reported) when neither gives one. */
function candidateRole(c: Walker, el: ModdleElement): string {
  const role = typeof el.candidateRole === 'string' ? el.candidateRole.trim() : '';
  if (role) {
    if (!c.options.roles.includes(role)) c.fail(el, m('compile.role_unknown', { role, roles: [...c.options.roles] }));
    return role;
  }
  const lane = c.lanes.get(el.id);
  const fromLane = lane?.name ? laneRole(lane.name, c.options.roles, c.options.laneRoles) : null;
  if (fromLane) return fromLane;
  c.fail(el, lane?.name?.trim() ? m('compile.lane_role_unknown', { lane: lane.name.trim(), roles: [...c.options.roles] }) : m('compile.role_missing'));
  return '';
}

/**
 * A user task: waits for COMPLETE from a holder of its role, saving the form data; its boundary
 * timers are its deadlines. A plain task (bpmn:Task) and a manual task compile the same way, as a
 * confirmation without a form: in diagrams from other tools they are work someone does, so the
 * process waits until that person confirms it rather than passing over it.
 */
export function userTask(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const role = candidateRole(c, el);
  const assignee = typeof el.assignee === 'string' && el.assignee.trim() ? el.assignee.trim() : null;
  const feel = assignee ? feelSyntaxError(assignee) : null;
  if (feel) c.fail(el, m('compile.assignee_invalid', { problem: feel }));
  const timers = boundaryTimers(c, el, region);
  const qualification = typeof el.qualification === 'string' && el.qualification.trim() ? el.qualification.trim() : null;
  const multi = multiInstance(c, el);
  c.userTasks[el.id] = { id: el.id, name: el.name ?? el.id, candidateRole: role, assignee, form: form(c, el), timers: timers.map((t) => t.timer), ...(qualification ? { qualification } : {}), ...(multi ? { multi } : {}) };
  if (multi) {
    // one task per element; each completion counts down, and the last one moves on
    return {
      meta: { userTask: el.id, ...(timers.length ? { timers: timers.map((t) => t.timer) } : {}) },
      entry: { type: 'startMulti', params: { task: el.id, collection: multi.collection } },
      always: { guard: { type: 'multiDone', params: { task: el.id } }, target: c.next(el, region) },
      on: {
        COMPLETE: { guard: { type: 'taskIs', params: { task: el.id } }, actions: { type: 'saveMultiData', params: { task: el.id } } },
        ...(timers.length ? { TIMER: timers.map((t) => t.transition) } : {}),
      },
    };
  }
  return {
    meta: { userTask: el.id, ...(timers.length ? { timers: timers.map((t) => t.timer) } : {}) },
    on: {
      COMPLETE: { guard: { type: 'taskIs', params: { task: el.id } }, target: c.next(el, region), actions: { type: 'saveTaskData', params: { task: el.id } } },
      ...(timers.length ? { TIMER: timers.map((t) => t.transition) } : {}),
    },
  };
}

/**
 * A service task: its built-in action runs on entry, and the process moves on at once. With error
 * boundary events the action runs guarded: the instance waits in the task for the runtime to say
 * how the action went (SERVICE_DONE, in the same step), and a failure a boundary catches leaves
 * along that boundary's flow instead of failing the step.
 */
export function serviceTask(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const action = typeof el.action === 'string' ? el.action : '';
  if (!c.options.actions.includes(action)) c.fail(el, action ? m('compile.action_unknown', { action, actions: [...c.options.actions] }) : m('compile.action_missing'));
  const boundaries = region.scope.boundaries.get(el.id) ?? [];
  for (const b of boundaries) if (!isError(b)) c.fail(b, m('compile.service_task_boundary'));
  if (!boundaries.some(isError)) return { entry: { type: 'service', params: { action, task: el.id } }, always: { target: c.next(el, region) } };
  return {
    meta: { service: el.id },
    entry: { type: 'service', params: { action, task: el.id, guarded: true } },
    on: {
      SERVICE_DONE: { guard: { type: 'doneWith', params: { task: el.id } }, target: c.next(el, region) },
      SERVICE_FAILED: errorCatches(c, el, region),
    },
  };
}

/** A send task: sends its message (a notification, kept in the instance history) and moves on at once. */
export function sendTask(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const name = eventName(c, el, el.messageRef, 'message');
  if (region.scope.boundaries.has(el.id)) c.fail(el, m('compile.send_task_boundary'));
  return { entry: name ? throwAction(c, el, 'message', name) : [], always: { target: c.next(el, region) } };
}

/** A receive task: waits for its message, delivered to the instance by its business key. */
export function receiveTask(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const name = eventName(c, el, el.messageRef, 'message');
  return name ? waitFor(c, el, region, 'message', name) : {};
}

/**
 * A user task's multi-instance marker: parallel only, over the FEEL collection of its
 * `pinzhi:collection` (or Camunda's `camunda:collection`, or a `loopCardinality` count), the element
 * bound to `pinzhi:elementVariable` (or `camunda:elementVariable`). Null for a task without one.
 */
function multiInstance(c: Walker, el: ModdleElement): UserTaskMeta['multi'] | null {
  const loop = el.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return null;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics' || loop.isSequential) {
    c.fail(el, m('compile.multi_kind'));
    return null;
  }
  const attrs = (loop.$attrs ?? {}) as Record<string, string>;
  const unwrap = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().replace(/^\$\{(.*)\}$/s, '$1').replace(/^=/, '').trim() : null);
  const cardinality = unwrap((loop.loopCardinality as ModdleElement | undefined)?.body);
  const collection = unwrap(loop.collection) ?? unwrap(attrs['camunda:collection']) ?? (cardinality ? `for i in 1..(${cardinality}) return i` : null);
  if (!collection) {
    c.fail(el, m('compile.multi_collection_missing'));
    return null;
  }
  const problem = feelSyntaxError(collection);
  if (problem) c.fail(el, m('compile.multi_collection_invalid', { problem }));
  return { collection, elementVariable: unwrap(loop.elementVariable) ?? unwrap(attrs['camunda:elementVariable']) };
}
