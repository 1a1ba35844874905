import { type IPlace, type IProject } from '../../domain/projects/project.entity.ts';
import { type ISchedule } from '../../domain/inspections/schedule.entity.ts';
import { getProject, listPlaces, projectPage } from '../../domain/projects/project.service.ts';
import { listSchedules, overdueInspections, scheduleInspections, type OverdueInspection } from '../../domain/inspections/schedule.service.ts';
import { authorize } from '../../domain/shared/access.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

export const TierEnum = builder.enumType('Tier', {
  description: 'Supervision tier: daily project patrol (日常巡检), monthly regional flying inspection (飞行检查), quarterly HQ audit (季度审计).',
  values: { daily: { value: 'daily' }, monthly: { value: 'monthly' }, quarterly: { value: 'quarterly' } } as const,
});

const PlaceRef = builder.objectRef<IPlace>('Place').implement({
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

const ProjectConnection = connectionOf(ProjectRef, 'Project');
const ScheduleConnection = connectionOf(ScheduleRef, 'Schedule');
const OverdueConnection = connectionOf(OverdueRef, 'OverdueInspection');

builder.queryFields((t) => ({
  projects: t.field({
    type: ProjectConnection,
    description: 'Projects, by code.',
    errors: { types: READ_ERRORS, union: { name: 'ProjectsResult' } },
    args: { region: t.arg.string(), profile: t.arg.string(), type: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await projectPage(ctx, a, a)),
  }),
  project: t.field({
    type: ProjectRef,
    errors: { types: READ_ERRORS, union: { name: 'ProjectResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => {
      authorize(ctx.actor, 'readInspections');
      return getProject(ctx.em, a.id);
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
