import type { Tier } from '../checklists/generate.ts';
import { issue, ValidationError } from '../shared/errors.ts';
import { inspectionMessage } from './inspection.messages.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize } from '../users/roles.ts';
import { Schedule, type ISchedule } from './schedule.entity.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { requireDates } from './dates.ts';
import { getProject } from '../projects/project.service.ts';

/** Creates (or reactivates) the schedule of an inspector for a project and tier. */
export async function scheduleInspections(ctx: ServiceContext, args: { projectId: number; tier: Tier; inspector: string; startsOn?: string | null }): Promise<ISchedule> {
  const actor = authorize(ctx.actor, 'manageSchedules');
  await getProject(ctx.em, args.projectId);
  const startsOn = args.startsOn ?? todayInChina();
  requireDates({ startsOn });
  if (!args.inspector.trim()) throw new ValidationError(inspectionMessage('schedule.inspector_required'), [issue('/inspector', inspectionMessage('schedule.inspector_rule'))]);
  return ctx.em.transactional(async (em) => {
    const existing = await em.findOne(Schedule, { projectId: args.projectId, tier: args.tier, inspector: args.inspector });
    const row = existing ?? em.create(Schedule, { projectId: args.projectId, tier: args.tier, inspector: args.inspector, startsOn, active: true, createdAt: new Date() });
    Object.assign(row, { active: true, startsOn });
    await appendAudit(em, actor, { action: 'schedule.saved', subjectType: 'project', subjectKey: String(args.projectId), detail: { tier: args.tier, inspector: args.inspector, startsOn } });
    return row;
  });
}

export async function listSchedules(ctx: ServiceContext, projectId?: number | null): Promise<ISchedule[]> {
  authorize(ctx.actor, 'readInspections');
  return ctx.em.find(Schedule, projectId != null ? { projectId, active: true } : { active: true }, { orderBy: { projectId: 'asc', tier: 'asc' } });
}

/** The last whole period before `asOf`: yesterday, last month or last quarter, as [from, to]. */
export function lastPeriod(tier: Tier, asOf: string): [string, string] {
  const d = new Date(`${asOf}T00:00:00Z`);
  const iso = (x: Date) => x.toISOString().slice(0, 10);
  if (tier === 'daily') {
    const y = new Date(d.getTime() - 86400_000);
    return [iso(y), iso(y)];
  }
  const months = tier === 'monthly' ? 1 : 3;
  const startMonth = tier === 'monthly' ? d.getUTCMonth() - 1 : Math.floor(d.getUTCMonth() / 3) * 3 - 3;
  const from = new Date(Date.UTC(d.getUTCFullYear(), startMonth, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 0));
  return [iso(from), iso(to)];
}

export interface OverdueInspection {
  schedule: ISchedule;
  /** the period that passed without an inspection */
  periodFrom: string;
  periodTo: string;
  lastInspectedOn: string | null;
}

/**
 * Schedules whose last whole period (yesterday, last month, last quarter) passed without an
 * inspection of that tier of the project by anyone, as of a date (today by default).
 */
export async function overdueInspections(ctx: ServiceContext, asOf?: string | null): Promise<OverdueInspection[]> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ asOf });
  const day = asOf ?? todayInChina();
  const out: OverdueInspection[] = [];
  for (const schedule of await ctx.em.find(Schedule, { active: true }, { orderBy: { projectId: 'asc', tier: 'asc' } })) {
    const [from, to] = lastPeriod(schedule.tier as Tier, day);
    if (to < schedule.startsOn) continue;
    const [row] = await ctx.em.execute<{ last: string | null; within: string }[]>(
      `select max(inspected_on)::text as last, count(*) filter (where inspected_on between ? and ? and applicable > 0) as within from inspection where project_id = ? and tier = ?`,
      [from, to, schedule.projectId, schedule.tier]);
    if (Number(row.within) === 0) out.push({ schedule, periodFrom: from, periodTo: to, lastInspectedOn: row.last });
  }
  return out;
}
