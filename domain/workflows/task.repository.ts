import type { Scope } from '../organisations/scope.ts';
import type { EntityManager } from '../shared/persistence.ts';
import type { Keyset, KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import { toInstance, type WorkflowInstance } from './instance.repository.ts';

/** A user task as the domain sees it. */
export interface WorkflowTask {
  id: number;
  instanceId: number;
  organisationId: number;
  /** its instance's project, or none (work of the whole organisation) */
  projectId: number | null;
  elementId: string;
  name: string;
  candidateRole: string;
  assignee: string | null;
  /** open, completed or cancelled */
  status: string;
  dueAt: Date | null;
  createdAt: Date;
  claimedBy: string | null;
  claimedAt: Date | null;
  completedBy: string | null;
  completedAt: Date | null;
  data: Record<string, unknown> | null;
}

interface TaskRow {
  id: number;
  instance_id: number;
  organisation_id: number;
  project_id: number | null;
  element_id: string;
  name: string;
  candidate_role: string;
  assignee: string | null;
  status: string;
  due_at: Date | string | null;
  created_at: Date | string;
  claimed_by: string | null;
  claimed_at: Date | string | null;
  completed_by: string | null;
  completed_at: Date | string | null;
  data_json: string | null;
}

const date = (d: Date | string | null): Date | null => (d ? new Date(d) : null);

const toTask = (r: TaskRow): WorkflowTask => ({
  id: r.id, instanceId: r.instance_id, organisationId: r.organisation_id, projectId: r.project_id, elementId: r.element_id, name: r.name, candidateRole: r.candidate_role, assignee: r.assignee, status: r.status,
  dueAt: date(r.due_at), createdAt: new Date(r.created_at), claimedBy: r.claimed_by, claimedAt: date(r.claimed_at), completedBy: r.completed_by,
  completedAt: date(r.completed_at), data: r.data_json ? (JSON.parse(r.data_json) as Record<string, unknown>) : null,
});

/** Which tasks a list shows: open by default; mine (assigned or claimed), my roles', overdue. */
export interface TaskFilter {
  /** the organisation, and the projects whose tasks the reader sees (besides their own and the organisation's) */
  scope?: Scope;
  /** the reader, whose own tasks are seen wherever they are */
  reader?: string;
  status: string;
  assignedTo?: string;
  roles?: readonly string[];
  overdueAt?: Date;
  /** of rectifications of findings of this project */
  projectId?: number;
  /** of rectifications of findings of this severity */
  severity?: string;
  /** at this step (element id) */
  step?: string;
}

/** The newest tasks first. */
export const TASK_NEWEST: Keyset<WorkflowTask> = { list: 'tasks-newest', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (t) => [t.id] };

/** The inbox order: the soonest deadline first (none last), then the oldest. */
export const TASK_ORDER: Keyset<WorkflowTask> = {
  list: 'tasks',
  // compared at the milliseconds a cursor carries (a deadline written by SQL may hold microseconds)
  columns: [{ name: `date_trunc('milliseconds', due_at)`, type: 'timestamp', direction: 'asc', nullable: true }, { name: 'id', type: 'int', direction: 'asc' }],
  keyOf: (t) => [t.dueAt ? t.dueAt.getTime() : null, t.id],
};

function filterSql(f: TaskFilter): { where: string; params: unknown[] } {
  const conditions = ['status = ?'];
  const params: unknown[] = [f.status];
  if (f.assignedTo) { conditions.push('(assignee = ? or claimed_by = ?)'); params.push(f.assignedTo, f.assignedTo); }
  if (f.roles) { conditions.push(f.roles.length ? `candidate_role in (${f.roles.map(() => '?').join(', ')})` : 'false'); params.push(...f.roles); }
  if (f.overdueAt) { conditions.push('due_at is not null and due_at < ?'); params.push(f.overdueAt); }
  if (f.step) { conditions.push('element_id = ?'); params.push(f.step); }
  if (f.scope) {
    if (f.scope.organisationId !== null) { conditions.push('organisation_id = ?'); params.push(f.scope.organisationId); }
    if (f.scope.projects !== null) {
      const within = f.scope.projects.length ? `project_id in (${f.scope.projects.map(() => '?').join(', ')})` : 'false';
      conditions.push(`(project_id is null or ${within} or assignee = ? or claimed_by = ?)`);
      params.push(...f.scope.projects, f.reader ?? '', f.reader ?? '');
    }
  }
  if (f.projectId != null || f.severity) {
    const of = [...(f.projectId != null ? ['f.project_id = ?'] : []), ...(f.severity ? ['f.severity = ?'] : [])];
    conditions.push(`instance_id in (select w.id from workflow_instance w join finding f on w.business_key = 'finding:' || f.id where ${of.join(' and ')})`);
    params.push(...(f.projectId != null ? [f.projectId] : []), ...(f.severity ? [f.severity] : []));
  }
  return { where: conditions.join(' and '), params };
}

/** User tasks of workflow instances. */
export const taskRepository = {
  async get(em: EntityManager, id: number): Promise<WorkflowTask | null> {
    const [row] = await em.execute<TaskRow[]>('select * from workflow_task where id = ?', [id]);
    return row ? toTask(row) : null;
  },

  /** Claims an open task for `username` unless someone else holds it; null when it could not. */
  async claim(em: EntityManager, id: number, username: string, now: Date): Promise<WorkflowTask | null> {
    const rows = await em.execute<TaskRow[]>(`update workflow_task set claimed_by = ?, claimed_at = ? where id = ? and status = 'open' and (claimed_by is null or claimed_by = ?) returning *`, [username, now, id, username]);
    return rows[0] ? toTask(rows[0]) : null;
  },

  /**
   * Completes an open task — if it is not claimed by someone else and one of `roles` may work on
   * it (any role when `anyRole`) — and reads its instance, in one round trip. Null when it could not.
   */
  async complete(em: EntityManager, c: { id: number; username: string; roles: readonly string[]; anyRole: boolean; data: Record<string, unknown>; now: Date }): Promise<{ task: WorkflowTask; instance: WorkflowInstance } | null> {
    const rows = await em.execute<(TaskRow & { i_snapshot: string; i_revision: number; i_status: string; i_key: string; i_version: number; i_business_key: string | null; i_started_by: string; i_started_at: Date; i_updated_at: Date; i_ended_at: Date | null; i_incident: string | null; i_organisation_id: number; i_project_id: number | null; i_parent: number | null; i_parent_element: string | null })[]>(
      `with t as (update workflow_task set status = 'completed', completed_by = ?, completed_at = ?, data_json = ?
         where id = ? and status = 'open' and (? or claimed_by is null or claimed_by = ?) and (? or candidate_role in (${c.roles.map(() => '?').join(', ')})) returning *)
       select t.*, i.snapshot_json as i_snapshot, i.revision as i_revision, i.status as i_status, i.definition_key as i_key, i.definition_version as i_version,
         i.business_key as i_business_key, i.started_by as i_started_by, i.started_at as i_started_at, i.updated_at as i_updated_at, i.ended_at as i_ended_at, i.incident as i_incident,
         i.organisation_id as i_organisation_id, i.project_id as i_project_id, i.parent_instance_id as i_parent, i.parent_element as i_parent_element
       from t join workflow_instance i on i.id = t.instance_id`,
      [c.username, c.now, JSON.stringify(c.data), c.id, c.anyRole, c.username, c.anyRole, ...c.roles]);
    const r = rows[0];
    if (!r) return null;
    return {
      task: toTask(r),
      instance: toInstance({
        id: r.instance_id, definition_key: r.i_key, definition_version: r.i_version, status: r.i_status, business_key: r.i_business_key, organisation_id: r.i_organisation_id, project_id: r.i_project_id, snapshot_json: r.i_snapshot,
        revision: r.i_revision, started_by: r.i_started_by, started_at: r.i_started_at, updated_at: r.i_updated_at, ended_at: r.i_ended_at, incident: r.i_incident,
        parent_instance_id: r.i_parent, parent_element: r.i_parent_element,
      }),
    };
  },

  async ofInstance(em: EntityManager, instanceId: number): Promise<WorkflowTask[]> {
    return (await em.execute<TaskRow[]>('select * from workflow_task where instance_id = ? order by id', [instanceId])).map(toTask);
  },

  /** Tasks by the filter: a window of them in the inbox order. */
  async window(em: EntityManager, f: TaskFilter, window: PageWindow, order: KeysetOrder = TASK_ORDER): Promise<WorkflowTask[]> {
    const q = filterSql(f);
    const w = sqlWindow(order, window);
    return (await em.execute<TaskRow[]>(`select * from workflow_task where ${q.where} and ${w.condition} order by ${w.orderBy} limit ?`, [...q.params, ...w.params, w.limit])).map(toTask);
  },

  async count(em: EntityManager, f: TaskFilter): Promise<number> {
    const q = filterSql(f);
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) as count from workflow_task where ${q.where}`, q.params);
    return Number(count);
  },

  /** Renames the open tasks of an instance standing on a state that a migration maps to another. */
  async renameOpen(em: EntityManager, instanceId: number, from: string, to: string): Promise<void> {
    await em.execute(`update workflow_task set element_id = ? where instance_id = ? and status = 'open' and element_id = ?`, [to, instanceId, from]);
  },

  /** The open task of an instance at an element, if any. */
  async openAt(em: EntityManager, instanceId: number, elementId: string): Promise<WorkflowTask | null> {
    const [row] = await em.execute<TaskRow[]>(`select * from workflow_task where instance_id = ? and element_id = ? and status = 'open' order by id limit 1`, [instanceId, elementId]);
    return row ? toTask(row) : null;
  },
};
