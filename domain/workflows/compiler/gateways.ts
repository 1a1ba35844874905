/** Exclusive gateways (FEEL conditions, a default flow or an incident), parallel and inclusive forks and joins. */
import { compileMessage as m } from './compile.messages.ts';
import { compileIssue } from './errors.ts';
import { eventName, timer } from './events.ts';
import { feelSyntaxError } from './feel.ts';
import { eventDefinitions, ref, type Flow, type Scope } from './model.ts';
import type { ModdleElement } from './parse.ts';
import type { Region, StateConfig, Walker } from './types.ts';

/** An exclusive gateway: the first true FEEL condition, else the default flow, else an incident. */
export function exclusiveGateway(c: Walker, el: ModdleElement, region: Region): StateConfig {
  const out = region.scope.outgoing.get(el.id) ?? [];
  if (out.length === 0) {
    c.fail(el, m('compile.no_outgoing'));
    return {};
  }
  if (out.length === 1) return { always: { target: c.target(out[0], region) } };
  const fallback = ref(el.default)?.id;
  const branches: StateConfig[] = [];
  for (const f of out) {
    if (f.id === fallback) continue;
    if (!f.condition) {
      c.issues.push(compileIssue(f.id, 'bpmn:SequenceFlow', m('compile.flow_without_condition', { gateway: el.name?.trim() || el.id }), f.name));
      continue;
    }
    const problem = feelSyntaxError(f.condition);
    if (problem) c.issues.push(compileIssue(f.id, 'bpmn:SequenceFlow', m('compile.condition_invalid', { condition: f.condition, problem }), f.name));
    branches.push({ guard: { type: 'feel', params: { expression: f.condition } }, target: c.target(f, region) });
  }
  const defaultFlow = out.find((f) => f.id === fallback);
  branches.push(defaultFlow
    ? { target: c.target(defaultFlow, region) }
    : { target: '#__incident', actions: { type: 'incident', params: { gateway: el.id, reason: `no condition of gateway ${el.id} matched and it has no default flow` } } });
  return { always: branches };
}

/** A fork: one parallel region per outgoing flow, each up to the shared join; then on past the join. */
export function parallelGateway(c: Walker, el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
  return fork(c, el, region, null);
}

/**
 * An inclusive fork: like a parallel fork, but each branch first checks its flow's FEEL condition
 * (a flow without one is always taken) and, when it does not hold, is done at once; the default
 * flow is taken only when no condition holds; none holding and no default is an incident. The
 * join waits for the branches that were taken, since the others are done already.
 */
export function inclusiveGateway(c: Walker, el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
  const out = region.scope.outgoing.get(el.id) ?? [];
  const fallback = ref(el.default)?.id;
  const conditions: string[] = [];
  for (const f of out) {
    if (f.id === fallback || !f.condition) continue;
    const problem = feelSyntaxError(f.condition);
    if (problem) c.issues.push(compileIssue(f.id, 'bpmn:SequenceFlow', m('compile.condition_invalid', { condition: f.condition, problem }), f.name));
    conditions.push(f.condition);
  }
  const unconditional = out.some((f) => f.id !== fallback && !f.condition);
  const gate = (f: Flow, i: number, entry: string, doneId: string): StateConfig[] => {
    const taken = f.id === fallback
      ? [{ guard: { type: 'feelNone', params: { expressions: conditions } }, target: entry }]
      : f.condition ? [{ guard: { type: 'feel', params: { expression: f.condition } }, target: entry }] : [{ target: entry }];
    // the first branch raises the incident when no flow at all is taken
    const incident = i === 0 && !fallback && !unconditional
      ? [{ guard: { type: 'feelNone', params: { expressions: conditions } }, target: '#__incident', actions: { type: 'incident', params: { gateway: el.id, reason: `no condition of gateway ${el.id} matched and it has no default flow` } } }]
      : [];
    return [...taken, ...incident, { target: `#${doneId}` }];
  };
  return fork(c, el, region, gate);
}

type Gate = (flow: Flow, index: number, entry: string, doneId: string) => StateConfig[];

/** A parallel or inclusive fork: one region per outgoing flow up to the join of the same kind; `gate` decides whether a branch runs. */
function fork(c: Walker, el: ModdleElement, region: Region, gate: Gate | null): { state: StateConfig; successors: string[] } | null {
  const scope = region.scope;
  const out = scope.outgoing.get(el.id) ?? [];
  const incoming = scope.incoming.get(el.id) ?? [];
  if (out.length < 2) {
    c.fail(el, incoming.length > 1 ? m('compile.join_outside_fork') : m('compile.fork_needs_two'));
    return null;
  }
  if (incoming.length > 1) c.fail(el, m('compile.fork_and_join'));
  const join = findJoin(c, el, scope);
  if (!join) {
    c.fail(el, m('compile.branches_do_not_meet'));
    return null;
  }
  const joinEl = scope.nodes.get(join)!;
  if ((scope.incoming.get(join) ?? []).length !== out.length) c.fail(joinEl, m('compile.join_count', { joins: (scope.incoming.get(join) ?? []).length, fork: el.id, opens: out.length }));
  c.visited.add(join);
  const states: Record<string, StateConfig> = {};
  out.forEach((f, i) => {
    const branchId = `${el.id}__branch${i + 1}`;
    const doneId = `${branchId}__done`;
    const branch: Region = { scope, stop: join, doneId, inBranch: true };
    const inner = f.target === join ? {} : c.region(f.target, branch);
    const entry = f.target === join ? doneId : f.target;
    if (!gate) {
      states[branchId] = { id: branchId, initial: entry, states: { ...inner, [doneId]: { id: doneId, type: 'final' } } };
      return;
    }
    const gateId = `${branchId}__gate`;
    states[branchId] = { id: branchId, initial: gateId, states: { [gateId]: { id: gateId, always: gate(f, i, `#${entry}`, doneId) }, ...inner, [doneId]: { id: doneId, type: 'final' } } };
  });
  const after = scope.outgoing.get(join) ?? [];
  if (after.length !== 1) c.fail(joinEl, m('compile.join_outgoing'));
  return { state: { type: 'parallel', states, onDone: { target: after.length === 1 ? c.target(after[0], region) : null } }, successors: after.map((f) => f.target) };
}

const FORKS = new Set(['bpmn:ParallelGateway', 'bpmn:InclusiveGateway']);

/** The first join (a gateway of the fork's kind with several incoming flows) every branch of a fork reaches; nested forks skip to their own join. */
export function findJoin(c: Walker, fork: ModdleElement, scope: Scope): string | null {
  const reach = (start: string): string[] => {
    const order: string[] = [];
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = scope.nodes.get(id);
      if (!node) continue;
      if (node.$type === fork.$type && (scope.incoming.get(id) ?? []).length > 1) {
        order.push(id);
        continue;
      }
      if (FORKS.has(node.$type) && id !== fork.id && (scope.outgoing.get(id) ?? []).length > 1) {
        const inner = findJoin(c, node, scope);
        if (inner) queue.push(...(scope.outgoing.get(inner) ?? []).map((f) => f.target));
        continue;
      }
      queue.push(...(scope.outgoing.get(id) ?? []).map((f) => f.target));
    }
    return order;
  };
  const branches = (scope.outgoing.get(fork.id) ?? []).map((f) => reach(f.target));
  const common = branches[0]?.find((j) => branches.every((b) => b.includes(j)));
  return common ?? null;
}

/**
 * An event-based gateway: the process waits at it for whichever of the events after it comes
 * first — a timer falling due, a message delivered by business key, a signal — and goes on along
 * that event's way; the others are disarmed. Each flow must lead to a timer, message or signal
 * intermediate catch event, or a receive task.
 */
export function eventBasedGateway(c: Walker, el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
  const out = region.scope.outgoing.get(el.id) ?? [];
  if (out.length < 2) c.fail(el, m('compile.event_gateway_needs_two'));
  if (el.instantiate || el.eventGatewayType === 'Parallel') c.fail(el, m('compile.event_gateway_exclusive'));
  const timers: string[] = [];
  const messages: string[] = [];
  const signals: string[] = [];
  const on: Record<string, StateConfig[]> = { TIMER: [], MESSAGE: [], SIGNAL: [] };
  const successors: string[] = [];
  for (const f of out) {
    const event = region.scope.nodes.get(f.target)!;
    const def = eventDefinitions(event)[0];
    const kind = event.$type === 'bpmn:ReceiveTask' ? 'message'
      : event.$type !== 'bpmn:IntermediateCatchEvent' || eventDefinitions(event).length !== 1 ? null
        : def.$type === 'bpmn:TimerEventDefinition' ? 'timer' : def.$type === 'bpmn:MessageEventDefinition' ? 'message' : def.$type === 'bpmn:SignalEventDefinition' ? 'signal' : null;
    if (!kind) {
      c.fail(event, m('compile.event_gateway_target'));
      c.visited.add(event.id);
      continue;
    }
    if (f.condition) c.fail(el, m('compile.flow_condition_misplaced', { flow: f.id }));
    if ((region.scope.incoming.get(event.id) ?? []).length > 1) c.fail(event, m('compile.reached_from_branches'));
    c.visited.add(event.id);
    const target = c.next(event, region);
    successors.push(...c.successors(event.id, region.scope));
    if (kind === 'timer') {
      const armed = timer(c, event, el.id, 'intermediate', true);
      if (armed) {
        timers.push(armed);
        on.TIMER.push({ guard: { type: 'timerIs', params: { timer: armed } }, target });
      }
      continue;
    }
    const name = eventName(c, event, event.$type === 'bpmn:ReceiveTask' ? event.messageRef : kind === 'message' ? def.messageRef : def.signalRef, kind);
    if (!name) continue;
    (kind === 'message' ? messages : signals).push(name);
    on[kind === 'message' ? 'MESSAGE' : 'SIGNAL'].push({ guard: { type: 'named', params: { name } }, target, actions: { type: 'saveEventData' } });
  }
  const meta = { ...(timers.length ? { timers } : {}), ...(messages.length ? { messages } : {}), ...(signals.length ? { signals } : {}) };
  return { state: { meta, on: Object.fromEntries(Object.entries(on).filter(([, t]) => t.length > 0)) }, successors };
}
