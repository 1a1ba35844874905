import type { Scope } from '../organisations/scope.ts';
import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import type { MessageData } from '../shared/messages.ts';
import { workflowMessage } from './workflow.messages.ts';

/** A persisted XState snapshot: where the instance stands and its context. */
export interface Snapshot {
  value?: unknown;
  context?: { variables?: Record<string, unknown> };
  [key: string]: unknown;
}

/** A workflow instance as the domain sees it. */
export interface WorkflowInstance {
  id: number;
  definitionKey: string;
  definitionVersion: number;
  /** running, completed, cancelled or incident */
  status: string;
  businessKey: string | null;
  organisationId: number;
  /** the project whose work it is, or none */
  projectId: number | null;
  snapshot: Snapshot;
  revision: number;
  startedBy: string;
  startedAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  /** why the instance stopped, when its status is incident (or failed) */
  incident: MessageData | null;
  /** the instance whose call activity (`parentElement`) started this one, or null */
  parentId: number | null;
  parentElement: string | null;
}

/** One recorded step of an instance. */
export interface HistoryEntry {
  id: number;
  at: Date;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
  fromStates: string[];
  toStates: string[];
}

interface InstanceRow {
  id: number;
  definition_key: string;
  definition_version: number;
  status: string;
  business_key: string | null;
  organisation_id: number;
  project_id: number | null;
  snapshot_json: string;
  revision: number;
  started_by: string;
  started_at: Date | string;
  updated_at: Date | string;
  ended_at: Date | string | null;
  incident: string | null;
  parent_instance_id: number | null;
  parent_element: string | null;
}

/** Incidents are stored as a message (code and parameters, JSON); instances stopped before that hold English text. */
function readIncident(stored: string | null): MessageData | null {
  if (stored === null) return null;
  if (stored.startsWith('{')) return JSON.parse(stored) as MessageData;
  return workflowMessage('instance.incident_recorded', { text: stored });
}

const writeIncident = (incident: MessageData | null): string | null => (incident ? JSON.stringify({ code: incident.code, params: incident.params }) : null);

export const toInstance = (r: InstanceRow): WorkflowInstance => ({
  id: r.id, definitionKey: r.definition_key, definitionVersion: r.definition_version, status: r.status, businessKey: r.business_key, organisationId: r.organisation_id, projectId: r.project_id,
  snapshot: JSON.parse(r.snapshot_json) as Snapshot, revision: r.revision, startedBy: r.started_by, startedAt: new Date(r.started_at),
  updatedAt: new Date(r.updated_at), endedAt: r.ended_at ? new Date(r.ended_at) : null, incident: readIncident(r.incident),
  parentId: r.parent_instance_id ?? null, parentElement: r.parent_element ?? null,
});

const ENDED = ['completed', 'failed'];

const list = (states: string[]) => states.join(',');

/** Which instances a list shows: by process key, status and business key. */
export interface InstanceFilter {
  /** the reader's organisation and projects (instances of no project are the organisation's) */
  scope?: Scope;
  key?: string | null;
  /** running, completed, cancelled or incident */
  status?: string | null;
  businessKey?: string | null;
}

function filterSql(filter: InstanceFilter): { where: string; params: unknown[] } {
  const conditions = ['true'];
  const params: unknown[] = [];
  if (filter.key) { conditions.push('definition_key = ?'); params.push(filter.key); }
  if (filter.status) { conditions.push('status = ?'); params.push(filter.status); }
  if (filter.businessKey) { conditions.push('business_key = ?'); params.push(filter.businessKey); }
  if (filter.scope?.organisationId != null) { conditions.push('organisation_id = ?'); params.push(filter.scope.organisationId); }
  if (filter.scope && filter.scope.projects !== null) {
    conditions.push(filter.scope.projects.length ? `(project_id is null or project_id in (${filter.scope.projects.map(() => '?').join(', ')}))` : 'project_id is null');
    params.push(...filter.scope.projects);
  }
  return { where: conditions.join(' and '), params };
}

/** What one step changes, written in one statement (see `recordStep`). */
export interface StepRecord {
  instanceId: number;
  /** the revision read before the step; null when the instance was inserted in this transaction */
  revision: number | null;
  snapshot: unknown;
  status: string;
  incident: MessageData | null;
  now: Date;
  history: { actor: string; event: string; detail: Record<string, unknown>; from: string[]; to: string[] };
  /** open tasks of these elements are cancelled (an interrupting timer took them away) */
  abandonTasks: string[];
  openTasks: { element: string; name: string; role: string; assignee: string | null; dueAt: Date | null; itemIndex?: number }[];
  cancelTimers: string[];
  armTimers: { element: string; dueAt: Date }[];
}

/** Workflow instances and their history. */
export const instanceRepository = {
  async get(em: EntityManager, id: number): Promise<WorkflowInstance | null> {
    const [row] = await em.execute<InstanceRow[]>('select * from workflow_instance where id = ?', [id]);
    return row ? toInstance(row) : null;
  },

  async insert(em: EntityManager, i: { definitionKey: string; definitionVersion: number; status: string; businessKey: string | null; projectId: number | null; snapshot: unknown; startedBy: string; now: Date; incident: MessageData | null; parent?: { id: number; element: string } | null }): Promise<number> {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into workflow_instance (definition_key, definition_version, status, business_key, project_id, snapshot_json, revision, started_by, started_at, updated_at, ended_at, incident, parent_instance_id, parent_element) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [i.definitionKey, i.definitionVersion, i.status, i.businessKey, i.projectId, JSON.stringify(i.snapshot), i.startedBy, i.now, i.now, ENDED.includes(i.status) ? i.now : null, writeIncident(i.incident), i.parent?.id ?? null, i.parent?.element ?? null]);
    return row.id;
  },

  /** The instances call activities of `id` started, oldest first. */
  async called(em: EntityManager, id: number): Promise<WorkflowInstance[]> {
    return (await em.execute<InstanceRow[]>('select * from workflow_instance where parent_instance_id = ? order by id', [id])).map(toInstance);
  },

  /** How many callers stand above an instance (0 for one started on its own). */
  async callDepth(em: EntityManager, id: number): Promise<number> {
    const [row] = await em.execute<{ depth: number | string }[]>(
      `with recursive up (id, parent, depth) as (select id, parent_instance_id, 0 from workflow_instance where id = ?
       union all select i.id, i.parent_instance_id, up.depth + 1 from workflow_instance i join up on i.id = up.parent where up.depth < 100)
       select max(depth) as depth from up`, [id]);
    return Number(row?.depth ?? 0);
  },

  /**
   * Stores a step in one statement: the snapshot (compare-and-set on the revision), the history
   * row, the tasks opened and abandoned, the timers cancelled and armed. Null when the revision
   * changed meanwhile (nothing is written); otherwise the instance's keys and the timers armed.
   */
  async recordStep(em: EntityManager, s: StepRecord): Promise<{ businessKey: string | null; definitionKey: string; parent: { id: number; element: string } | null; armed: { id: number; element: string }[] } | null> {
    const parts: string[] = [];
    const params: unknown[] = [];
    // an instance inserted in this transaction is written as its start's later rounds left it (a called instance that ended at once)
    parts.push(`moved as (update workflow_instance set snapshot_json = ?, revision = revision + ${s.revision === null ? 0 : 1}, status = ?, updated_at = ?, ended_at = ?, incident = ? where id = ? and ${s.revision === null ? 'true' : 'revision = ?'} returning id, business_key, definition_key, parent_instance_id, parent_element)`);
    params.push(JSON.stringify(s.snapshot), s.status, s.now, ENDED.includes(s.status) ? s.now : null, writeIncident(s.incident), s.instanceId, ...(s.revision === null ? [] : [s.revision]));
    parts.push(`logged as (insert into workflow_history (instance_id, at, actor, event, detail_json, from_states, to_states) select moved.id, ?, ?, ?, ?, ?, ? from moved)`);
    params.push(s.now, s.history.actor, s.history.event, JSON.stringify(s.history.detail), list(s.history.from), list(s.history.to));
    if (s.abandonTasks.length > 0) {
      parts.push(`abandoned as (update workflow_task set status = 'cancelled', completed_at = ? where instance_id = ? and status = 'open' and element_id in (${s.abandonTasks.map(() => '?').join(', ')}))`);
      params.push(s.now, s.instanceId, ...s.abandonTasks);
    }
    for (const [i, t] of s.openTasks.entries()) {
      parts.push(`task${i} as (insert into workflow_task (instance_id, element_id, item_index, name, candidate_role, assignee, status, due_at, created_at) values (?, ?, ?, ?, ?, ?, 'open', ?, ?))`);
      params.push(s.instanceId, t.element, t.itemIndex ?? 0, t.name, t.role, t.assignee, t.dueAt, s.now);
    }
    if (s.cancelTimers.length > 0) {
      parts.push(`cancelled as (update workflow_timer set status = 'cancelled' where instance_id = ? and status = 'armed' and element_id in (${s.cancelTimers.map(() => '?').join(', ')}))`);
      params.push(s.instanceId, ...s.cancelTimers);
    }
    parts.push(s.armTimers.length > 0
      ? `armed as (insert into workflow_timer (instance_id, element_id, due_at, status, created_at) values ${s.armTimers.map(() => `(?, ?, ?, 'armed', ?)`).join(', ')} returning id, element_id)`
      : `armed as (select null::int as id, null::text as element_id where false)`);
    for (const t of s.armTimers) params.push(s.instanceId, t.element, t.dueAt, s.now);
    const rows = await em.execute<{ business_key: string | null; definition_key: string; parent_instance_id: number | null; parent_element: string | null; id: number | null; element_id: string | null }[]>(
      `with ${parts.join(', ')} select moved.business_key, moved.definition_key, moved.parent_instance_id, moved.parent_element, armed.id, armed.element_id from moved left join armed on true`, params);
    if (rows.length === 0) return null;
    const parent = rows[0].parent_instance_id === null ? null : { id: rows[0].parent_instance_id, element: rows[0].parent_element ?? '' };
    return { businessKey: rows[0].business_key, definitionKey: rows[0].definition_key, parent, armed: rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, element: r.element_id! })) };
  },

  /** Ends an instance as cancelled (compare-and-set on the revision) with its open tasks and armed timers; false when it changed meanwhile. */
  async cancel(em: EntityManager, id: number, revision: number, now: Date): Promise<boolean> {
    const updated = await em.execute<{ id: number }[]>(`update workflow_instance set status = 'cancelled', revision = revision + 1, updated_at = ?, ended_at = ? where id = ? and revision = ? returning id`, [now, now, id, revision]);
    if (updated.length === 0) return false;
    await em.execute(`update workflow_task set status = 'cancelled', completed_at = ? where instance_id = ? and status = 'open'`, [now, id]);
    await em.execute(`update workflow_timer set status = 'cancelled' where instance_id = ? and status = 'armed'`, [id]);
    return true;
  },

  /** Moves an instance to another version of its process with a renamed snapshot (compare-and-set on the revision). */
  async migrate(em: EntityManager, id: number, revision: number, toVersion: number, snapshot: unknown, now: Date): Promise<void> {
    await em.execute(`update workflow_instance set definition_version = ?, snapshot_json = ?, revision = revision + 1, updated_at = ? where id = ? and revision = ?`, [toVersion, JSON.stringify(snapshot), now, id, revision]);
  },

  async appendHistory(em: EntityManager, instanceId: number, entry: Omit<HistoryEntry, 'id' | 'fromStates' | 'toStates'> & { fromStates: string[]; toStates: string[] }): Promise<void> {
    await em.execute(`insert into workflow_history (instance_id, at, actor, event, detail_json, from_states, to_states) values (?, ?, ?, ?, ?, ?, ?)`,
      [instanceId, entry.at, entry.actor, entry.event, JSON.stringify(entry.detail), list(entry.fromStates), list(entry.toStates)]);
  },

  async history(em: EntityManager, instanceId: number): Promise<HistoryEntry[]> {
    const rows = await em.execute<{ id: number; at: Date | string; actor: string; event: string; detail_json: string; from_states: string; to_states: string }[]>(
      'select * from workflow_history where instance_id = ? order by id', [instanceId]);
    return rows.map((h) => ({ id: h.id, at: new Date(h.at), actor: h.actor, event: h.event, detail: JSON.parse(h.detail_json) as Record<string, unknown>, fromStates: h.from_states ? h.from_states.split(',') : [], toStates: h.to_states ? h.to_states.split(',') : [] }));
  },

  /** Running (or stuck) instances of older versions of a process. */
  async activeBefore(em: EntityManager, key: string, version: number): Promise<WorkflowInstance[]> {
    return (await em.execute<InstanceRow[]>(`select * from workflow_instance where definition_key = ? and definition_version < ? and status in ('running', 'incident')`, [key, version])).map(toInstance);
  },

  /** Running instances of one version, locked for the rest of the transaction. */
  async lockRunning(em: EntityManager, key: string, version: number): Promise<WorkflowInstance[]> {
    return (await em.execute<InstanceRow[]>(`select * from workflow_instance where definition_key = ? and definition_version = ? and status = 'running' for update`, [key, version])).map(toInstance);
  },

  /** Instances by process key, status and business key: a window of them in a keyset's order (on `id`). */
  async window(em: EntityManager, filter: InstanceFilter, keyset: KeysetOrder, window: PageWindow): Promise<WorkflowInstance[]> {
    const f = filterSql(filter);
    const w = sqlWindow(keyset, window);
    return (await em.execute<InstanceRow[]>(`select * from workflow_instance where ${f.where} and ${w.condition} order by ${w.orderBy} limit ?`, [...f.params, ...w.params, w.limit])).map(toInstance);
  },

  async count(em: EntityManager, filter: InstanceFilter): Promise<number> {
    const f = filterSql(filter);
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) as count from workflow_instance where ${f.where}`, f.params);
    return Number(count);
  },

  /** The running instances of a process, oldest first. */
  async running(em: EntityManager, key: string): Promise<WorkflowInstance[]> {
    return (await em.execute<InstanceRow[]>(`select * from workflow_instance where definition_key = ? and status = 'running' order by id`, [key])).map(toInstance);
  },

  /** Every running instance of an organisation (of all, for null), oldest first. */
  async allRunning(em: EntityManager, organisationId: number | null): Promise<WorkflowInstance[]> {
    const rows = organisationId === null
      ? await em.execute<InstanceRow[]>(`select * from workflow_instance where status = 'running' order by id`)
      : await em.execute<InstanceRow[]>(`select * from workflow_instance where status = 'running' and organisation_id = ? order by id`, [organisationId]);
    return rows.map(toInstance);
  },

  /** The running instances holding a business key (a caller and the instances it called share it), the innermost first. */
  async runningWithBusinessKey(em: EntityManager, businessKey: string): Promise<WorkflowInstance[]> {
    return (await em.execute<InstanceRow[]>(`select * from workflow_instance where business_key = ? and status = 'running' order by id desc`, [businessKey])).map(toInstance);
  },

  /** The running or stuck instance holding a business key, if any. */
  async activeWithBusinessKey(em: EntityManager, businessKey: string): Promise<number | null> {
    const [row] = await em.execute<{ id: number }[]>(`select id from workflow_instance where business_key = ? and status in ('running', 'incident')`, [businessKey]);
    return row?.id ?? null;
  },
};
