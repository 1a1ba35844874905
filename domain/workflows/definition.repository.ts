import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import type { CompiledWorkflow } from './compiler/compile.ts';

/** A deployed version of a process, with its compiled machine parsed. */
export interface WorkflowDefinition {
  key: string;
  version: number;
  name: string;
  bpmnXml: string;
  deployedBy: string;
  deployedAt: Date;
  compiled: CompiledWorkflow;
}

interface DefinitionRow {
  key: string;
  version: number;
  name: string;
  bpmn_xml: string;
  deployed_by: string;
  deployed_at: Date | string;
  compiled_json: string;
}

const toDefinition = (r: DefinitionRow): WorkflowDefinition => ({
  key: r.key, version: r.version, name: r.name, bpmnXml: r.bpmn_xml, deployedBy: r.deployed_by, deployedAt: new Date(r.deployed_at), compiled: JSON.parse(r.compiled_json) as CompiledWorkflow,
});

/** Deployed process versions: stored once, never changed. */
export const definitionRepository = {
  /** A version of a process, the newest when none is given; null when there is none. */
  async find(em: EntityManager, key: string, version?: number | null): Promise<WorkflowDefinition | null> {
    const rows = await em.execute<DefinitionRow[]>(`select * from workflow_definition where key = ? ${version ? 'and version = ?' : ''} order by version desc limit 1`, version ? [key, version] : [key]);
    return rows[0] ? toDefinition(rows[0]) : null;
  },

  /** The newest version's number, content hash and who deployed it. */
  async newest(em: EntityManager, key: string): Promise<{ version: number; contentHash: string; deployedBy: string } | null> {
    const [row] = await em.execute<{ version: number; content_hash: string; deployed_by: string }[]>('select version, content_hash, deployed_by from workflow_definition where key = ? order by version desc limit 1', [key]);
    return row ? { version: row.version, contentHash: row.content_hash, deployedBy: row.deployed_by } : null;
  },

  /** The processes whose newest version starts when `message` arrives (a message start event), by key. */
  async startedBy(em: EntityManager, message: string): Promise<string[]> {
    const rows = await em.execute<{ key: string }[]>(
      `select key from (select distinct on (key) key, compiled_json from workflow_definition order by key, version desc) d where (d.compiled_json::jsonb) ->> 'startMessage' = ? order by key`, [message]);
    return rows.map((r) => r.key);
  },

  async exists(em: EntityManager, key: string): Promise<boolean> {
    const [row] = await em.execute<{ n: string }[]>('select count(*) as n from workflow_definition where key = ?', [key]);
    return Number(row.n) > 0;
  },

  async insert(em: EntityManager, d: Omit<WorkflowDefinition, 'compiled'> & { compiled: CompiledWorkflow; contentHash: string }): Promise<void> {
    await em.execute(`insert into workflow_definition (key, version, name, bpmn_xml, compiled_json, content_hash, deployed_by, deployed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.key, d.version, d.name, d.bpmnXml, JSON.stringify(d.compiled), d.contentHash, d.deployedBy, d.deployedAt]);
  },

  /** A window of the versions in a keyset's order (on `key`, `version`). */
  async window(em: EntityManager, keyset: KeysetOrder, window: PageWindow): Promise<WorkflowDefinition[]> {
    const w = sqlWindow(keyset, window);
    return (await em.execute<DefinitionRow[]>(`select * from workflow_definition where ${w.condition} order by ${w.orderBy} limit ?`, [...w.params, w.limit])).map(toDefinition);
  },

  async count(em: EntityManager): Promise<number> {
    const [{ count }] = await em.execute<{ count: string }[]>('select count(*) as count from workflow_definition');
    return Number(count);
  },
};
