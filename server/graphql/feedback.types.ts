import { feedbackItem, feedbackPage, recordFeedback } from '../../domain/voice/feedback.service.ts';
import { importFeedback, type ImportReport, type ImportRow } from '../../domain/voice/feedback-import.service.ts';
import { feedbackClusters } from '../../domain/voice/clusters.service.ts';
import { CLUSTER_RULES, type Cluster } from '../../domain/voice/clusters.ts';
import { IMPORT_LIMITS } from '../../domain/voice/feedback-import.ts';
import { PROBLEM_TYPES, type ProblemType } from '../../domain/voice/analysis/types.ts';
import type { IFeedback } from '../../domain/voice/feedback.entity.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { builder } from './builder.ts';
import { IssueRef, READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';
import { ProjectRef } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';

const typeName = (type: string | null, locale: string) => (type && type in PROBLEM_TYPES ? PROBLEM_TYPES[type as ProblemType][locale === 'en' ? 'en' : 'zh'] : null);

export const FeedbackRef = builder.objectRef<IFeedback>('Feedback').implement({
  description: 'A piece of customer feedback (客户反馈) about a project, with the analysis it was given at intake (kept with the model version).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    project: t.field({ type: ProjectRef, resolve: (f, _a, ctx) => getProject(ctx.em, f.projectId) }),
    projectId: t.exposeInt('projectId'),
    channel: t.exposeString('channel', { description: 'hotline, app, wechat, survey, visit, email or other' }),
    receivedAt: t.field({ type: 'DateTime', resolve: (f) => f.receivedAt }),
    text: t.exposeString('text'),
    place: t.exposeString('place', { nullable: true }),
    contact: t.exposeString('contact', { nullable: true }),
    sourceId: t.exposeString('sourceId', { nullable: true, description: 'the id the source system gave it (unique per organisation)' }),
    module: t.exposeString('module', { nullable: true }),
    touchpoints: t.exposeStringList('touchpoints'),
    problemType: t.exposeString('problemType', { nullable: true, description: 'null when the text could not be classified (see unclassified)' }),
    problemTypeName: t.string({ nullable: true, description: 'the problem type\'s name in the request\'s language', resolve: (f, _a, ctx) => typeName(f.problemType ?? null, ctx.locale) }),
    sentiment: t.exposeString('sentiment'),
    intensity: t.exposeInt('intensity', { description: '0 none · 1 mild · 2 moderate · 3 strong' }),
    repetition: t.exposeInt('repetition', { description: 'items of the same type the project received in the 30 days before this one' }),
    priority: t.exposeString('priority', { description: 'P1 handle now · P2 within the day · P3 routine · P4 no action' }),
    unclassified: t.exposeString('unclassified', { nullable: true }),
    modelVersion: t.exposeString('modelVersion'),
    complaintInstanceId: t.exposeInt('complaintInstanceId', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (f) => f.createdAt }),
  }),
});

const FeedbackConnection = connectionOf(FeedbackRef, 'Feedback');

const FeedbackFilterInput = builder.inputType('FeedbackFilter', {
  fields: (t) => ({
    projectId: t.int(),
    problemType: t.string(),
    priority: t.string({ description: 'P1 to P4' }),
    channel: t.string(),
    from: t.string({ description: 'YYYY-MM-DD, China time, inclusive' }),
    to: t.string({ description: 'YYYY-MM-DD, China time, inclusive' }),
    search: t.string({ description: 'words in the text or place, or a source id' }),
  }),
});

const ImportProblemRef = builder.objectRef<ImportRow['problems'][number]>('FeedbackImportProblem').implement({
  fields: (t) => ({ column: t.exposeString('column', { description: 'the column header in the file' }), issue: t.field({ type: IssueRef, resolve: (p) => p.issue }) }),
});

const ImportStatusEnum = builder.enumType('FeedbackImportStatus', { values: { accepted: { value: 'accepted' }, refused: { value: 'refused' }, duplicate: { value: 'duplicate' } } as const });

const ImportRowRef = builder.objectRef<ImportRow>('FeedbackImportRow').implement({
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'the row number in the file' }),
    status: t.field({ type: ImportStatusEnum, resolve: (r) => r.status }),
    sourceId: t.exposeString('sourceId', { nullable: true }),
    feedbackId: t.exposeInt('feedbackId', { nullable: true }),
    problems: t.field({ type: [ImportProblemRef], resolve: (r) => r.problems }),
  }),
});

const ImportReportRef = builder.objectRef<ImportReport>('FeedbackImportReport').implement({
  description: 'What an import did with each row. Atomic by default: when a row is refused nothing is imported (imported = 0).',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    rows: t.exposeInt('rows'),
    accepted: t.exposeInt('accepted'),
    refused: t.exposeInt('refused'),
    duplicates: t.exposeInt('duplicates'),
    imported: t.exposeInt('imported'),
    partial: t.exposeBoolean('partial'),
    items: t.field({ type: [ImportRowRef], resolve: (r) => r.items }),
  }),
});

const WindowRef = builder.objectRef<Cluster['window']>('DayWindow').implement({ fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to') }) });

const ClusterRef = builder.objectRef<Cluster>('FeedbackCluster').implement({
  description: `A problem type rising in a project (at least ${CLUSTER_RULES.minCount} items, ${CLUSTER_RULES.growthRatio}× the previous window of equal length, and a binomial tail below ${CLUSTER_RULES.maxPValue}), or rising in ${CLUSTER_RULES.crossProjectMin} or more projects at once while its total grows (projectId null).`,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'stable: problemType:projectId|*:from..to' }),
    problemType: t.exposeString('problemType'),
    problemTypeName: t.string({ resolve: (c, _a, ctx) => typeName(c.problemType, ctx.locale) ?? c.problemType }),
    projectId: t.exposeInt('projectId', { nullable: true }),
    projectIds: t.exposeIntList('projectIds'),
    window: t.field({ type: WindowRef, resolve: (c) => c.window }),
    previous: t.field({ type: WindowRef, resolve: (c) => c.previous }),
    count: t.exposeInt('count'),
    previousCount: t.exposeInt('previousCount'),
    growth: t.exposeFloat('growth', { nullable: true, description: 'count / previousCount; null when the previous window had none' }),
  }),
});

builder.queryFields((t) => ({
  feedback: t.field({
    type: FeedbackConnection,
    description: 'Customer feedback of the projects the caller\'s roles reach, newest first.',
    errors: { types: READ_ERRORS, union: { name: 'FeedbackListResult' } },
    args: { filter: t.arg({ type: FeedbackFilterInput }), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await feedbackPage(ctx, a.filter ?? {}, a)),
  }),
  feedbackItem: t.field({
    type: FeedbackRef,
    errors: { types: READ_ERRORS, union: { name: 'FeedbackItemResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => feedbackItem(ctx, a.id),
  }),
  feedbackClusters: t.field({
    type: [ClusterRef],
    description: 'Problem types rising over a period of days (inclusive) against the period of equal length before it.',
    errors: { types: READ_ERRORS, union: { name: 'FeedbackClustersResult' } },
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => feedbackClusters(ctx, a.from, a.to),
  }),
}));

const RecordFeedbackInput = builder.inputType('RecordFeedbackInput', {
  fields: (t) => ({
    projectId: t.int({ required: true }),
    channel: t.string({ required: true }),
    receivedAt: t.field({ type: 'DateTime', required: true }),
    text: t.string({ required: true }),
    place: t.string(),
    contact: t.string(),
    sourceId: t.string(),
  }),
});

builder.mutationFields((t) => ({
  recordFeedback: t.field({
    type: FeedbackRef,
    description: 'Records one piece of feedback of a project: analysed (problem type, sentiment, intensity, repetition, priority) and stored.',
    errors: { types: WRITE_ERRORS, union: { name: 'RecordFeedbackResult' } },
    args: { input: t.arg({ type: RecordFeedbackInput, required: true }) },
    resolve: (_r, a, ctx) => recordFeedback(ctx, a.input),
  }),
  importFeedback: t.field({
    type: ImportReportRef,
    description: `Imports a call centre's export (.xlsx or CSV, GraphQL multipart upload; at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB and ${IMPORT_LIMITS.maxRows} rows). Atomic unless partial: true.`,
    errors: { types: WRITE_ERRORS, union: { name: 'ImportFeedbackResult' } },
    args: { file: t.arg({ type: 'File', required: true }), partial: t.arg.boolean() },
    resolve: async (_r, a, ctx) => importFeedback(ctx, { name: a.file.name, bytes: new Uint8Array(await a.file.arrayBuffer()) }, { partial: a.partial }),
  }),
}));
