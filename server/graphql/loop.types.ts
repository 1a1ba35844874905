import { openComplaint } from '../../domain/voice/complaint.service.ts';
import { openStandardRevisionFromCluster, revisionEvidence, type EvidenceView } from '../../domain/voice/revision-evidence.service.ts';
import { reviewPack, type MonthCount, type PackItem, type PackText, type ReviewPack } from '../../domain/voice/review-pack.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { InstanceRef } from './workflow.types.ts';
import { FIELD_COST } from './query-limits.ts';

const EvidenceKindEnum = builder.enumType('EvidenceKind', {
  description: 'What a piece of revision evidence is: a customer\'s feedback item or an inspection\'s finding.',
  values: { feedback: { value: 'feedback' }, finding: { value: 'finding' } } as const,
});

const EvidenceRef = builder.objectRef<EvidenceView>('RevisionEvidence').implement({
  description: 'A feedback item or finding a standard revision was opened with, as its reviewer reads it.',
  fields: (t) => ({
    kind: t.field({ type: EvidenceKindEnum, resolve: (e) => e.kind }),
    itemId: t.exposeInt('itemId', { description: 'the feedback\'s or finding\'s id' }),
    text: t.exposeString('text', { description: 'the customer\'s words, or the finding\'s standard, item and remark' }),
    date: t.exposeString('date', { description: 'YYYY-MM-DD: received, or found' }),
    projectId: t.exposeInt('projectId'),
    projectName: t.exposeString('projectName'),
    label: t.exposeString('label', { description: 'the problem type (feedback) or the severity (finding)' }),
  }),
});

const MonthCountRef = builder.objectRef<MonthCount>('ReviewPackMonth').implement({
  fields: (t) => ({ month: t.exposeString('month', { description: 'YYYY-MM' }), findings: t.exposeInt('findings'), feedback: t.exposeInt('feedback') }),
});

const PackTextRef = builder.objectRef<PackText>('ReviewPackText').implement({
  fields: (t) => ({
    kind: t.field({ type: EvidenceKindEnum, resolve: (x) => x.kind }),
    itemId: t.exposeInt('itemId'),
    text: t.exposeString('text'),
    date: t.exposeString('date'),
    projectName: t.exposeString('projectName'),
  }),
});

const PackItemRef = builder.objectRef<PackItem>('ReviewPackItem').implement({
  description: 'One item of the standard over the review period.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    touchpoints: t.exposeStringList('touchpoints'),
    findings: t.exposeInt('findings', { description: 'findings against the item' }),
    feedback: t.exposeInt('feedback', { description: 'feedback touching the item: sharing a touchpoint with it, else of the standard\'s module' }),
    months: t.field({ type: [MonthCountRef], description: 'the counts per month of the period, oldest first', resolve: (i) => i.months }),
    topTexts: t.field({ type: [PackTextRef], description: 'the strongest feedback, then the newest findings', resolve: (i) => i.topTexts }),
  }),
});

const ReviewPackRef = builder.objectRef<ReviewPack>('ReviewPack').implement({
  description: 'A standard\'s quarterly review pack (评审资料): per item, the findings against it and the customer feedback touching it since a day. Also as a workbook: GET /standards/<code>/review-pack.xlsx?since=YYYY-MM-DD.',
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    version: t.exposeInt('version', { description: 'the current published version' }),
    since: t.exposeString('since', { description: 'YYYY-MM-DD' }),
    findings: t.exposeInt('findings'),
    feedback: t.exposeInt('feedback', { description: 'feedback items touching any item' }),
    items: t.field({ type: [PackItemRef], resolve: (p) => p.items }),
  }),
});

const ClusterRevisionInput = builder.inputType('ClusterRevisionInput', {
  description: 'A cluster of feedback (a problem type in a period, optionally of one project) that calls for revising a standard.',
  fields: (t) => ({
    standardCode: t.string({ required: true }),
    problemType: t.string({ required: true, description: 'a problem type of the analysis (cleanliness, facility_fault …)' }),
    projectId: t.int(),
    from: t.string({ required: true, description: 'YYYY-MM-DD' }),
    to: t.string({ required: true, description: 'YYYY-MM-DD, inclusive' }),
    note: t.string(),
  }),
});

builder.queryFields((t) => ({
  revisionEvidence: t.field({
    type: [EvidenceRef],
    description: 'The evidence a standard revision was opened with (feedback, then findings, oldest first), of the projects the caller reads.',
    errors: { types: READ_ERRORS, union: { name: 'RevisionEvidenceResult' } },
    args: { instanceId: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => revisionEvidence(ctx, a.instanceId),
  }),
  reviewPack: t.field({
    type: ReviewPackRef,
    description: 'A standard\'s review pack since a day (YYYY-MM-DD; by default the publication of its current version).',
    errors: { types: READ_ERRORS, union: { name: 'ReviewPackResult' } },
    args: { standardCode: t.arg.string({ required: true }), since: t.arg.string() },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => reviewPack(ctx, a.standardCode, a.since),
  }),
}));

builder.mutationFields((t) => ({
  openComplaint: t.field({
    type: InstanceRef,
    description: 'Opens the complaint-handling process (受理 → 处理 → 回访) of a feedback item by hand: P1 items open theirs at intake; a quality manager may open one for a lower priority.',
    errors: { types: WRITE_ERRORS, union: { name: 'OpenComplaintResult' } },
    args: { feedbackId: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => openComplaint(ctx, a.feedbackId),
  }),
  openStandardRevisionFromCluster: t.field({
    type: InstanceRef,
    description: 'Starts the standard revision of a standard from a feedback cluster, with its evidence (the cluster\'s feedback and the standard\'s findings in the same projects and period) stored for the reviewer.',
    errors: { types: WRITE_ERRORS, union: { name: 'OpenStandardRevisionFromClusterResult' } },
    args: { input: t.arg({ type: ClusterRevisionInput, required: true }) },
    resolve: (_r, a, ctx) => openStandardRevisionFromCluster(ctx, a.input),
  }),
}));
