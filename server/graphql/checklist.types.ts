import type { Checklist, ChecklistItem } from '../../domain/checklists/generate.ts';
import type { Criterion } from '../../domain/checklists/criterion.ts';
import { getChecklist, readChecklistById } from '../../domain/checklists/checklist.service.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { authorize } from '../../domain/shared/access.ts';
import { builder } from './builder.ts';
import { READ_ERRORS } from './error.types.ts';
import { ConflictError } from '../../domain/shared/errors.ts';
import { ProjectRef, TierEnum } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';
import type { ServiceContext } from '../../domain/shared/service-context.ts';

const CriterionRef = builder.objectRef<Criterion>('Criterion').implement({
  description: 'The pass criterion in words, generated from the constraint: `≥ 3 次/日`, `是`, `≤ 15 分钟`.',
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const ChecklistItemRef = builder.objectRef<ChecklistItem>('ChecklistItem').implement({
  description: 'One check item, pinned to the standard version it came from.',
  fields: (t) => ({
    id: t.exposeString('id', { description: '`<code>@<version>#<json-pointer>`' }),
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    key: t.exposeString('key'),
    module: t.exposeString('module'),
    instructionTitle: t.exposeString('instructionTitle'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    criterion: t.field({ type: CriterionRef, resolve: (i) => i.criterion }),
    input: t.exposeString('input', { description: 'boolean, integer, number, choice, text or photos' }),
    unit: t.exposeString('unit', { nullable: true }),
    options: t.exposeStringList('options', { nullable: true }),
    evidence: t.exposeString('evidence', { description: 'none, photo-on-fail, photo-required or document' }),
    severity: t.exposeString('severity'),
    weight: t.exposeFloat('weight'),
    method: t.exposeString('method'),
    tiers: t.exposeStringList('tiers'),
    touchpoints: t.exposeStringList('touchpoints'),
    place: t.exposeString('place', { nullable: true, description: 'the kind of place the item is checked at (`x-check.place`): one of `placeKinds`, e.g. `lift`; null when the standard names none' }),
    rectifyWithinHours: t.exposeInt('rectifyWithinHours', { nullable: true }),
    hint: t.exposeString('hint', { nullable: true }),
    schema: t.field({ type: 'JSON', description: 'the pass criterion as JSON Schema: an answer that validates passes', resolve: (i) => i.schema }),
    layer: t.string({ description: 'where the criterion comes from: baseline (the shared library), organisation (its overlay or addition) or profile (the project profile\'s variant)', resolve: (i) => i.layer ?? 'baseline' }),
  }),
});

export const ChecklistRef = builder.objectRef<Checklist>('Checklist').implement({
  description: 'An immutable, content-addressed checklist: the same request always gives the same id and items. No item has a default answer.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'answerSchema' in v,
  fields: (t) => ({
    id: t.exposeString('id', { description: 'sha256 of the content; GET /checklists/<id> serves it with long cache headers' }),
    project: t.field({ type: ProjectRef, resolve: (c, _a, ctx) => getProject(ctx.em, c.projectId) }),
    tier: t.field({ type: TierEnum, resolve: (c) => c.tier }),
    scope: t.exposeString('scope'),
    edition: t.exposeString('edition'),
    period: t.exposeString('period', { nullable: true, description: 'the month a monthly sample was drawn for' }),
    variantProfile: t.string({ nullable: true, resolve: (c) => c.variant?.profile ?? null }),
    variantVersion: t.int({ nullable: true, resolve: (c) => c.variant?.version ?? null }),
    organisationEdition: t.string({ nullable: true, description: 'the organisation\'s edition that pinned its layer, if one did', resolve: (c) => c.organisation?.organisationEdition ?? null }),
    organisationOverlays: t.stringList({ description: 'the organisation\'s overlays applied, as `code@version`', resolve: (c) => c.organisation?.overlays ?? [] }),
    organisationAdditions: t.stringList({ description: 'the organisation\'s own instructions included, as `code@version`', resolve: (c) => c.organisation?.additions ?? [] }),
    itemCount: t.exposeInt('itemCount'),
    items: t.field({ type: [ChecklistItemRef], complexity: { field: 1, multiplier: 100 }, resolve: (c) => c.items }),
    answerSchema: t.field({ type: 'JSON', description: 'JSON Schema of a well-formed `answers` object keyed by item id, for offline validation', resolve: (c) => c.answerSchema }),
  }),
});

/**
 * A stored checklist by id, as far as the caller may read it: `checklistById`'s check, which the
 * memo of rendered answers (immutable-results.ts) runs for every caller before reusing bytes.
 */
export async function visibleChecklist(ctx: ServiceContext, id: string): Promise<Checklist> {
  authorize(ctx.actor, 'readInspections');
  return (await readChecklistById(ctx, id)).checklist;
}

builder.queryFields((t) => ({
  checklist: t.field({
    type: ChecklistRef,
    errors: { types: [...READ_ERRORS, ConflictError], union: { name: 'ChecklistResult' } },
    description: 'The checklist of a project for a tier: daily items, a monthly sample seeded by project and month, or every item (quarterly).',
    args: {
      projectId: t.arg.int({ required: true }),
      tier: t.arg({ type: TierEnum, required: true }),
      scope: t.arg.string({ description: 'a module, procedure or instruction code; the whole library when omitted' }),
      edition: t.arg.string({ description: 'the newest edition when omitted' }),
      date: t.arg.string({ description: 'YYYY-MM-DD; today (China Standard Time) when omitted' }),
    },
    complexity: FIELD_COST.checklist,
    resolve: async (_r, a, ctx) => (await getChecklist(ctx, a)).checklist,
  }),
  checklistById: t.field({
    type: ChecklistRef,
    errors: { types: READ_ERRORS, union: { name: 'ChecklistByIdResult' } },
    args: { id: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => visibleChecklist(ctx, a.id),
  }),
}));
