import { heatMapRows, uninspectedProjects, type ProjectSample, type TouchpointCell } from '../../domain/reports/dashboard.service.ts';
import { builder } from './builder.ts';
import { FIELD_COST } from './query-limits.ts';

const TouchpointCountRef = builder.objectRef<TouchpointCell>('TouchpointCount').implement({
  description: 'Findings (and, with a feedback source, customer feedback) of one project at one customer touchpoint (the code as stored; feedback without touchpoints counts under its module code).',
  fields: (t) => ({
    touchpoint: t.exposeString('touchpoint'),
    count: t.exposeInt('count', { description: 'what the heat map\'s source counts' }),
    findings: t.exposeInt('findings'),
    feedback: t.exposeInt('feedback'),
  }),
});

const ProjectSampleRef = builder.objectRef<ProjectSample>('ProjectSample').implement({
  description: 'One project over a period: how much was inspected (the sample behind its rate), its execution rate and its findings by touchpoint. A project no inspection reached is a row with inspected false.',
  fields: (t) => ({
    projectId: t.exposeInt('projectId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    region: t.exposeString('region'),
    inspections: t.exposeInt('inspections', { description: 'inspections in the period (with items of the module, when one is chosen)' }),
    applicable: t.exposeInt('applicable', { description: 'applicable items those inspections judged: the sample size' }),
    passed: t.exposeInt('passed'),
    rate: t.exposeFloat('rate', { nullable: true, description: 'passed / applicable; null when nothing was inspected' }),
    smallSample: t.exposeBoolean('smallSample', { description: 'fewer than 10 applicable items: read the rate with care' }),
    inspected: t.exposeBoolean('inspected', { description: 'false: no inspection in the period' }),
    findings: t.exposeInt('findings'),
    feedback: t.exposeInt('feedback', { description: 'customer feedback in the period (0 unless the source counts feedback)' }),
    touchpoints: t.field({ type: [TouchpointCountRef], resolve: (r) => r.touchpoints }),
  }),
});

builder.queryFields((t) => ({
  heatMapRows: t.field({
    type: [ProjectSampleRef],
    description: 'The findings heat map, a row per project the caller may see (never-inspected ones included and flagged), with each row\'s sample.',
    args: { module: t.arg.string({ description: 'M01 to M07' }), from: t.arg.string(), to: t.arg.string(), source: t.arg.string({ description: 'findings (default), feedback or combined' }) },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => heatMapRows(ctx, a),
  }),
  uninspectedProjects: t.field({
    type: [ProjectSampleRef],
    description: 'The projects the caller may see that no inspection reached in the period.',
    args: { from: t.arg.string(), to: t.arg.string() },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => uninspectedProjects(ctx, a),
  }),
}));
