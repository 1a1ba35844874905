import type { EntityManager } from '../shared/persistence.ts';

/** SQL conditions of a scope (from `scopeSql`, on the alias the query names). */
export interface ScopeSql { sql: string; params: unknown[] }

export interface StandardRow { code: string; title: string; version: number; schema_json: string; published_at: Date | string | null }
export interface ClusterFeedbackRow { id: number; project_id: number }
export interface FindingTouchRow { id: number; code: string; touchpoints: string[] | string }
export interface EvidenceFeedbackRow { id: number; text: string; received_at: Date | string; project_id: number; name: string; problem_type: string | null }
export interface EvidenceFindingRow { id: number; title: string; remark: string | null; found_on: Date | string; project_id: number; name: string; severity: string; code: string }
export interface PackFeedbackRow { id: number; text: string; received_at: Date | string; module: string | null; touchpoints: string[] | string; intensity: number; name: string }
export interface PackFindingRow { id: number; item_key: string; title: string; remark: string | null; found_on: Date | string; name: string }

/** The reads and writes of revision evidence and review packs. */
export const loopRepository = {
  /** The current published version of a standard the organisation sees (the shared library's or its own). */
  async publishedStandard(em: EntityManager, code: string, organisationId: number | null): Promise<StandardRow | null> {
    const [row] = await em.execute<StandardRow[]>(
      `select d.code, v.title, v.version, v.schema_json, v.published_at from standard_document d join standard_version v on v.code = d.code and v.version = d.published_version
       where d.code = ? and d.retired = false and (d.organisation_id is null or d.organisation_id = ?)`, [code, organisationId ?? -1]);
    return row ?? null;
  },

  /** Feedback of a problem type received in [from, to), in the scope (alias f). */
  clusterFeedback(em: EntityManager, problemType: string, from: Date, to: Date, scope: ScopeSql): Promise<ClusterFeedbackRow[]> {
    return em.execute(`select f.id, f.project_id from feedback f where f.problem_type = ? and f.received_at >= ? and f.received_at < ? and ${scope.sql} order by f.received_at, f.id`, [problemType, from, to, ...scope.params]);
  },

  /** Findings found in [fromDay, toDay] of a standard or of its module, in the scope (alias f). */
  findingsOfStandardOrModule(em: EntityManager, code: string, module: string, fromDay: string, toDay: string, scope: ScopeSql): Promise<FindingTouchRow[]> {
    return em.execute(`select f.id, f.code, f.touchpoints from finding f where f.found_on >= ? and f.found_on <= ? and (f.code = ? or f.module = ?) and ${scope.sql} order by f.found_on, f.id`, [fromDay, toDay, code, module, ...scope.params]);
  },

  async insertEvidence(em: EntityManager, organisationId: number | null, instanceId: number, items: readonly (readonly [string, number])[], now: Date): Promise<void> {
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      await em.execute(`insert into revision_evidence (organisation_id, instance_id, kind, item_id, created_at) values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(([kind, itemId]) => [organisationId, instanceId, kind, itemId, now]));
    }
  },

  evidenceFeedback(em: EntityManager, instanceId: number, scope: ScopeSql): Promise<EvidenceFeedbackRow[]> {
    return em.execute(`select f.id, f.text, f.received_at, f.project_id, p.name, f.problem_type from revision_evidence e join feedback f on f.id = e.item_id join project p on p.id = f.project_id
       where e.instance_id = ? and e.kind = 'feedback' and ${scope.sql} order by f.received_at, f.id`, [instanceId, ...scope.params]);
  },

  evidenceFindings(em: EntityManager, instanceId: number, scope: ScopeSql): Promise<EvidenceFindingRow[]> {
    return em.execute(`select f.id, f.title, f.remark, f.found_on, f.project_id, p.name, f.severity, f.code from revision_evidence e join finding f on f.id = e.item_id join project p on p.id = f.project_id
       where e.instance_id = ? and e.kind = 'finding' and ${scope.sql} order by f.found_on, f.id`, [instanceId, ...scope.params]);
  },

  /** Feedback received since `start` that may touch a standard's items: of its module, or naming touchpoints (alias f). */
  packFeedback(em: EntityManager, start: Date, module: string, scope: ScopeSql): Promise<PackFeedbackRow[]> {
    return em.execute(`select f.id, f.text, f.received_at, f.module, f.touchpoints, f.intensity, p.name from feedback f join project p on p.id = f.project_id
       where f.received_at >= ? and (f.module = ? or jsonb_array_length(f.touchpoints) > 0) and ${scope.sql} order by f.received_at, f.id`, [start, module, ...scope.params]);
  },

  /** Findings against a standard since a day (alias f). */
  packFindings(em: EntityManager, code: string, sinceDay: string, scope: ScopeSql): Promise<PackFindingRow[]> {
    return em.execute(`select f.id, f.item_key, f.title, f.remark, f.found_on, p.name from finding f join project p on p.id = f.project_id
       where f.code = ? and f.found_on >= ? and ${scope.sql} order by f.found_on, f.id`, [code, sinceDay, ...scope.params]);
  },
};
