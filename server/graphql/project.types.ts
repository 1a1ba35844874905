import { scopeOf } from '../../domain/organisations/scope.ts';
import { type IPlace, type IProject } from '../../domain/projects/project.entity.ts';
import { type ISchedule } from '../../domain/inspections/schedule.entity.ts';
import { getProject, listPlaces } from '../../domain/projects/project.service.ts';
import { inspectorDay, listSchedules, overdueInspections, scheduleInspections, visibleProjectPage, type InspectorDay, type OverdueInspection, type Round } from '../../domain/inspections/schedule.service.ts';
import { authorize } from '../../domain/shared/access.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

export const TierEnum = builder.enumType('Tier', {
  description: 'Inspection kind: daily project patrol (日常巡检), monthly regional flying inspection (飞行检查), quarterly HQ audit (季度审计) — the routine rounds — and the assessments: scenario assessment (情景模拟考核) and mystery-customer audit (神秘客户暗访), each on the items tagged for it.',
  values: { daily: { value: 'daily' }, monthly: { value: 'monthly' }, quarterly: { value: 'quarterly' }, scenario: { value: 'scenario' }, mystery: { value: 'mystery' } } as const,
});

export const PlaceRef = builder.objectRef<IPlace>('Place').implement({
  description: 'A place inside a project where items are inspected: 楼栋, 大堂, 地下车库 B1 …',
  fields: (t) => ({ id: t.exposeInt('id'), name: t.exposeString('name'), kind: t.exposeString('kind') }),
});

export const ProjectRef = builder.objectRef<IProject>('Project').implement({
  description: 'A managed property. `profile` platinum projects are inspected against the platinum variant.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'region' in v && 'profile' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.exposeString('type', { description: 'residential, commercial or office' }),
    region: t.exposeString('region'),
    profile: t.exposeString('profile', { description: 'standard or platinum' }),
    address: t.exposeString('address'),
    places: t.field({ type: [PlaceRef], resolve: (p, _a, ctx) => listPlaces(ctx.em, p.id) }),
  }),
});

export const ScheduleRef = builder.objectRef<ISchedule>('Schedule').implement({
  description: 'Who inspects which project at which tier, from when.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'inspector' in v && 'startsOn' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    project: t.field({ type: ProjectRef, resolve: (s, _a, ctx) => getProject(ctx.em, s.projectId) }),
    tier: t.field({ type: TierEnum, resolve: (s) => s.tier as 'daily' }),
    inspector: t.exposeString('inspector'),
    startsOn: t.exposeString('startsOn'),
  }),
});

const OverdueRef = builder.objectRef<OverdueInspection>('OverdueInspection').implement({
  description: 'A schedule whose last whole period passed without an inspection.',
  fields: (t) => ({
    schedule: t.field({ type: ScheduleRef, resolve: (o) => o.schedule }),
    periodFrom: t.exposeString('periodFrom'),
    periodTo: t.exposeString('periodTo'),
    lastInspectedOn: t.exposeString('lastInspectedOn', { nullable: true }),
  }),
});

const PeriodRef = builder.objectRef<{ periodFrom: string; periodTo: string }>('Period').implement({
  description: 'Inclusive days of a period of a tier: a day, a month or a quarter.',
  fields: (t) => ({ from: t.exposeString('periodFrom'), to: t.exposeString('periodTo') }),
});

const RoundRef = builder.objectRef<Round>('InspectionRound').implement({
  description: 'One of an inspector\'s rounds on a day: a schedule, its current period and whether it is done.',
  fields: (t) => ({
    schedule: t.field({ type: ScheduleRef, resolve: (r) => r.schedule }),
    project: t.field({ type: ProjectRef, resolve: (r, _a, ctx) => getProject(ctx.em, r.schedule.projectId) }),
    tier: t.field({ type: TierEnum, resolve: (r) => r.schedule.tier as 'daily' }),
    period: t.field({ type: PeriodRef, description: 'the current day, month or quarter', resolve: (r) => r }),
    done: t.exposeBoolean('done', { description: 'an inspection of this tier of the project fell within the current period' }),
    lastInspectedOn: t.exposeString('lastInspectedOn', { nullable: true }),
    missed: t.field({ type: PeriodRef, nullable: true, description: 'the last whole period, when it passed without an inspection', resolve: (r) => r.missed ? { periodFrom: r.missed.periodFrom, periodTo: r.missed.periodTo } : null }),
  }),
});

export const InspectorDayRef = builder.objectRef<InspectorDay>('InspectorDay').implement({
  description: 'What the signed-in inspector has to do on a day: rounds missed last period first, then open ones, then done ones; and the projects they may inspect.',
  fields: (t) => ({
    date: t.exposeString('date'),
    rounds: t.field({ type: [RoundRef], resolve: (d) => d.rounds }),
    projects: t.field({ type: [ProjectRef], resolve: (d) => d.projects }),
  }),
});

const ProjectConnection = connectionOf(ProjectRef, 'Project');
const ScheduleConnection = connectionOf(ScheduleRef, 'Schedule');
const OverdueConnection = connectionOf(OverdueRef, 'OverdueInspection');

builder.queryFields((t) => ({
  projects: t.field({
    type: ProjectConnection,
    description: 'Projects, by code: every project for the roles that oversee them all; for an inspector, those of their own schedules.',
    errors: { types: READ_ERRORS, union: { name: 'ProjectsResult' } },
    args: { region: t.arg.string(), profile: t.arg.string(), type: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await visibleProjectPage(ctx, a, a)),
  }),
  project: t.field({
    type: ProjectRef,
    errors: { types: READ_ERRORS, union: { name: 'ProjectResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => {
      return getProject(ctx.em, a.id, scopeOf(ctx.actor, 'readInspections'));
    },
  }),
  schedules: t.field({
    type: ScheduleConnection,
    description: 'Active schedules, by project and tier.',
    errors: { types: READ_ERRORS, union: { name: 'SchedulesResult' } },
    args: { projectId: t.arg.int(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listSchedules(ctx, a.projectId, a)),
  }),
  inspectorDay: t.field({
    type: InspectorDayRef,
    description: 'The signed-in inspector\'s day (the phone app\'s first screen).',
    errors: { types: READ_ERRORS, union: { name: 'InspectorDayResult' } },
    args: { asOf: t.arg.string({ description: 'YYYY-MM-DD; today (China Standard Time) when omitted' }) },
    resolve: (_r, a, ctx) => inspectorDay(ctx, a.asOf),
  }),
  overdueInspections: t.field({
    type: OverdueConnection,
    description: 'Schedules whose last day, month or quarter passed without an inspection of that tier, by project and tier.',
    errors: { types: READ_ERRORS, union: { name: 'OverdueInspectionsResult' } },
    args: { asOf: t.arg.string({ description: 'YYYY-MM-DD; today (China Standard Time) when omitted' }), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await overdueInspections(ctx, a.asOf, a)),
  }),
}));

builder.mutationField('scheduleInspections', (t) =>
  t.field({
    type: ScheduleRef,
    errors: { types: WRITE_ERRORS, union: { name: 'ScheduleInspectionsResult' } },
    args: { projectId: t.arg.int({ required: true }), tier: t.arg({ type: TierEnum, required: true }), inspector: t.arg.string({ required: true }), startsOn: t.arg.string() },
    resolve: (_r, a, ctx) => scheduleInspections(ctx, a),
  }),
);
