import { standardRepository as repo } from '../../domain/standards/standard.repository.ts';
import { toVersionView, type StandardVersionView } from '../../domain/standards/standard.views.ts';
import { getStandard, listStandards, type StandardView } from '../../domain/editions/standard-read.service.ts';
import * as standards from '../../domain/standards/standard.service.ts';
import { discardDraft, documentControlSettings, mayPublish, setFourEyes, type DiscardedDraft, type DocumentControlSettings } from '../../domain/standards/document-control.service.ts';
import { builder } from './builder.ts';
import { IssueRef, READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { backwardPageArgs, connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

const StatusEnum = builder.enumType('VersionStatus', {
  values: { draft: { value: 'draft' }, in_review: { value: 'in_review' }, published: { value: 'published' }, superseded: { value: 'superseded' }, retired: { value: 'retired' } } as const,
});
const KindEnum = builder.enumType('StandardKind', {
  values: { module: { value: 'module' }, procedure: { value: 'procedure' }, instruction: { value: 'instruction' } } as const,
});

export const StandardVersionRef = builder.objectRef<StandardVersionView>('StandardVersion').implement({
  description: 'One numbered version of a standard. Published versions never change.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'contentHash' in v && 'revision' in v,
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    status: t.field({ type: StatusEnum, resolve: (v) => v.status as 'draft' }),
    title: t.exposeString('title'),
    schema: t.field({ type: 'JSON', description: 'The JSON Schema document, keys in the order they were written.', resolve: (v) => v.schema }),
    contentHash: t.exposeString('contentHash', { description: 'sha256 of the canonical JSON of the schema' }),
    revision: t.exposeInt('revision', { description: 'Pass as expectedRevision to updateDraft.' }),
    author: t.exposeString('author'),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    submittedBy: t.exposeString('submittedBy', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    publishedBy: t.exposeString('publishedBy', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    statusChangedBy: t.exposeString('statusChangedBy', { nullable: true }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', nullable: true }),
    statusNote: t.exposeString('statusNote', { nullable: true }),
    editedBy: t.exposeString('editedBy', { nullable: true, description: 'Who last saved the draft (null when nobody saved it after opening it).' }),
    submitNote: t.exposeString('submitNote', { nullable: true, description: 'The submitter\'s note to the reviewer.' }),
    returnedBy: t.exposeString('returnedBy', { nullable: true, description: 'The reviewer who last sent it back to draft.' }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    returnNote: t.exposeString('returnNote', { nullable: true, description: 'Why the reviewer last sent it back.' }),
    publishNote: t.exposeString('publishNote', { nullable: true, description: 'The publisher\'s decision note.' }),
    mayPublish: t.boolean({ description: 'Whether the caller may publish this version now: it is in review, the caller may publish, and (with separation of duties on) did not write, edit or submit it.', resolve: (v, _a, ctx) => mayPublish(ctx, v) }),
  }),
});

async function versionOrNull(ctx: { em: Parameters<typeof repo.findVersion>[0] }, code: string, version: number | null | undefined) {
  if (version === null || version === undefined) return null;
  const row = await repo.findVersion(ctx.em, code, version);
  return row ? toVersionView(row) : null;
}

export const StandardRef = builder.objectRef<StandardView>('Standard').implement({
  description: 'A module, procedure or work instruction, read through an edition (the newest unless asked otherwise).',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'doc' in v && 'pinnedVersion' in v,
  fields: (t) => ({
    code: t.string({ resolve: (s) => s.doc.code }),
    kind: t.field({ type: KindEnum, resolve: (s) => s.doc.kind as 'module' }),
    parentCode: t.string({ nullable: true, resolve: (s) => s.doc.parentCode ?? null }),
    title: t.string({ resolve: (s) => s.doc.title }),
    retired: t.boolean({ resolve: (s) => s.doc.retired }),
    latestVersion: t.int({ resolve: (s) => s.doc.latestVersion }),
    publishedVersion: t.int({ nullable: true, description: 'The current published version (null before the first publish or once retired).', resolve: (s) => s.doc.publishedVersion ?? null }),
    edition: t.string({ nullable: true, description: 'The edition this standard was read through.', resolve: (s) => s.edition }),
    current: t.field({ type: StandardVersionRef, nullable: true, description: 'The version pinned in the edition read (or the published one when no edition exists).', resolve: (s, _a, ctx) => (s.pinnedRow !== undefined ? (s.pinnedRow ? toVersionView(s.pinnedRow) : null) : versionOrNull(ctx, s.doc.code, s.pinnedVersion)) }),
    latestPublished: t.field({ type: StandardVersionRef, nullable: true, resolve: (s, _a, ctx) => versionOrNull(ctx, s.doc.code, s.doc.publishedVersion) }),
    draft: t.field({ type: StandardVersionRef, nullable: true, description: 'The version being worked on (draft or in review).', resolve: async (s, _a, ctx) => { const row = await repo.findOpenVersion(ctx.em, s.doc.code); return row ? toVersionView(row) : null; } }),
    version: t.field({ type: StandardVersionRef, nullable: true, args: { number: t.arg.int({ required: true }) }, resolve: (s, a, ctx) => versionOrNull(ctx, s.doc.code, a.number) }),
    versions: t.field({ type: [StandardVersionRef], description: 'Every version, oldest first.', resolve: async (s, _a, ctx) => (await repo.listVersions(ctx.em, s.doc.code)).map(toVersionView) }),
  }),
});

builder.queryField('standard', (t) =>
  t.field({
    type: StandardRef,
    errors: { types: READ_ERRORS, union: { name: 'StandardResult' } },
    args: { code: t.arg.string({ required: true }), edition: t.arg.string({ description: 'Edition name; the newest by default.' }) },
    resolve: (_root, args, ctx) => getStandard(ctx, args.code, args.edition),
  }),
);

const StandardConnection = connectionOf(StandardRef, 'Standard');

builder.queryField('standards', (t) =>
  t.field({
    type: StandardConnection,
    description: 'Standards by kind and parent, ordered by code; pages either way (first/after or last/before).',
    args: {
      kind: t.arg({ type: KindEnum }),
      parent: t.arg.string(),
      edition: t.arg.string({ description: 'Edition name; the newest by default.' }),
      workingCopy: t.arg.boolean({ description: 'List every document, published or not, instead of an edition.' }),
      ...pageArgs(t.arg),
      ...backwardPageArgs(t.arg),
    },
    errors: { types: READ_ERRORS, union: { name: 'StandardsResult' } },
    complexity: (a) => pagedCost(a),
    resolve: async (_root, a, ctx) => toConnection(await listStandards(ctx, a, a)),
  }),
);

builder.queryField('checkStandard', (t) =>
  t.field({
    type: [IssueRef],
    description: 'Checks a document as updateDraft would and stores nothing: every problem with its JSON Pointer; an empty list means it would be accepted.',
    args: { code: t.arg.string({ required: true }), schema: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => standards.checkStandard(ctx, a.code, a.schema),
  }),
);

const PlaceKindRef = builder.objectRef<{ kind: string; zh: string; en: string }>('PlaceKind').implement({
  description: 'A kind of place a check item is checked at (`x-check.place`), named in Chinese and English: 大堂 / Lobby, 电梯 / Lift, 停车场 / Car park …',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'the value of `x-check.place` and `ChecklistItem.place`, e.g. `car-park`' }),
    zh: t.exposeString('zh'),
    en: t.exposeString('en'),
  }),
});

builder.queryField('placeKinds', (t) =>
  t.field({
    type: [PlaceKindRef],
    description: 'The kinds of place a check item may name, in the order inspectors meet them — for phones and UIs that walk or group a checklist by place.',
    resolve: (_r, _a, ctx) => standards.listPlaceKinds(ctx),
  }),
);

const write = (name: string) => ({ types: WRITE_ERRORS, union: { name } });

const DiscardedDraftRef = builder.objectRef<DiscardedDraft>('DiscardedDraft').implement({
  description: 'A draft (or version in review) that was discarded.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'documentRemoved' in v,
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    documentRemoved: t.exposeBoolean('documentRemoved', { description: 'The standard was new and is gone with its only version.' }),
  }),
});

const DocumentControlRef = builder.objectRef<DocumentControlSettings>('DocumentControl').implement({
  description: 'The rules of document control over standards (ISO 9001 §7.5).',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'fourEyes' in v,
  fields: (t) => ({
    fourEyes: t.exposeBoolean('fourEyes', { description: 'Separation of duties: the author, last editor and submitter of a version cannot publish it.' }),
  }),
});

builder.queryField('documentControl', (t) =>
  t.field({
    type: DocumentControlRef,
    errors: { types: READ_ERRORS, union: { name: 'DocumentControlResult' } },
    resolve: (_r, _a, ctx) => documentControlSettings(ctx),
  }),
);

builder.mutationFields((t) => ({
  createDraft: t.field({
    type: StandardVersionRef,
    description: 'Opens a draft: of a new standard (schema required) or the next version of an existing one (schema optional; defaults to a copy of the newest version).',
    errors: write('CreateDraftResult'),
    args: { code: t.arg.string({ required: true }), schema: t.arg({ type: 'JSON' }), note: t.arg.string() },
    resolve: (_r, a, ctx) => standards.createDraft(ctx, { code: a.code, schema: a.schema ?? undefined, note: a.note }),
  }),
  updateDraft: t.field({
    type: StandardVersionRef,
    description: 'Replaces the draft schema if expectedRevision is still current; otherwise a ConflictError and nothing changes.',
    errors: write('UpdateDraftResult'),
    args: { code: t.arg.string({ required: true }), schema: t.arg({ type: 'JSON', required: true }), expectedRevision: t.arg.int({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => standards.updateDraft(ctx, { code: a.code, schema: a.schema, expectedRevision: a.expectedRevision, note: a.note }),
  }),
  submitForReview: t.field({
    type: StandardVersionRef,
    errors: write('SubmitForReviewResult'),
    args: { code: t.arg.string({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => standards.submitForReview(ctx, a.code, a.note),
  }),
  returnToDraft: t.field({
    type: StandardVersionRef,
    description: 'Sends a version in review back to draft for changes.',
    errors: write('ReturnToDraftResult'),
    args: { code: t.arg.string({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => standards.returnToDraft(ctx, a.code, a.note),
  }),
  publish: t.field({
    type: StandardVersionRef,
    description: 'Publishes the version in review; every $ref must resolve to a published standard.',
    errors: write('PublishResult'),
    args: { code: t.arg.string({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => standards.publish(ctx, a.code, a.note),
  }),
  discardDraft: t.field({
    type: DiscardedDraftRef,
    description: 'Discards the version being worked on (draft or in review), which was never published; a new standard with only that version disappears. Published versions are never discarded (ConflictError).',
    errors: write('DiscardDraftResult'),
    args: { code: t.arg.string({ required: true }), note: t.arg.string({ description: 'Why it is discarded (kept in the audit trail).' }) },
    resolve: (_r, a, ctx) => discardDraft(ctx, a.code, a.note),
  }),
  setDocumentControl: t.field({
    type: DocumentControlRef,
    description: 'Turns separation of duties on or off (administrators): with it on, whoever wrote, last edited or submitted a version cannot publish it.',
    errors: write('SetDocumentControlResult'),
    args: { fourEyes: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) => setFourEyes(ctx, a.fourEyes),
  }),
  retire: t.field({
    type: StandardVersionRef,
    errors: write('RetireResult'),
    args: { code: t.arg.string({ required: true }), note: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => standards.retire(ctx, a.code, a.note),
  }),
}));
