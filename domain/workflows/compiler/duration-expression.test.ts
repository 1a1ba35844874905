import { compileBpmn } from './compile.ts';
import { CompileError } from './errors.ts';
import { OPTIONS } from './test-options.ts';
import { runnable, step } from '../engine.ts';

/** FEEL (XML-escaped): `name` hours as a duration when positive, else null. */
const HOURS = (name: string) => `if ${name} &gt; 0 then duration(&quot;PT&quot; + string(${name}) + &quot;H&quot;) else null`;

/** A user task with one boundary timer: `timer` is the inside of its timerEventDefinition, `attrs` its attributes. */
const doc = (attrs: string, timer: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:userTask id="rectify" pinzhi:candidateRole="project_manager" />
    <bpmn:boundaryEvent id="due" name="整改时限" attachedToRef="rectify" cancelActivity="false"><bpmn:timerEventDefinition ${attrs}>${timer}</bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:serviceTask id="remind" pinzhi:action="notify" />
    <bpmn:endEvent id="late" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="rectify" />
    <bpmn:sequenceFlow id="f2" sourceRef="rectify" targetRef="e" />
    <bpmn:sequenceFlow id="f3" sourceRef="due" targetRef="remind" />
    <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="late" />
  </bpmn:process></bpmn:definitions>`;
const PT72H = '<bpmn:timeDuration>PT72H</bpmn:timeDuration>';

async function issuesOf(xml: string): Promise<{ id: string; type: string; code: string; reason: string }[]> {
  try {
    await compileBpmn(xml, OPTIONS);
  } catch (error) {
    if (error instanceof CompileError) return error.issues.map(({ id, type, code, reason }) => ({ id, type, code, reason }));
    throw error;
  }
  throw new Error('compiled without error');
}

/** Hours from `now` until the timer the process arms on entering the task. */
async function dueHours(xml: string, variables: Record<string, unknown>): Promise<number> {
  const now = new Date('2026-12-03T08:00:00+08:00');
  const s = step(runnable(await compileBpmn(xml, OPTIONS)), null, null, now, variables);
  expect(s.armTimers.map((t) => t.id)).toEqual(['due']);
  return (s.armTimers[0].dueAt.getTime() - now.getTime()) / 3_600_000;
}

describe('a timer duration from the process variables (pinzhi:durationExpression)', () => {
  const xml = doc(`pinzhi:durationExpression="${HOURS('rectifyWithinHours')}"`, PT72H);

  it('compiles the expression beside its default', async () => {
    const compiled = await compileBpmn(xml, OPTIONS);
    expect(compiled.timers.due).toMatchObject({ duration: 'PT72H', durationExpression: 'if rectifyWithinHours > 0 then duration("PT" + string(rectifyWithinHours) + "H") else null' });
  });

  it('arms the timer for what the expression gives, and for the literal default when it gives nothing', async () => {
    expect(await dueHours(xml, { rectifyWithinHours: 24 })).toBe(24);
    expect(await dueHours(xml, { rectifyWithinHours: 6 })).toBe(6);
    expect(await dueHours(xml, { rectifyWithinHours: null })).toBe(72);
    expect(await dueHours(xml, {})).toBe(72);
  });

  it('falls back to the default when, for these variables, the result is no duration, zero, or beyond ten years', async () => {
    const any = doc('pinzhi:durationExpression="limit"', PT72H);
    expect(await dueHours(any, { limit: 'soon' })).toBe(72);
    expect(await dueHours(any, { limit: 12 })).toBe(72);
    expect(await dueHours(any, { limit: 'PT0S' })).toBe(72);
    expect(await dueHours(any, { limit: 'P11Y' })).toBe(72);
    expect(await dueHours(any, { limit: 'PT36H' })).toBe(36);
    expect(await dueHours(any, { limit: 'P2D' })).toBe(48);
  });

  it('keeps a timer without an expression on its literal, whatever the variables', async () => {
    expect(await dueHours(doc('', PT72H), { rectifyWithinHours: 24 })).toBe(72);
  });

  it('refuses an expression that is not a duration, naming the element', async () => {
    expect(await issuesOf(doc('pinzhi:durationExpression="&quot;tomorrow&quot;"', PT72H))).toEqual([
      { id: 'due', type: 'bpmn:BoundaryEvent', code: 'compile.duration_expression_not_duration', reason: expect.stringContaining('the duration expression gives "tomorrow", not a duration') },
    ]);
    expect((await issuesOf(doc('pinzhi:durationExpression="24"', PT72H)))[0]).toMatchObject({ id: 'due', code: 'compile.duration_expression_not_duration', reason: expect.stringContaining('gives 24') });
    expect((await issuesOf(doc('pinzhi:durationExpression="rectifyWithinHours +"', PT72H)))[0]).toMatchObject({ id: 'due', code: 'compile.duration_expression_invalid', reason: expect.stringContaining('not valid FEEL') });
    expect((await issuesOf(doc('pinzhi:durationExpression="duration(&quot;P20Y&quot;)"', PT72H)))[0]).toMatchObject({ id: 'due', code: 'compile.duration_too_long' });
  });

  it('refuses an expression without a default duration', async () => {
    expect(await issuesOf(doc(`pinzhi:durationExpression="${HOURS('h')}"`, '<bpmn:timeDate>2030-01-01T00:00:00+08:00</bpmn:timeDate>'))).toEqual([
      { id: 'due', type: 'bpmn:BoundaryEvent', code: 'compile.duration_expression_needs_default', reason: 'a timer with a duration expression needs a default duration (such as PT72H), not a date' },
    ]);
    expect((await issuesOf(doc(`pinzhi:durationExpression="${HOURS('h')}"`, ''))).map((i) => i.code)).toEqual(['compile.timer_empty', 'compile.duration_expression_needs_default']);
  });
});
