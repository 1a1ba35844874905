import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { JsonValue } from '../shared/json.ts';
import type { MessageData } from '../shared/messages.ts';
import { checklistMessage } from '../checklists/checklist.messages.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Finding, type IFinding } from './finding.entity.ts';

/** A finding as the domain reads it: the answer found and the reasons it failed, parsed. */
export interface FindingView extends Omit<IFinding, 'actualJson' | 'reasonsJson'> {
  actual: JsonValue;
  /** why the answer failed, as messages to render in the reader's language */
  reasons: MessageData[];
}

/** Reasons are stored as messages (code and parameters); findings judged before that hold English text. */
const toReason = (stored: unknown): MessageData => (typeof stored === 'string' ? checklistMessage('answers.reason_recorded', { text: stored }) : (stored as MessageData));

const toView = ({ actualJson, reasonsJson, ...row }: IFinding): FindingView => ({
  ...row, actual: JSON.parse(actualJson) as JsonValue, reasons: (JSON.parse(reasonsJson) as unknown[]).map(toReason),
});

/** The stored form of a finding's reasons: code and parameters of each. */
export const reasonsJson = (reasons: MessageData[]): string => JSON.stringify(reasons.map(({ code, params }) => ({ code, params })));

/** Which findings a list shows. */
export interface FindingFilter {
  inspectionId?: number | null;
  projectId?: number | null;
  module?: string | null;
  severity?: string | null;
  status?: string | null;
  /** inclusive dates YYYY-MM-DD */
  from?: string | null;
  to?: string | null;
}

function whereOf(filter: FindingFilter): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (filter.inspectionId != null) where.inspectionId = filter.inspectionId;
  if (filter.projectId != null) where.projectId = filter.projectId;
  if (filter.module) where.module = filter.module;
  if (filter.severity) where.severity = filter.severity;
  if (filter.status) where.status = filter.status;
  if (filter.from || filter.to) where.foundOn = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  return where;
}

/** Reads of findings as domain objects. */
export const findingReads = {
  /** A window of the findings matching the filter, in a keyset's order. */
  async window(em: EntityManager, filter: FindingFilter, keyset: KeysetOrder, window: PageWindow): Promise<FindingView[]> {
    const { where: after, orderBy, limit } = ormWindow(keyset, window);
    return (await em.find(Finding, withWindow(whereOf(filter), after), { orderBy, limit })).map(toView);
  },

  count(em: EntityManager, filter: FindingFilter): Promise<number> {
    return em.count(Finding, whereOf(filter));
  },

  /** Every finding of one inspection, in checklist order. */
  async ofInspection(em: EntityManager, inspectionId: number): Promise<FindingView[]> {
    return (await em.find(Finding, { inspectionId }, { orderBy: { id: 'asc' } })).map(toView);
  },
};

/** What a rectification is started with: the finding as the inspection judged it. */
export interface FindingFacts {
  id: number;
  project_id: number;
  item_id: string;
  code: string;
  version: number;
  module: string;
  title: string;
  severity: string;
  status: string;
  expected_zh: string;
  actual_json: string;
  rectify_within_hours: number | null;
}

/** The business key that ties a rectification instance to its finding. */
export const findingBusinessKey = (findingId: number): string => `finding:${findingId}`;

/** Reads `finding:<id>` back; null for any other key. */
export function findingIdOf(businessKey: string | null): number | null {
  const m = /^finding:(\d{1,9})$/.exec(businessKey ?? '');
  return m ? Number(m[1]) : null;
}

/** The status changes of findings (open → rectifying → closed) and the reads the rectification needs. */
export const findingRepository = {
  /** Adds an inspection's findings to the unit of work (written with the caller's transaction). */
  insertAll(em: EntityManager, findings: NewRow<IFinding>[]): void {
    for (const finding of findings) em.create(Finding, finding);
  },

  /** A finding, locked for the rest of the caller's transaction. */
  async lock(em: EntityManager, id: number): Promise<FindingFacts | null> {
    const [row] = await em.execute<FindingFacts[]>('select * from finding where id = ? for update', [id]);
    return row ?? null;
  },

  /** Major and critical findings still open with no rectification (of one inspection, or all). */
  awaitingRectification(em: EntityManager, inspectionId?: number): Promise<FindingFacts[]> {
    return em.execute<FindingFacts[]>(
      `select f.* from finding f where f.severity in ('major', 'critical') and f.status = 'open' ${inspectionId ? 'and f.inspection_id = ?' : ''}
       and not exists (select 1 from workflow_instance w where w.business_key = 'finding:' || f.id) order by f.id`, inspectionId ? [inspectionId] : []);
  },

  async markRectifying(em: EntityManager, id: number): Promise<void> {
    await em.execute(`update finding set status = 'rectifying' where id = ? and status = 'open'`, [id]);
  },
};

/** When a rectification ends, its finding is closed; no other process closes a finding. */
export async function closeFindingOf(em: EntityManager, definitionKey: string, businessKey: string | null): Promise<void> {
  const id = findingIdOf(businessKey);
  if (definitionKey === 'rectification' && id !== null) await em.execute(`update finding set status = 'closed' where id = ?`, [id]);
}

/** A cancelled rectification gives its finding back: open, to be rectified again on request. */
export async function reopenFindingOf(em: EntityManager, definitionKey: string, businessKey: string | null): Promise<void> {
  const id = findingIdOf(businessKey);
  if (definitionKey === 'rectification' && id !== null) await em.execute(`update finding set status = 'open' where id = ? and status = 'rectifying'`, [id]);
}
