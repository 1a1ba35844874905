import type { EntityManager } from '../shared/persistence.ts';
import { photoRepository } from '../photos/photo.repository.ts';
import { userRepository } from '../users/user.repository.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { PhotoRef } from './form-photos.ts';

/** Every photo a task's form data names must have been uploaded. */
export async function assertPhotosUploaded(em: EntityManager, taskId: number, refs: PhotoRef[]): Promise<void> {
  if (refs.length === 0) return;
  const known = await photoRepository.existing(em, refs.map((r) => r.sha256));
  const missing = refs.filter((r) => !known.has(r.sha256));
  if (missing.length > 0) throw new ValidationError(workflowMessage('task.photos_missing', { task: taskId }), missing.map((r) => issue(r.pointer, workflowMessage('task.photo_missing', { photo: r.sha256.slice(0, 80) }))));
}

/**
 * Checks who the tasks a step opens would be assigned to: an assignee must be an active user
 * holding the task's role. Returns the tasks whose assignee does not qualify.
 */
export async function unqualifiedAssignees(em: EntityManager, tasks: { element: string; name: string; role: string; assignee: string }[]): Promise<{ element: string; name: string; role: string; assignee: string }[]> {
  if (tasks.length === 0) return [];
  const rolesOf = await userRepository.activeRoles(em, [...new Set(tasks.map((t) => t.assignee))]);
  return tasks.filter((t) => !(rolesOf.get(t.assignee) ?? []).some((r) => r === t.role || r === 'admin'));
}
