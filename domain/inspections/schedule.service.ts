import type { Tier } from '../checklists/generate.ts';
import { inspectionRepository } from './inspection.repository.ts';
import { inTransaction } from '../shared/persistence.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { inspectionMessage } from './inspection.messages.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize } from '../shared/access.ts';
import type { ISchedule } from './schedule.entity.ts';
import { scheduleRepository } from './schedule.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { requireDates } from '../shared/dates.ts';
import { getProject } from '../projects/project.service.ts';
import { arrayPage, keysetPage, readPageArgs, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/** Creates (or reactivates) the schedule of an inspector for a project and tier. */
export async function scheduleInspections(ctx: ServiceContext, args: { projectId: number; tier: Tier; inspector: string; startsOn?: string | null }): Promise<ISchedule> {
  const actor = authorize(ctx.actor, 'manageSchedules');
  await getProject(ctx.em, args.projectId);
  const startsOn = args.startsOn ?? todayInChina();
  requireDates({ startsOn });
  if (!args.inspector.trim()) throw new ValidationError(inspectionMessage('schedule.inspector_required'), [issue('/inspector', inspectionMessage('schedule.inspector_rule'))]);
  return inTransaction(ctx.em, async (em) => {
    const existing = await scheduleRepository.find(em, args.projectId, args.tier, args.inspector);
    const row = existing ?? scheduleRepository.insert(em, { projectId: args.projectId, tier: args.tier, inspector: args.inspector, startsOn, active: true, createdAt: new Date() });
    Object.assign(row, { active: true, startsOn });
    await appendAudit(em, actor, { action: 'schedule.saved', subjectType: 'project', subjectKey: String(args.projectId), detail: { tier: args.tier, inspector: args.inspector, startsOn } });
    return row;
  });
}

const SCHEDULES: Keyset<ISchedule> = {
  list: 'schedules',
  columns: [{ name: 'projectId', type: 'int', direction: 'asc' }, { name: 'tier', type: 'text', direction: 'asc' }, { name: 'id', type: 'int', direction: 'asc' }],
  keyOf: (s) => [s.projectId, s.tier, s.id],
};

/** Active schedules (of one project), by project and tier, a page at a time. */
export async function listSchedules(ctx: ServiceContext, projectId: number | null | undefined, page: PageArgs): Promise<Page<ISchedule>> {
  authorize(ctx.actor, 'readInspections');
  return keysetPage(SCHEDULES, page, (window) => scheduleRepository.window(ctx.em, projectId, SCHEDULES, window), () => scheduleRepository.countActive(ctx.em, projectId));
}

const OVERDUE: Keyset<OverdueInspection> = { ...SCHEDULES, list: 'overdueInspections', keyOf: (o) => SCHEDULES.keyOf(o.schedule) };

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
export async function overdueInspections(ctx: ServiceContext, asOf: string | null | undefined, page: PageArgs): Promise<Page<OverdueInspection>> {
  authorize(ctx.actor, 'readInspections');
  requireDates({ asOf });
  readPageArgs(page);
  const day = asOf ?? todayInChina();
  const out: OverdueInspection[] = [];
  // computed per schedule (a small table), then paged in memory with the same cursors as any list
  for (const schedule of await scheduleRepository.allActive(ctx.em)) {
    const [from, to] = lastPeriod(schedule.tier as Tier, day);
    if (to < schedule.startsOn) continue;
    const coverage = await inspectionRepository.periodCoverage(ctx.em, schedule.projectId, schedule.tier, from, to);
    if (!coverage.covered) out.push({ schedule, periodFrom: from, periodTo: to, lastInspectedOn: coverage.last });
  }
  return arrayPage(OVERDUE, page, out);
}
