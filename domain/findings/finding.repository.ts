import { scopeSql, type Scope } from '../organisations/scope.ts';
import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { JsonValue } from '../shared/json.ts';
import type { MessageData } from '../shared/messages.ts';
import { checklistMessage } from '../checklists/checklist.messages.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { sqlWindow } from '../shared/keyset-query.ts';
import { Finding, type IFinding } from './finding.entity.ts';

/** A finding as the domain reads it: the answer found and the reasons it failed, parsed. */
export interface FindingView extends Omit<IFinding, 'actualJson' | 'reasonsJson'> {
  actual: JsonValue;
  /** why the answer failed, as messages to render in the reader's language */
  reasons: MessageData[];
  /** by when the current work is due: the open rectification step's deadline, else the finding's own */
  dueAt: Date | null;
}

/** Reasons are stored as messages (code and parameters); findings judged before that hold English text. */
const toReason = (stored: unknown): MessageData => (typeof stored === 'string' ? checklistMessage('answers.reason_recorded', { text: stored }) : (stored as MessageData));

const toView = ({ actualJson, reasonsJson, ...row }: IFinding, dueAt: Date | null): FindingView => ({
  ...row, actual: JSON.parse(actualJson) as JsonValue, reasons: (JSON.parse(reasonsJson) as unknown[]).map(toReason), dueAt,
});

/** The stored form of a finding's reasons: code and parameters of each. */
export const reasonsJson = (reasons: MessageData[]): string => JSON.stringify(reasons.map(({ code, params }) => ({ code, params })));

/** Which findings a list shows. */
export interface FindingFilter {
  /** where the reader's roles reach (their organisation and projects) */
  scope?: Scope;
  inspectionId?: number | null;
  projectId?: number | null;
  /** the project's region (华东区域 …) */
  region?: string | null;
  module?: string | null;
  severity?: string | null;
  status?: string | null;
  /** not closed and past due (the open rectification step's deadline, else the finding's own) */
  overdue?: boolean | null;
  /** a touchpoint code the finding concerns */
  touchpoint?: string | null;
  /** inclusive dates YYYY-MM-DD */
  from?: string | null;
  to?: string | null;
}

/**
 * Findings with what lists sort and filter by: the project's region, the day found (the date
 * column itself, so its index serves a period and the default order), the current due time and a
 * rank of severity (critical first). The due time is the earliest open step deadline of the
 * finding's rectification, else the finding's own; it is read one of two ways:
 * - `lookup`: per finding, by the business key and the open tasks of its instances. A window in
 *   the order of the day found reads only the findings it walks past (a few dozen), so a page stays
 *   a few index probes however many findings and open tasks the organisation has;
 * - `joined`: computed once per rectification and hash-joined on the business key, for reads that
 *   need every finding's due time (a count of the overdue, the order by due time), where a lookup
 *   per finding row (under row-level security on both workflow tables) would scale with every
 *   finding ever found.
 */
const listedRows = (due: 'lookup' | 'joined') => `(select f.id, f.organisation_id, f.inspection_id, f.project_id, f.module, f.severity, f.status, f.touchpoints, p.region, f.found_on,
    coalesce(d.due_at, f.rectify_due_at) as due_at,
    case f.severity when 'critical' then 0 when 'major' then 1 else 2 end as severity_rank
  from finding f join project p on p.id = f.project_id
  ${due === 'lookup'
    // the key as a column of its own (`offset 0` keeps it one): compared with a computed expression
    // instead, the business key's index is refused under row-level security (`||` is not leakproof)
    ? `cross join lateral (select 'finding:' || f.id as key offset 0) k
  left join lateral (select min(t.due_at) as due_at from workflow_instance w join workflow_task t on t.instance_id = w.id
    where w.business_key = k.key and t.status = 'open') d on true) x`
    : `left join (select w.business_key, min(t.due_at) as due_at from workflow_task t join workflow_instance w on w.id = t.instance_id
    where t.status = 'open' group by w.business_key) d on d.business_key = 'finding:' || f.id) x`}`;

/** Whether a keyset orders by the due time (then every finding's due time is needed). */
const ordersByDue = (keyset: KeysetOrder): boolean => keyset.columns.some((c) => c.name.includes('due_at'));

function whereOf(filter: FindingFilter & { id?: number }, now: Date): { sql: string; params: unknown[] } {
  const parts: [string, unknown[]][] = [];
  if (filter.id != null) parts.push(['x.id = ?', [filter.id]]);
  if (filter.inspectionId != null) parts.push(['x.inspection_id = ?', [filter.inspectionId]]);
  if (filter.projectId != null) parts.push(['x.project_id = ?', [filter.projectId]]);
  if (filter.region) parts.push(['x.region = ?', [filter.region]]);
  if (filter.module) parts.push(['x.module = ?', [filter.module]]);
  if (filter.severity) parts.push(['x.severity = ?', [filter.severity]]);
  if (filter.status) parts.push(['x.status = ?', [filter.status]]);
  if (filter.overdue) parts.push([`x.status <> 'closed' and x.due_at < ?`, [now]]);
  if (filter.touchpoint) parts.push(['exists (select 1 from jsonb_array_elements_text(x.touchpoints) tp(code) where tp.code = ?)', [filter.touchpoint]]);
  if (filter.from) parts.push(['x.found_on >= ?', [filter.from]]);
  if (filter.to) parts.push(['x.found_on <= ?', [filter.to]]);
  if (filter.scope) {
    const sc = scopeSql(filter.scope, 'x');
    parts.push([sc.sql, sc.params]);
  }
  return { sql: ['true', ...parts.map(([c]) => c)].join(' and '), params: parts.flatMap(([, p]) => p) };
}

type Listed = { id: number; due_at: Date | string | null };

/** The findings of listed rows, in the rows' order, each with its due time. */
async function load(em: EntityManager, rows: Listed[]): Promise<FindingView[]> {
  if (rows.length === 0) return [];
  const byId = new Map((await em.find(Finding, { id: { $in: rows.map((r) => r.id) } })).map((f) => [f.id, f]));
  return rows.flatMap((r) => {
    const f = byId.get(r.id);
    return f ? [toView(f, r.due_at ? new Date(r.due_at) : null)] : [];
  });
}

/** Reads of findings as domain objects. */
export const findingReads = {
  /** A window of the findings matching the filter, in a keyset's order (columns of `listedRows`: found_on, due_at, severity_rank, id). */
  async window(em: EntityManager, filter: FindingFilter, keyset: KeysetOrder, window: PageWindow, now: Date): Promise<FindingView[]> {
    const w = whereOf(filter, now);
    const page = sqlWindow(keyset, window);
    return load(em, await em.execute<Listed[]>(`select x.id, x.due_at from ${listedRows(ordersByDue(keyset) ? 'joined' : 'lookup')} where ${w.sql} and ${page.condition} order by ${page.orderBy} limit ?`, [...w.params, ...page.params, page.limit]));
  },

  async count(em: EntityManager, filter: FindingFilter, now: Date): Promise<number> {
    const w = whereOf(filter, now);
    const [{ count }] = await em.execute<{ count: string }[]>(`select count(*) as count from ${listedRows('joined')} where ${w.sql}`, w.params);
    return Number(count);
  },

  /** The first `limit` findings matching the filter in a keyset's order (an export). */
  async listed(em: EntityManager, filter: FindingFilter, keyset: KeysetOrder, limit: number, now: Date): Promise<FindingView[]> {
    return findingReads.window(em, filter, keyset, { after: null, backwards: false, limit }, now);
  },

  /** One finding, or null. */
  async byId(em: EntityManager, id: number, scope?: Scope): Promise<FindingView | null> {
    const w = whereOf({ id, scope }, new Date());
    const [found] = await load(em, await em.execute<Listed[]>(`select x.id, x.due_at from ${listedRows('lookup')} where ${w.sql}`, w.params));
    return found ?? null;
  },

  /** The newest rectification instance of a finding, if one was opened. */
  async rectificationOf(em: EntityManager, findingId: number): Promise<number | null> {
    const [row] = await em.execute<{ id: number }[]>(`select id from workflow_instance where business_key = ? order by id desc limit 1`, [findingBusinessKey(findingId)]);
    return row ? Number(row.id) : null;
  },

  /** The finding a workflow instance rectifies, if it is a finding's rectification. */
  async idOfInstance(em: EntityManager, instanceId: number): Promise<number | null> {
    const [row] = await em.execute<{ business_key: string | null }[]>(`select business_key from workflow_instance where id = ?`, [instanceId]);
    return row ? findingIdOf(row.business_key) : null;
  },

  /** Every finding of one inspection, in checklist order. */
  async ofInspection(em: EntityManager, inspectionId: number): Promise<FindingView[]> {
    const w = whereOf({ inspectionId }, new Date());
    return load(em, await em.execute<Listed[]>(`select x.id, x.due_at from ${listedRows('lookup')} where ${w.sql} order by x.id`, w.params));
  },
};

/** What a rectification is started with: the finding as the inspection judged it. */
export interface FindingFacts {
  id: number;
  organisation_id: number;
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
