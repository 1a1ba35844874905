import { drawFlyingInspections, flyingInspectionPlan, flyingInspectionPlans, myFlyingInspections, type FlyingAssignmentView, type FlyingPlanView } from '../../domain/inspections/flying.service.ts';
import { regionKpis, type RegionKpi } from '../../domain/reports/region-kpi.service.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { InspectorDayRef, ProjectRef } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';

const FlyingStatusEnum = builder.enumType('FlyingStatus', {
  description: 'How a flying inspection stands: planned (its month runs), done (a monthly inspection of the project within the month), late (the first came the month after), missing (the month passed without one).',
  values: { planned: { value: 'planned' }, done: { value: 'done' }, late: { value: 'late' }, missing: { value: 'missing' } } as const,
});

const FlyingAssignmentRef = builder.objectRef<FlyingAssignmentView>('FlyingInspection').implement({
  description: 'One project of a region\'s monthly sample, the supervisor who flies into it, and how it stands.',
  fields: (t) => ({
    regionId: t.exposeInt('regionId'),
    month: t.exposeString('month', { description: 'YYYY-MM: the inspection is due within this month' }),
    project: t.field({ type: ProjectRef, resolve: (a, _x, ctx) => getProject(ctx.em, a.projectId) }),
    supervisor: t.exposeString('supervisor', { nullable: true, description: 'the regional supervisor assigned; null while the region has none' }),
    position: t.exposeInt('position', { description: 'the order of the draw' }),
    status: t.field({ type: FlyingStatusEnum, resolve: (a) => a.status }),
    inspectionId: t.exposeInt('inspectionId', { nullable: true }),
    inspectedOn: t.exposeString('inspectedOn', { nullable: true }),
    inspectedBy: t.exposeString('inspectedBy', { nullable: true }),
  }),
});

const FlyingPlanRef = builder.objectRef<FlyingPlanView>('FlyingInspectionPlan').implement({
  description: 'A region\'s flying inspections for a month: the sample of its projects drawn (by whom, when), each assigned to a regional supervisor.',
  fields: (t) => ({
    regionId: t.exposeInt('regionId'),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    month: t.exposeString('month'),
    drawn: t.exposeBoolean('drawn', { description: 'false until someone draws the month\'s sample' }),
    drawnBy: t.exposeString('drawnBy', { nullable: true }),
    drawnAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.drawnAt }),
    inspections: t.field({ type: [FlyingAssignmentRef], resolve: (p) => p.assignments }),
  }),
});

const SeverityCountsRef = builder.objectRef<RegionKpi['findings']>('SeverityCounts').implement({
  fields: (t) => ({ critical: t.exposeInt('critical'), major: t.exposeInt('major'), minor: t.exposeInt('minor') }),
});

const RegionKpiRef = builder.objectRef<RegionKpi>('RegionKpi').implement({
  description: 'A region\'s quality figures over a period, from its flying inspections (the monthly tier).',
  fields: (t) => ({
    regionId: t.exposeInt('regionId'),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    planned: t.exposeInt('planned', { description: 'flying inspections in the plans of the period\'s months' }),
    done: t.exposeInt('done', { description: 'done within their month' }),
    late: t.exposeInt('late', { description: 'done in the month after' }),
    missing: t.exposeInt('missing', { description: 'month passed without one' }),
    open: t.exposeInt('open', { description: 'not yet done, the month still running' }),
    inspections: t.exposeInt('inspections', { description: 'monthly inspections of the region\'s projects in the period' }),
    applicable: t.exposeInt('applicable'),
    passed: t.exposeInt('passed'),
    executionRate: t.exposeFloat('executionRate', { nullable: true, description: 'passed / applicable items of those inspections' }),
    smallSample: t.exposeBoolean('smallSample', { description: 'fewer than 10 applicable items: read the rate with care' }),
    findings: t.field({ type: SeverityCountsRef, description: 'findings of those inspections by severity', resolve: (k) => k.findings }),
    rectificationsStarted: t.exposeInt('rectificationsStarted'),
    rectificationsCompleted: t.exposeInt('rectificationsCompleted'),
    rectificationOnTimeRate: t.exposeFloat('rectificationOnTimeRate', { nullable: true, description: 'rectification steps completed by their deadline / completed with one' }),
    openOverdue: t.exposeInt('openOverdue', { description: 'open rectification steps past their deadline' }),
  }),
});

builder.queryFields((t) => ({
  flyingInspectionPlan: t.field({
    type: FlyingPlanRef,
    description: 'A region\'s flying inspections for a month (YYYY-MM). Unannounced: only the region\'s supervisors and the organisation\'s admins, quality managers and auditors see them.',
    errors: { types: READ_ERRORS, union: { name: 'FlyingInspectionPlanResult' } },
    args: { regionId: t.arg.int({ required: true }), month: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => flyingInspectionPlan(ctx, a.regionId, a.month),
  }),
  flyingInspectionPlans: t.field({
    type: [FlyingPlanRef],
    description: 'The flying inspections of a month of every region the caller sees, by region code.',
    args: { month: t.arg.string({ required: true }) },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => flyingInspectionPlans(ctx, a.month),
  }),
  regionKpis: t.field({
    type: [RegionKpiRef],
    description: 'KPIs by region over a period of days (this month so far by default): flying inspections planned and done, execution rate, findings by severity, rectification on time. A regional supervisor sees their own region\'s.',
    args: { from: t.arg.string(), to: t.arg.string() },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => regionKpis(ctx, a),
  }),
}));

builder.mutationField('drawFlyingInspections', (t) =>
  t.field({
    type: FlyingPlanRef,
    description: 'Draws a region\'s flying inspections for a month: a third of its projects (every one within the quarter), each assigned to the least loaded regional supervisor. Drawing again returns the stored plan.',
    errors: { types: WRITE_ERRORS, union: { name: 'DrawFlyingInspectionsResult' } },
    args: { regionId: t.arg.int({ required: true }), month: t.arg.string({ required: true, description: 'YYYY-MM' }) },
    resolve: (_r, a, ctx) => drawFlyingInspections(ctx, a.regionId, a.month),
  }),
);

builder.objectField(InspectorDayRef, 'flyingInspections', (t) =>
  t.field({
    type: [FlyingAssignmentRef],
    description: 'The regional supervisor\'s flying inspections of the day\'s month: the sampled projects assigned to them.',
    resolve: (d, _a, ctx) => myFlyingInspections(ctx, d.date),
  }),
);
