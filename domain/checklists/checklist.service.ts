import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { generateChecklistJson, monthOf, type Checklist, type PinnedInstruction, type Tier } from './generate.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { checklistMessage } from './checklist.messages.ts';
import { isCalendarDate } from '../inspections/dates.ts';
import { editionRetirement } from '../editions/retirement.repository.ts';
import type { JsonObject } from '../shared/json.ts';
import { mergePatch, type Overlay } from '../variants/variants.ts';
import { authorize } from '../users/roles.ts';
import { newestEditionName } from '../editions/edition.service.ts';
import { standardRepository as repo } from '../standards/standard.repository.ts';
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
const byRequest = new Map<string, CachedChecklist>();
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
  authorize(ctx.actor, 'readInspections');
  const scope = args.scope ?? '';
  const date = args.date ?? todayInChina();
  const issues = [];
  if (scope && !SCOPE.test(scope)) issues.push(issue('/scope', checklistMessage('checklist.scope_invalid')));
  if (!isCalendarDate(date)) issues.push(issue('/date', checklistMessage('checklist.date_invalid')));
  else if (Math.abs(Date.parse(date) - Date.parse(todayInChina())) > 400 * 86400_000) issues.push(issue('/date', checklistMessage('checklist.date_out_of_window')));
  if (issues.length > 0) throw new ValidationError(checklistMessage('checklist.request_invalid'), issues);
  const project = await getProject(ctx.em, args.projectId);
  const edition = args.edition ?? (await newestEditionName(ctx.em));
  if (!edition) throw new NotFoundError(editionMessage('edition.none_yet'), 'edition');
  await repo.getEdition(ctx.em, edition);
  const retired = await editionRetirement(ctx.em, edition);
  if (retired) throw new ConflictError(editionMessage('edition.retired_use_current', { edition, date: retired.retiredAt.toISOString().slice(0, 10), note: retired.note }));
  const variantVersion = project.profile === 'standard' ? undefined : (await variants.pinned(ctx.em, edition)).get(project.profile);
  const variant = variantVersion === undefined ? null : { profile: project.profile, version: variantVersion };
  const key = [project.id, args.tier, scope, edition, args.tier === 'monthly' ? monthOf(date) : '', variant ? `${variant.profile}@${variant.version}` : ''].join('|');
  const cached = byRequest.get(key);
  if (cached) return cached;

  const overlays = variant ? new Map((JSON.parse((await variants.get(ctx.em, variant.profile, variant.version)).overlaysJson) as Overlay[]).map((o) => [o.code, o.patch])) : new Map();
  const instructions: PinnedInstruction[] = (await repo.editionSchemas(ctx.em, edition, 'instruction'))
    .filter((v) => !scope || v.code === scope || v.code.startsWith(`${scope}.`))
    .map((v) => {
      const patch = overlays.get(v.code);
      return patch ? { ...v, schema: mergePatch(v.schema, patch) as JsonObject } : v;
    });
  if (scope && instructions.length === 0) throw new NotFoundError(checklistMessage('checklist.scope_empty', { edition, scope }), scope);
  const generated = generateChecklistJson({ projectId: project.id, projectCode: project.code, tier: args.tier, scope, edition, date, variant }, instructions);
  if (generated.checklist.itemCount === 0) throw new NotFoundError(scope ? checklistMessage('checklist.no_items', { scope, tier: args.tier, edition }) : checklistMessage('checklist.library_no_items', { tier: args.tier, edition }), scope);
  const entry = byId.get(generated.checklist.id) ?? { checklist: generated.checklist, json: Buffer.from(generated.json) };
  await storeChecklist(ctx.em, entry);
  return remember(key, entry);
}

async function storeChecklist(em: EntityManager, { checklist, json }: CachedChecklist): Promise<void> {
  // Stored gzipped: a full quarterly checklist is about 1 MB of JSON and compresses tenfold.
  await em.execute(
    `insert into checklist (id, project_id, tier, scope, edition_name, period, variant_profile, variant_version, item_count, content_gzip, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
    [checklist.id, checklist.projectId, checklist.tier, checklist.scope, checklist.edition, checklist.period, checklist.variant?.profile ?? null, checklist.variant?.version ?? null, checklist.itemCount, await gzipAsync(json, { level: 1 }), new Date()],
  );
}

/** A stored checklist by its id (the hash of its content). */
export async function getChecklistById(em: EntityManager, id: string): Promise<CachedChecklist> {
  const cached = byId.get(id);
  if (cached) return cached;
  const [row] = /^[0-9a-f]{64}$/.test(id) ? await em.execute<{ content_gzip: Uint8Array }[]>('select content_gzip from checklist where id = ?', [id]) : [];
  if (!row) throw new NotFoundError(checklistMessage('checklist.not_found', { id }), id);
  const json = await gunzipAsync(Buffer.from(row.content_gzip));
  return remember(null, { checklist: JSON.parse(json.toString('utf8')) as Checklist, json });
}
