import type { EntityManager } from '../shared/persistence.ts';
import { photoRepository } from '../photos/photo.repository.ts';
import { userRepository } from '../users/user.repository.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { PhotoRef } from './form-photos.ts';
import { holdsOn, type Actor, type Role } from '../shared/access.ts';
import { actorOf } from '../organisations/actor.service.ts';

/** Every photo a task's form data names must have been uploaded. */
export async function assertPhotosUploaded(em: EntityManager, taskId: number, refs: PhotoRef[]): Promise<void> {
  if (refs.length === 0) return;
  const known = await photoRepository.existing(em, refs.map((r) => r.sha256));
  const missing = refs.filter((r) => !known.has(r.sha256));
  if (missing.length > 0) throw new ValidationError(workflowMessage('task.photos_missing', { task: taskId }), missing.map((r) => issue(r.pointer, workflowMessage('task.photo_missing', { photo: r.sha256.slice(0, 80) }))));
}

/**
 * Checks who the tasks a step opens would be assigned to: an assignee must be an active user of the
 * instance's organisation holding the task's role (or admin) on the instance's project — on it, its
 * region or the whole organisation. Returns the tasks whose assignee does not qualify.
 */
export async function unqualifiedAssignees(em: EntityManager, instance: { organisationId: number; projectId: number | null } | null, tasks: { element: string; name: string; role: string; assignee: string }[]): Promise<{ element: string; name: string; role: string; assignee: string }[]> {
  if (tasks.length === 0) return [];
  const usernames = [...new Set(tasks.map((t) => t.assignee))];
  const active = await userRepository.activeIn(em, instance?.organisationId ?? null, usernames);
  const actors = new Map<string, Actor | null>();
  for (const username of active) actors.set(username, await actorOf(em, username));
  return tasks.filter((t) => {
    const actor = actors.get(t.assignee);
    return !actor || !holdsOn(actor, [t.role as Role, 'admin'], instance?.projectId ?? null);
  });
}
