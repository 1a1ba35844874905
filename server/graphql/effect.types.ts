import { trainingEffect, type EffectRow, type EffectWeek, type Sample, type TrainingEffect, type Window } from '../../domain/training/effect.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS } from './error.types.ts';
import { FIELD_COST } from './query-limits.ts';

const EffectWindowRef = builder.objectRef<Window>('EffectWindow').implement({
  description: 'An inclusive window of days (YYYY-MM-DD, China time).',
  fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to') }),
});

const EffectSampleRef = builder.objectRef<Sample>('EffectSample').implement({
  description: 'One window\'s sample: applicable and passed items, the inspections behind them, the rate and its Wilson 95 % interval.',
  fields: (t) => ({
    applicable: t.exposeInt('applicable', { description: 'applicable items judged: the sample size' }),
    passed: t.exposeInt('passed'),
    inspections: t.exposeInt('inspections'),
    rate: t.exposeFloat('rate', { nullable: true, description: 'passed / applicable; null when nothing applied' }),
    low: t.exposeFloat('low', { nullable: true, description: 'lower end of the Wilson 95 % interval' }),
    high: t.exposeFloat('high', { nullable: true, description: 'upper end of the Wilson 95 % interval' }),
    smallSample: t.exposeBoolean('smallSample', { description: 'fewer than 10 applicable items: read the rate with care' }),
  }),
});

const EffectRowRef = builder.objectRef<EffectRow>('EffectRow').implement({
  description: 'A project\'s execution rate of the code before and after (level project), or of one instruction under it (level instruction).',
  fields: (t) => ({
    projectId: t.exposeInt('projectId'),
    projectCode: t.exposeString('projectCode'),
    projectName: t.exposeString('projectName'),
    code: t.exposeString('code'),
    level: t.exposeString('level', { description: 'project | instruction' }),
    before: t.field({ type: EffectSampleRef, resolve: (r) => r.before }),
    after: t.field({ type: EffectSampleRef, resolve: (r) => r.after }),
    changePoints: t.exposeFloat('changePoints', { nullable: true, description: 'after − before in percentage points' }),
    z: t.exposeFloat('z', { nullable: true, description: 'two-proportion z statistic of the change' }),
    significant: t.exposeBoolean('significant', { description: '|z| ≥ 1.96: the change is significant at 95 %' }),
  }),
});

const EffectWeekRef = builder.objectRef<EffectWeek>('EffectWeek').implement({
  description: 'One week (from its Monday) of the series around the training.',
  fields: (t) => ({
    week: t.exposeString('week'),
    applicable: t.exposeInt('applicable'),
    passed: t.exposeInt('passed'),
    inspections: t.exposeInt('inspections'),
    rate: t.exposeFloat('rate', { nullable: true }),
    phase: t.exposeString('phase', { description: 'before | between | after' }),
  }),
});

const TrainingEffectRef = builder.objectRef<TrainingEffect>('TrainingEffect').implement({
  description: 'Effect evaluation (效果评估): execution rates of a code before and after a training, per project (and instruction), with a weekly series.',
  fields: (t) => ({
    code: t.exposeString('code'),
    projectId: t.exposeInt('projectId', { nullable: true }),
    tier: t.exposeString('tier', { nullable: true }),
    trainingId: t.exposeInt('trainingId', { nullable: true }),
    trainingTitle: t.exposeString('trainingTitle', { nullable: true }),
    before: t.field({ type: EffectWindowRef, resolve: (r) => r.before }),
    after: t.field({ type: EffectWindowRef, resolve: (r) => r.after }),
    rows: t.field({ type: [EffectRowRef], resolve: (r) => r.rows }),
    weeks: t.field({ type: [EffectWeekRef], resolve: (r) => r.weeks }),
  }),
});

const EffectWindowInput = builder.inputType('EffectWindowInput', {
  fields: (t) => ({ from: t.string({ description: 'YYYY-MM-DD' }), to: t.string({ description: 'YYYY-MM-DD' }) }),
});

builder.queryFields((t) => ({
  trainingEffect: t.field({
    type: TrainingEffectRef,
    description: 'Execution rate of a module, procedure or instruction before and after a training, with sample sizes and a significance hint. Give the windows, or a training (its first and last sessions set them: `days` before and after, default 30). Needs readTraining; a project manager sees their projects.',
    errors: { types: READ_ERRORS, union: { name: 'TrainingEffectResult' } },
    args: {
      code: t.arg.string({ description: 'M01, M01.P01 or M01.P01.W001; defaults to the training\'s instruction' }),
      projectId: t.arg.int(),
      tier: t.arg.string({ description: 'only inspections of this tier (daily, monthly, quarterly, …)' }),
      before: t.arg({ type: EffectWindowInput }),
      after: t.arg({ type: EffectWindowInput }),
      trainingId: t.arg.int(),
      days: t.arg.int({ description: 'with a training: days before its first session and after its last (default 30)' }),
    },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => trainingEffect(ctx, a),
  }),
}));
