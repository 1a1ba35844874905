import { CompileError, compileIssue, type CompileIssue } from './errors.ts';
import type { Message } from '../../shared/messages.ts';
import { compileMessage as m } from './compile.messages.ts';
import { feelSyntaxError } from './feel.ts';
import { eventDefinitions, extensionValues, readScope, ref, type Flow, type Scope } from './model.ts';
import { parseBpmn, type ModdleElement } from './parse.ts';
import { absoluteDate, durationMs, LONGEST_TIMER_MS } from '../timers/time.ts';

/** What a deployment allows: the roles tasks may name and the built-in service actions. */
export interface CompileOptions {
  roles: readonly string[];
  actions: readonly string[];
  /** checks a user task's JSON Schema form; returns why it is invalid, or null */
  checkForm?: (schema: unknown) => Message | null;
}

export interface TimerMeta {
  id: string;
  name: string | null;
  /** the element whose state arms the timer: the task or sub-process, or the timer event itself */
  owner: string;
  kind: 'boundary' | 'intermediate';
  interrupting: boolean;
  /** ISO 8601 duration, counted from entering the owner */
  duration: string | null;
  /** ISO 8601 date-time */
  date: string | null;
}

export interface UserTaskMeta {
  id: string;
  name: string;
  candidateRole: string;
  /** FEEL expression giving the assignee's username, evaluated when the task opens */
  assignee: string | null;
  form: Record<string, unknown> | null;
  timers: string[];
}

export type StateConfig = Record<string, unknown>;

/** A BPMN process compiled: an XState v5 machine config (JSON) and what the runtime needs to know. */
export interface CompiledWorkflow {
  processId: string;
  name: string;
  config: StateConfig;
  userTasks: Record<string, UserTaskMeta>;
  timers: Record<string, TimerMeta>;
  /** ids of every state a running instance can be in */
  stateIds: string[];
}

interface Region {
  scope: Scope;
  /** the join gateway that ends this region (parallel branch), or null */
  stop: string | null;
  doneId: string | null;
  inBranch: boolean;
}

class Compiler {
  readonly issues: CompileIssue[] = [];
  readonly userTasks: Record<string, UserTaskMeta> = {};
  readonly timers: Record<string, TimerMeta> = {};
  readonly stateIds: string[] = [];
  readonly visited = new Set<string>();
  readonly options: CompileOptions;
  constructor(options: CompileOptions) {
    this.options = options;
  }

  fail(el: ModdleElement, message: Message): void {
    this.issues.push(compileIssue(el.id, el.$type, message, el.name));
  }

  /** Where a flow leads: the target node's state, or the branch's done state at the join. */
  target(flow: Flow, region: Region): string {
    return flow.target === region.stop ? `#${region.doneId}` : `#${flow.target}`;
  }

  /** The single way out of a node that is not a gateway. */
  next(el: ModdleElement, region: Region): string | null {
    const out = region.scope.outgoing.get(el.id) ?? [];
    if (out.length === 0) this.fail(el, m('compile.no_outgoing'));
    else if (out.length > 1) this.fail(el, m('compile.several_outgoing'));
    else if (out[0].condition) this.fail(el, m('compile.flow_condition_misplaced', { flow: out[0].id }));
    return out.length === 1 ? this.target(out[0], region) : null;
  }

  /** Compiles the nodes reachable from `entry` (up to the region's join) into sibling states. */
  region(entry: string, region: Region): Record<string, StateConfig> {
    const states: Record<string, StateConfig> = {};
    const queue = [entry];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id) || id === region.stop) continue;
      seen.add(id);
      const el = region.scope.nodes.get(id)!;
      if (this.visited.has(id)) {
        this.fail(el, m('compile.reached_from_branches'));
        continue;
      }
      this.visited.add(id);
      const compiled = this.node(el, region);
      if (!compiled) continue;
      states[id] = { id, ...compiled.state };
      this.stateIds.push(id);
      queue.push(...compiled.successors);
    }
    return states;
  }

  successors(id: string, scope: Scope): string[] {
    return (scope.outgoing.get(id) ?? []).map((f) => f.target);
  }

  node(el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
    const scope = region.scope;
    switch (el.$type) {
      case 'bpmn:StartEvent':
        if (eventDefinitions(el).length > 0) this.fail(el, m('compile.start_event_kind'));
        return { state: { always: { target: this.next(el, region) } }, successors: this.successors(el.id, scope) };
      case 'bpmn:EndEvent':
        return { state: this.endEvent(el, region), successors: [] };
      case 'bpmn:UserTask':
        return { state: this.userTask(el, region), successors: [...this.successors(el.id, scope), ...this.boundarySuccessors(el, region)] };
      case 'bpmn:ServiceTask': {
        const action = typeof el.action === 'string' ? el.action : '';
        if (!this.options.actions.includes(action)) this.fail(el, action ? m('compile.action_unknown', { action, actions: [...this.options.actions] }) : m('compile.action_missing'));
        if (scope.boundaries.has(el.id)) this.fail(el, m('compile.service_task_boundary'));
        return { state: { entry: { type: 'service', params: { action, task: el.id } }, always: { target: this.next(el, region) } }, successors: this.successors(el.id, scope) };
      }
      case 'bpmn:ExclusiveGateway':
        return { state: this.exclusiveGateway(el, region), successors: this.successors(el.id, scope) };
      case 'bpmn:ParallelGateway':
        return this.parallelGateway(el, region);
      case 'bpmn:IntermediateCatchEvent': {
        const timer = this.timer(el, el.id, 'intermediate', true);
        if (!timer) return null;
        return { state: { meta: { timers: [timer] }, on: { TIMER: { guard: { type: 'timerIs', params: { timer } }, target: this.next(el, region) } } }, successors: this.successors(el.id, scope) };
      }
      case 'bpmn:SubProcess':
        return { state: this.subProcess(el, region), successors: [...this.successors(el.id, scope), ...this.boundarySuccessors(el, region)] };
      case 'bpmn:BoundaryEvent':
        this.fail(el, m('compile.boundary_reached'));
        return null;
      default:
        this.fail(el, m('compile.element_unsupported'));
        return null;
    }
  }

  endEvent(el: ModdleElement, region: Region): StateConfig {
    const defs = eventDefinitions(el);
    const kind = defs[0]?.$type;
    if (defs.length > 1 || (kind && kind !== 'bpmn:TerminateEventDefinition' && kind !== 'bpmn:EscalationEventDefinition')) {
      this.fail(el, m('compile.end_event_kind'));
    }
    if ((region.scope.outgoing.get(el.id) ?? []).length > 0) this.fail(el, m('compile.end_event_outgoing'));
    const escalation = kind === 'bpmn:EscalationEventDefinition' ? ref(defs[0].escalationRef) : undefined;
    const entry = kind === 'bpmn:EscalationEventDefinition' ? { entry: { type: 'escalate', params: { event: el.id, code: (escalation?.escalationCode as string) ?? el.id, name: el.name ?? escalation?.name ?? null } } } : {};
    if (!region.inBranch) return { ...entry, type: 'final' };
    if (kind !== 'bpmn:TerminateEventDefinition') {
      this.fail(el, m('compile.branch_must_join'));
      return {};
    }
    region.scope.needsTerminate = true;
    return { always: { target: `#${region.scope.terminateId}` } };
  }

  form(el: ModdleElement): Record<string, unknown> | null {
    const form = extensionValues(el).find((v) => v.$type === 'pinzhi:Form');
    if (!form) return null;
    try {
      const schema = JSON.parse(String(form.body ?? ''));
      const problem = this.options.checkForm?.(schema) ?? null;
      if (problem) this.fail(el, m('compile.form_invalid', { problem }));
      return schema;
    } catch (error) {
      this.fail(el, m('compile.form_not_json', { detail: (error as Error).message }));
      return null;
    }
  }

  userTask(el: ModdleElement, region: Region): StateConfig {
    const role = typeof el.candidateRole === 'string' ? el.candidateRole : '';
    if (!this.options.roles.includes(role)) this.fail(el, role ? m('compile.role_unknown', { role, roles: [...this.options.roles] }) : m('compile.role_missing'));
    const assignee = typeof el.assignee === 'string' && el.assignee.trim() ? el.assignee.trim() : null;
    const feel = assignee ? feelSyntaxError(assignee) : null;
    if (feel) this.fail(el, m('compile.assignee_invalid', { problem: feel }));
    const timers = this.boundaryTimers(el, region);
    this.userTasks[el.id] = { id: el.id, name: el.name ?? el.id, candidateRole: role, assignee, form: this.form(el), timers: timers.map((t) => t.timer) };
    return {
      meta: { userTask: el.id, ...(timers.length ? { timers: timers.map((t) => t.timer) } : {}) },
      on: {
        COMPLETE: { guard: { type: 'taskIs', params: { task: el.id } }, target: this.next(el, region), actions: { type: 'saveTaskData', params: { task: el.id } } },
        ...(timers.length ? { TIMER: timers.map((t) => t.transition) } : {}),
      },
    };
  }

  subProcess(el: ModdleElement, region: Region): StateConfig {
    if (el.triggeredByEvent) this.fail(el, m('compile.event_subprocess'));
    const scope = readScope(el, this.issues, `${el.id}__terminated`);
    const starts = [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:StartEvent');
    if (starts.length !== 1) {
      this.fail(el, m('compile.subprocess_starts', { count: starts.length }));
      return {};
    }
    const inner: Region = { scope, stop: null, doneId: null, inBranch: false };
    const states = this.region(starts[0].id, inner);
    if (scope.needsTerminate) states[scope.terminateId] = { id: scope.terminateId, type: 'final' };
    this.unreached(scope);
    const timers = this.boundaryTimers(el, region);
    return {
      initial: starts[0].id,
      states,
      onDone: { target: this.next(el, region) },
      ...(timers.length ? { meta: { timers: timers.map((t) => t.timer) }, on: { TIMER: timers.map((t) => t.transition) } } : {}),
    };
  }

  exclusiveGateway(el: ModdleElement, region: Region): StateConfig {
    const out = region.scope.outgoing.get(el.id) ?? [];
    if (out.length === 0) {
      this.fail(el, m('compile.no_outgoing'));
      return {};
    }
    if (out.length === 1) return { always: { target: this.target(out[0], region) } };
    const fallback = ref(el.default)?.id;
    const branches: StateConfig[] = [];
    for (const f of out) {
      if (f.id === fallback) continue;
      if (!f.condition) {
        this.issues.push(compileIssue(f.id, 'bpmn:SequenceFlow', m('compile.flow_without_condition', { gateway: el.name?.trim() || el.id }), f.name));
        continue;
      }
      const problem = feelSyntaxError(f.condition);
      if (problem) this.issues.push(compileIssue(f.id, 'bpmn:SequenceFlow', m('compile.condition_invalid', { condition: f.condition, problem }), f.name));
      branches.push({ guard: { type: 'feel', params: { expression: f.condition } }, target: this.target(f, region) });
    }
    const defaultFlow = out.find((f) => f.id === fallback);
    branches.push(defaultFlow
      ? { target: this.target(defaultFlow, region) }
      : { target: '#__incident', actions: { type: 'incident', params: { gateway: el.id, reason: `no condition of gateway ${el.id} matched and it has no default flow` } } });
    return { always: branches };
  }

  /** A fork: one parallel region per outgoing flow, each up to the shared join; then on past the join. */
  parallelGateway(el: ModdleElement, region: Region): { state: StateConfig; successors: string[] } | null {
    const scope = region.scope;
    const out = scope.outgoing.get(el.id) ?? [];
    const incoming = scope.incoming.get(el.id) ?? [];
    if (out.length < 2) {
      this.fail(el, incoming.length > 1 ? m('compile.join_outside_fork') : m('compile.fork_needs_two'));
      return null;
    }
    if (incoming.length > 1) this.fail(el, m('compile.fork_and_join'));
    const join = this.findJoin(el, scope);
    if (!join) {
      this.fail(el, m('compile.branches_do_not_meet'));
      return null;
    }
    const joinEl = scope.nodes.get(join)!;
    if ((scope.incoming.get(join) ?? []).length !== out.length) this.fail(joinEl, m('compile.join_count', { joins: (scope.incoming.get(join) ?? []).length, fork: el.id, opens: out.length }));
    this.visited.add(join);
    const states: Record<string, StateConfig> = {};
    out.forEach((f, i) => {
      const branchId = `${el.id}__branch${i + 1}`;
      const doneId = `${branchId}__done`;
      const branch: Region = { scope, stop: join, doneId, inBranch: true };
      const inner = f.target === join ? {} : this.region(f.target, branch);
      states[branchId] = { id: branchId, initial: f.target === join ? doneId : f.target, states: { ...inner, [doneId]: { id: doneId, type: 'final' } } };
    });
    const after = scope.outgoing.get(join) ?? [];
    if (after.length !== 1) this.fail(joinEl, m('compile.join_outgoing'));
    return { state: { type: 'parallel', states, onDone: { target: after.length === 1 ? this.target(after[0], region) : null } }, successors: after.map((f) => f.target) };
  }

  /** The first parallel gateway every branch of a fork reaches (nested forks skip to their own join). */
  findJoin(fork: ModdleElement, scope: Scope): string | null {
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
        if (node.$type === 'bpmn:ParallelGateway' && (scope.incoming.get(id) ?? []).length > 1) {
          order.push(id);
          continue;
        }
        if (node.$type === 'bpmn:ParallelGateway' && id !== fork.id) {
          const inner = this.findJoin(node, scope);
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

  timer(el: ModdleElement, owner: string, kind: 'boundary' | 'intermediate', interrupting: boolean): string | null {
    const defs = eventDefinitions(el);
    const def = defs[0];
    if (defs.length !== 1 || def.$type !== 'bpmn:TimerEventDefinition') {
      this.fail(el, kind === 'boundary' ? m('compile.boundary_kind') : m('compile.intermediate_kind'));
      return null;
    }
    const duration = ref(def.timeDuration)?.body as string | undefined;
    const date = ref(def.timeDate)?.body as string | undefined;
    if (def.timeCycle) this.fail(el, m('compile.timer_cycle'));
    else if (duration !== undefined && durationMs(duration) === null) this.fail(el, m('compile.duration_invalid', { value: duration }));
    else if (duration !== undefined && durationMs(duration)! > LONGEST_TIMER_MS) this.fail(el, m('compile.duration_too_long', { value: duration }));
    else if (date !== undefined && absoluteDate(date) === null) this.fail(el, m('compile.date_invalid', { value: date }));
    else if (date !== undefined && absoluteDate(date)!.getTime() > Date.now() + LONGEST_TIMER_MS) this.fail(el, m('compile.date_too_far', { value: date }));
    else if (duration === undefined && date === undefined) this.fail(el, m('compile.timer_empty'));
    this.timers[el.id] = { id: el.id, name: el.name ?? null, owner, kind, interrupting, duration: duration?.trim() ?? null, date: date?.trim() ?? null };
    return el.id;
  }

  boundaryTimers(host: ModdleElement, region: Region): { timer: string; transition: StateConfig }[] {
    const out: { timer: string; transition: StateConfig }[] = [];
    for (const b of region.scope.boundaries.get(host.id) ?? []) {
      this.visited.add(b.id);
      const interrupting = b.cancelActivity !== false;
      const timer = this.timer(b, host.id, 'boundary', interrupting);
      if (!timer) continue;
      const guard = { type: 'timerIs', params: { timer } };
      if (interrupting) out.push({ timer, transition: { guard, target: this.next(b, region) } });
      else out.push({ timer, transition: { guard, actions: this.sidePath(b, region) } });
    }
    return out;
  }

  /** Interrupting boundary timers continue in the process; their successors are compiled as states. */
  boundarySuccessors(host: ModdleElement, region: Region): string[] {
    return (region.scope.boundaries.get(host.id) ?? []).filter((b) => b.cancelActivity !== false).flatMap((b) => this.successors(b.id, region.scope));
  }

  /** A non-interrupting timer's path runs beside the task: service tasks and an end event, as actions. */
  sidePath(boundary: ModdleElement, region: Region): StateConfig[] {
    const actions: StateConfig[] = [];
    let current = boundary;
    for (let guard = 0; guard < 50; guard++) {
      const out = region.scope.outgoing.get(current.id) ?? [];
      if (out.length !== 1) {
        this.fail(current, m('compile.timer_path_line'));
        return actions;
      }
      const node = region.scope.nodes.get(out[0].target)!;
      this.visited.add(node.id);
      if (node.$type === 'bpmn:ServiceTask') {
        const action = typeof node.action === 'string' ? node.action : '';
        if (!this.options.actions.includes(action)) this.fail(node, action ? m('compile.action_unknown_short', { action }) : m('compile.action_missing'));
        actions.push({ type: 'service', params: { action, task: node.id } });
        current = node;
      } else if (node.$type === 'bpmn:EndEvent') {
        const def = eventDefinitions(node)[0];
        if (def && def.$type !== 'bpmn:EscalationEventDefinition') this.fail(node, m('compile.timer_path_end'));
        if (def) actions.push({ type: 'escalate', params: { event: node.id, code: (ref(def.escalationRef)?.escalationCode as string) ?? node.id, name: node.name ?? null } });
        return actions;
      } else {
        this.fail(node, m('compile.timer_path_nodes'));
        return actions;
      }
    }
    return actions;
  }

  /** Nodes never reached from the start event. */
  unreached(scope: Scope): void {
    for (const [id, el] of scope.nodes) {
      if (!this.visited.has(id)) this.fail(el, el.$type === 'bpmn:EndEvent' ? m('compile.end_unreachable') : m('compile.unreachable'));
    }
  }
}

/** Cycles made only of steps that do not wait (gateways, service tasks) would spin forever. */
function checkSpinLoops(scope: Scope, issues: CompileIssue[]): void {
  const instant = (id: string) => ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:ServiceTask', 'bpmn:StartEvent'].includes(scope.nodes.get(id)?.$type ?? '');
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const loop = path.slice(path.indexOf(id));
      issues.push(compileIssue(id, scope.nodes.get(id)!.$type, m('compile.loop_never_waits', { path: [...loop, id].map((x) => scope.nodes.get(x)?.name?.trim() || x) }), scope.nodes.get(id)!.name));
      return;
    }
    state.set(id, 1);
    for (const f of scope.outgoing.get(id) ?? []) if (instant(f.target)) visit(f.target, [...path, id]);
    state.set(id, 2);
  };
  for (const id of scope.nodes.keys()) if (instant(id)) visit(id, []);
}

/**
 * Compiles BPMN 2.0 XML into an XState v5 machine config plus the user tasks, forms and timers the
 * runtime needs. Every unsupported or wrong element is reported at once in a CompileError.
 */
export async function compileBpmn(xml: string, options: CompileOptions): Promise<CompiledWorkflow> {
  const definitions = await parseBpmn(xml);
  const processes = ((definitions.rootElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process');
  if (processes.length !== 1) throw new CompileError([compileIssue('', 'document', m('compile.process_count', { count: processes.length }))]);
  const process = processes[0];
  const compiler = new Compiler(options);
  const scope = readScope(process, compiler.issues, '__terminated');
  checkSpinLoops(scope, compiler.issues);
  const starts = [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) throw new CompileError([...compiler.issues, compileIssue(process.id, process.$type, m('compile.start_count', { count: starts.length }), process.name)]);
  const states = compiler.region(starts[0].id, { scope, stop: null, doneId: null, inBranch: false });
  compiler.unreached(scope);
  if (!Object.values(states).some((s) => s.type === 'final') && !scope.needsTerminate) compiler.fail(process, m('compile.no_end_reachable'));
  if (compiler.issues.length > 0) throw new CompileError(compiler.issues);
  if (scope.needsTerminate) states.__terminated = { id: '__terminated', type: 'final' };
  states.__incident = { id: '__incident', meta: { incident: true } };
  return {
    processId: process.id,
    name: process.name ?? process.id,
    config: { id: process.id, initial: starts[0].id, context: { variables: {} }, states },
    userTasks: compiler.userTasks,
    timers: compiler.timers,
    stateIds: compiler.stateIds,
  };
}
