import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { CompiledWorkflow } from './compiler/compile.ts';
import { durationMs, absoluteDate, LONGEST_TIMER_MS } from './timers/time.ts';
import { feelDuration } from './compiler/feel.ts';
import { createWorkflowMachine, type Effect, type WorkflowEvent } from './machine.ts';
import { activeLeaves, activeMeta } from './snapshot.ts';
import type { MessageData } from '../shared/messages.ts';
import { workflowMessage } from './workflow.messages.ts';

/** A compiled workflow with its machine, ready to step instances. */
export interface Runnable {
  compiled: CompiledWorkflow;
  machine: AnyStateMachine;
}

/** Builds the machine once; each step collects the effects its own actor emits. */
export function runnable(compiled: CompiledWorkflow): Runnable {
  return { compiled, machine: createWorkflowMachine(compiled) };
}

/** What one step of an instance did: where it stands now and what the runtime must do about it. */
export interface Step {
  snapshot: unknown;
  /** failed: ended by an error end event no error boundary event caught */
  status: 'running' | 'completed' | 'incident' | 'failed';
  /** why the instance stopped (an exclusive gateway found no way), when it did */
  incident: MessageData | null;
  from: string[];
  to: string[];
  variables: Record<string, unknown>;
  /** user tasks that opened and closed in this step */
  openedTasks: string[];
  closedTasks: string[];
  /** timers to arm (with their absolute due time) and to cancel */
  armTimers: { id: string; dueAt: Date }[];
  cancelTimers: string[];
  effects: Effect[];
  /** whether the event changed anything */
  changed: boolean;
}

/** When a timer armed now falls due: its date, its duration expression's result, or its literal duration (the default). */
function timerDueAt(runnable: Runnable, timerId: string, now: Date, variables: Record<string, unknown>): Date {
  const timer = runnable.compiled.timers[timerId];
  if (timer.date) return absoluteDate(timer.date)!;
  const computed = timer.durationExpression ? feelDuration(timer.durationExpression, variables) : null;
  const ms = computed?.kind === 'duration' ? durationMs(computed.iso)! : null;
  // a result that is no duration, zero or beyond the longest wait falls back to the diagram's default
  const wait = ms !== null && ms > 0 && ms <= LONGEST_TIMER_MS ? ms : (durationMs(timer.duration!) ?? 0);
  return new Date(now.getTime() + wait);
}

/**
 * Runs one step of an instance without I/O: starts it (no previous snapshot) or restores it and
 * sends the event, then reports the new persisted snapshot and what changed — tasks opened and
 * closed, timers to arm and cancel, effects to carry out.
 */
export function step(runnable: Runnable, previous: unknown | null, event: WorkflowEvent | null, now: Date, variables: Record<string, unknown> = {}): Step {
  const effects: Effect[] = [];
  const actor = previous
    ? createActor(runnable.machine, { snapshot: previous as never })
    : createActor(runnable.machine, { input: { variables } });
  const listening = actor.on('effect', (emitted: { effect: Effect }) => effects.push(emitted.effect));
  try {
    const before = previous ? (actor.getSnapshot() as AnyMachineSnapshot) : null;
    actor.start();
    if (event) actor.send(event);
    const after = actor.getSnapshot() as AnyMachineSnapshot;
    const persisted = actor.getPersistedSnapshot();
    actor.stop();
    const was = before ? activeMeta(before) : { userTasks: [] as string[], timers: [] as string[], incident: false };
    const now_ = activeMeta(after);
    const from = before ? activeLeaves(before) : [];
    const to = after.status === 'done' ? [] : activeLeaves(after);
    const context = after.context as { variables: Record<string, unknown>; incident?: { gateway: string; call?: boolean } | null };
    const error = effects.find((e): e is Extract<Effect, { kind: 'error' }> => e.kind === 'error' && e.boundary === null);
    return {
      snapshot: persisted,
      status: after.status === 'done' ? (now_.failed ? 'failed' : 'completed') : now_.incident ? 'incident' : 'running',
      incident: after.status === 'done' && now_.failed ? workflowMessage('instance.ended_in_error', { event: error?.event ?? '?', code: error?.code ?? '' })
        : now_.incident ? workflowMessage(context.incident?.call ? 'instance.call_failed' : 'instance.no_path', { gateway: context.incident?.gateway ?? '?' }) : null,
      from,
      to: after.status === 'done' ? activeLeaves(after) : to,
      variables: context.variables,
      openedTasks: now_.userTasks.filter((t) => !was.userTasks.includes(t)),
      closedTasks: was.userTasks.filter((t) => !now_.userTasks.includes(t)),
      armTimers: now_.timers.filter((t) => !was.timers.includes(t)).map((id) => ({ id, dueAt: timerDueAt(runnable, id, now, context.variables) })),
      cancelTimers: was.timers.filter((t) => !now_.timers.includes(t)),
      effects,
      changed: !previous || JSON.stringify(previous) !== JSON.stringify(persisted),
    };
  } finally {
    listening.unsubscribe();
  }
}

/** The messages, signals and called instances (by call activity) a stored instance waits for now. */
export function waitingFor(runnable: Runnable, snapshot: unknown): { messages: string[]; signals: string[]; calls: string[] } {
  const actor = createActor(runnable.machine, { snapshot: snapshot as never });
  const { messages, signals, calls } = activeMeta(actor.getSnapshot() as AnyMachineSnapshot);
  return { messages, signals, calls };
}

/**
 * Two steps taken one after the other in one transaction (a guarded service task's outcome, a
 * called instance that ended at once) as one: from where the first started to where the second
 * stands, a task or timer opened by the first and closed by the second counting as neither.
 */
export function mergeSteps(a: Step, b: Step): Step {
  const minus = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  return {
    ...b,
    from: a.from,
    openedTasks: [...minus(a.openedTasks, b.closedTasks), ...b.openedTasks],
    closedTasks: [...a.closedTasks, ...minus(b.closedTasks, a.openedTasks)],
    armTimers: [...a.armTimers.filter((t) => !b.cancelTimers.includes(t.id)), ...b.armTimers],
    cancelTimers: [...a.cancelTimers, ...minus(b.cancelTimers, a.armTimers.map((t) => t.id))],
    effects: [...a.effects, ...b.effects],
    changed: a.changed || b.changed,
  };
}
