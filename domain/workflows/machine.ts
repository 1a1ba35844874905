import { assign, emit, enqueueActions, setup, type AnyStateMachine } from 'xstate';
import type { CompiledWorkflow } from './compiler/compile.ts';
import { feelCondition, feelValue } from './compiler/feel.ts';

/** The events a workflow instance accepts. */
export type WorkflowEvent =
  | { type: 'COMPLETE'; taskId: string; data: Record<string, unknown>; by: string }
  | { type: 'TIMER'; timerId: string }
  /** a message delivered to this instance (by its business key) or a signal broadcast, with the data it carries */
  | { type: 'MESSAGE' | 'SIGNAL'; name: string; variables: Record<string, unknown> }
  /** how a guarded service task's action went (sent by the runtime in the step that ran it) */
  | { type: 'SERVICE_DONE'; taskId: string }
  | { type: 'SERVICE_FAILED'; taskId: string; code: string | null }
  /** the instance a call activity started completed (with its variables), or ended in an error or was cancelled */
  | { type: 'CALL_DONE'; taskId: string; variables: Record<string, unknown> }
  | { type: 'CALL_FAILED'; taskId: string; code: string | null };

export interface WorkflowContext {
  /** process variables: the start data and every completed form, merged */
  variables: Record<string, unknown>;
  /** why the instance stopped: a gateway with no way, or a called instance that failed uncaught (`call`) */
  incident?: { gateway: string; reason: string; call?: boolean } | null;
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
  /** a service task's action; `guarded` when error boundary events catch its failure (the runtime answers SERVICE_DONE or SERVICE_FAILED) */
  | { kind: 'service'; action: string; task: string; variables: Record<string, unknown>; guarded?: boolean }
  /** a call activity reached: the runtime starts the newest version of `key` with these variables */
  | { kind: 'call'; task: string; key: string; variables: Record<string, unknown> }
  /** a failed service task or called instance caught by an error boundary event */
  | { kind: 'caught'; task: string; boundary: string; code: string | null }
  | { kind: 'escalate'; event: string; code: string; name: string | null; variables: Record<string, unknown> }
  | { kind: 'incident'; gateway: string; reason: string }
  /** an error end event, caught by the boundary event of its sub-process, or (boundary null) ending the instance as failed */
  | { kind: 'error'; event: string; code: string | null; boundary: string | null }
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
      doneWith: ({ event }, params: { task: string }) => (event.type === 'SERVICE_DONE' || event.type === 'CALL_DONE') && event.taskId === params.task,
      /** a failure of the task that an error boundary with this code (null: any) catches */
      failedWith: ({ event }, params: { task: string; code: string | null }) => (event.type === 'SERVICE_FAILED' || event.type === 'CALL_FAILED') && event.taskId === params.task && (params.code === null || event.code === params.code),
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
        variables: ({ context, event }) => (event.type === 'MESSAGE' || event.type === 'SIGNAL' || event.type === 'CALL_DONE' ? { ...context.variables, ...event.variables } : context.variables),
      }),
      sendMessage: emit(({ context }, params: { event: string; name: string; to?: string }) => ({ type: 'effect' as const, effect: { kind: 'message' as const, ...params, variables: context.variables } })),
      throwSignal: emit(({ context }, params: { event: string; name: string }) => ({ type: 'effect' as const, effect: { kind: 'signal' as const, ...params, variables: context.variables } })),
      /** an error end event: nothing to do but to be kept in the history */
      raiseError: emit((_, params: { event: string; code: string | null; boundary: string | null }) => ({ type: 'effect' as const, effect: { kind: 'error' as const, ...params } })),
      service: emit(({ context }, params: { action: string; task: string; guarded?: boolean }) => ({ type: 'effect' as const, effect: { kind: 'service' as const, action: params.action, task: params.task, variables: context.variables, ...(params.guarded ? { guarded: true } : {}) } })),
      callProcess: emit(({ context }, params: { task: string; key: string }) => ({ type: 'effect' as const, effect: { kind: 'call' as const, task: params.task, key: params.key, variables: context.variables } })),
      caughtFailure: emit(({ event }, params: { task: string; boundary: string }) => ({ type: 'effect' as const, effect: { kind: 'caught' as const, ...params, code: event.type === 'SERVICE_FAILED' || event.type === 'CALL_FAILED' ? event.code : null } })),
      /** a called instance failed and no error boundary caught it: the caller stops as an incident */
      callFailed: enqueueActions(({ enqueue, event }, params: { task: string }) => {
        const reason = `the process called by ${params.task} failed${event.type === 'CALL_FAILED' && event.code ? ` with error ${event.code}` : ''} and no error boundary event caught it`;
        enqueue.assign({ incident: { gateway: params.task, reason, call: true } });
        enqueue.emit({ type: 'effect', effect: { kind: 'incident', gateway: params.task, reason } });
      }),
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
