/**
 * Regional flying inspections (区域飞检) as the region's work: each month a sample of the region's
 * projects is drawn and dealt to the region's supervisors as monthly-tier inspections due that
 * month. Supervisors then inspect with the monthly checklists and `submitInspection`; an
 * assignment is done when a monthly inspection of its project falls within the month.
 */
import { ForbiddenError, type Actor } from '../shared/access.ts';
import { accessMessage } from '../shared/access.messages.ts';
import { ValidationError, issue, NotFoundError } from '../shared/errors.ts';
import { inTransaction, isUniqueViolation, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import type { IRegion } from '../organisations/organisation.entity.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { requireDates } from '../shared/dates.ts';
import { addMonths, assignSupervisors, drawSample, flyingStatus, monthDays, monthsOfQuarter, type FlyingStatus } from './flying-draw.ts';
import { mayDrawFlying, mayReadFlying, readableRegions } from './flying-access.ts';
import type { IFlyingAssignment, IFlyingPlan } from './flying.entity.ts';
import { flyingMessage } from './flying.messages.ts';
import { flyingRepository } from './flying.repository.ts';

/** One sampled project of a month's plan, and how it stands. */
export interface FlyingAssignmentView {
  regionId: number;
  month: string;
  projectId: number;
  supervisor: string | null;
  position: number;
  status: FlyingStatus;
  /** the monthly inspection that did it (the first in the month, or in the month after when late) */
  inspectionId: number | null;
  inspectedOn: string | null;
  inspectedBy: string | null;
}

/** A region's plan for a month; `drawn` is false (and the lists empty) until someone draws it. */
export interface FlyingPlanView {
  regionId: number;
  regionCode: string;
  regionName: string;
  month: string;
  drawn: boolean;
  drawnBy: string | null;
  drawnAt: Date | null;
  assignments: FlyingAssignmentView[];
}

/** Months may be drawn and read from 13 months back to 3 months ahead (like checklists' dates). */
const MONTHS_BACK = 13;
const MONTHS_AHEAD = 3;

/** Throws a ValidationError unless `month` is a month YYYY-MM within the window around today. */
export function requireMonth(month: string, today = todayInChina()): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ValidationError(flyingMessage('flying.bad_month', { value: month }), [issue('/month', flyingMessage('flying.month_rule'))]);
  const earliest = addMonths(today.slice(0, 7), -MONTHS_BACK);
  const latest = addMonths(today.slice(0, 7), MONTHS_AHEAD);
  if (month < earliest || month > latest) throw new ValidationError(flyingMessage('flying.bad_month', { value: month }), [issue('/month', flyingMessage('flying.month_window', { earliest, latest }))]);
}

function signedIn(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new ForbiddenError(accessMessage('auth.sign_in_first'), ['admin', 'quality_manager']);
  return ctx.actor;
}

async function regionOf(em: EntityManager, actor: Actor, regionId: number): Promise<IRegion> {
  const region = await flyingRepository.region(em, regionId, actor.organisationId);
  if (!region) throw new NotFoundError(flyingMessage('flying.region_not_found', { id: regionId }), String(regionId));
  return region;
}

/** The views of plans (null: a region not yet drawn for the month), with each assignment's status as of today. */
async function views(em: EntityManager, entries: { region: IRegion; month: string; plan: IFlyingPlan | null }[], today: string): Promise<FlyingPlanView[]> {
  const assignments = await flyingRepository.assignmentsOf(em, entries.flatMap((e) => (e.plan ? [e.plan.id] : [])));
  const out: FlyingPlanView[] = [];
  for (const { region, month, plan } of entries) {
    const own = plan ? assignments.filter((a) => a.planId === plan.id) : [];
    // the first monthly inspection from the month's first day to the end of the next month
    const first = await flyingRepository.firstMonthlyInspections(em, own.map((a) => a.projectId), monthDays(month)[0], monthDays(addMonths(month, 1))[1]);
    out.push({
      regionId: region.id, regionCode: region.code, regionName: region.name, month, drawn: plan !== null, drawnBy: plan?.drawnBy ?? null, drawnAt: plan?.drawnAt ?? null,
      assignments: own.map((a) => assignmentView(region.id, month, a, first.get(a.projectId) ?? null, today)),
    });
  }
  return out;
}

function assignmentView(regionId: number, month: string, a: IFlyingAssignment, first: { inspectionId: number; inspectedOn: string; inspector: string } | null, today: string): FlyingAssignmentView {
  return {
    regionId, month, projectId: a.projectId, supervisor: a.supervisor ?? null, position: a.position, status: flyingStatus(month, first?.inspectedOn ?? null, today),
    inspectionId: first?.inspectionId ?? null, inspectedOn: first?.inspectedOn ?? null, inspectedBy: first?.inspector ?? null,
  };
}

/**
 * Draws a region's flying inspections for a month: the month's sample of its projects
 * (`drawSample`), each dealt to the least loaded of the region's supervisors over the quarter, as
 * monthly-tier inspections due that month. Idempotent: a plan once drawn is stored (who, when) and
 * drawing again returns it unchanged — except that projects left unassigned for want of a
 * supervisor get one once the region has one.
 */
export async function drawFlyingInspections(ctx: ServiceContext, regionId: number, month: string): Promise<FlyingPlanView> {
  const actor = signedIn(ctx);
  requireMonth(month);
  const region = await regionOf(ctx.em, actor, regionId);
  if (!mayDrawFlying(actor, region.id)) throw new ForbiddenError(flyingMessage('flying.may_not_draw', { username: actor.username, region: region.name }), ['admin', 'quality_manager']);
  const quarterMonths = monthsOfQuarter(month);
  try {
    await inTransaction(ctx.em, async (em) => {
      const supervisors = await flyingRepository.supervisorsOf(em, region.organisationId, region.id);
      const existing = await flyingRepository.findPlan(em, region.id, month);
      if (existing) {
        const unassigned = (await flyingRepository.assignmentsOf(em, [existing.id])).filter((a) => !a.supervisor);
        if (unassigned.length === 0 || supervisors.length === 0) return;
        const dealt = assignSupervisors(unassigned.map((a) => a.projectId), supervisors, await flyingRepository.load(em, region.id, quarterMonths));
        unassigned.forEach((a, i) => (a.supervisor = dealt[i]));
        await appendAudit(em, { ...actor, organisationId: region.organisationId }, { action: 'flying.assigned', subjectType: 'region', subjectKey: String(region.id), detail: { month, assigned: unassigned.map((a, i) => ({ projectId: a.projectId, supervisor: dealt[i] })) } });
        return;
      }
      const projects = await flyingRepository.regionProjects(em, region.organisationId, region.id);
      const sample = drawSample(region.code, month, projects.map((p) => p.code));
      const ids = sample.map((code) => projects.find((p) => p.code === code)!.id);
      const dealt = assignSupervisors(ids, supervisors, await flyingRepository.load(em, region.id, quarterMonths));
      const plan = await flyingRepository.insertPlan(em, { organisationId: region.organisationId, regionId: region.id, month, drawnBy: actor.username, drawnAt: new Date() });
      ids.forEach((projectId, position) => flyingRepository.insertAssignment(em, { organisationId: region.organisationId, planId: plan.id, projectId, supervisor: dealt[position], position }));
      await appendAudit(em, { ...actor, organisationId: region.organisationId }, { action: 'flying.drawn', subjectType: 'region', subjectKey: String(region.id), detail: { month, sample, supervisors: dealt } });
    });
  } catch (error) {
    // someone else drew the same region and month at the same moment: theirs is the plan
    if (!isUniqueViolation(error)) throw error;
  }
  return (await views(ctx.em, [{ region, month, plan: await flyingRepository.findPlan(ctx.em, region.id, month) }], todayInChina()))[0];
}

/** A region's plan for a month, as far as the caller may see it (never the projects' own people: flying inspections are unannounced). */
export async function flyingInspectionPlan(ctx: ServiceContext, regionId: number, month: string): Promise<FlyingPlanView> {
  const actor = signedIn(ctx);
  requireMonth(month);
  const region = await regionOf(ctx.em, actor, regionId);
  if (!mayReadFlying(actor, region.id)) throw new ForbiddenError(flyingMessage('flying.may_not_read', { username: actor.username, region: region.name }), ['admin', 'quality_manager', 'auditor', 'inspector']);
  return (await views(ctx.em, [{ region, month, plan: await flyingRepository.findPlan(ctx.em, region.id, month) }], todayInChina()))[0];
}

/** The regions whose flying inspections the caller sees (a ForbiddenError when none). */
export async function visibleRegions(ctx: ServiceContext): Promise<IRegion[]> {
  const actor = signedIn(ctx);
  const regions = readableRegions(actor, await flyingRepository.regions(ctx.em, actor.organisationId));
  if (regions.length === 0) throw new ForbiddenError(flyingMessage('flying.no_regions', { username: actor.username }), ['admin', 'quality_manager', 'auditor', 'inspector']);
  return regions;
}

/** The plans of a month of every region the caller sees, by region code. */
export async function flyingInspectionPlans(ctx: ServiceContext, month: string): Promise<FlyingPlanView[]> {
  requireMonth(month);
  const regions = await visibleRegions(ctx);
  const entries = [];
  for (const region of regions) entries.push({ region, month, plan: await flyingRepository.findPlan(ctx.em, region.id, month) });
  return views(ctx.em, entries, todayInChina());
}

/** The signed-in supervisor's flying inspections of the month holding `asOf` (today by default): the sampled projects they fly into. */
export async function myFlyingInspections(ctx: ServiceContext, asOf?: string | null): Promise<FlyingAssignmentView[]> {
  const actor = signedIn(ctx);
  requireDates({ asOf });
  const today = todayInChina();
  const month = (asOf ?? today).slice(0, 7);
  const rows = await flyingRepository.assignedTo(ctx.em, actor.username, month);
  const first = await flyingRepository.firstMonthlyInspections(ctx.em, rows.map((r) => r.assignment.projectId), monthDays(month)[0], monthDays(addMonths(month, 1))[1]);
  return rows.map(({ plan, assignment }) => assignmentView(plan.regionId, month, assignment, first.get(assignment.projectId) ?? null, asOf ?? today));
}

/** The drawn plans of some regions over a range of months (YYYY-MM, inclusive), with their statuses as of today. */
export async function flyingInspectionPlansOf(em: EntityManager, regions: readonly IRegion[], fromMonth: string, toMonth: string): Promise<FlyingPlanView[]> {
  const plans = await flyingRepository.plansBetween(em, regions.map((r) => r.id), fromMonth, toMonth);
  return views(em, plans.map((plan) => ({ region: regions.find((r) => r.id === plan.regionId)!, month: plan.month, plan })), todayInChina());
}
