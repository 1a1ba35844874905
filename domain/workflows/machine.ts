import { assign, emit, enqueueActions, setup, type AnyStateMachine } from 'xstate';
import type { CompiledWorkflow } from './compiler/compile.ts';
import { feelCondition, feelValue } from './compiler/feel.ts';

/** The events a workflow instance accepts. */
export type WorkflowEvent =
  | { type: 'COMPLETE'; taskId: string; data: Record<string, unknown>; by: string }
  | { type: 'TIMER'; timerId: string }
  /** a message delivered to this instance (by its business key) or a signal broadcast, with the data it carries */
  | { type: 'MESSAGE' | 'SIGNAL'; name: string; variables: Record<string, unknown> };

export interface WorkflowContext {
  /** process variables: the start data and every completed form, merged */
  variables: Record<string, unknown>;
  incident?: { gateway: string; reason: string } | null;
  /** the tasks of each open multi-instance task still to complete */
  remaining?: Record<string, number>;
}

/** The elements of a multi-instance task's collection: a list as it is, nothing as none, anything else as one. */
export function multiItems(collection: string, variables: Record<string, unknown>): unknown[] {
  const value = feelValue(collection, variables);
  return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
}

/** A side effect a transition asks for; the runtime carries them out in the same transaction. */
export type Effect =
  | { kind: 'service'; action: string; task: string; variables: Record<string, unknown> }
  | { kind: 'escalate'; event: string; code: string; name: string | null; variables: Record<string, unknown> }
  | { kind: 'incident'; gateway: string; reason: string }
  /** an error end event, caught by the boundary event of its sub-process */
  | { kind: 'error'; event: string; code: string | null; boundary: string }
  /** a send task or message throw or end event: a notification, kept in the history, to the pool its message flow leads to */
  | { kind: 'message'; event: string; name: string; to?: string; variables: Record<string, unknown> }
  /** a signal throw event: broadcast to every other instance waiting for it */
  | { kind: 'signal'; event: string; name: string; variables: Record<string, unknown> };

/** What the machine emits for each effect; `step` listens for it on the actor of that step. */
export interface EffectEmitted {
  type: 'effect';
  effect: Effect;
}

/**
 * The XState v5 machine of a compiled workflow. Guards and actions are named and take `params`, as
 * the compiled config refers to them; side effects are not performed here but emitted as `effect`
 * events to whoever runs the actor, so the workflow rules stay free of I/O.
 */
export function createWorkflowMachine(compiled: CompiledWorkflow): AnyStateMachine {
  return setup({
    types: { context: {} as WorkflowContext, events: {} as WorkflowEvent, emitted: {} as EffectEmitted },
    guards: {
      taskIs: ({ event }, params: { task: string }) => event.type === 'COMPLETE' && event.taskId === params.task,
      timerIs: ({ event }, params: { timer: string }) => event.type === 'TIMER' && event.timerId === params.timer,
      multiDone: ({ context }, params: { task: string }) => (context.remaining?.[params.task] ?? 0) <= 0,
      named: ({ event }, params: { name: string }) => (event.type === 'MESSAGE' || event.type === 'SIGNAL') && event.name === params.name,
      feel: ({ context }, params: { expression: string }) => feelCondition(params.expression, context.variables),
      /** none of an inclusive gateway's conditions holds (its default flow is taken) */
      feelNone: ({ context }, params: { expressions: string[] }) => !params.expressions.some((e) => feelCondition(e, context.variables)),
    },
    actions: {
      saveTaskData: assign({
        variables: ({ context, event }) => (event.type === 'COMPLETE' ? { ...context.variables, ...event.data } : context.variables),
      }),
      startMulti: assign({
        remaining: ({ context }, params: { task: string; collection: string }) => ({ ...context.remaining, [params.task]: multiItems(params.collection, context.variables).length }),
      }),
      /** one task of a multi-instance task done: its data joins the list `<task>Results` */
      saveMultiData: assign(({ context, event }, params: { task: string }) => (event.type === 'COMPLETE' ? {
        remaining: { ...context.remaining, [params.task]: (context.remaining?.[params.task] ?? 1) - 1 },
        variables: { ...context.variables, [`${params.task}Results`]: [...((context.variables[`${params.task}Results`] as unknown[]) ?? []), event.data] },
      } : {})),
      saveEventData: assign({
        variables: ({ context, event }) => (event.type === 'MESSAGE' || event.type === 'SIGNAL' ? { ...context.variables, ...event.variables } : context.variables),
      }),
      sendMessage: emit(({ context }, params: { event: string; name: string; to?: string }) => ({ type: 'effect' as const, effect: { kind: 'message' as const, ...params, variables: context.variables } })),
      throwSignal: emit(({ context }, params: { event: string; name: string }) => ({ type: 'effect' as const, effect: { kind: 'signal' as const, ...params, variables: context.variables } })),
      /** an error end event: nothing to do but to be kept in the history */
      raiseError: emit((_, params: { event: string; code: string | null; boundary: string }) => ({ type: 'effect' as const, effect: { kind: 'error' as const, ...params } })),
      service: emit(({ context }, params: { action: string; task: string }) => ({ type: 'effect' as const, effect: { kind: 'service' as const, action: params.action, task: params.task, variables: context.variables } })),
      escalate: emit(({ context }, params: { event: string; code: string; name: string | null }) => ({ type: 'effect' as const, effect: { kind: 'escalate' as const, ...params, variables: context.variables } })),
      incident: enqueueActions(({ enqueue }, params: { gateway: string; reason: string }) => {
        enqueue.assign({ incident: params });
        enqueue.emit({ type: 'effect', effect: { kind: 'incident', ...params } });
      }),
    },
  }).createMachine({
    ...(compiled.config as object),
    context: ({ input }: { input?: { variables?: Record<string, unknown> } }) => ({ variables: input?.variables ?? {}, incident: null }),
  } as never) as unknown as AnyStateMachine;
}
