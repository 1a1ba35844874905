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

/** The user tasks open and the timers armed in the states an instance is in. */
export function activeMeta(snapshot: AnyMachineSnapshot): { userTasks: string[]; timers: string[]; incident: boolean } {
  const userTasks: string[] = [];
  const timers: string[] = [];
  let incident = false;
  for (const meta of Object.values(snapshot.getMeta() as Record<string, { userTask?: string; timers?: string[]; incident?: boolean }>)) {
    if (meta?.userTask) userTasks.push(meta.userTask);
    if (meta?.timers) timers.push(...meta.timers);
    if (meta?.incident) incident = true;
  }
  return { userTasks, timers, incident };
}
