/**
 * Reading and writing what Pinzhi's BPMN compiler reads — candidate role, assignee, form, action,
 * conditions, default flows, timers — through bpmn-js's modeling commands, so every edit can be
 * undone and redone like a drawing edit.
 */

/** A BPMN element as bpmn-moddle gives it (the parts used here). */
export interface Bo {
  $type: string;
  id: string;
  name?: string;
  body?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  eventDefinitions?: Bo[];
  extensionElements?: Bo & { values?: Bo[] };
  conditionExpression?: Bo;
  sourceRef?: Bo;
  default?: Bo;
  cancelActivity?: boolean;
  timeDuration?: Bo;
  timeDate?: Bo;
  timeCycle?: Bo;
  attachedToRef?: Bo;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: Bo;
  labelTarget?: DiagramElement;
}

export interface Services {
  modeling: {
    updateProperties(element: DiagramElement, props: Record<string, unknown>): void;
    updateModdleProperties(element: DiagramElement, target: Bo, props: Record<string, unknown>): void;
    updateLabel(element: DiagramElement, text: string): void;
  };
  bpmnFactory: { create(type: string, attrs?: Record<string, unknown>): Bo };
  elementRegistry: { get(id: string): DiagramElement | undefined };
}

/** Element types the compiler accepts: states, and what it keeps without running (anything else on the canvas is refused at deploy). */
export const SUPPORTED = new Set([
  'bpmn:Process', 'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway',
  'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent', 'bpmn:SubProcess', 'bpmn:SequenceFlow', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group',
  'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation',
  'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow',
]);

/** Tasks someone does: a user task, and a plain or manual task (compiled as a confirmation). */
export const PEOPLE_TASKS = new Set(['bpmn:UserTask', 'bpmn:Task', 'bpmn:ManualTask']);

export function formOf(bo: Bo): Bo | undefined {
  return bo.extensionElements?.values?.find((v) => v.$type === 'pinzhi:Form');
}

/** Sets (or, with an empty text, removes) a user task's JSON Schema form. */
export function setForm(services: Services, element: DiagramElement, text: string): void {
  const bo = element.businessObject;
  const existing = formOf(bo);
  if (existing && text.trim()) {
    services.modeling.updateModdleProperties(element, existing, { body: text });
    return;
  }
  const others = (bo.extensionElements?.values ?? []).filter((v) => v !== existing);
  const values = text.trim() ? [...others, services.bpmnFactory.create('pinzhi:Form', { body: text })] : others;
  if (bo.extensionElements) services.modeling.updateModdleProperties(element, bo.extensionElements, { values });
  else if (values.length > 0) services.modeling.updateProperties(element, { extensionElements: services.bpmnFactory.create('bpmn:ExtensionElements', { values }) });
}

export function timerOf(bo: Bo): Bo | undefined {
  return bo.eventDefinitions?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
}

export type TimerKind = 'timeDuration' | 'timeDate';

export function timerValue(timer: Bo): { kind: TimerKind; value: string } {
  if (timer.timeDate) return { kind: 'timeDate', value: timer.timeDate.body ?? '' };
  return { kind: 'timeDuration', value: timer.timeDuration?.body ?? '' };
}

/** Sets a timer to a duration (PT48H) or a date with a zone; the other form is removed. */
export function setTimer(services: Services, element: DiagramElement, timer: Bo, kind: TimerKind, value: string): void {
  const expression = services.bpmnFactory.create('bpmn:FormalExpression', { body: value });
  services.modeling.updateModdleProperties(element, timer, kind === 'timeDuration' ? { timeDuration: expression, timeDate: undefined, timeCycle: undefined } : { timeDate: expression, timeDuration: undefined, timeCycle: undefined });
}

/** Sets (or removes) the FEEL condition of a sequence flow. */
export function setCondition(services: Services, element: DiagramElement, text: string): void {
  services.modeling.updateProperties(element, { conditionExpression: text.trim() ? services.bpmnFactory.create('bpmn:FormalExpression', { body: text }) : undefined });
}

/** Makes a flow its gateway's default flow (taken when no condition holds), or stops it being one. */
export function setDefaultFlow(services: Services, flow: DiagramElement, isDefault: boolean): void {
  const source = flow.businessObject.sourceRef;
  if (!source) return;
  const gateway = services.elementRegistry.get(source.id);
  if (!gateway) return;
  if (isDefault) services.modeling.updateProperties(flow, { conditionExpression: undefined });
  services.modeling.updateProperties(gateway, { default: isDefault ? flow.businessObject : undefined });
}

/** Whether a flow leaves an exclusive gateway (only those carry conditions in Pinzhi). */
export function leavesExclusiveGateway(bo: Bo): boolean {
  return bo.$type === 'bpmn:SequenceFlow' && bo.sourceRef?.$type === 'bpmn:ExclusiveGateway';
}

/** An XML id (NCName) not used by another element. */
export function idProblem(services: Services, element: DiagramElement, id: string): 'malformed' | 'taken' | null {
  if (!/^[A-Za-z_][\w.-]*$/.test(id)) return 'malformed';
  const other = services.elementRegistry.get(id);
  return other && other !== element ? 'taken' : null;
}

/** A blank process: one start event, ready to draw on. */
export function blankDiagram(key: string, name: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:pinzhi="urn:pinzhi:bpmn" id="${key}_definitions" targetNamespace="urn:pinzhi:workflows">
  <bpmn:process id="${key}" name="${name.replace(/[<&"]/g, '')}" isExecutable="true">
    <bpmn:startEvent id="start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${key}_diagram"><bpmndi:BPMNPlane id="${key}_plane" bpmnElement="${key}">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="160" y="160" width="36" height="36" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
