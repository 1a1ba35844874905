import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { scopeSql, scopeWhere, type Scope } from '../organisations/scope.ts';
import { Project, type IProject } from '../projects/project.entity.ts';
import { REPETITION_WINDOW_DAYS } from './analysis/types.ts';
import { Feedback, type IFeedback } from './feedback.entity.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the feedback list is narrowed by (times as instants: the service turns days into them). */
export interface FeedbackWhere {
  projectId?: number | null;
  problemType?: string | null;
  priority?: string | null;
  channel?: string | null;
  since?: Date | null;
  before?: Date | null;
  search?: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(scope: Scope, filter: FeedbackWhere): Record<string, unknown> {
  return {
    ...scopeWhere(scope),
    ...(filter.projectId != null ? { projectId: filter.projectId } : {}),
    ...(filter.problemType != null ? { problemType: filter.problemType } : {}),
    ...(filter.priority != null ? { priority: filter.priority } : {}),
    ...(filter.channel != null ? { channel: filter.channel } : {}),
    ...(filter.since || filter.before ? { receivedAt: { ...(filter.since ? { $gte: filter.since } : {}), ...(filter.before ? { $lt: filter.before } : {}) } } : {}),
    ...(filter.search ? { $or: [{ text: { $ilike: likePattern(filter.search) } }, { place: { $ilike: likePattern(filter.search) } }, { sourceId: filter.search }] } : {}),
  };
}

/** Where the period's conditions on `alias.received_at` go in SQL. */
function periodSql(alias: string, since: Date | null, before: Date | null): { sql: string; params: unknown[] } {
  const parts = ['true'];
  const params: unknown[] = [];
  if (since) parts.push(`${alias}.received_at >= ?`) && params.push(since);
  if (before) parts.push(`${alias}.received_at < ?`) && params.push(before);
  return { sql: parts.join(' and '), params };
}

/** Stored feedback and the counts its analysis depends on. */
export const feedbackRepository = {
  /** The first organisation other than `than` (the demo gives the second organisation a little feedback of its own). */
  async anotherOrganisation(em: EntityManager, than: number): Promise<number | null> {
    const [row] = await em.execute<{ id: number }[]>('select id from organisation where id <> ? order by id limit 1', [than]);
    return row ? Number(row.id) : null;
  },

  /**
   * How many items of a problem type a project received in the repetition window before `at`
   * (the third dimension of the priority model).
   */
  repetitionOf(em: EntityManager, projectId: number, problemType: string, at: Date): Promise<number> {
    return em.count(Feedback, { projectId, problemType, receivedAt: { $gte: new Date(at.getTime() - REPETITION_WINDOW_DAYS * DAY_MS), $lt: at } });
  },

  /** Inserts the rows in one statement (the organisation named, as the trigger would set it); their ids in the same order. */
  async insertMany(em: EntityManager, rows: NewRow<IFeedback>[]): Promise<number[]> {
    if (rows.length === 0) return [];
    const values = rows.map((r) => [r.organisationId, r.projectId, r.channel, r.receivedAt, r.text, r.place ?? null, r.contact ?? null, r.sourceId ?? null, r.module ?? null, JSON.stringify(r.touchpoints),
      r.problemType ?? null, r.sentiment, r.intensity, r.repetition, r.priority, r.unclassified ?? null, r.modelVersion, r.complaintInstanceId ?? null, r.createdBy, r.createdAt]);
    const inserted = await em.execute<{ id: number }[]>(
      `insert into feedback (organisation_id, project_id, channel, received_at, text, place, contact, source_id, module, touchpoints, problem_type, sentiment, intensity, repetition, priority, unclassified, model_version, complaint_instance_id, created_by, created_at)
       values ${values.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id`, values.flat());
    return inserted.map((r) => Number(r.id));
  },

  /** Which of the source ids the organisation already holds. */
  async existingSourceIds(em: EntityManager, organisationId: number, sourceIds: readonly string[]): Promise<Set<string>> {
    if (sourceIds.length === 0) return new Set();
    const found = new Set<string>();
    for (let i = 0; i < sourceIds.length; i += 1000) {
      const rows = await em.find(Feedback, { organisationId, sourceId: { $in: sourceIds.slice(i, i + 1000) } }, { fields: ['sourceId'] });
      for (const r of rows) found.add(r.sourceId!);
    }
    return found;
  },

  find(em: EntityManager, id: number): Promise<IFeedback | null> {
    return em.findOne(Feedback, { id });
  },

  findMany(em: EntityManager, ids: readonly number[]): Promise<IFeedback[]> {
    return em.find(Feedback, { id: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
  },

  /** A window of the feedback in scope matching the filter, in a keyset's order. */
  window(em: EntityManager, scope: Scope, filter: FeedbackWhere, keyset: KeysetOrder, window: PageWindow): Promise<IFeedback[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Feedback, withWindow(whereOf(scope, filter), where), { orderBy, limit });
  },

  count(em: EntityManager, scope: Scope, filter: FeedbackWhere): Promise<number> {
    return em.count(Feedback, whereOf(scope, filter));
  },

  /** The projects of the scope (import resolves codes and names among them). */
  projectsOf(em: EntityManager, scope: Scope): Promise<IProject[]> {
    return em.find(Project, scopeWhere(scope, 'id'), { orderBy: { code: 'asc' } });
  },

  /**
   * Feedback per project and touchpoint over a period (of a module, when given). An item without
   * touchpoints counts under its module's code (M01…), so feedback the analyser could only place
   * in a module still shows on the map; items with neither (praise, unclassified) are left out.
   */
  async byTouchpoint(em: EntityManager, scope: Scope, period: { since: Date | null; before: Date | null; module?: string | null }): Promise<{ touchpoint: string; projectId: number; count: number }[]> {
    const sc = scopeSql(scope, 'f');
    const p = periodSql('f', period.since, period.before);
    const module = period.module ? { sql: 'f.module = ?', params: [period.module] } : { sql: 'true', params: [] };
    const rows = await em.execute<{ touchpoint: string; project_id: number; count: string }[]>(
      `select tp.value as touchpoint, f.project_id, count(*) as count from feedback f
       cross join jsonb_array_elements_text(case when jsonb_array_length(f.touchpoints) = 0 then jsonb_build_array(f.module) else f.touchpoints end) as tp(value)
       where (f.module is not null or jsonb_array_length(f.touchpoints) > 0) and ${p.sql} and ${module.sql} and ${sc.sql} group by 1, 2 order by 3 desc, 1, 2`,
      [...p.params, ...module.params, ...sc.params]);
    return rows.map((r) => ({ touchpoint: r.touchpoint, projectId: Number(r.project_id), count: Number(r.count) }));
  },

  /** Items per project and problem type received in [since, before). */
  async typeCounts(em: EntityManager, scope: Scope, since: Date, before: Date): Promise<{ projectId: number; problemType: string; count: number }[]> {
    const sc = scopeSql(scope, 'f');
    const p = periodSql('f', since, before);
    const rows = await em.execute<{ project_id: number; problem_type: string; count: string }[]>(
      `select f.project_id, f.problem_type, count(*) as count from feedback f where f.problem_type is not null and ${p.sql} and ${sc.sql} group by 1, 2`, [...p.params, ...sc.params]);
    return rows.map((r) => ({ projectId: Number(r.project_id), problemType: r.problem_type, count: Number(r.count) }));
  },
};
