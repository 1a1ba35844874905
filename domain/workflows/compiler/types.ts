import type { Message } from '../../shared/messages.ts';
import type { CompileIssue } from './errors.ts';
import type { MessageFlows } from './message-flows.ts';
import type { Flow, Scope } from './model.ts';
import type { ModdleElement } from './parse.ts';

/** What a deployment allows: the roles tasks may name and the built-in service actions. */
export interface CompileOptions {
  roles: readonly string[];
  actions: readonly string[];
  /** checks a user task's JSON Schema form; returns why it is invalid, or null */
  checkForm?: (schema: unknown) => Message | null;
  /** the process to compile when a collaboration holds several (by default the one marked isExecutable) */
  processId?: string;
  /** lane names that stand for a role, beside the default Chinese and English names (lanes.ts) */
  laneRoles?: Readonly<Record<string, string>>;
}

export interface TimerMeta {
  id: string;
  name: string | null;
  /** the element whose state arms the timer: the task or sub-process, or the timer event itself */
  owner: string;
  kind: 'boundary' | 'intermediate';
  interrupting: boolean;
  /** ISO 8601 duration, counted from entering the owner */
  duration: string | null;
  /** ISO 8601 date-time */
  date: string | null;
  /**
   * FEEL over the process variables giving the duration when the timer is armed (e.g. the finding's
   * `rectifyWithinHours`); null, or a result that is no duration, leaves `duration` as the default.
   * Absent in definitions compiled before it existed.
   */
  durationExpression?: string | null;
}

export interface UserTaskMeta {
  id: string;
  name: string;
  candidateRole: string;
  /** FEEL expression giving the assignee's username, evaluated when the task opens */
  assignee: string | null;
  form: Record<string, unknown> | null;
  timers: string[];
  /** the certificate (e.g. 物业经理证) whoever completes the task must hold, unexpired; absent when none */
  qualification?: string;
  /**
   * A parallel multi-instance task: one task per element of the FEEL `collection` (evaluated when it
   * opens, the element bound to `elementVariable` for the assignee), done when all are; absent otherwise.
   */
  multi?: { collection: string; elementVariable: string | null };
}

export type StateConfig = Record<string, unknown>;

/** A BPMN process compiled: an XState v5 machine config (JSON) and what the runtime needs to know. */
export interface CompiledWorkflow {
  processId: string;
  name: string;
  config: StateConfig;
  userTasks: Record<string, UserTaskMeta>;
  timers: Record<string, TimerMeta>;
  /** ids of every state a running instance can be in */
  stateIds: string[];
  /** the message whose arrival starts an instance (a message start event); absent for a none start event */
  startMessage?: string;
  /** the process each call activity starts (element id → key of a deployed definition); absent in definitions compiled before call activities ran */
  calls?: Record<string, string>;
}

/** The part of a scope being compiled: up to a parallel branch's join, or the whole scope. */
export interface Region {
  scope: Scope;
  /** the join gateway that ends this region (parallel branch), or null */
  stop: string | null;
  doneId: string | null;
  inBranch: boolean;
}

/**
 * What each element's mapper works with: where the compilation stands (issues, user tasks, timers,
 * states reached) and the walk itself (where a flow leads, compiling a nested region).
 */
export interface Walker {
  readonly issues: CompileIssue[];
  readonly userTasks: Record<string, UserTaskMeta>;
  readonly timers: Record<string, TimerMeta>;
  readonly stateIds: string[];
  readonly calls: Record<string, string>;
  readonly visited: Set<string>;
  /** an error end event no sub-process catches: the process needs its failed end state */
  endsInError: boolean;
  readonly options: CompileOptions;
  /** the innermost lane of each node that sits in one */
  readonly lanes: Map<string, ModdleElement>;
  /** the collaboration's message flows into and out of the process's elements */
  readonly messageFlows: MessageFlows;
  fail(el: ModdleElement, message: Message): void;
  /** Where a flow leads: the target node's state, or the branch's done state at the join. */
  target(flow: Flow, region: Region): string;
  /** The single way out of a node that is not a gateway. */
  next(el: ModdleElement, region: Region): string | null;
  /** Compiles the nodes reachable from `entry` (up to the region's join) into sibling states. */
  region(entry: string, region: Region): Record<string, StateConfig>;
  successors(id: string, scope: Scope): string[];
  /** Reports the nodes of a scope never reached from its start event. */
  unreached(scope: Scope): void;
}
