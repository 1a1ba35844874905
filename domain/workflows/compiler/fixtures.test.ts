import { readdirSync, readFileSync } from 'node:fs';
import { createActor, type AnyActorRef } from 'xstate';
import { compileBpmn } from './compile.ts';
import { OPTIONS } from './test-options.ts';
import { createWorkflowMachine, type Effect, type WorkflowEvent } from '../machine.ts';
import { activeLeaves, activeMeta } from '../snapshot.ts';


interface Step {
  send?: WorkflowEvent;
  expect: string[];
  tasks?: string[];
  timers?: string[];
  effects?: Partial<Effect>[];
  done?: boolean;
  variables?: Record<string, unknown>;
}
interface Fixture {
  description: string;
  steps?: Step[];
  runs?: { steps: Step[] }[];
}

const dir = new URL('./fixtures/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => f.replace(/\.bpmn$/, ''));

describe.each(cases)('the %s process', (name) => {
  const fixture = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Fixture;
  const runs = fixture.runs ?? [{ steps: fixture.steps! }];
  it.each(runs.map((run, i) => [i + 1, run] as const))(`${fixture.description} (run %i)`, async (_, run) => {
    // given the compiled process and a fresh instance
    const compiled = await compileBpmn(readFileSync(new URL(`${name}.bpmn`, dir), 'utf8'), OPTIONS);
    let effects: Effect[] = [];
    const actor: AnyActorRef = createActor(createWorkflowMachine(compiled));
    actor.on('effect', (emitted: { effect: Effect }) => effects.push(emitted.effect));
    actor.start();
    for (const step of run.steps) {
      // when the event arrives
      if (step.send) {
        effects = [];
        actor.send(step.send);
      }
      // then the instance stands where the fixture says
      const snapshot = actor.getSnapshot();
      expect(activeLeaves(snapshot).sort()).toEqual([...step.expect].sort());
      const meta = activeMeta(snapshot);
      if (step.tasks) expect(meta.userTasks.sort()).toEqual([...step.tasks].sort());
      if (step.timers) expect(meta.timers.sort()).toEqual([...step.timers].sort());
      if (step.effects) expect(effects).toEqual(step.effects.map((e) => expect.objectContaining(e)));
      else if (step.send) expect(effects).toEqual([]);
      expect(snapshot.status === 'done').toBe(step.done ?? false);
      if (step.variables) expect(snapshot.context.variables).toMatchObject(step.variables);
    }
  });
});
