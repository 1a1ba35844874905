import { NotAnalysableError, TooFewResponsesError, type DriverResult } from '../../domain/surveys/analysis/key-drivers.ts';
import type { NpsFigure, TrendPoint } from '../../domain/surveys/analysis/nps.ts';
import { keyDriverReport, surveyResults, type KeyDriverReport, type NpsRow, type SurveyResults } from '../../domain/surveys/survey-results.service.ts';
import { builder } from './builder.ts';
import { ErrorInterface, READ_ERRORS } from './error.types.ts';
import { FIELD_COST } from './query-limits.ts';

builder.objectType(TooFewResponsesError, {
  name: 'TooFewResponsesError',
  description: 'Too few complete responses (every driver and the overall question answered) for a key-driver analysis.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ n: t.exposeInt('n', { description: 'complete responses found' }), required: t.exposeInt('required') }),
});

builder.objectType(NotAnalysableError, {
  name: 'NotAnalysableError',
  description: 'The responses cannot be analysed: the pinned questionnaire marks no driver or overall question, or overall satisfaction never varies.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

const NpsGroupingEnum = builder.enumType('NpsGrouping', { values: { project: { value: 'project' }, region: { value: 'region' }, organisation: { value: 'organisation' } } as const });
const TrendGrainEnum = builder.enumType('TrendGrain', { values: { month: { value: 'month' }, quarter: { value: 'quarter' } } as const });
const QuadrantEnum = builder.enumType('DriverQuadrant', {
  description: 'Where a driver lands on the importance × performance chart (split at the drivers\' mean importance and mean performance): strength 优势保持, improve 重点改进, maintain 适度维持, monitor 次要改进.',
  values: { strength: { value: 'strength' }, improve: { value: 'improve' }, maintain: { value: 'maintain' }, monitor: { value: 'monitor' } } as const,
});

/** The NPS figures shared by rows and trend points. */
const NpsFigureRef = builder.interfaceRef<NpsFigure>('NpsFigure').implement({
  description: 'An NPS with its count and 95 % interval.',
  fields: (t) => ({
    n: t.exposeInt('n', { description: 'answers to the 0–10 recommend question' }),
    promoters: t.exposeInt('promoters'),
    passives: t.exposeInt('passives'),
    detractors: t.exposeInt('detractors'),
    nps: t.exposeFloat('nps', { nullable: true, description: '%promoters − %detractors, in points' }),
    ciLow: t.exposeFloat('ciLow', { nullable: true, description: 'lower end of the 95 % interval' }),
    ciHigh: t.exposeFloat('ciHigh', { nullable: true }),
    smallSample: t.exposeBoolean('smallSample', { description: 'fewer than 30 answers: the interval is the adjusted one, read with care' }),
  }),
});

const TrendPointRef = builder.objectRef<TrendPoint>('NpsTrendPoint').implement({
  description: 'NPS of one month or quarter (China time) with its own interval.',
  interfaces: [NpsFigureRef],
  fields: (t) => ({ period: t.exposeString('period', { description: 'YYYY-MM or YYYY-Qn' }) }),
});

const NpsRowRef = builder.objectRef<NpsRow>('NpsRow').implement({
  description: 'NPS of one project, region or the whole organisation in a wave.',
  interfaces: [NpsFigureRef],
  fields: (t) => ({
    label: t.exposeString('label', { description: 'project code, region name, or 全部' }),
    projectId: t.exposeInt('projectId', { nullable: true }),
    regionId: t.exposeInt('regionId', { nullable: true }),
    trend: t.field({ type: [TrendPointRef], resolve: (r) => r.trend }),
  }),
});

const SurveyResultsRef = builder.objectRef<SurveyResults>('SurveyResults').implement({
  description: 'NPS of a wave over the responses to its pinned questionnaire version, in the caller\'s projects.',
  fields: (t) => ({
    waveId: t.exposeInt('waveId'),
    waveName: t.exposeString('waveName'),
    questionnaireCode: t.exposeString('questionnaireCode', { description: 'the questionnaire the results were computed from' }),
    questionnaireTitle: t.exposeString('questionnaireTitle'),
    version: t.exposeInt('version', { description: 'the pinned version the results were computed from' }),
    groupBy: t.field({ type: NpsGroupingEnum, resolve: (r) => r.groupBy }),
    grain: t.field({ type: TrendGrainEnum, resolve: (r) => r.grain }),
    rows: t.field({ type: [NpsRowRef], resolve: (r) => r.rows }),
    total: t.field({ type: NpsRowRef, resolve: (r) => r.total }),
  }),
});

const DriverRef = builder.objectRef<DriverResult>('KeyDriver').implement({
  description: 'One driver question: its relative weight in overall satisfaction and how it performs.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'the question\'s property in the questionnaire schema' }),
    name: t.exposeString('name', { description: 'x-driver of the question' }),
    weight: t.exposeFloat('weight', { nullable: true, description: 'raw relative weight (Johnson): its share of R²; null when excluded' }),
    importance: t.exposeFloat('importance', { nullable: true, description: 'the weight as percent of R²' }),
    constant: t.exposeBoolean('constant', { description: 'excluded: every complete response gave the same score' }),
    mean: t.exposeFloat('mean', { nullable: true }),
    performance: t.exposeFloat('performance', { nullable: true, description: 'the mean on its scale, 0 (lowest) … 1 (highest)' }),
    topTwoBox: t.exposeFloat('topTwoBox', { nullable: true, description: 'share of answers in the top two points' }),
    answered: t.exposeInt('answered'),
    quadrant: t.field({ type: QuadrantEnum, nullable: true, resolve: (d) => d.quadrant }),
  }),
});

const KeyDriversRef = builder.objectRef<KeyDriverReport>('KeyDriverAnalysis').implement({
  description: 'Johnson\'s relative weights of overall satisfaction on the driver questions of the wave\'s pinned version (listwise complete responses), and each driver\'s performance.',
  fields: (t) => ({
    waveId: t.exposeInt('waveId'),
    questionnaireCode: t.exposeString('questionnaireCode'),
    version: t.exposeInt('version'),
    projectId: t.exposeInt('projectId', { nullable: true }),
    n: t.exposeInt('n', { description: 'complete responses analysed' }),
    rSquared: t.exposeFloat('rSquared'),
    drivers: t.field({ type: [DriverRef], resolve: (r) => r.drivers }),
  }),
});

builder.queryFields((t) => ({
  surveyResults: t.field({
    type: SurveyResultsRef,
    description: 'NPS of a wave by project, region or organisation, with n, 95 % interval and a monthly or quarterly trend. Needs readSurveyResults; a project manager sees their projects.',
    errors: { types: READ_ERRORS, union: { name: 'SurveyResultsResult' } },
    args: { waveId: t.arg.int({ required: true }), projectId: t.arg.int(), groupBy: t.arg({ type: NpsGroupingEnum }), grain: t.arg({ type: TrendGrainEnum }) },
    complexity: { field: FIELD_COST.report },
    resolve: (_r, a, ctx) => surveyResults(ctx, a),
  }),
  keyDrivers: t.field({
    type: KeyDriversRef,
    description: 'Key-driver analysis of a wave (one project, or every project in the caller\'s view): relative weights, R², n, performance and quadrant of each driver.',
    errors: { types: [...READ_ERRORS, TooFewResponsesError, NotAnalysableError], union: { name: 'KeyDriversResult' } },
    args: { waveId: t.arg.int({ required: true }), projectId: t.arg.int() },
    complexity: { field: FIELD_COST.report },
    resolve: (_r, a, ctx) => keyDriverReport(ctx, a),
  }),
}));
