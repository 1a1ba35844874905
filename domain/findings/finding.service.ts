import { authorize } from '../shared/access.ts';
import { scopeOf } from '../organisations/scope.ts';
import { issue, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { findingReads, type FindingFilter, type FindingView } from './finding.repository.ts';
import { findingMessage } from './finding.messages.ts';
import { workflowMessage } from '../workflows/workflow.messages.ts';
import { projectRepository } from '../projects/project.repository.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import type { IPlace } from '../projects/project.entity.ts';

export const FINDING_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const FINDING_STATUSES = ['open', 'rectifying', 'closed'] as const;
export const FINDING_SORTS = ['newest', 'oldest', 'due', 'severity'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];

const SEVERITY_RANK: Record<string, number> = { critical: 0, major: 1, minor: 2 };
const ID_DESC = { name: 'x.id', type: 'int', direction: 'desc' } as const;
// the date column, compared with the cursor's YYYY-MM-DD (its index serves the order)
const DAY_DESC = { name: 'x.found_on', type: 'text', direction: 'desc' } as const;

/** The orders of the findings list, each a keyset whose last column (the id) is unique. */
export const FINDING_ORDERS: Record<FindingSort, Keyset<FindingView>> = {
  newest: { list: 'findings', columns: [DAY_DESC, ID_DESC], keyOf: (f) => [f.foundOn, f.id] },
  oldest: { list: 'findings-oldest', columns: [{ ...DAY_DESC, direction: 'asc' }, { ...ID_DESC, direction: 'asc' }], keyOf: (f) => [f.foundOn, f.id] },
  // compared at the milliseconds a cursor carries (a deadline written by SQL may hold microseconds)
  due: { list: 'findings-due', columns: [{ name: `date_trunc('milliseconds', x.due_at)`, type: 'timestamp', direction: 'asc', nullable: true }, { ...ID_DESC, direction: 'asc' }], keyOf: (f) => [f.dueAt ? f.dueAt.getTime() : null, f.id] },
  severity: { list: 'findings-severity', columns: [{ name: 'x.severity_rank', type: 'int', direction: 'asc' }, DAY_DESC, ID_DESC], keyOf: (f) => [SEVERITY_RANK[f.severity] ?? 2, f.foundOn, f.id] },
};

/** What a client may ask the findings list for: the filter and an order. */
export interface FindingQuery extends FindingFilter {
  sort?: string | null;
}

const oneOf = (name: string, value: string | null | undefined, allowed: readonly string[]): Issue[] =>
  value != null && !allowed.includes(value) ? [issue(`/${name}`, findingMessage('finding.not_one_of', { value, allowed: [...allowed] }))] : [];

/**
 * Checks a findings query as a whole and says every problem with its argument: an unknown
 * severity, status or order, a module or touchpoint that is not a code, a date that is not a day,
 * a period that ends before it starts.
 */
export function readFindingQuery(query: FindingQuery): { filter: FindingFilter; sort: FindingSort } {
  const issues: Issue[] = [
    ...oneOf('severity', query.severity, FINDING_SEVERITIES),
    ...oneOf('status', query.status, FINDING_STATUSES),
    ...oneOf('sort', query.sort, FINDING_SORTS),
  ];
  if (query.module != null && !/^M\d{2}$/.test(query.module)) issues.push(issue('/module', findingMessage('finding.not_a_module', { value: query.module })));
  if (query.touchpoint != null && !/^[A-Za-z0-9._-]{1,40}$/.test(query.touchpoint)) issues.push(issue('/touchpoint', findingMessage('finding.not_a_touchpoint', { value: query.touchpoint })));
  if (query.projectId != null && !(Number.isSafeInteger(query.projectId) && query.projectId > 0)) issues.push(issue('/projectId', findingMessage('finding.not_a_project', { value: String(query.projectId) })));
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value != null && !isCalendarDate(value)) issues.push(issue(`/${name}`, sharedMessage('value.not_a_date', { value: String(value) })));
  }
  if (issues.length === 0 && query.from && query.to && query.from > query.to) issues.push(issue('/to', findingMessage('finding.period_reversed', { from: query.from, to: query.to })));
  if (issues.length > 0) throw new ValidationError(findingMessage('finding.filter_invalid', { names: [...new Set(issues.map((i) => i.pointer.slice(1)))] }), issues);
  const { sort, ...filter } = query;
  return { filter: { ...filter, region: filter.region || null, module: filter.module || null, touchpoint: filter.touchpoint || null }, sort: (sort ?? 'newest') as FindingSort };
}

/** Findings by project, region, module, severity, status, overdue, touchpoint and period, in the order asked for, a page at a time. */
export async function listFindings(ctx: ServiceContext, query: FindingQuery, page: PageArgs, now: Date = new Date()): Promise<Page<FindingView>> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  const { filter: asked, sort } = readFindingQuery(query);
  const filter = { ...asked, scope };
  const order = FINDING_ORDERS[sort];
  return keysetPage(order, page, (window) => findingReads.window(ctx.em, filter, order, window, now), () => findingReads.count(ctx.em, filter, now));
}

/** One finding. */
export async function getFinding(ctx: ServiceContext, id: number): Promise<FindingView> {
  const finding = await findingReads.byId(ctx.em, id, scopeOf(ctx.actor, 'readInspections'));
  if (!finding) throw new NotFoundError(workflowMessage('finding.not_found', { id }), String(id));
  return finding;
}

/** Whether a finding is past due: not closed, and its current deadline has passed. */
export const isOverdue = (f: Pick<FindingView, 'status' | 'dueAt'>, now: Date = new Date()): boolean => f.status !== 'closed' && f.dueAt !== null && f.dueAt < now;

/** Where in its project the finding was made, when the inspection named a place. */
export async function placeOfFinding(ctx: ServiceContext, f: FindingView): Promise<IPlace | null> {
  authorize(ctx.actor, 'readInspections');
  return f.placeId == null ? null : projectRepository.findPlaceById(ctx.em, f.placeId);
}

/** The title of the document version the finding was judged against (the work instruction). */
export async function pinnedDocumentTitle(ctx: ServiceContext, f: FindingView): Promise<string | null> {
  authorize(ctx.actor, 'readInspections');
  return (await standardRepository.findVersion(ctx.em, f.code, f.version))?.title ?? null;
}

/** The id of a finding's rectification instance (the newest, if it was reopened), if any. */
export async function rectificationIdOf(ctx: ServiceContext, findingId: number): Promise<number | null> {
  authorize(ctx.actor, 'readInspections');
  return findingReads.rectificationOf(ctx.em, findingId);
}

/** The finding a workflow instance rectifies; null for instances of other processes. */
export async function findingOfInstance(ctx: ServiceContext, instanceId: number): Promise<FindingView | null> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  const id = await findingReads.idOfInstance(ctx.em, instanceId);
  return id === null ? null : findingReads.byId(ctx.em, id, scope);
}
