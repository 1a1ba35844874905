import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { issue, ValidationError } from '../shared/errors.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { PhotoRef } from './form-photos.ts';

/** Every photo a task's form data names must have been uploaded. */
export async function assertPhotosUploaded(em: EntityManager, taskId: number, refs: PhotoRef[]): Promise<void> {
  if (refs.length === 0) return;
  const known = new Set((await em.execute<{ sha256: string }[]>(`select sha256 from photo where sha256 in (${refs.map(() => '?').join(', ')})`, refs.map((r) => r.sha256))).map((p) => p.sha256));
  const missing = refs.filter((r) => !known.has(r.sha256));
  if (missing.length > 0) throw new ValidationError(workflowMessage('task.photos_missing', { task: taskId }), missing.map((r) => issue(r.pointer, workflowMessage('task.photo_missing', { photo: r.sha256.slice(0, 80) }))));
}

/**
 * Checks who the tasks a step opens would be assigned to: an assignee must be an active user
 * holding the task's role. Returns the tasks whose assignee does not qualify.
 */
export async function unqualifiedAssignees(em: EntityManager, tasks: { element: string; name: string; role: string; assignee: string }[]): Promise<{ element: string; name: string; role: string; assignee: string }[]> {
  if (tasks.length === 0) return [];
  const users = await em.execute<{ username: string; roles: string | string[] }[]>(`select username, roles from app_user where active and username in (${tasks.map(() => '?').join(', ')})`, tasks.map((t) => t.assignee));
  const rolesOf = new Map(users.map((u) => [u.username, typeof u.roles === 'string' ? (JSON.parse(u.roles) as string[]) : u.roles]));
  return tasks.filter((t) => !(rolesOf.get(t.assignee) ?? []).some((r) => r === t.role || r === 'admin'));
}
