import { EVERYWHERE, scopeOf, visibleOr, type Scope } from '../organisations/scope.ts';
import { projectRepository } from '../projects/project.repository.ts';
import { promisify } from 'node:util';
import { editionRepository } from '../editions/edition.repository.ts';
import { checklistRepository } from './checklist.repository.ts';
import { gunzip, gzip } from 'node:zlib';
import type { EntityManager } from '../shared/persistence.ts';
import { generateChecklistJson, isAssessmentTier, monthOf, type Checklist, type PinnedInstruction, type Tier } from './generate.ts';
import { ConflictError, NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import { isCalendarDate } from '../shared/dates.ts';
import { retirementRepository } from '../editions/retirement.repository.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { checklistMessage } from './checklist.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import type { Overlay } from '../variants/variants.ts';
import { treeCode } from '../standards/namespace.ts';
import { applyLayers } from '../layers/layers.ts';
import { layerSignature, organisationLayer, requireLayer } from '../layers/organisation-layer.service.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { variantRepository as variants } from '../variants/variant.repository.ts';
import { getProject } from '../projects/project.service.ts';

export interface ChecklistArgs {
  projectId: number;
  tier: Tier;
  scope?: string | null;
  edition?: string | null;
  /** YYYY-MM-DD; today when omitted */
  date?: string | null;
}

/** A checklist and its serialised bytes (served as is by id). */
export interface CachedChecklist {
  checklist: Checklist;
  json: Buffer;
}

const MAX_CACHED = 48;
/** Cache of generated checklists by request, bounded to MAX_CACHED entries (oldest out first). */
const byRequest = new Map<string, CachedChecklist>();
/** Cache of checklists by id (content hash), bounded the same way. */
const byId = new Map<string, CachedChecklist>();

function remember(key: string | null, entry: CachedChecklist): CachedChecklist {
  for (const map of [byRequest, byId]) if (map.size >= MAX_CACHED) map.delete(map.keys().next().value!);
  if (key) byRequest.set(key, entry);
  byId.set(entry.checklist.id, entry);
  return entry;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const SCOPE = /^M\d{2}(\.P\d{2}(\.W\d{3})?)?$/;

const inScope = (code: string, scope: string) => { const tree = treeCode(code); return !scope || tree === scope || tree.startsWith(`${scope}.`); };

/** Today in China Standard Time, where the company works. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The checklist for a project, tier, scope and edition (the newest by default) on a date: the
 * edition's pinned instructions, with the project profile's variant overlays applied, walked into
 * items. Generated once per distinct content and stored under its content hash; checklists never
 * change, so they are cached in memory too.
 */
export async function getChecklist(ctx: ServiceContext, args: ChecklistArgs): Promise<CachedChecklist> {
  // assessment checklists are for assessors only (a project must not learn what the mystery customer checks)
  const reach = scopeOf(ctx.actor, isAssessmentTier(args.tier) ? 'runAssessments' : 'readInspections');
  const scope = args.scope ?? '';
  const date = args.date ?? todayInChina();
  const issues = [];
  if (scope && !SCOPE.test(scope)) issues.push(issue('/scope', checklistMessage('checklist.scope_invalid')));
  if (!isCalendarDate(date)) issues.push(issue('/date', checklistMessage('checklist.date_invalid')));
  else if (Math.abs(Date.parse(date) - Date.parse(todayInChina())) > 400 * 86400_000) issues.push(issue('/date', checklistMessage('checklist.date_out_of_window')));
  if (issues.length > 0) throw new ValidationError(checklistMessage('checklist.request_invalid'), issues);
  const project = await getProject(ctx.em, args.projectId, reach);
  const layer = requireLayer(await organisationLayer(ctx.em, project.organisationId, args.edition), 'edition');
  const edition = layer.edition;
  await editionRepository.getEdition(ctx.em, edition);
  const retired = await retirementRepository.find(ctx.em, edition);
  if (retired) throw new ConflictError(editionMessage('edition.retired_use_current', { edition, date: retired.retiredAt.toISOString().slice(0, 10), note: retired.note }));
  const variantVersion = project.profile === 'standard' ? undefined : (await variants.pinned(ctx.em, edition)).get(project.profile);
  const variant = variantVersion === undefined ? null : { profile: project.profile, version: variantVersion };
  const signature = layerSignature(layer);
  const organisation = signature.overlays.length + signature.additions.length > 0 || layer.organisationEdition ? { organisationEdition: layer.organisationEdition, ...signature } : null;
  const key = [project.id, args.tier, scope, edition, args.tier === 'monthly' ? monthOf(date) : '', variant ? `${variant.profile}@${variant.version}` : '', JSON.stringify(organisation)].join('|');
  const cached = byRequest.get(key);
  if (cached) return cached;

  const overlays = variant ? new Map((JSON.parse((await variants.get(ctx.em, variant.profile, variant.version)).overlaysJson) as Overlay[]).map((o) => [o.code, o.patch])) : new Map();
  const additions = layer.additions.filter((a) => a.kind === 'instruction').map((a) => ({ code: a.code, version: a.version, title: a.title, schema: a.schema, addition: true }));
  const instructions: PinnedInstruction[] = [...(await editionRepository.editionSchemas(ctx.em, edition, 'instruction')), ...additions]
    .filter((v) => inScope(v.code, scope))
    .map((v) => {
      // baseline → the organisation's overlay → the profile's variant; each item remembers its layer
      const layered = applyLayers(v.schema, layer.overlays.get(v.code)?.patch ?? null, overlays.get(v.code) ?? null, 'addition' in v);
      return { code: v.code, version: v.version, title: v.title, schema: layered.schema, layers: layered.layers };
    });
  if (scope && instructions.length === 0) throw new NotFoundError(checklistMessage('checklist.scope_empty', { edition, scope }), scope);
  const generated = generateChecklistJson({ projectId: project.id, projectCode: project.code, tier: args.tier, scope, edition, date, variant, organisation }, instructions);
  if (generated.checklist.itemCount === 0) throw new NotFoundError(scope ? checklistMessage('checklist.no_items', { scope, tier: args.tier, edition }) : checklistMessage('checklist.library_no_items', { tier: args.tier, edition }), scope);
  const entry = byId.get(generated.checklist.id) ?? { checklist: generated.checklist, json: Buffer.from(generated.json) };
  await storeChecklist(ctx.em, entry);
  return remember(key, entry);
}

async function storeChecklist(em: EntityManager, { checklist, json }: CachedChecklist): Promise<void> {
  // Stored gzipped: a full quarterly checklist is about 1 MB of JSON and compresses tenfold.
  await checklistRepository.insertIfAbsent(em, {
    id: checklist.id, projectId: checklist.projectId, tier: checklist.tier, scope: checklist.scope, edition: checklist.edition, period: checklist.period,
    variantProfile: checklist.variant?.profile ?? null, variantVersion: checklist.variant?.version ?? null, itemCount: checklist.itemCount,
    contentGzip: await gzipAsync(json, { level: 1 }), createdAt: new Date(),
  });
}

/**
 * A stored checklist by its id (the hash of its content), when its project lies in the scope (the
 * system's when none is given); otherwise the same answer as an unknown id — the memory cache is
 * shared by every organisation, so the project is checked on every read.
 */
export async function getChecklistById(em: EntityManager, id: string, scope: Scope = EVERYWHERE): Promise<CachedChecklist> {
  const notFound = () => new NotFoundError(checklistMessage('checklist.not_found', { id }), id);
  let entry = byId.get(id);
  if (!entry) {
    const content = /^[0-9a-f]{64}$/.test(id) ? await checklistRepository.content(em, id) : null;
    if (!content) throw notFound();
    const json = await gunzipAsync(Buffer.from(content));
    entry = remember(null, { checklist: JSON.parse(json.toString('utf8')) as Checklist, json });
  }
  visibleOr(scope, await projectRepository.accessOf(em, entry.checklist.projectId), notFound);
  return entry;
}

/** A stored checklist by id, as far as the caller may read its project. */
export function readChecklistById(ctx: ServiceContext, id: string): Promise<CachedChecklist> {
  return getChecklistById(ctx.em, id, scopeOf(ctx.actor, 'readInspections'));
}
