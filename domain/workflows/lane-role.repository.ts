import type { EntityManager } from '../shared/persistence.ts';

/** One lane name of the organisation's mapping and the role it stands for. */
export type LaneRole = {
  lane: string;
  role: string;
};

// the session's organisation, or on a server with one organisation the system's work there (rectifications deploy as the system)
const OWN = `organisation_id = pinzhi_row_organisation()`;

/** The organisation's lane→role mapping (row-level security keeps it the organisation's own). */
export const laneRoleRepository = {
  async list(em: EntityManager): Promise<LaneRole[]> {
    return em.execute<LaneRole[]>(`select lane, role from workflow_lane_role where ${OWN} order by id`);
  },

  /** The mapping as the compiler takes it: lane name → role. */
  async mapping(em: EntityManager): Promise<Record<string, string>> {
    return Object.fromEntries((await laneRoleRepository.list(em)).map((r) => [r.lane, r.role]));
  },

  /** Replaces the whole mapping with `entries` (already checked and normalised). */
  async replace(em: EntityManager, entries: readonly (LaneRole & { laneKey: string })[], by: string, at: Date): Promise<void> {
    await em.execute(`delete from workflow_lane_role where ${OWN}`);
    for (const e of entries) {
      await em.execute(`insert into workflow_lane_role (lane, lane_key, role, updated_by, updated_at) values (?, ?, ?, ?, ?)`, [e.lane, e.laneKey, e.role, by, at]);
    }
  },
};
