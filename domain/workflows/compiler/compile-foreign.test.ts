import { compileBpmn } from './compile.ts';
import { CompileError, type CompileIssue } from './errors.ts';
import { laneRole } from './lanes.ts';
import { OPTIONS } from './test-options.ts';
import type { CompileOptions } from './types.ts';

const defs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">${body}</bpmn:definitions>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const line = (p: string, executable: boolean | null, inner = `<bpmn:task id="${p}_t" pinzhi:candidateRole="inspector" />`) => `<bpmn:process id="${p}"${executable === null ? '' : ` isExecutable="${executable}"`}>
  <bpmn:startEvent id="${p}_s" />${inner}<bpmn:endEvent id="${p}_e" />${flow(`${p}_f1`, `${p}_s`, `${p}_t`)}${flow(`${p}_f2`, `${p}_t`, `${p}_e`)}</bpmn:process>`;
const pools = (...processes: string[]) => defs(`<bpmn:collaboration id="c">${processes.map((p, i) => `<bpmn:participant id="pool${i}" processRef="${p}" />`).join('')}</bpmn:collaboration>`);

async function issues(xml: string, options: Partial<CompileOptions> = {}): Promise<Pick<CompileIssue, 'id' | 'type' | 'code' | 'reason'>[]> {
  try {
    await compileBpmn(xml, { ...OPTIONS, ...options });
  } catch (error) {
    if (error instanceof CompileError) return error.issues.map(({ id, type, code, reason }) => ({ id, type, code, reason }));
    throw error;
  }
  throw new Error('compiled without error');
}

describe('diagrams from other modelling tools', () => {
  it('takes the graph from the flows alone: incoming/outgoing children that disagree are not read', async () => {
    // given a task whose <outgoing> child names a flow that leads elsewhere
    const xml = defs(`<bpmn:process id="p"><bpmn:startEvent id="s"><bpmn:outgoing>f2</bpmn:outgoing></bpmn:startEvent>
      <bpmn:task id="t" pinzhi:candidateRole="inspector"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:task><bpmn:endEvent id="e" />${flow('f1', 's', 't')}${flow('f2', 't', 'e')}</bpmn:process>`);
    // when compiled, then the start leads to the task, and the task to the end
    const compiled = await compileBpmn(xml, OPTIONS);
    expect(compiled.config).toMatchObject({ initial: 's', states: { s: { always: { target: '#t' } }, t: { on: { COMPLETE: { target: '#e' } } } } });
  });

  it('runs the one executable pool of a collaboration; a black-box pool or one not executable is a participant', async () => {
    const xml = (a: boolean | null, b: boolean | null) => pools('customer', 'company').replace('</bpmn:definitions>', `${line('customer', a)}${line('company', b)}</bpmn:definitions>`);
    expect((await compileBpmn(xml(false, true), OPTIONS)).processId).toBe('company');
    // a customer pool drawn as a black box (no steps) is no candidate, whatever it is marked
    const blackBox = pools('customer', 'company').replace('</bpmn:definitions>', `<bpmn:process id="customer" isExecutable="true" />${line('company', false)}</bpmn:definitions>`);
    expect((await compileBpmn(blackBox, OPTIONS)).processId).toBe('company');
    // two executable pools, or two pools neither marked: a typed error naming both, unless one is chosen
    expect(await issues(xml(true, true))).toEqual([{ id: '', type: 'document', code: 'compile.process_choice', reason: expect.stringContaining('(customer, company)') }]);
    expect(await issues(xml(null, null))).toEqual([expect.objectContaining({ code: 'compile.process_choice' })]);
    expect((await compileBpmn(xml(true, true), { ...OPTIONS, processId: 'customer' })).processId).toBe('customer');
    expect(await issues(xml(true, true), { processId: 'supplier' })).toEqual([{ id: '', type: 'document', code: 'compile.process_not_found', reason: 'the document has no process "supplier" (processes: customer, company)' }]);
  });

  it('gives a task without pinzhi:candidateRole the role of its lane, and says so when the lane names none', async () => {
    const inLane = (lane: string) => defs(`<bpmn:process id="p"><bpmn:laneSet id="ls"><bpmn:lane id="l" name="${lane}"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
      <bpmn:startEvent id="s" /><bpmn:userTask id="t" /><bpmn:endEvent id="e" />${flow('f1', 's', 't')}${flow('f2', 't', 'e')}</bpmn:process>`);
    expect((await compileBpmn(inLane('质量经理'), OPTIONS)).userTasks.t.candidateRole).toBe('quality_manager');
    expect((await compileBpmn(inLane('  Project  Manager '), OPTIONS)).userTasks.t.candidateRole).toBe('project_manager');
    expect((await compileBpmn(inLane('保洁组'), { ...OPTIONS, laneRoles: { 保洁组: 'inspector' } })).userTasks.t.candidateRole).toBe('inspector');
    expect(await issues(inLane('Finance'))).toEqual([{ id: 't', type: 'bpmn:UserTask', code: 'compile.lane_role_unknown', reason: expect.stringContaining('its lane "Finance" stands for no role') }]);
    // a task's own role wins over its lane's
    expect((await compileBpmn(inLane('质量经理').replace('<bpmn:userTask id="t" />', '<bpmn:userTask id="t" pinzhi:candidateRole="auditor" />'), OPTIONS)).userTasks.t.candidateRole).toBe('auditor');
  });

  it('maps lane names only to roles the deployment has', () => {
    expect(laneRole('品控员', OPTIONS.roles)).toBe('inspector');
    expect(laneRole('Fund Committee', OPTIONS.roles)).toBe('fund_committee');
    expect(laneRole('一线员工', OPTIONS.roles)).toBeNull(); // frontline is not among the test roles
    expect(laneRole('auditor', OPTIONS.roles)).toBe('auditor');
  });

  it('keeps data objects, stores and annotations out of the machine, and still names what it cannot run', async () => {
    const xml = defs(`<bpmn:process id="p"><bpmn:dataObject id="do" /><bpmn:dataObjectReference id="dor" dataObjectRef="do" /><bpmn:dataStoreReference id="ds" />
      <bpmn:startEvent id="s" /><bpmn:manualTask id="t" pinzhi:candidateRole="inspector"><bpmn:dataOutputAssociation id="da"><bpmn:targetRef>dor</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:manualTask>
      <bpmn:businessRuleTask id="r" /><bpmn:endEvent id="e" />${flow('f1', 's', 't')}${flow('f2', 't', 'e')}
      <bpmn:textAnnotation id="note"><bpmn:text>x</bpmn:text></bpmn:textAnnotation><bpmn:association id="as" sourceRef="t" targetRef="note" /></bpmn:process>`);
    expect(await issues(xml)).toEqual([{ id: 'r', type: 'bpmn:BusinessRuleTask', code: 'compile.type_unsupported', reason: expect.stringContaining('BusinessRuleTask is not supported') }]);
    const compiled = await compileBpmn(xml.replace('<bpmn:businessRuleTask id="r" />', ''), OPTIONS);
    expect(compiled.stateIds.sort()).toEqual(['e', 's', 't']);
    expect(compiled.userTasks.t).toMatchObject({ candidateRole: 'inspector', form: null });
  });
});
