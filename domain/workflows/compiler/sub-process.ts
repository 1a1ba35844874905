/** Embedded sub-processes: a nested region with its own start and end, boundary timers, and error and escalation boundary events. */
import { compileMessage as m } from './compile.messages.ts';
import { boundaryTimers, catchesOf } from './events.ts';
import { lanesOf } from './lanes.ts';
import { readScope } from './model.ts';
import { checkWayOut } from './way-out.ts';
import type { ModdleElement } from './parse.ts';
import type { Region, StateConfig, Walker } from './types.ts';

/** An embedded sub-process: a compound state whose inner region runs from its start to its end. */
export function subProcess(c: Walker, el: ModdleElement, region: Region): StateConfig {
  if (el.triggeredByEvent) c.fail(el, m('compile.event_subprocess'));
  const scope = readScope(el, c.issues, `${el.id}__terminated`);
  checkWayOut(scope, c.issues);
  scope.catches = catchesOf(c, el, region);
  // a node inside takes the lane of the sub-process unless the sub-process has lanes of its own
  for (const [id, lane] of lanesOf(el)) c.lanes.set(id, lane);
  const own = c.lanes.get(el.id);
  if (own) for (const id of scope.nodes.keys()) if (!c.lanes.has(id)) c.lanes.set(id, own);
  const starts = [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) {
    c.fail(el, m('compile.subprocess_starts', { count: starts.length }));
    return {};
  }
  const inner: Region = { scope, stop: null, doneId: null, inBranch: false };
  const states = c.region(starts[0].id, inner);
  if (scope.needsTerminate) states[scope.terminateId] = { id: scope.terminateId, type: 'final' };
  c.unreached(scope);
  const timers = boundaryTimers(c, el, region);
  return {
    initial: starts[0].id,
    states,
    onDone: { target: c.next(el, region) },
    ...(timers.length ? { meta: { timers: timers.map((t) => t.timer) }, on: { TIMER: timers.map((t) => t.transition) } } : {}),
  };
}
