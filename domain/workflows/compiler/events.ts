/** Start, end, timer, message and signal events: what each becomes in the machine, and the paths timers open. */
import { absoluteDate, durationMs, LONGEST_TIMER_MS } from '../timers/time.ts';
import { compileMessage as m } from './compile.messages.ts';
import { feelDuration, feelSyntaxError } from './feel.ts';
import { eventDefinitions, ref, type Catch } from './model.ts';
import type { ModdleElement } from './parse.ts';
import type { Region, StateConfig, Walker } from './types.ts';

/**
 * An end event: final, a terminate (ending a parallel branch early), an escalation raised as it
 * ends, or a message sent as it ends (a notification, as a send task's).
 */
export function endEvent(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const defs = eventDefinitions(el);
  const kind = defs[0]?.$type;
  if (defs.length > 1 || (kind && !['bpmn:TerminateEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:MessageEventDefinition'].includes(kind))) {
    c.fail(el, m('compile.end_event_kind'));
  }
  if ((region.scope.outgoing.get(el.id) ?? []).length > 0) c.fail(el, m('compile.end_event_outgoing'));
  if (kind === 'bpmn:MessageEventDefinition') {
    const name = eventName(c, el, defs[0].messageRef, 'message');
    const entry = name ? { entry: throwAction(c, el, 'message', name) } : {};
    if (!region.inBranch) return { ...entry, type: 'final' };
    c.fail(el, m('compile.branch_must_join'));
    return {};
  }
  if (kind === 'bpmn:ErrorEventDefinition') {
    // an error ends the sub-process it is thrown in, along the error boundary event that catches it
    const code = (ref(defs[0].errorRef)?.errorCode as string | undefined) ?? null;
    const caught = catching(region, 'error', code);
    // caught by no sub-process around it, the error ends the instance as failed (and its caller's call activity with it)
    if (!caught) c.endsInError = true;
    return { entry: { type: 'raiseError', params: { event: el.id, code, boundary: caught?.boundary ?? null } }, always: { target: caught ? caught.target : '#__error' } };
  }
  const escalation = kind === 'bpmn:EscalationEventDefinition' ? ref(defs[0].escalationRef) : undefined;
  const raised = kind === 'bpmn:EscalationEventDefinition' ? escalate(el, defs[0], region) : null;
  if (raised?.target) return { entry: raised.actions, always: { target: raised.target } };
  const entry = kind === 'bpmn:EscalationEventDefinition' ? { entry: raised?.actions ?? { type: 'escalate', params: { event: el.id, code: (escalation?.escalationCode as string) ?? el.id, name: el.name ?? escalation?.name ?? null } } } : {};
  if (!region.inBranch) return { ...entry, type: 'final' };
  if (kind !== 'bpmn:TerminateEventDefinition') {
    c.fail(el, m('compile.branch_must_join'));
    return {};
  }
  region.scope.needsTerminate = true;
  return { always: { target: `#${region.scope.terminateId}` } };
}

/** Reads a timer event's definition (a duration or a date, within ten years) and records it; its id, or null when it is wrong. */
export function timer(c: Walker, el: ModdleElement, owner: string, kind: 'boundary' | 'intermediate', interrupting: boolean): string | null {
  const defs = eventDefinitions(el);
  const def = defs[0];
  if (defs.length !== 1 || def.$type !== 'bpmn:TimerEventDefinition') {
    c.fail(el, kind === 'boundary' ? m('compile.boundary_kind') : m('compile.intermediate_kind'));
    return null;
  }
  const duration = ref(def.timeDuration)?.body as string | undefined;
  const date = ref(def.timeDate)?.body as string | undefined;
  if (def.timeCycle) c.fail(el, m('compile.timer_cycle'));
  else if (duration !== undefined && durationMs(duration) === null) c.fail(el, m('compile.duration_invalid', { value: duration }));
  else if (duration !== undefined && durationMs(duration)! > LONGEST_TIMER_MS) c.fail(el, m('compile.duration_too_long', { value: duration }));
  else if (date !== undefined && absoluteDate(date) === null) c.fail(el, m('compile.date_invalid', { value: date }));
  else if (date !== undefined && absoluteDate(date)!.getTime() > Date.now() + LONGEST_TIMER_MS) c.fail(el, m('compile.date_too_far', { value: date }));
  else if (duration === undefined && date === undefined) c.fail(el, m('compile.timer_empty'));
  const expression = durationExpression(c, el, def, duration);
  c.timers[el.id] = { id: el.id, name: el.name ?? null, owner, kind, interrupting, duration: duration?.trim() ?? null, date: date?.trim() ?? null, durationExpression: expression };
  return el.id;
}

/**
 * A timer's `pinzhi:durationExpression`: FEEL over the process variables, evaluated when the timer
 * is armed; its literal duration is the default. An expression that cannot be parsed, or that gives
 * something other than a duration whatever the variables, is refused here.
 */
function durationExpression(c: Walker, el: ModdleElement, def: ModdleElement, duration: string | undefined): string | null {
  const expression = typeof def.durationExpression === 'string' && def.durationExpression.trim() ? def.durationExpression.trim() : null;
  if (expression === null) return null;
  const syntax = feelSyntaxError(expression);
  if (syntax) {
    c.fail(el, m('compile.duration_expression_invalid', { problem: syntax }));
    return null;
  }
  if (duration === undefined) c.fail(el, m('compile.duration_expression_needs_default'));
  const constant = feelDuration(expression, {});
  if (constant.kind === 'wrong') c.fail(el, m('compile.duration_expression_not_duration', { value: constant.value }));
  else if (constant.kind === 'duration' && durationMs(constant.iso)! > LONGEST_TIMER_MS) c.fail(el, m('compile.duration_too_long', { value: constant.iso }));
  return expression;
}

/** A timer intermediate catch event: the process waits here until the timer falls due. */
export function intermediateTimer(c: Walker, el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
  const armed = timer(c, el, el.id, 'intermediate', true);
  if (!armed) return null;
  return { state: { meta: { timers: [armed] }, on: { TIMER: { guard: { type: 'timerIs', params: { timer: armed } }, target: c.next(el, region) } } }, successors: c.successors(el.id, region.scope) };
}

/** The timers on a task's or sub-process's border: each as a transition on TIMER (an interrupting one leaves, another runs its path beside). */
export function boundaryTimers(c: Walker, host: ModdleElement, region: Region): { timer: string; transition: StateConfig }[] {
  const out: { timer: string; transition: StateConfig }[] = [];
  for (const b of region.scope.boundaries.get(host.id) ?? []) {
    if ((host.$type === 'bpmn:SubProcess' || host.$type === 'bpmn:CallActivity') && isCaught(b)) continue;
    c.visited.add(b.id);
    const interrupting = b.cancelActivity !== false;
    const armed = timer(c, b, host.id, 'boundary', interrupting);
    if (!armed) continue;
    const guard = { type: 'timerIs', params: { timer: armed } };
    if (interrupting) out.push({ timer: armed, transition: { guard, target: c.next(b, region) } });
    else out.push({ timer: armed, transition: { guard, actions: sidePath(c, b, region) } });
  }
  return out;
}

/** Interrupting boundary timers continue in the process; their successors are compiled as states. */
export function boundarySuccessors(c: Walker, host: ModdleElement, region: Region): string[] {
  return (region.scope.boundaries.get(host.id) ?? []).filter((b) => b.cancelActivity !== false).flatMap((b) => c.successors(b.id, region.scope));
}

/** A non-interrupting timer's path runs beside the task: service tasks and an end event, as actions. */
export function sidePath(c: Walker, boundary: ModdleElement, region: Region): StateConfig[] {
  const actions: StateConfig[] = [];
  let current = boundary;
  for (let guard = 0; guard < 50; guard++) {
    const out = region.scope.outgoing.get(current.id) ?? [];
    if (out.length !== 1) {
      c.fail(current, m('compile.timer_path_line'));
      return actions;
    }
    const node = region.scope.nodes.get(out[0].target)!;
    c.visited.add(node.id);
    if (node.$type === 'bpmn:ServiceTask') {
      const action = typeof node.action === 'string' ? node.action : '';
      if (!c.options.actions.includes(action)) c.fail(node, action ? m('compile.action_unknown_short', { action }) : m('compile.action_missing'));
      actions.push({ type: 'service', params: { action, task: node.id } });
      current = node;
    } else if (node.$type === 'bpmn:SendTask') {
      const name = eventName(c, node, node.messageRef, 'message');
      if (name) actions.push(throwAction(c, node, 'message', name));
      current = node;
    } else if (node.$type === 'bpmn:IntermediateThrowEvent' && eventDefinitions(node).length === 1 && NAMED[eventDefinitions(node)[0].$type as keyof typeof NAMED]) {
      const def = eventDefinitions(node)[0];
      const kind = NAMED[def.$type as keyof typeof NAMED];
      const name = eventName(c, node, kind === 'message' ? def.messageRef : def.signalRef, kind);
      if (name) actions.push(throwAction(c, node, kind, name));
      current = node;
    } else if (node.$type === 'bpmn:EndEvent') {
      const def = eventDefinitions(node)[0];
      if (def?.$type === 'bpmn:MessageEventDefinition') {
        const name = eventName(c, node, def.messageRef, 'message');
        if (name) actions.push(throwAction(c, node, 'message', name));
        return actions;
      }
      if (def && def.$type !== 'bpmn:EscalationEventDefinition') c.fail(node, m('compile.timer_path_end'));
      if (def) actions.push({ type: 'escalate', params: { event: node.id, code: (ref(def.escalationRef)?.escalationCode as string) ?? node.id, name: node.name ?? null } });
      return actions;
    } else {
      c.fail(node, m('compile.timer_path_nodes'));
      return actions;
    }
  }
  return actions;
}

const NAMED = { 'bpmn:MessageEventDefinition': 'message', 'bpmn:SignalEventDefinition': 'signal' } as const;

/**
 * The name of the message or signal an event definition (or a send or receive task) refers to: the
 * referred bpmn:Message's or bpmn:Signal's name, else its id; null, reported, when it refers to none.
 */
export function eventName(c: Walker, el: ModdleElement, referred: unknown, kind: 'message' | 'signal'): string | null {
  const target = ref(referred);
  // without a message of its own, a message flow to or from another pool names it
  const link = kind === 'message' ? c.messageFlows.into.get(el.id) ?? c.messageFlows.out.get(el.id) : undefined;
  const name = (typeof target?.name === 'string' && target.name.trim()) || target?.id || link?.name || null;
  if (!name) c.fail(el, m(kind === 'message' ? 'compile.message_missing' : 'compile.signal_missing'));
  return name;
}

/**
 * A wait for a message (delivered to the instance by its business key) or a signal (broadcast to
 * every instance waiting for it): the data it carries joins the process variables. Boundary timers
 * of a receive task are its deadlines, as on a user task.
 */
export function waitFor(c: Walker, el: ModdleElement, region: Region, kind: 'message' | 'signal', name: string): StateConfig {
  const timers = boundaryTimers(c, el, region);
  return {
    meta: { [kind === 'message' ? 'messages' : 'signals']: [name], ...(timers.length ? { timers: timers.map((t) => t.timer) } : {}) },
    on: {
      [kind === 'message' ? 'MESSAGE' : 'SIGNAL']: { guard: { type: 'named', params: { name } }, target: c.next(el, region), actions: { type: 'saveEventData' } },
      ...(timers.length ? { TIMER: timers.map((t) => t.transition) } : {}),
    },
  };
}

/** An intermediate catch event: a timer, message or signal the process waits for. */
export function intermediateCatch(c: Walker, el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
  const defs = eventDefinitions(el);
  const kind = defs.length === 1 ? NAMED[defs[0].$type as keyof typeof NAMED] : undefined;
  if (!kind) return intermediateTimer(c, el, region);
  const name = eventName(c, el, kind === 'message' ? defs[0].messageRef : defs[0].signalRef, kind);
  return { state: name ? waitFor(c, el, region, kind, name) : {}, successors: c.successors(el.id, region.scope) };
}

/**
 * The action that sends a message (a notification, kept in the history, addressed to the pool a
 * message flow leads to) or broadcasts a signal.
 */
export function throwAction(c: Walker, el: ModdleElement, kind: 'message' | 'signal', name: string): StateConfig {
  if (kind === 'signal') return { type: 'throwSignal', params: { event: el.id, name } };
  const to = c.messageFlows.out.get(el.id)?.participant ?? null;
  return { type: 'sendMessage', params: { event: el.id, name, ...(to ? { to } : {}) } };
}

/**
 * An intermediate throw event: none (a milestone passed over), a message sent, a signal broadcast
 * to the instances waiting for it, or an escalation raised; then on at once.
 */
export function intermediateThrow(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const defs = eventDefinitions(el);
  const def = defs[0];
  const next = c.next(el, region);
  if (defs.length === 0) return { always: { target: next } };
  const kind = defs.length === 1 ? NAMED[def.$type as keyof typeof NAMED] : undefined;
  if (kind) {
    const name = eventName(c, el, kind === 'message' ? def.messageRef : def.signalRef, kind);
    return { entry: name ? throwAction(c, el, kind, name) : [], always: { target: next } };
  }
  if (defs.length === 1 && def.$type === 'bpmn:EscalationEventDefinition') {
    const raised = escalate(el, def, region);
    return { entry: raised.actions, always: { target: raised.target ?? next } };
  }
  c.fail(el, m('compile.throw_kind'));
  return {};
}

/** The innermost error or escalation boundary event around a scope that catches `code`. */
function catching(region: Region, kind: 'error' | 'escalation', code: string | null): Catch | undefined {
  return (region.scope.catches ?? []).find((x) => x.kind === kind && (x.code === null || x.code === code));
}

/**
 * An escalation raised inside a sub-process: recorded as an escalation, and caught by an escalation
 * boundary event of the sub-process when one matches — an interrupting one leaves the sub-process
 * (its target), a non-interrupting one runs its path beside it (its actions).
 */
function escalate(el: ModdleElement, def: ModdleElement, region: Region): { actions: StateConfig[]; target: string | null } {
  const escalation = ref(def.escalationRef);
  const code = (escalation?.escalationCode as string | undefined) ?? null;
  const raise = { type: 'escalate', params: { event: el.id, code: code ?? el.id, name: el.name ?? escalation?.name ?? null } };
  const caught = catching(region, 'escalation', code);
  return { actions: [raise, ...(caught?.actions ?? [])], target: caught?.target ?? null };
}

/**
 * The error and escalation boundary events of a sub-process, for the end and throw events inside it
 * (theirs first, then those of the sub-processes around it); their paths are compiled here.
 */
export function catchesOf(c: Walker, host: ModdleElement, region: Region): Catch[] {
  const own: Catch[] = [];
  for (const b of region.scope.boundaries.get(host.id) ?? []) {
    const defs = eventDefinitions(b);
    const kind = defs.length === 1 ? CAUGHT[defs[0].$type as keyof typeof CAUGHT] : undefined;
    if (!kind) continue;
    c.visited.add(b.id);
    const code = (ref(kind === 'error' ? defs[0].errorRef : defs[0].escalationRef)?.[kind === 'error' ? 'errorCode' : 'escalationCode'] as string | undefined) ?? null;
    const interrupting = kind === 'error' || b.cancelActivity !== false;
    own.push({ kind, code, boundary: b.id, target: interrupting ? c.next(b, region) : null, actions: interrupting ? [] : sidePath(c, b, region) });
  }
  return [...own, ...(region.scope.catches ?? [])];
}

const CAUGHT = { 'bpmn:ErrorEventDefinition': 'error', 'bpmn:EscalationEventDefinition': 'escalation' } as const;

/** Whether a boundary event is an error or escalation event (caught from inside its sub-process, not armed like a timer). */
export function isCaught(b: ModdleElement): boolean {
  const defs = eventDefinitions(b);
  return defs.length === 1 && defs[0].$type in CAUGHT;
}

/**
 * The error boundary events of a service task or call activity, as transitions on the event that
 * says it failed (SERVICE_FAILED: its action threw; CALL_FAILED: the called instance ended in an
 * error or was cancelled): the one whose errorCode matches the failure's code, or one with none
 * (catching any), leaves along its flow. Other boundary kinds are left to the caller.
 */
export function errorCatches(c: Walker, host: ModdleElement, region: Region): StateConfig[] {
  const out: StateConfig[] = [];
  for (const b of region.scope.boundaries.get(host.id) ?? []) {
    const defs = eventDefinitions(b);
    if (defs.length !== 1 || defs[0].$type !== 'bpmn:ErrorEventDefinition') continue;
    c.visited.add(b.id);
    const code = (ref(defs[0].errorRef)?.errorCode as string | undefined) ?? null;
    out.push({ guard: { type: 'failedWith', params: { task: host.id, code } }, target: c.next(b, region), actions: { type: 'caughtFailure', params: { task: host.id, boundary: b.id } } });
  }
  // the boundaries naming a code are tried before a catch-all, whatever their order in the diagram
  return out.sort((x, y) => Number((x.guard as { params: { code: unknown } }).params.code === null) - Number((y.guard as { params: { code: unknown } }).params.code === null));
}

/** Whether a boundary event is an error event. */
export function isError(b: ModdleElement): boolean {
  const defs = eventDefinitions(b);
  return defs.length === 1 && defs[0].$type === 'bpmn:ErrorEventDefinition';
}
