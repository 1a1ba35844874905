import { issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { inTransaction } from '../shared/persistence.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize } from '../shared/access.ts';
import { runnableOf } from './definition.service.ts';
import { waitingFor } from './engine.ts';
import { definitionRepository } from './definition.repository.ts';
import { instanceRepository, type WorkflowInstance } from './instance.repository.ts';
import { startWorkflowIn } from './instance.service.ts';
import { advance, deliverSignal } from './step.service.ts';
import { workflowMessage } from './workflow.messages.ts';

/** Which instances a message or signal moved on. */
export interface Delivered {
  instanceIds: number[];
}

function checkName(name: string): string {
  if (!name?.trim()) throw new ValidationError(workflowMessage('message.name_required'), [issue('/name', workflowMessage('message.name_required'))]);
  return name.trim();
}

/**
 * Delivers a message to the running instance holding `businessKey` that waits for it (at a receive
 * task or a message catch event); its variables join the instance's. When none waits for it, it
 * starts the processes whose newest version begins with a message start event for it, with the
 * business key and its variables. A message neither waited for nor starting anything is refused
 * (NotFoundError), nothing changed.
 */
export async function correlateMessage(ctx: JobsContext, name: string, businessKey: string, variables: Record<string, unknown> = {}): Promise<Delivered> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  const message = checkName(name);
  return inTransaction(ctx.em, async (em) => {
    // a caller and the instances its call activities started share the key: the message goes to the innermost that waits for it
    let instance: WorkflowInstance | null = null;
    for (const candidate of businessKey ? await instanceRepository.runningWithBusinessKey(em, businessKey) : []) {
      if (actor.organisationId !== null && candidate.organisationId !== actor.organisationId) continue;
      if (!waitingFor(await runnableOf(em, candidate.definitionKey, candidate.definitionVersion), candidate.snapshot).messages.includes(message)) continue;
      instance = candidate;
      break;
    }
    if (!instance) {
      // none waits for it: it starts the processes that begin with it
      const keys = await definitionRepository.startedBy(em, message);
      if (keys.length === 0) throw new NotFoundError(workflowMessage('message.no_waiting_instance', { name: message, businessKey }), businessKey);
      const started: number[] = [];
      for (const key of keys) started.push(await startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, key, variables, businessKey || null));
      await appendAudit(em, actor, { action: 'workflow.message', subjectType: 'workflow-instance', subjectKey: started.join(','), detail: { name: message, businessKey, started: keys } });
      return { instanceIds: started };
    }
    await advance({ em, jobs: ctx.jobs, keys: ctx.keys }, instance, { type: 'MESSAGE', name: message, variables }, actor, { message, ...(Object.keys(variables).length ? { variables } : {}) });
    await appendAudit(em, actor, { action: 'workflow.message', subjectType: 'workflow-instance', subjectKey: String(instance.id), detail: { name: message, businessKey } });
    return { instanceIds: [instance.id] };
  });
}

/** Broadcasts a signal to every running instance of the caller's organisation waiting for it; none waiting is no error. */
export async function broadcastSignal(ctx: JobsContext, name: string, variables: Record<string, unknown> = {}): Promise<Delivered> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  const signal = checkName(name);
  return inTransaction(ctx.em, async (em) => {
    const instanceIds = await deliverSignal({ em, jobs: ctx.jobs, keys: ctx.keys }, signal, variables, actor);
    if (instanceIds.length > 0) await appendAudit(em, actor, { action: 'workflow.signal', subjectType: 'workflow-instance', subjectKey: instanceIds.join(','), detail: { name: signal } });
    return { instanceIds };
  });
}
