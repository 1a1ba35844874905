import { compileBpmn } from './compile.ts';
import { CompileError, type CompileIssue } from './errors.ts';
import { OPTIONS } from './test-options.ts';
import { sharedMessage } from '../../shared/shared.messages.ts';
import { renderMessage } from '../../shared/messages.ts';
import { COMPILE_MESSAGES } from './compile.messages.ts';

const doc = (body: string, extra = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">${extra}
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
const flow = (id: string, from: string, to: string, condition?: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;
const task = (id: string, role = 'inspector') => `<bpmn:userTask id="${id}" pinzhi:candidateRole="${role}" />`;

async function issues(xml: string): Promise<Pick<CompileIssue, 'id' | 'type' | 'reason'>[]> {
  try {
    await compileBpmn(xml, { ...OPTIONS, checkForm: (s) => (typeof s === 'object' && s !== null && !Array.isArray(s) ? null : sharedMessage('value.must_be_object')) });
  } catch (error) {
    if (error instanceof CompileError) return error.issues.map(({ id, type, reason }) => ({ id, type, reason }));
    throw error;
  }
  throw new Error('compiled without error');
}

describe('compile errors', () => {
  it('lists every unsupported element with its id, type and reason, not just the first', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" />${task('a')}
      <bpmn:businessRuleTask id="m" /><bpmn:scriptTask id="js"><bpmn:script>alert(1)</bpmn:script></bpmn:scriptTask>
      <bpmn:complexGateway id="cx" />
      <bpmn:endEvent id="e" />${flow('f1', 's', 'a')}${flow('f2', 'a', 'e')}`));
    expect(found).toEqual([
      { id: 'm', type: 'bpmn:BusinessRuleTask', reason: expect.stringContaining('BusinessRuleTask is not supported') },
      { id: 'js', type: 'bpmn:ScriptTask', reason: expect.stringContaining('ScriptTask is not supported') },
      { id: 'cx', type: 'bpmn:ComplexGateway', reason: expect.stringContaining('ComplexGateway is not supported') },
    ]);
  });

  it('refuses a malformed or empty document, and one without a process', async () => {
    expect((await issues('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">'))[0]).toMatchObject({ id: '', type: 'document', reason: expect.stringContaining('unparsable') });
    expect((await issues('<html><body>not bpmn</body></html>'))[0]).toMatchObject({ type: 'document', reason: expect.stringContaining('not a BPMN 2.0 document') });
    expect((await issues(''))[0].reason).toBe('the BPMN document is empty');
    expect((await issues('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'))[0].reason).toContain('DOCTYPE');
    expect((await issues(doc('').replace(/<bpmn:process[\s\S]*<\/bpmn:process>/, '')))[0].reason).toBe('the document holds no process');
  });

  it('reports an end event that can never be reached', async () => {
    expect(await issues(doc(`<bpmn:startEvent id="s" />${task('a')}<bpmn:endEvent id="e" /><bpmn:endEvent id="orphan" />${flow('f1', 's', 'a')}${flow('f2', 'a', 'e')}`)))
      .toEqual([{ id: 'orphan', type: 'bpmn:EndEvent', reason: 'this end event can never be reached from the start event' }]);
  });

  it('reports FEEL that does not parse, a flow without condition, roles, actions, forms and timers that are wrong', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" />
      <bpmn:userTask id="a" pinzhi:candidateRole="janitor" pinzhi:assignee="((("><bpmn:extensionElements><pinzhi:form>[1, 2</pinzhi:form></bpmn:extensionElements></bpmn:userTask>
      <bpmn:boundaryEvent id="cycle" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:exclusiveGateway id="g" />
      <bpmn:serviceTask id="svc" pinzhi:action="sendFax" />
      <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>48 hours</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="e" />
      ${flow('f1', 's', 'a')}${flow('f2', 'a', 'g')}${flow('bad', 'g', 'svc', 'score &gt;')}${flow('bare', 'g', 'wait')}${flow('f3', 'svc', 'e')}${flow('f4', 'wait', 'e')}${flow('f5', 'cycle', 'e')}`));
    expect(found).toEqual(expect.arrayContaining([
      { id: 'a', type: 'bpmn:UserTask', reason: expect.stringContaining('unknown role "janitor"') },
      { id: 'a', type: 'bpmn:UserTask', reason: expect.stringContaining('the assignee expression: FEEL does not parse') },
      { id: 'a', type: 'bpmn:UserTask', reason: expect.stringContaining('the form is not JSON') },
      { id: 'cycle', type: 'bpmn:BoundaryEvent', reason: expect.stringContaining('timer cycles are not supported') },
      { id: 'bad', type: 'bpmn:SequenceFlow', reason: expect.stringContaining('FEEL does not parse') },
      { id: 'bare', type: 'bpmn:SequenceFlow', reason: expect.stringContaining('without a condition and is not its default flow') },
      { id: 'svc', type: 'bpmn:ServiceTask', reason: expect.stringContaining('unknown action "sendFax"') },
      { id: 'wait', type: 'bpmn:IntermediateCatchEvent', reason: expect.stringContaining('"48 hours" is not an ISO 8601 duration') },
    ]));
  });

  it('refuses a loop with nothing to wait on, which would spin forever', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g1" default="back" /><bpmn:exclusiveGateway id="g2" />${task('a')}<bpmn:endEvent id="e" />
      ${flow('f1', 's', 'g1')}${flow('out', 'g1', 'a', 'x = 1')}${flow('back', 'g1', 'g2')}${flow('f2', 'g2', 'g1')}${flow('f3', 'a', 'e')}`));
    expect(found).toEqual([expect.objectContaining({ reason: expect.stringContaining('has no user task or timer to wait on') })]);
  });

  it('refuses a loop of tasks with no flow leaving it, naming where the flow enters it, though an end event is reachable elsewhere', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" default="done" /><bpmn:userTask id="a" name="整改" pinzhi:candidateRole="inspector" />${task('b')}<bpmn:endEvent id="e" />
      ${flow('f1', 's', 'g')}${flow('done', 'g', 'e')}${flow('loop', 'g', 'a', 'x = 1')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'a')}`));
    expect(found).toEqual([{ id: 'a', type: 'bpmn:UserTask', reason: 'no end event can be reached from here: the flow goes round 整改 → b → 整改 with no way out' }]);
    // a boundary timer leading out of the loop is a way out
    const escaped = doc(`<bpmn:startEvent id="s" />${task('a')}${task('b')}<bpmn:boundaryEvent id="late" attachedToRef="b"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id="e" />
      ${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'a')}${flow('f4', 'late', 'e')}`);
    await expect(compileBpmn(escaped, OPTIONS)).resolves.toMatchObject({ stateIds: expect.arrayContaining(['a', 'b', 'e']) });
  });

  it('refuses parallel branches that do not meet at one join, and a branch that just ends', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" />${task('a')}${task('b')}<bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
      ${flow('f1', 's', 'fork')}${flow('f2', 'fork', 'a')}${flow('f3', 'fork', 'b')}${flow('f4', 'a', 'e1')}${flow('f5', 'b', 'e2')}`));
    expect(found).toEqual(expect.arrayContaining([{ id: 'fork', type: 'bpmn:ParallelGateway', reason: 'its branches do not all meet at one joining gateway of its kind' }]));
  });

  it('refuses inclusive branches that do not meet at an inclusive join, and a condition FEEL cannot parse', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:inclusiveGateway id="or" />${task('a')}${task('b')}<bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
      ${flow('f1', 's', 'or')}${flow('f2', 'or', 'a', 'x &gt;')}${flow('f3', 'or', 'b')}${flow('f4', 'a', 'e1')}${flow('f5', 'b', 'e2')}`));
    expect(found).toEqual(expect.arrayContaining([
      { id: 'f2', type: 'bpmn:SequenceFlow', reason: expect.stringContaining('FEEL does not parse') },
      { id: 'or', type: 'bpmn:InclusiveGateway', reason: 'its branches do not all meet at one joining gateway of its kind' },
    ]));
  });

  it('refuses a send or receive task or a message or signal event that names no message or signal', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:sendTask id="send" /><bpmn:receiveTask id="recv" />
      <bpmn:intermediateThrowEvent id="throw"><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="catch"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>
      <bpmn:intermediateThrowEvent id="comp"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent><bpmn:endEvent id="e" />
      ${flow('f1', 's', 'send')}${flow('f2', 'send', 'recv')}${flow('f3', 'recv', 'throw')}${flow('f4', 'throw', 'catch')}${flow('f5', 'catch', 'comp')}${flow('f6', 'comp', 'e')}`));
    expect(found).toEqual([
      { id: 'send', type: 'bpmn:SendTask', reason: 'names no message (messageRef) and no message flow leads to or from it' },
      { id: 'recv', type: 'bpmn:ReceiveTask', reason: 'names no message (messageRef) and no message flow leads to or from it' },
      { id: 'throw', type: 'bpmn:IntermediateThrowEvent', reason: 'names no message (messageRef) and no message flow leads to or from it' },
      { id: 'catch', type: 'bpmn:IntermediateCatchEvent', reason: 'names no signal (signalRef)' },
      { id: 'comp', type: 'bpmn:IntermediateThrowEvent', reason: 'only none, message, signal and escalation intermediate throw events are supported' },
    ]);
  });

  it('refuses an event-based gateway followed by anything but events to wait for', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="gw" />${task('a')}
      <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:endEvent id="e" />
      ${flow('f1', 's', 'gw')}${flow('f2', 'gw', 'a')}${flow('f3', 'gw', 't')}${flow('f4', 'a', 'e')}${flow('f5', 't', 'e')}`));
    expect(found).toEqual([{ id: 'a', type: 'bpmn:UserTask', reason: 'after an event-based gateway only timer, message or signal intermediate catch events and receive tasks may follow' }]);
    // a sequential multi-instance task and a multi-instance service task are refused too
    const multi = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:userTask id="seq" pinzhi:candidateRole="inspector"><bpmn:multiInstanceLoopCharacteristics isSequential="true" pinzhi:collection="xs" /></bpmn:userTask>
      <bpmn:serviceTask id="svc" pinzhi:action="notify"><bpmn:standardLoopCharacteristics /></bpmn:serviceTask><bpmn:endEvent id="e" />${flow('f1', 's', 'seq')}${flow('f2', 'seq', 'svc')}${flow('f3', 'svc', 'e')}`));
    expect(multi).toEqual([
      { id: 'seq', type: 'bpmn:UserTask', reason: 'only parallel multi-instance user tasks are supported (not sequential ones or loops)' },
      { id: 'svc', type: 'bpmn:ServiceTask', reason: 'only parallel multi-instance user tasks are supported (not sequential ones or loops)' },
    ]);
  });

  it('refuses error boundary events on user tasks; an error end event nothing catches ends the process as failed', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" />${task('a')}<bpmn:boundaryEvent id="b" attachedToRef="a"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
      <bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="E1" /></bpmn:endEvent><bpmn:endEvent id="e" />
      ${flow('f1', 's', 'a')}${flow('f2', 'a', 'boom')}${flow('f3', 'b', 'e')}`, '<bpmn:error id="E1" errorCode="BROKEN" />'));
    expect(found).toEqual([
      { id: 'b', type: 'bpmn:BoundaryEvent', reason: 'only timer boundary events are supported (and error and escalation ones on sub-processes, error ones on service tasks and call activities)' },
    ]);
  });

  it('refuses a call activity naming no process, and boundary events a service task or call activity cannot carry', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" /><bpmn:callActivity id="call" /><bpmn:serviceTask id="svc" pinzhi:action="notify" /><bpmn:endEvent id="e" />
      <bpmn:boundaryEvent id="esc" attachedToRef="call"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="late" attachedToRef="svc"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:endEvent id="e2" />
      ${flow('f1', 's', 'call')}${flow('f2', 'call', 'svc')}${flow('f3', 'svc', 'e')}${flow('f4', 'esc', 'e2')}${flow('f5', 'late', 'e2')}`));
    expect(found).toEqual(expect.arrayContaining([
      { id: 'call', type: 'bpmn:CallActivity', reason: 'names no process to call (calledElement)' },
      { id: 'esc', type: 'bpmn:BoundaryEvent', reason: 'a call activity may carry timer and error boundary events only' },
      { id: 'late', type: 'bpmn:BoundaryEvent', reason: 'service tasks may carry error boundary events only' },
    ]));
  });

  it('gives a task with two ways out no silent choice', async () => {
    const found = await issues(doc(`<bpmn:startEvent id="s" />${task('a')}<bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />${flow('f1', 's', 'a')}${flow('f2', 'a', 'e1')}${flow('f3', 'a', 'e2')}`));
    expect(found).toEqual([{ id: 'a', type: 'bpmn:UserTask', reason: 'has several outgoing flows: use an exclusive or parallel gateway to split' }]);
  });

  it('gives each problem a stable code, with nested messages for FEEL, in both languages', async () => {
    // given a condition FEEL cannot parse
    let error: CompileError | undefined;
    try {
      await compileBpmn(doc(`<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" default="ok" />${task('a')}<bpmn:endEvent id="e" />${flow('f1', 's', 'g')}${flow('bad', 'g', 'a', 'score &gt;')}${flow('ok', 'g', 'a')}${flow('f2', 'a', 'e')}`), OPTIONS);
    } catch (caught) {
      error = caught as CompileError;
    }
    // then the issue names its code, the condition and the FEEL problem as a nested message
    expect(error).toBeInstanceOf(CompileError);
    const [bad] = error!.issues;
    expect(bad).toMatchObject({ id: 'bad', code: 'compile.condition_invalid', params: { condition: 'score >', problem: { code: 'feel.syntax' } } });
    expect(renderMessage(COMPILE_MESSAGES, { code: bad.code, params: bad.params }, 'zh-CN')).toMatch(/^条件“score >”：FEEL 表达式无法解析：/);
    expect(renderMessage(COMPILE_MESSAGES, { code: bad.code, params: bad.params }, 'en')).toBe(bad.reason);
    expect(error!.code).toBe('compile.failed');
    expect(renderMessage(COMPILE_MESSAGES, error!, 'zh-CN')).toMatch(/^流程无法编译（1 个问题）：bad：条件“score >”/);
  });
});
