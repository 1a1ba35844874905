/** Call activities: an instance of another deployed process, started with the caller's data, waited for. */
import { compileMessage as m } from './compile.messages.ts';
import { boundaryTimers, errorCatches, isError } from './events.ts';
import { eventDefinitions } from './model.ts';
import type { ModdleElement } from './parse.ts';
import type { Region, StateConfig, Walker } from './types.ts';

/**
 * A call activity: on entry the runtime starts the newest deployed version of the process its
 * `calledElement` names (checked when deploying); the caller waits until that instance ends —
 * CALL_DONE moves on with its variables, CALL_FAILED (an error end event, a cancel) leaves along a
 * matching error boundary event or stops the caller as an incident. Boundary timers are deadlines,
 * as on a user task.
 */
export function callActivity(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const key = typeof el.calledElement === 'string' ? el.calledElement.trim() : '';
  if (!key) c.fail(el, m('compile.call_element_missing'));
  else c.calls[el.id] = key;
  for (const b of region.scope.boundaries.get(el.id) ?? []) {
    const kind = eventDefinitions(b)[0]?.$type;
    if (!isError(b) && (eventDefinitions(b).length !== 1 || kind !== 'bpmn:TimerEventDefinition')) c.fail(b, m('compile.call_boundary_kind'));
  }
  const timers = boundaryTimers(c, el, region);
  const uncaught = { guard: { type: 'failedWith', params: { task: el.id, code: null } }, target: '#__incident', actions: { type: 'callFailed', params: { task: el.id } } };
  return {
    meta: { call: el.id, ...(timers.length ? { timers: timers.map((t) => t.timer) } : {}) },
    entry: { type: 'callProcess', params: { task: el.id, key } },
    on: {
      CALL_DONE: { guard: { type: 'doneWith', params: { task: el.id } }, target: c.next(el, region), actions: { type: 'saveEventData' } },
      CALL_FAILED: [...errorCatches(c, el, region), uncaught],
      ...(timers.length ? { TIMER: timers.map((t) => t.transition) } : {}),
    },
  };
}
