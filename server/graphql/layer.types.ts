import type { JsonValue } from '../../domain/shared/json.ts';
import { describeCriterion } from '../../domain/checklists/criterion.ts';
import { getLayeredStandard, type LayeredItem, type LayeredStandard } from '../../domain/layers/layered-standard.service.ts';
import { discardOverlayDraft, listOverlays, publishOverlay, saveOverlayDraft, type OverlayView } from '../../domain/layers/overlay.service.ts';
import { listOrganisationEditions, organisationEditionDiff, publishOrganisationEdition, type OrganisationEditionView } from '../../domain/layers/organisation-edition.service.ts';
import { builder } from './builder.ts';
import { ChangeRef, EditionDiffRef } from './diff.types.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { FIELD_COST } from './query-limits.ts';

const OverlayRef = builder.objectRef<OverlayView>('OrganisationOverlay').implement({
  description: "A version of the organisation's overlay of a baseline document: a JSON Merge Patch its checklists apply on top of the shared baseline (draft → published → superseded).",
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'patch' in v && 'baseVersion' in v && !('overlays' in v),
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    status: t.exposeString('status', { description: 'draft, published or superseded' }),
    baseVersion: t.exposeInt('baseVersion', { description: 'the baseline version it was checked against' }),
    patch: t.field({ type: 'JSON', resolve: (o) => o.patch }),
    note: t.exposeString('note', { description: 'why the organisation differs from the baseline' }),
    author: t.exposeString('author'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    publishedBy: t.string({ nullable: true, resolve: (o) => o.publishedBy }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.publishedAt }),
  }),
});

const LayeredItemRef = builder.objectRef<LayeredItem>('LayeredItem').implement({
  description: 'A check item as the layers make it, with the layer its criterion comes from.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    layer: t.exposeString('layer', { description: 'baseline, organisation or profile' }),
    criterionZh: t.string({ resolve: (i) => describeCriterion(i.schema).zh }),
    criterionEn: t.string({ resolve: (i) => describeCriterion(i.schema).en }),
    baselineCriterionZh: t.string({ nullable: true, description: "the baseline's criterion; null for an item the organisation or profile adds", resolve: (i) => (i.baselineSchema ? describeCriterion(i.baselineSchema).zh : null) }),
    baselineCriterionEn: t.string({ nullable: true, resolve: (i) => (i.baselineSchema ? describeCriterion(i.baselineSchema).en : null) }),
    schema: t.field({ type: 'JSON', resolve: (i) => i.schema }),
  }),
});

const LayeredStandardRef = builder.objectRef<LayeredStandard>('LayeredStandard').implement({
  description: "A standard read through its layers: the shared baseline, the caller's organisation (overlay or own addition) and optionally a project profile's variant.",
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'items' in v && 'owner' in v,
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    owner: t.exposeString('owner', { description: 'baseline (the shared library) or organisation (an addition of the caller\'s organisation)' }),
    edition: t.exposeString('edition', { description: 'the baseline edition read' }),
    organisationEdition: t.string({ nullable: true, resolve: (s) => s.organisationEdition }),
    baseVersion: t.exposeInt('baseVersion'),
    profile: t.string({ nullable: true, resolve: (s) => s.profile }),
    appliedOverlay: t.int({ nullable: true, description: 'the overlay version applied', resolve: (s) => s.appliedOverlay }),
    overlays: t.field({ type: [OverlayRef], description: "the organisation's overlay versions of this document, newest first", resolve: (s) => s.overlays }),
    schema: t.field({ type: 'JSON', resolve: (s) => s.schema as JsonValue }),
    items: t.field({ type: [LayeredItemRef], resolve: (s) => s.items }),
    changes: t.field({ type: [ChangeRef], description: 'what the organisation and the profile change, each with its layer', resolve: (s) => s.changes }),
  }),
});

const OrganisationEditionRef = builder.objectRef<OrganisationEditionView>('OrganisationEdition').implement({
  description: "An organisation's immutable edition: the baseline edition it builds on and the overlay and addition versions it pins.",
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'baselineEdition' in v,
  fields: (t) => ({
    name: t.exposeString('name'),
    baselineEdition: t.exposeString('baselineEdition'),
    note: t.string({ nullable: true, resolve: (e) => e.note ?? null }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    overlays: t.stringList({ description: '`code@version` of each overlay pinned', resolve: (e) => e.overlays.map((o) => `${o.code}@${o.version}`) }),
    additions: t.stringList({ description: '`code@version` of each own document pinned', resolve: (e) => e.additions.map((o) => `${o.code}@${o.version}`) }),
  }),
});

builder.queryFields((t) => ({
  layeredStandard: t.field({
    type: LayeredStandardRef,
    errors: { types: READ_ERRORS, union: { name: 'LayeredStandardResult' } },
    args: { code: t.arg.string({ required: true }), profile: t.arg.string({ description: 'apply this project profile\'s variant on top, e.g. "platinum"' }), edition: t.arg.string({ description: "the organisation's or a baseline edition; the newest when omitted" }) },
    complexity: FIELD_COST.report,
    resolve: (_r, a, ctx) => getLayeredStandard(ctx, a.code, { profile: a.profile, edition: a.edition }),
  }),
  organisationOverlays: t.field({
    type: [OverlayRef],
    description: "The caller's organisation's overlays (every version, newest first per document).",
    args: { code: t.arg.string() },
    resolve: (_r, a, ctx) => listOverlays(ctx, a.code),
  }),
  organisationEditions: t.field({
    type: [OrganisationEditionRef],
    description: "The caller's organisation's editions, newest first.",
    resolve: (_r, _a, ctx) => listOrganisationEditions(ctx),
  }),
  organisationEditionDiff: t.field({
    type: EditionDiffRef,
    errors: { types: READ_ERRORS, union: { name: 'OrganisationEditionDiffResult' } },
    description: "What changed between two of the organisation's editions, each change labelled with its layer (baseline or organisation).",
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    complexity: FIELD_COST.editionDiff,
    resolve: (_r, a, ctx) => organisationEditionDiff(ctx, a.from, a.to),
  }),
}));

builder.mutationFields((t) => ({
  saveOverlayDraft: t.field({
    type: OverlayRef,
    errors: { types: WRITE_ERRORS, union: { name: 'SaveOverlayDraftResult' } },
    description: "Saves the organisation's draft overlay of a baseline document (a JSON Merge Patch; the result must stay a valid standard).",
    args: { code: t.arg.string({ required: true }), patch: t.arg({ type: 'JSON', required: true }), note: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => saveOverlayDraft(ctx, { code: a.code, patch: a.patch as JsonValue, note: a.note }),
  }),
  publishOverlay: t.field({
    type: OverlayRef,
    errors: { types: WRITE_ERRORS, union: { name: 'PublishOverlayResult' } },
    args: { code: t.arg.string({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => publishOverlay(ctx, a.code, a.note),
  }),
  discardOverlayDraft: t.field({
    type: OverlayRef,
    errors: { types: WRITE_ERRORS, union: { name: 'DiscardOverlayDraftResult' } },
    args: { code: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => discardOverlayDraft(ctx, a.code),
  }),
  publishOrganisationEdition: t.field({
    type: OrganisationEditionRef,
    errors: { types: WRITE_ERRORS, union: { name: 'PublishOrganisationEditionResult' } },
    args: { name: t.arg.string({ required: true }), baselineEdition: t.arg.string({ description: 'the newest baseline edition when omitted' }), note: t.arg.string() },
    resolve: (_r, a, ctx) => publishOrganisationEdition(ctx, a),
  }),
}));
