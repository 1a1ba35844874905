import type { EntityManager } from '../shared/persistence.ts';
import type { Actor } from '../shared/access.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { checkDetail, checkQualifications, refusalOf } from '../qualifications/qualification-check.service.ts';
import { qualificationMessage } from '../qualifications/qualification.messages.ts';
import { runnableOf } from './definition.service.ts';
import { instanceRepository } from './instance.repository.ts';
import type { WorkflowTask } from './task.repository.ts';

/**
 * A user task that requires a certificate (`pinzhi:qualification`) is completed only by a person
 * holding it, unexpired, today. The check — passed or refused — is recorded in the instance's
 * history (and the qualification checks) before the completion's own transaction, so a refusal stays recorded.
 */
export async function assertTaskQualified(em: EntityManager, actor: Actor, task: WorkflowTask): Promise<void> {
  const instance = await instanceRepository.get(em, task.instanceId);
  if (!instance) return;
  const certificate = (await runnableOf(em, instance.definitionKey, instance.definitionVersion)).compiled.userTasks[task.elementId]?.qualification;
  if (!certificate) return;
  const subject = { kind: 'task' as const, id: String(task.id), label: qualificationMessage('qualification.subject_task', { name: task.name }) };
  const checks = await checkQualifications(em, actor, task.organisationId, [certificate], subject, todayInChina());
  await instanceRepository.appendHistory(em, instance.id, {
    at: new Date(), actor: actor.username, event: 'qualification_check',
    detail: { task: task.elementId, taskId: task.id, checks: checks.map(checkDetail) }, fromStates: [task.elementId], toStates: [task.elementId],
  });
  const refusal = refusalOf(checks, actor.username, subject);
  if (refusal) throw refusal;
}
