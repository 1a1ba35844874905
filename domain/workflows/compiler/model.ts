import { compileIssue, type CompileIssue } from './errors.ts';
import { compileMessage } from './compile.messages.ts';
import type { ModdleElement } from './parse.ts';

/** A sequence flow between two nodes of one scope. */
export interface Flow {
  id: string;
  source: string;
  target: string;
  condition: string | null;
  name?: string | null;
}

/** The nodes and flows of one process or embedded sub-process. */
export interface Scope {
  element: ModdleElement;
  nodes: Map<string, ModdleElement>;
  outgoing: Map<string, Flow[]>;
  incoming: Map<string, Flow[]>;
  /** boundary events by the id of the activity they are attached to */
  boundaries: Map<string, ModdleElement[]>;
  /** id of the final state a terminate end event inside a parallel branch goes to */
  terminateId: string;
  needsTerminate: boolean;
  /** the error and escalation boundary events of the sub-processes around this scope, innermost first */
  catches?: Catch[];
}

/** An error or escalation boundary event of a sub-process, as the end and throw events inside it see it. */
export interface Catch {
  kind: 'error' | 'escalation';
  /** the errorCode or escalationCode it catches; null catches any */
  code: string | null;
  boundary: string;
  /** where an interrupting catch leaves the sub-process to; null for a non-interrupting escalation */
  target: string | null;
  /** what a non-interrupting escalation's path does beside the sub-process */
  actions: Record<string, unknown>[];
}

export const NODE_TYPES = new Set([
  'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:SubProcess', 'bpmn:Task', 'bpmn:ManualTask',
  'bpmn:IntermediateThrowEvent', 'bpmn:SendTask', 'bpmn:ReceiveTask', 'bpmn:CallActivity',
]);

/**
 * Flow elements that describe but never execute: data objects and stores. (Annotations, groups and
 * associations are artifacts, outside `flowElements`; data associations sit inside their task.)
 * They are kept in the stored diagram and skipped by the compiler.
 */
export const DESCRIPTIVE_TYPES = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);
export const ref = (value: unknown): ModdleElement | undefined => (value && typeof value === 'object' ? (value as ModdleElement) : undefined);
export const eventDefinitions = (el: ModdleElement): ModdleElement[] => list(el.eventDefinitions);
export const extensionValues = (el: ModdleElement): ModdleElement[] => list(ref(el.extensionElements)?.values);

/**
 * Reads the nodes and flows of a process or sub-process, reporting elements Pinzhi does not run. The
 * graph comes from each sequence flow's sourceRef and targetRef alone: a node's optional
 * `<bpmn:incoming>`/`<bpmn:outgoing>` children, which many tools do not write, are not read.
 */
export function readScope(element: ModdleElement, issues: CompileIssue[], terminateId: string): Scope {
  const scope: Scope = { element, nodes: new Map(), outgoing: new Map(), incoming: new Map(), boundaries: new Map(), terminateId, needsTerminate: false };
  const flows: Flow[] = [];
  for (const el of list(element.flowElements)) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const source = ref(el.sourceRef)?.id;
      const target = ref(el.targetRef)?.id;
      if (!source || !target) {
        issues.push(compileIssue(el.id, el.$type, compileMessage('compile.flow_dangling'), el.name));
        continue;
      }
      const condition = ref(el.conditionExpression);
      flows.push({ id: el.id, source, target, condition: typeof condition?.body === 'string' ? condition.body.trim() : null, name: el.name ?? null });
    } else if (NODE_TYPES.has(el.$type)) {
      scope.nodes.set(el.id, el);
      if (el.$type === 'bpmn:BoundaryEvent') {
        const host = ref(el.attachedToRef)?.id ?? '';
        scope.boundaries.set(host, [...(scope.boundaries.get(host) ?? []), el]);
      }
    } else if (!DESCRIPTIVE_TYPES.has(el.$type)) {
      issues.push(compileIssue(el.id, el.$type, compileMessage('compile.type_unsupported', { kind: el.$type.replace('bpmn:', '') }), el.name));
    }
  }
  for (const f of flows) {
    if (!scope.nodes.has(f.source) || !scope.nodes.has(f.target)) continue;
    scope.outgoing.set(f.source, [...(scope.outgoing.get(f.source) ?? []), f]);
    scope.incoming.set(f.target, [...(scope.incoming.get(f.target) ?? []), f]);
  }
  return scope;
}
