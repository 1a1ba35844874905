import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import type { CompileIssue } from './compiler/errors.ts';

/** An imported diagram not yet deployed, with what it still lacks (the organisation's own, by row-level security). */
export interface WorkflowDraft {
  id: number;
  key: string;
  name: string;
  processId: string | null;
  bpmnXml: string;
  missing: CompileIssue[];
  status: 'draft' | 'deployed';
  deployedVersion: number | null;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

interface DraftRow {
  id: number; key: string; name: string; process_id: string | null; bpmn_xml: string; missing: CompileIssue[] | string; status: 'draft' | 'deployed';
  deployed_version: number | null; revision: number; created_by: string; created_at: Date | string; updated_by: string; updated_at: Date | string;
}

const toDraft = (r: DraftRow): WorkflowDraft => ({
  id: r.id, key: r.key, name: r.name, processId: r.process_id, bpmnXml: r.bpmn_xml, missing: typeof r.missing === 'string' ? JSON.parse(r.missing) : r.missing,
  status: r.status, deployedVersion: r.deployed_version, revision: r.revision,
  createdBy: r.created_by, createdAt: new Date(r.created_at), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at),
});

/** What a save writes: the diagram, its pool, its name and its missing list. */
export interface DraftContent {
  name: string;
  processId: string | null;
  bpmnXml: string;
  missing: CompileIssue[];
}

export const draftRepository = {
  async find(em: EntityManager, id: number, lock = false): Promise<WorkflowDraft | null> {
    const [row] = await em.execute<DraftRow[]>(`select * from workflow_draft where id = ?${lock ? ' for update' : ''}`, [id]);
    return row ? toDraft(row) : null;
  },

  /** The open draft of a key, locked for the caller's transaction; null when there is none. */
  async openOf(em: EntityManager, key: string): Promise<WorkflowDraft | null> {
    const [row] = await em.execute<DraftRow[]>(`select * from workflow_draft where key = ? and status = 'draft' for update`, [key]);
    return row ? toDraft(row) : null;
  },

  async insert(em: EntityManager, key: string, content: DraftContent, by: string, at: Date): Promise<number> {
    const [row] = await em.execute<{ id: number }[]>(`insert into workflow_draft (key, name, process_id, bpmn_xml, missing, status, revision, created_by, created_at, updated_by, updated_at)
      values (?, ?, ?, ?, ?::jsonb, 'draft', 1, ?, ?, ?, ?) returning id`, [key, content.name, content.processId, content.bpmnXml, JSON.stringify(content.missing), by, at, by, at]);
    return row.id;
  },

  async update(em: EntityManager, id: number, content: DraftContent, by: string, at: Date): Promise<void> {
    await em.execute(`update workflow_draft set name = ?, process_id = ?, bpmn_xml = ?, missing = ?::jsonb, revision = revision + 1, updated_by = ?, updated_at = ? where id = ?`,
      [content.name, content.processId, content.bpmnXml, JSON.stringify(content.missing), by, at, id]);
  },

  async markDeployed(em: EntityManager, id: number, version: number, by: string, at: Date): Promise<void> {
    await em.execute(`update workflow_draft set status = 'deployed', deployed_version = ?, revision = revision + 1, updated_by = ?, updated_at = ? where id = ?`, [version, by, at, id]);
  },

  /** Every open draft, locked for the caller's transaction. */
  async open(em: EntityManager): Promise<WorkflowDraft[]> {
    return (await em.execute<DraftRow[]>(`select * from workflow_draft where status = 'draft' order by id for update`)).map(toDraft);
  },

  /** Replaces a draft's missing list alone (a new lane mapping changed it, not the modeller). */
  async setMissing(em: EntityManager, id: number, missing: CompileIssue[]): Promise<void> {
    await em.execute(`update workflow_draft set missing = ?::jsonb where id = ?`, [JSON.stringify(missing), id]);
  },

  /** A window of the drafts in a keyset's order (on `id`), open ones only unless `all`. */
  async window(em: EntityManager, keyset: KeysetOrder, window: PageWindow, all: boolean): Promise<WorkflowDraft[]> {
    const w = sqlWindow(keyset, window);
    return (await em.execute<DraftRow[]>(`select * from workflow_draft where ${all ? 'true' : `status = 'draft'`} and ${w.condition} order by ${w.orderBy} limit ?`, [...w.params, w.limit])).map(toDraft);
  },

  async count(em: EntityManager, all: boolean): Promise<number> {
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) as count from workflow_draft where ${all ? 'true' : `status = 'draft'`}`);
    return Number(count);
  },
};
