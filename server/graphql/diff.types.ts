import type { Change } from '../../domain/standards/diff/semantic-diff.ts';
import type { TextSegment } from '../../domain/standards/diff/text-diff.ts';
import type { PatchOperation } from '../../domain/standards/diff/json-patch.ts';
import { diffDocument, editionDiff, type DocumentChange, type EditionDiff } from '../../domain/editions/edition.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS } from './error.types.ts';
import { FIELD_COST } from './query-limits.ts';

const TextSegmentRef = builder.objectRef<TextSegment>('TextSegment').implement({
  description: 'A run of characters that is equal, inserted or deleted.',
  fields: (t) => ({ op: t.exposeString('op'), text: t.exposeString('text') }),
});

export const ChangeRef = builder.objectRef<Change>('Change').implement({
  description: 'A change a person reads: item added/removed/renamed, constraint tightened/loosened, severity, weight or tiers changed, text changed.',
  fields: (t) => ({
    layer: t.string({ description: 'the layer that made the change: baseline (the shared library), organisation (its overlay or addition) or profile (the project profile\'s variant)', resolve: (c) => c.layer ?? 'baseline' }),
    kind: t.exposeString('kind', { description: 'item-added, item-removed, item-renamed, constraint-tightened, constraint-loosened, constraint-changed, severity-changed, weight-changed, tiers-changed, check-changed, text-changed, document-changed' }),
    pointer: t.exposeString('pointer'),
    item: t.exposeString('item', { nullable: true }),
    field: t.exposeString('field', { nullable: true }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.before ?? null }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.after ?? null }),
    summary: t.exposeString('summary'),
    summaryZh: t.exposeString('summaryZh'),
    segments: t.field({ type: [TextSegmentRef], nullable: true, resolve: (c) => c.segments ?? null }),
  }),
});

const PatchOperationRef = builder.objectRef<PatchOperation>('PatchOperation').implement({
  description: 'One RFC 6902 JSON Patch operation.',
  fields: (t) => ({
    op: t.exposeString('op'),
    path: t.exposeString('path'),
    from: t.string({ nullable: true, resolve: (o) => ('from' in o ? o.from : null) }),
    value: t.field({ type: 'JSON', nullable: true, resolve: (o) => ('value' in o ? o.value : null) }),
  }),
});

const DocumentChangeRef = builder.objectRef<DocumentChange>('DocumentDiff').implement({
  description: 'How one document differs between two versions.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'changes' in v && 'patch' in v,
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    fromVersion: t.exposeInt('fromVersion', { nullable: true }),
    toVersion: t.exposeInt('toVersion', { nullable: true }),
    author: t.string({ nullable: true, description: 'who wrote the newer version, or retired the document', resolve: (d) => d.author }),
    note: t.string({ nullable: true, description: 'why', resolve: (d) => d.note }),
    changes: t.field({ type: [ChangeRef], resolve: (d) => d.changes }),
    patch: t.field({ type: [PatchOperationRef], description: 'Applying this patch to version `from` gives version `to` exactly.', resolve: (d) => d.patch }),
  }),
});

export const EditionDiffRef = builder.objectRef<EditionDiff>('EditionDiff').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'added' in v && 'removed' in v,
  fields: (t) => ({
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    added: t.field({ type: [DocumentChangeRef], resolve: (d) => d.added }),
    removed: t.field({ type: [DocumentChangeRef], resolve: (d) => d.removed }),
    changed: t.field({ type: [DocumentChangeRef], resolve: (d) => d.changed }),
  }),
});

builder.queryFields((t) => ({
  diff: t.field({
    type: DocumentChangeRef,
    errors: { types: READ_ERRORS, union: { name: 'DiffResult' } },
    args: { code: t.arg.string({ required: true }), from: t.arg.int({ required: true }), to: t.arg.int({ required: true }) },
    complexity: FIELD_COST.report,
    resolve: (_r, a, ctx) => diffDocument(ctx, a.code, a.from, a.to),
  }),
  editionDiff: t.field({
    type: EditionDiffRef,
    errors: { types: READ_ERRORS, union: { name: 'EditionDiffResult' } },
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    complexity: FIELD_COST.editionDiff,
    resolve: (_r, a, ctx) => editionDiff(ctx, a.from, a.to),
  }),
}));
