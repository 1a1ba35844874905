import type { ITouchpoint } from '../../domain/variants/touchpoint.entity.ts';
import { listTouchpoints } from '../../domain/variants/variant.service.ts';
import { getVariant, listVariantProfiles, type OverlayView, type VariantView } from '../../domain/editions/variant-read.service.ts';
import { builder } from './builder.ts';
import { ChangeRef } from './diff.types.ts';
import { READ_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

const TouchpointRef = builder.objectRef<ITouchpoint>('Touchpoint').implement({
  description: 'A customer touchpoint (客户触点): where and when a resident meets the service. Check items name the touchpoints they protect.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'TP-001 … TP-215' }),
    name: t.exposeString('name'),
    stage: t.exposeString('stage', { description: 'journey stage, e.g. 入住, 日常居住, 出行停车, 报事报修' }),
    place: t.exposeString('place'),
  }),
});

const OverlayRef = builder.objectRef<OverlayView>('VariantOverlay').implement({
  description: "One document as a variant changes it: a JSON Merge Patch (RFC 7386) on the edition's version.",
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    note: t.exposeString('note', { description: 'why the variant differs here' }),
    baseVersion: t.exposeInt('baseVersion', { description: 'the version of the base document in the edition' }),
    patch: t.field({ type: 'JSON', resolve: (o) => o.patch }),
    schema: t.field({ type: 'JSON', description: 'the document as projects of this profile read it', resolve: (o) => o.schema }),
    changes: t.field({ type: [ChangeRef], description: 'what the overlay tightens, adds or rewords', resolve: (o) => o.changes }),
  }),
});

const VariantRef = builder.objectRef<VariantView>('Variant').implement({
  description: 'A profile\'s variant of the library, e.g. `platinum` (白金服务标准) for commercial complexes, as an edition pins it.',
  fields: (t) => ({
    profile: t.exposeString('profile'),
    version: t.exposeInt('version'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    author: t.exposeString('author'),
    note: t.string({ nullable: true, resolve: (v) => v.note }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    edition: t.exposeString('edition'),
    overlayCount: t.int({ resolve: (v) => v.overlays.length }),
    overlays: t.field({
      type: [OverlayRef],
      args: { code: t.arg.string({ description: 'only the overlay of this document' }) },
      resolve: (v, a) => (a.code ? v.overlays.filter((o) => o.code === a.code) : v.overlays),
    }),
  }),
});

const TouchpointConnection = connectionOf(TouchpointRef, 'Touchpoint');

builder.queryFields((t) => ({
  touchpoints: t.field({
    type: TouchpointConnection,
    description: 'The customer touchpoints, by code.',
    errors: { types: READ_ERRORS, union: { name: 'TouchpointsResult' } },
    args: { stage: t.arg.string({ description: 'only this journey stage' }), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listTouchpoints(ctx, a.stage, a)),
  }),
  variant: t.field({
    type: VariantRef,
    errors: { types: READ_ERRORS, union: { name: 'VariantResult' } },
    args: { profile: t.arg.string({ required: true, description: 'e.g. "platinum"' }), edition: t.arg.string({ description: 'The newest edition when omitted.' }) },
    resolve: (_r, a, ctx) => getVariant(ctx, a.profile, a.edition),
  }),
  variantProfiles: t.field({
    type: ['String'],
    description: 'The profiles an edition (the newest by default) has a variant for.',
    args: { edition: t.arg.string() },
    resolve: (_r, a, ctx) => listVariantProfiles(ctx, a.edition),
  }),
}));
