import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { Membership, Region, type IRegion } from '../organisations/organisation.entity.ts';
import { Project } from '../projects/project.entity.ts';
import { User, type IUser } from '../users/user.entity.ts';
import { FlyingAssignment, FlyingPlan, type IFlyingAssignment, type IFlyingPlan } from './flying.entity.ts';

/** The first monthly inspection of a project in a window of days. */
export interface FirstInspection {
  projectId: number;
  inspectionId: number;
  inspectedOn: string;
  inspector: string;
}

/** Flying-inspection plans, their assignments, and what they are drawn from. */
export const flyingRepository = {
  /** A region by id (of one organisation, when given). */
  region(em: EntityManager, id: number, organisationId: number | null): Promise<IRegion | null> {
    return em.findOne(Region, organisationId === null ? { id } : { id, organisationId });
  },

  /** The regions of an organisation (every region for none), by code. */
  regions(em: EntityManager, organisationId: number | null): Promise<IRegion[]> {
    return em.find(Region, organisationId === null ? {} : { organisationId }, { orderBy: { organisationId: 'asc', code: 'asc' } });
  },

  findPlan(em: EntityManager, regionId: number, month: string): Promise<IFlyingPlan | null> {
    return em.findOne(FlyingPlan, { regionId, month });
  },

  /** The plans of some regions over a range of months (YYYY-MM, inclusive), by region and month. */
  plansBetween(em: EntityManager, regionIds: readonly number[], fromMonth: string, toMonth: string): Promise<IFlyingPlan[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return em.find(FlyingPlan, { regionId: { $in: [...regionIds] }, month: { $gte: fromMonth, $lte: toMonth } }, { orderBy: { regionId: 'asc', month: 'asc' } });
  },

  /** Stores a plan at once (its assignments refer to its id). */
  async insertPlan(em: EntityManager, row: NewRow<IFlyingPlan>): Promise<IFlyingPlan> {
    const plan = em.create(FlyingPlan, row);
    await em.flush();
    return plan;
  },

  insertAssignment(em: EntityManager, row: NewRow<IFlyingAssignment>): IFlyingAssignment {
    return em.create(FlyingAssignment, row);
  },

  /** The assignments of plans, in the order of each draw. */
  assignmentsOf(em: EntityManager, planIds: readonly number[]): Promise<IFlyingAssignment[]> {
    if (planIds.length === 0) return Promise.resolve([]);
    return em.find(FlyingAssignment, { planId: { $in: [...planIds] } }, { orderBy: { planId: 'asc', position: 'asc' } });
  },

  /** A supervisor's assignments in the plans of a month, with their plans. */
  async assignedTo(em: EntityManager, supervisor: string, month: string): Promise<{ plan: IFlyingPlan; assignment: IFlyingAssignment }[]> {
    const plans = await em.find(FlyingPlan, { month }, { orderBy: { regionId: 'asc' } });
    const byId = new Map(plans.map((p) => [p.id, p]));
    const rows = plans.length === 0 ? [] : await em.find(FlyingAssignment, { supervisor, planId: { $in: plans.map((p) => p.id) } }, { orderBy: { planId: 'asc', position: 'asc' } });
    return rows.map((assignment) => ({ plan: byId.get(assignment.planId)!, assignment }));
  },

  /** The projects of a region, by code. */
  regionProjects(em: EntityManager, organisationId: number, regionId: number): Promise<{ id: number; code: string }[]> {
    return em.find(Project, { organisationId, regionId }, { fields: ['id', 'code'], orderBy: { code: 'asc' } });
  },

  /** Adds a person who supervises a region: the user, then their `inspector` membership on the region (it refers to the user). */
  async insertSupervisor(em: EntityManager, user: NewRow<IUser>, regionId: number, createdBy: string): Promise<void> {
    em.create(User, user);
    await em.flush();
    em.create(Membership, { organisationId: user.organisationId!, username: user.username, role: 'inspector', regionId, createdBy, createdAt: user.createdAt });
  },

  /** The region's supervisors: who holds `inspector` on the region, by username. */
  async supervisorsOf(em: EntityManager, organisationId: number, regionId: number): Promise<string[]> {
    const rows = await em.find(Membership, { organisationId, regionId, role: 'inspector' }, { orderBy: { username: 'asc' } });
    return [...new Set(rows.map((m) => m.username))];
  },

  /** How many assignments each supervisor carries in a region's plans of some months. */
  async load(em: EntityManager, regionId: number, months: readonly string[]): Promise<Map<string, number>> {
    const rows = await em.execute<{ supervisor: string; n: string }[]>(
      `select a.supervisor, count(*) as n from flying_assignment a join flying_plan p on p.id = a.plan_id
       where p.region_id = ? and p.month in (${months.map(() => '?').join(', ')}) and a.supervisor is not null group by 1`, [regionId, ...months]);
    return new Map(rows.map((r) => [r.supervisor, Number(r.n)]));
  },

  /** The first monthly inspection of each of the projects between two days (inclusive). */
  async firstMonthlyInspections(em: EntityManager, projectIds: readonly number[], from: string, to: string): Promise<Map<number, FirstInspection>> {
    if (projectIds.length === 0) return new Map();
    const rows = await em.execute<{ project_id: number; id: number; inspected_on: string; inspector: string }[]>(
      `select distinct on (project_id) project_id, id, inspected_on::text as inspected_on, inspector from inspection
       where tier = 'monthly' and project_id in (${projectIds.map(() => '?').join(', ')}) and inspected_on >= ? and inspected_on <= ?
       order by project_id, inspected_on, id`, [...projectIds, from, to]);
    return new Map(rows.map((r) => [Number(r.project_id), { projectId: Number(r.project_id), inspectionId: Number(r.id), inspectedOn: r.inspected_on, inspector: r.inspector }]));
  },
};
