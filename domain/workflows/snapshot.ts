import type { AnyMachineSnapshot } from 'xstate';

/** The innermost active states of an instance (several inside parallel branches). */
export function activeLeaves(snapshot: AnyMachineSnapshot): string[] {
  const leaves: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') leaves.push(value);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) {
      if (inner && typeof inner === 'object' && Object.keys(inner).length > 0) walk(inner);
      else if (typeof inner === 'string') leaves.push(inner);
      else leaves.push(key);
    }
  };
  walk(snapshot.value);
  return leaves;
}

/** The user tasks open, the timers armed, the messages, signals and called instances waited for in the states an instance is in (and whether it ended failed). */
export function activeMeta(snapshot: AnyMachineSnapshot): { userTasks: string[]; timers: string[]; incident: boolean; messages: string[]; signals: string[]; calls: string[]; failed: boolean } {
  const calls: string[] = [];
  let failed = false;
  const userTasks: string[] = [];
  const timers: string[] = [];
  const messages: string[] = [];
  const signals: string[] = [];
  let incident = false;
  for (const meta of Object.values(snapshot.getMeta() as Record<string, { userTask?: string; timers?: string[]; incident?: boolean; messages?: string[]; signals?: string[]; call?: string; failed?: boolean }>)) {
    if (meta?.call) calls.push(meta.call);
    if (meta?.failed) failed = true;
    if (meta?.userTask) userTasks.push(meta.userTask);
    if (meta?.timers) timers.push(...meta.timers);
    if (meta?.messages) messages.push(...meta.messages);
    if (meta?.signals) signals.push(...meta.signals);
    if (meta?.incident) incident = true;
  }
  return { userTasks, timers, incident, messages, signals, calls, failed };
}
