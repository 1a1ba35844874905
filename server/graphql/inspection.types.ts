import { render } from '../i18n/catalogue.ts';
import type { JsonValue } from '../../domain/shared/json.ts';
import type { Answer } from '../../domain/checklists/evaluate.ts';
import type { FindingView } from '../../domain/findings/finding.repository.ts';
import { type IInspection } from '../../domain/inspections/inspection.entity.ts';
import { type IPhoto } from '../../domain/photos/photo.entity.ts';
import { uploadPhoto } from '../../domain/photos/photo.service.ts';
import { getInspection, submitInspection, type SubmitResult } from '../../domain/inspections/inspection.service.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { listFindings, isOverdue } from '../../domain/findings/finding.service.ts';
import { executionRates, findingHeatMap, findingsOf, inspectionsUnder, listInspections, type HeatCell, type RateRow } from '../../domain/reports/quality-report.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { QUALIFICATION_ERRORS } from './qualification-error.types.ts';
import { ProjectRef, TierEnum } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

/** The finding type; `finding.types.ts` adds the fields that reach into workflows and standards. */
export const FindingRef = builder.objectRef<FindingView>('Finding').implement({
  description: 'A failed check item: the standard version and item it broke, what was expected and found, by when to fix it.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    inspectionId: t.exposeInt('inspectionId'),
    project: t.field({ type: ProjectRef, resolve: (f, _a, ctx) => getProject(ctx.em, f.projectId) }),
    placeId: t.exposeInt('placeId', { nullable: true }),
    itemId: t.exposeString('itemId'),
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    module: t.exposeString('module'),
    itemKey: t.exposeString('itemKey'),
    title: t.exposeString('title'),
    severity: t.exposeString('severity'),
    weight: t.float({ resolve: (f) => Number(f.weight) }),
    expectedZh: t.exposeString('expectedZh'),
    expectedEn: t.exposeString('expectedEn'),
    actual: t.field({ type: 'JSON', nullable: true, resolve: (f) => f.actual }),
    reasons: t.stringList({ description: 'Why the answer failed, in the request\'s language.', resolve: (f, _a, ctx) => f.reasons.map((r) => render(r, ctx.locale)) }),
    reasonCodes: t.stringList({ description: 'The stable code of each reason (answers.reason_expected, ajv.pattern …), in the order of `reasons`.', resolve: (f) => f.reasons.map((r) => r.code) }),
    touchpoints: t.stringList({ resolve: (f) => f.touchpoints }),
    photos: t.stringList({ resolve: (f) => f.photos }),
    remark: t.exposeString('remark', { nullable: true }),
    status: t.exposeString('status'),
    rectifyDueAt: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.rectifyDueAt ?? null }),
    rectifyWithinHours: t.int({ nullable: true, description: 'The check item\'s 整改时限 in hours (x-check.rectifyWithinHours): its rectification task is due this long after it opens.', resolve: (f) => f.rectifyWithinHours ?? null }),
    foundOn: t.exposeString('foundOn'),
    dueAt: t.field({ type: 'DateTime', nullable: true, description: 'by when the current work is due: the open rectification step\'s deadline, else rectifyDueAt', resolve: (f) => f.dueAt }),
    overdue: t.boolean({ description: 'not closed and past dueAt', resolve: (f) => isOverdue(f) }),
  }),
});

export const InspectionRef = builder.objectRef<IInspection>('Inspection').implement({
  description: 'Submitted answers to one checklist, judged: score, execution rate and findings.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'clientSubmissionId' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    checklistId: t.exposeString('checklistId'),
    project: t.field({ type: ProjectRef, resolve: (i, _a, ctx) => getProject(ctx.em, i.projectId) }),
    placeId: t.exposeInt('placeId', { nullable: true }),
    tier: t.field({ type: TierEnum, resolve: (i) => i.tier as 'daily' }),
    edition: t.exposeString('editionName'),
    inspector: t.exposeString('inspector'),
    clientSubmissionId: t.exposeString('clientSubmissionId'),
    inspectedOn: t.exposeString('inspectedOn'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    applicable: t.exposeInt('applicable'),
    passed: t.exposeInt('passed'),
    score: t.float({ nullable: true, description: 'weighted score 0–100; null when no item applied', resolve: (i) => (i.score == null ? null : Number(i.score)) }),
    executionRate: t.float({ nullable: true, description: 'passed / applicable items; null when no item applied', resolve: (i) => (i.executionRate == null ? null : Number(i.executionRate)) }),
    variantProfile: t.exposeString('variantProfile', { nullable: true, description: 'the variant the checklist applied, e.g. platinum' }),
    variantVersion: t.exposeInt('variantVersion', { nullable: true }),
    findingCount: t.exposeInt('findingCount'),
    findings: t.field({ type: [FindingRef], complexity: { field: FIELD_COST.lookup, multiplier: 20 }, resolve: (i, _a, ctx) => findingsOf(ctx, i.id) }),
  }),
});

export const SubmitResultRef = builder.objectRef<SubmitResult>('SubmitInspectionSuccess').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'replayed' in v,
  fields: (t) => ({
    inspection: t.field({ type: InspectionRef, resolve: (r) => r.inspection }),
    replayed: t.exposeBoolean('replayed', { description: 'true when this repeated a submission already stored (same clientSubmissionId and answers)' }),
  }),
});

const FindingConnection = connectionOf(FindingRef, 'Finding');
const InspectionConnection = connectionOf(InspectionRef, 'Inspection');

const RateRowRef = builder.objectRef<RateRow>('ExecutionRate').implement({
  description: 'Execution rate (执行率): passed / applicable check items.',
  fields: (t) => ({
    key: t.exposeString('key'), applicable: t.exposeInt('applicable'), passed: t.exposeInt('passed'), rate: t.exposeFloat('rate'), inspections: t.exposeInt('inspections'),
    smallSample: t.exposeBoolean('smallSample', { description: 'fewer than 10 applicable items: the rate rests on a small sample' }),
  }),
});

const HeatCellRef = builder.objectRef<HeatCell>('HeatCell').implement({
  fields: (t) => ({ touchpoint: t.exposeString('touchpoint'), projectId: t.exposeInt('projectId'), count: t.exposeInt('count') }),
});

const RateGroupEnum = builder.enumType('RateGroup', { values: { project: { value: 'project' }, module: { value: 'module' }, month: { value: 'month' }, kind: { value: 'kind', description: 'routine, scenario or mystery' } } as const });

const InspectionKindEnum = builder.enumType('InspectionKind', {
  description: 'Which inspections an execution rate counts: routine rounds (daily, monthly, quarterly), scenario assessments (情景模拟考核), mystery-customer audits (神秘客户暗访), routine and mystery combined (日常巡检与神秘客户暗访合并计算), or all.',
  values: { routine: { value: 'routine' }, scenario: { value: 'scenario' }, mystery: { value: 'mystery' }, routineAndMystery: { value: 'routineAndMystery' }, all: { value: 'all' } } as const,
});

export const AnswerInput = builder.inputType('AnswerInput', {
  description: 'The answer to one item: a value, or notApplicable with the reason. Photos are sha256 ids returned by uploadPhoto.',
  fields: (t) => ({
    itemId: t.string({ required: true }),
    value: t.field({ type: 'JSON' }),
    notApplicable: t.string({ description: 'why the item does not apply (required instead of a value)' }),
    photos: t.stringList(),
    remark: t.string(),
  }),
});

builder.queryFields((t) => ({
  inspection: t.field({
    type: InspectionRef,
    errors: { types: READ_ERRORS, union: { name: 'InspectionResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getInspection(ctx, a.id),
  }),
  inspections: t.field({
    type: InspectionConnection,
    description: 'Inspections, newest first.',
    errors: { types: READ_ERRORS, union: { name: 'InspectionsResult' } },
    args: { projectId: t.arg.int(), inspector: t.arg.string(), tiers: t.arg({ type: [TierEnum], description: 'only these kinds, e.g. [scenario, mystery]' }), from: t.arg.string(), to: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listInspections(ctx, a, a)),
  }),
  findings: t.field({
    type: FindingConnection,
    description: 'Findings, filtered, newest first (or oldest, due soonest, most severe). Unknown values are a ValidationError naming the argument.',
    errors: { types: READ_ERRORS, union: { name: 'FindingsResult' } },
    args: {
      projectId: t.arg.int(), region: t.arg.string({ description: 'the project\'s region' }), module: t.arg.string({ description: 'M01 … M07' }),
      severity: t.arg.string({ description: 'critical, major or minor' }), status: t.arg.string({ description: 'open, rectifying or closed' }),
      overdue: t.arg.boolean({ description: 'only those not closed and past due' }), touchpoint: t.arg.string({ description: 'a touchpoint code, e.g. TP-041' }),
      from: t.arg.string({ description: 'found on or after, YYYY-MM-DD' }), to: t.arg.string({ description: 'found on or before, YYYY-MM-DD' }),
      sort: t.arg.string({ description: 'newest (default), oldest, due (soonest first) or severity (critical first)' }), ...pageArgs(t.arg),
    },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listFindings(ctx, a, a)),
  }),
  executionRates: t.field({
    type: [RateRowRef],
    description: 'Execution rates over a period. Counts routine inspections unless `kind` says otherwise (all kinds when grouped by kind).',
    args: { groupBy: t.arg({ type: RateGroupEnum, required: true }), projectId: t.arg.int(), from: t.arg.string(), to: t.arg.string(), kind: t.arg({ type: InspectionKindEnum }) },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => executionRates(ctx, a.groupBy, a),
  }),
  findingHeatMap: t.field({
    type: [HeatCellRef],
    description: 'Findings counted by touchpoint × project.',
    args: { module: t.arg.string(), from: t.arg.string(), to: t.arg.string() },
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    resolve: (_r, a, ctx) => findingHeatMap(ctx, a),
  }),
  inspectionsUnder: t.field({
    type: InspectionConnection,
    description: 'The inspections that checked a given version of a document, oldest first.',
    errors: { types: READ_ERRORS, union: { name: 'InspectionsUnderResult' } },
    args: { code: t.arg.string({ required: true }), version: t.arg.int({ required: true }), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await inspectionsUnder(ctx, a.code, a.version, a)),
  }),
}));

/** The answers of AnswerInput as the services take them. */
export function toAnswers(answers: readonly { itemId: string; value?: unknown; notApplicable?: string | null; photos?: readonly string[] | null; remark?: string | null }[]): Answer[] {
  return answers.map((x) => ({ itemId: x.itemId, value: (x.value ?? undefined) as JsonValue | undefined, notApplicable: x.notApplicable ?? undefined, photos: x.photos ? [...x.photos] : undefined, remark: x.remark ?? undefined }));
}

builder.mutationField('submitInspection', (t) =>
  t.field({
    type: SubmitResultRef,
    errors: { types: [...WRITE_ERRORS, ...QUALIFICATION_ERRORS], union: { name: 'SubmitInspectionResult' } },
    args: {
      checklistId: t.arg.string({ required: true }),
      clientSubmissionId: t.arg.string({ required: true, description: 'chosen once per inspection on the phone; retries reuse it' }),
      answers: t.arg({ type: [AnswerInput], required: true }),
      placeId: t.arg.int(),
      inspectedOn: t.arg.string({ description: 'YYYY-MM-DD; today when omitted' }),
    },
    resolve: (_r, a, ctx) => submitInspection(ctx, { ...a, answers: toAnswers(a.answers) }),
  }),
);

const PhotoRef = builder.objectRef<IPhoto>('Photo').implement({
  description: 'An uploaded photo, named by its sha256; GET /photos/<sha256> serves it.',
  fields: (t) => ({
    sha256: t.exposeString('sha256'), mime: t.exposeString('mime'), bytes: t.exposeInt('bytes'), uploadedBy: t.exposeString('uploadedBy'),
    takenAt: t.field({ type: 'DateTime', nullable: true, description: 'when it was taken, as the phone said (the first upload of these bytes)', resolve: (p) => p.takenAt ?? null }),
  }),
});

builder.mutationField('uploadPhoto', (t) =>
  t.field({
    type: PhotoRef,
    errors: { types: WRITE_ERRORS, union: { name: 'UploadPhotoResult' } },
    description: 'Uploads a photo (GraphQL multipart request spec); answers refer to it by sha256.',
    args: { file: t.arg({ type: 'File', required: true }), takenAt: t.arg({ type: 'DateTime', description: 'when the phone took it' }) },
    resolve: (_r, a, ctx) => uploadPhoto(ctx, a.file, a.takenAt ?? null),
  }),
);
