import { compileMessage as m } from './compile.messages.ts';
import { compileIssue, type CompileIssue } from './errors.ts';
import { boundarySuccessors, endEvent, eventName, intermediateCatch, intermediateThrow } from './events.ts';
import { eventBasedGateway, exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways.ts';
import { NO_MESSAGE_FLOWS, type MessageFlows } from './message-flows.ts';
import { eventDefinitions, type Flow, type Scope } from './model.ts';
import type { ModdleElement } from './parse.ts';
import { subProcess } from './sub-process.ts';
import { receiveTask, sendTask, serviceTask, userTask } from './tasks.ts';
import { callActivity } from './call-activity.ts';
import type { Message } from '../../shared/messages.ts';
import type { CompileOptions, Region, StateConfig, TimerMeta, UserTaskMeta, Walker } from './types.ts';

/**
 * The walk over a process: from the start event along the flows, each node compiled by the mapper
 * of its kind into a state, collecting every problem instead of stopping at the first.
 */
export class Compiler implements Walker {
  readonly issues: CompileIssue[] = [];
  readonly userTasks: Record<string, UserTaskMeta> = {};
  readonly timers: Record<string, TimerMeta> = {};
  readonly stateIds: string[] = [];
  readonly calls: Record<string, string> = {};
  endsInError = false;
  readonly visited = new Set<string>();
  readonly options: CompileOptions;
  readonly lanes: Map<string, ModdleElement>;
  messageFlows: MessageFlows = NO_MESSAGE_FLOWS;
  /** the message a message start event waits for */
  startMessage: string | null = null;
  constructor(options: CompileOptions, lanes: Map<string, ModdleElement>) {
    this.options = options;
    this.lanes = lanes;
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
    // only user, plain and manual tasks run as multi-instance; a marker elsewhere is not passed over silently
    if (el.loopCharacteristics && !['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask'].includes(el.$type)) this.fail(el, m('compile.multi_kind'));
    switch (el.$type) {
      case 'bpmn:StartEvent': {
        const defs = eventDefinitions(el);
        // a message start event starts the process when its message arrives (correlateMessage), the process's own start only
        if (defs.length === 1 && defs[0].$type === 'bpmn:MessageEventDefinition' && scope.element.$type === 'bpmn:Process') this.startMessage = eventName(this, el, defs[0].messageRef, 'message');
        else if (defs.length > 0) this.fail(el, m('compile.start_event_kind'));
        return { state: { always: { target: this.next(el, region) } }, successors: this.successors(el.id, scope) };
      }
      case 'bpmn:EndEvent':
        return { state: endEvent(this, el, region), successors: [] };
      case 'bpmn:UserTask':
      case 'bpmn:Task':
      case 'bpmn:ManualTask':
        return { state: userTask(this, el, region), successors: [...this.successors(el.id, scope), ...boundarySuccessors(this, el, region)] };
      case 'bpmn:ServiceTask':
        return { state: serviceTask(this, el, region), successors: [...this.successors(el.id, scope), ...boundarySuccessors(this, el, region)] };
      case 'bpmn:CallActivity':
        return { state: callActivity(this, el, region), successors: [...this.successors(el.id, scope), ...boundarySuccessors(this, el, region)] };
      case 'bpmn:ExclusiveGateway':
        return { state: exclusiveGateway(this, el, region), successors: this.successors(el.id, scope) };
      case 'bpmn:ParallelGateway':
        return parallelGateway(this, el, region);
      case 'bpmn:InclusiveGateway':
        return inclusiveGateway(this, el, region);
      case 'bpmn:EventBasedGateway':
        return eventBasedGateway(this, el, region);
      case 'bpmn:IntermediateCatchEvent':
        return intermediateCatch(this, el, region);
      case 'bpmn:IntermediateThrowEvent':
        return { state: intermediateThrow(this, el, region), successors: this.successors(el.id, scope) };
      case 'bpmn:SendTask':
        return { state: sendTask(this, el, region), successors: this.successors(el.id, scope) };
      case 'bpmn:ReceiveTask':
        return { state: receiveTask(this, el, region), successors: [...this.successors(el.id, scope), ...boundarySuccessors(this, el, region)] };
      case 'bpmn:SubProcess':
        return { state: subProcess(this, el, region), successors: [...this.successors(el.id, scope), ...boundarySuccessors(this, el, region)] };
      case 'bpmn:BoundaryEvent':
        this.fail(el, m('compile.boundary_reached'));
        return null;
      default:
        this.fail(el, m('compile.element_unsupported'));
        return null;
    }
  }

  /** Nodes never reached from the start event. */
  unreached(scope: Scope): void {
    for (const [id, el] of scope.nodes) {
      if (!this.visited.has(id)) this.fail(el, el.$type === 'bpmn:EndEvent' ? m('compile.end_unreachable') : m('compile.unreachable'));
    }
  }
}
