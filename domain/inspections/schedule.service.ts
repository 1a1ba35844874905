import { isAssessmentTier, type Tier } from '../checklists/generate.ts';
import { inspectionRepository } from './inspection.repository.ts';
import { inTransaction } from '../shared/persistence.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { inspectionMessage } from './inspection.messages.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, holdsOn, PERMISSIONS } from '../shared/access.ts';
import { scopeOf } from '../organisations/scope.ts';
import { actorOf } from '../organisations/actor.service.ts';
import type { ISchedule } from './schedule.entity.ts';
import { scheduleRepository } from './schedule.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { todayInChina } from '../checklists/checklist.service.ts';
import { requireDates } from '../shared/dates.ts';
import { currentPeriod, lastPeriod } from './periods.ts';
import { getProject, projectPage } from '../projects/project.service.ts';
import { projectRepository, type ProjectFilter } from '../projects/project.repository.ts';
import type { IProject } from '../projects/project.entity.ts';
import { arrayPage, keysetPage, readPageArgs, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/** Creates (or reactivates) the schedule of an inspector for a project and tier. */
export async function scheduleInspections(ctx: ServiceContext, args: { projectId: number; tier: Tier; inspector: string; startsOn?: string | null }): Promise<ISchedule> {
  const actor = authorize(ctx.actor, 'manageSchedules');
  // assessments are taken when the quality department chooses, not in scheduled rounds
  if (isAssessmentTier(args.tier)) throw new ValidationError(inspectionMessage('schedule.tier_not_routine'), [issue('/tier', inspectionMessage('schedule.tier_not_routine'))]);
  await getProject(ctx.em, args.projectId, scopeOf(actor, 'manageSchedules'));
  // the inspector must be able to inspect the project: hold the role on it, its region or the organisation
  const inspector = await actorOf(ctx.em, args.inspector.trim() || '-');
  if (args.inspector.trim() && (!inspector || inspector.organisationId !== actor.organisationId && actor.organisationId !== null || !holdsOn(inspector, PERMISSIONS.inspect, args.projectId))) {
    throw new ValidationError(inspectionMessage('schedule.inspector_not_on_project', { inspector: args.inspector }), [issue('/inspector', inspectionMessage('schedule.inspector_not_on_project', { inspector: args.inspector }))]);
  }
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
  const scope = scopeOf(ctx.actor, 'readInspections');
  return keysetPage(SCHEDULES, page, (window) => scheduleRepository.window(ctx.em, scope, projectId, SCHEDULES, window), () => scheduleRepository.countActive(ctx.em, scope, projectId));
}

const OVERDUE: Keyset<OverdueInspection> = { ...SCHEDULES, list: 'overdueInspections', keyOf: (o) => SCHEDULES.keyOf(o.schedule) };

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
  const scope = scopeOf(ctx.actor, 'readInspections');
  requireDates({ asOf });
  readPageArgs(page);
  const day = asOf ?? todayInChina();
  const out: OverdueInspection[] = [];
  // computed per schedule (a small table), then paged in memory with the same cursors as any list
  for (const schedule of await scheduleRepository.allActive(ctx.em, scope)) {
    const [from, to] = lastPeriod(schedule.tier as Tier, day);
    if (to < schedule.startsOn) continue;
    const coverage = await inspectionRepository.periodCoverage(ctx.em, schedule.projectId, schedule.tier, from, to);
    if (!coverage.covered) out.push({ schedule, periodFrom: from, periodTo: to, lastInspectedOn: coverage.last });
  }
  return arrayPage(OVERDUE, page, out);
}

/**
 * The projects the caller may see listed, by their memberships: every project of the organisation
 * for a role held on it, else those of their regions and projects (null: every project).
 */
export async function inspectableProjectIds(ctx: ServiceContext): Promise<readonly number[] | null> {
  return scopeOf(ctx.actor, 'readInspections').projects;
}

/** Projects by code, a page at a time, as far as the caller may see them. */
export async function visibleProjectPage(ctx: ServiceContext, filter: Omit<ProjectFilter, 'ids'>, page: PageArgs): Promise<Page<IProject>> {
  return projectPage(ctx, filter, page);
}

/** One of an inspector's rounds: a schedule, its current period, and whether it is done and whether the last one was missed. */
export interface Round {
  schedule: ISchedule;
  periodFrom: string;
  periodTo: string;
  /** an inspection of this tier of the project fell within the current period (by anyone) */
  done: boolean;
  lastInspectedOn: string | null;
  /** the last whole period passed without one, when it did */
  missed: { periodFrom: string; periodTo: string } | null;
}

/** An inspector's day: their rounds (overdue first, then not done, then done) and the projects they may inspect. */
export interface InspectorDay {
  date: string;
  rounds: Round[];
  projects: IProject[];
}

const ROUND_ORDER = (r: Round) => (r.missed && !r.done ? 0 : r.done ? 2 : 1);

/** What the signed-in inspector has to do on a day (today by default): the phone's first screen. */
export async function inspectorDay(ctx: ServiceContext, asOf: string | null | undefined): Promise<InspectorDay> {
  const actor = authorize(ctx.actor, 'inspect');
  requireDates({ asOf });
  const date = asOf ?? todayInChina();
  const rounds: Round[] = [];
  for (const schedule of await scheduleRepository.activeOf(ctx.em, scopeOf(actor, 'inspect'), actor.username)) {
    if (schedule.startsOn > date) continue;
    const tier = schedule.tier as Tier;
    const [from, to] = currentPeriod(tier, date);
    const [lastFrom, lastTo] = lastPeriod(tier, date);
    const now = await inspectionRepository.periodCoverage(ctx.em, schedule.projectId, tier, from, to);
    const before = lastTo < schedule.startsOn ? null : await inspectionRepository.periodCoverage(ctx.em, schedule.projectId, tier, lastFrom, lastTo);
    rounds.push({ schedule, periodFrom: from, periodTo: to, done: now.covered, lastInspectedOn: now.last, missed: before && !before.covered ? { periodFrom: lastFrom, periodTo: lastTo } : null });
  }
  rounds.sort((a, b) => ROUND_ORDER(a) - ROUND_ORDER(b) || a.schedule.projectId - b.schedule.projectId || a.schedule.tier.localeCompare(b.schedule.tier));
  const scope = scopeOf(actor, 'inspect');
  return { date, rounds, projects: await projectRepository.all(ctx.em, { ids: scope.projects, organisationId: scope.organisationId }) };
}
