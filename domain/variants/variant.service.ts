import type { EntityManager } from '../shared/persistence.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { canonicalJson } from '../shared/json.ts';
import { variantMessage } from './variant.messages.ts';
import { contentHash } from '../standards/content-hash.ts';
import { applyOverlay, type Touchpoint as TouchpointData, type Variant } from './variants.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, type Actor } from '../shared/access.ts';
import type { ITouchpoint } from './touchpoint.entity.ts';
import type { IVariantVersion } from './variant.entity.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { TOUCHPOINTS, variantRepository as variants } from './variant.repository.ts';
import { keysetPage, type Page, type PageArgs } from '../shared/paging.ts';
import { assertBaselineOwner } from '../standards/ownership.service.ts';

/**
 * Stores a variant as the profile's next version when its overlays differ from the latest, after
 * checking that each overlay applies to the current published document. Editions published later
 * pin it. Runs in the caller's transaction.
 */
export async function saveVariant(em: EntityManager, actor: Actor, variant: Variant, provenance: { author: string; note: string | null }): Promise<IVariantVersion> {
  authorize(actor, 'publishStandards');
  await assertBaselineOwner(em, actor);
  for (const [i, overlay] of variant.overlays.entries()) {
    const doc = await repo.findDocument(em, overlay.code);
    if (!doc || doc.publishedVersion == null) throw new ValidationError(variantMessage('variant.base_unpublished', { profile: variant.profile, code: overlay.code }), [issue(`/overlays/${i}/code`, variantMessage('variant.code_unpublished', { code: overlay.code }))]);
    applyOverlay(parseSchema(await repo.getVersion(em, overlay.code, doc.publishedVersion)), overlay);
  }
  const overlaysJson = JSON.stringify(variant.overlays);
  const hash = contentHash(JSON.parse(canonicalJson({ title: variant.title, description: variant.description, overlays: JSON.parse(overlaysJson) })));
  const latest = await variants.latest(em, variant.profile);
  if (latest?.contentHash === hash) return latest;
  const row = variants.insert(em, {
    profile: variant.profile, version: (latest?.version ?? 0) + 1, title: variant.title, description: variant.description,
    overlaysJson, overlayCount: variant.overlays.length, contentHash: hash, author: provenance.author, note: provenance.note, createdAt: new Date(),
  });
  await appendAudit(em, actor, { action: 'variant.saved', subjectType: 'variant', subjectKey: `${row.profile}@${row.version}`, detail: { overlays: row.overlayCount, contentHash: hash, author: row.author } });
  return row;
}

/** Replaces nothing: adds the touchpoints that are not stored yet (they are reference data). */
export async function saveTouchpoints(em: EntityManager, touchpoints: TouchpointData[]): Promise<number> {
  return variants.addTouchpoints(em, touchpoints.map((t) => ({ code: t.code, name: t.name, stage: t.stage, place: t.place })));
}

/** The customer touchpoints (of one journey stage), by code, a page at a time. */
export async function listTouchpoints(ctx: ServiceContext, stage: string | null | undefined, page: PageArgs): Promise<Page<ITouchpoint>> {
  authorize(ctx.actor, 'readStandards');
  return keysetPage(TOUCHPOINTS, page, (window) => variants.listTouchpoints(ctx.em, stage, window), () => variants.countTouchpoints(ctx.em, stage));
}
