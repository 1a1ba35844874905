import { inTransaction } from '../shared/persistence.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/json.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { Change, Layer } from '../standards/diff/change.ts';
import { describeChanges } from '../standards/diff/semantic-diff.ts';
import { diffVersions } from '../standards/diff/diff.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { editionRepository } from '../editions/edition.repository.ts';
import type { DocumentChange, EditionDiff } from '../editions/edition.service.ts';
import { newestEditionName } from '../editions/edition.service.ts';
import { mergePatch } from '../variants/variants.ts';
import type { IOrganisationEdition } from './layer.entity.ts';
import { layerMessage } from './layer.messages.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { layerRepository as layers } from './layer.repository.ts';
import { organisationLayer, type OrganisationLayer } from './organisation-layer.service.ts';
import { organisationOf } from './overlay.service.ts';

const EDITION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An organisation's edition with what it pins. */
export interface OrganisationEditionView extends IOrganisationEdition {
  overlays: { code: string; version: number }[];
  additions: { code: string; version: number }[];
}

async function view(ctx: ServiceContext, edition: IOrganisationEdition): Promise<OrganisationEditionView> {
  const entries = await layers.editionEntries(ctx.em, edition.id);
  const pick = (layer: string) => entries.filter((e) => e.layer === layer).map((e) => ({ code: e.code, version: e.version }));
  return { ...edition, overlays: pick('overlay'), additions: pick('addition') };
}

/**
 * Publishes an immutable edition of the caller's organisation: the baseline edition it builds on
 * (the newest by default) and its currently published overlays and additions. Its checklists read
 * through it from then on, until the next one.
 */
export async function publishOrganisationEdition(ctx: ServiceContext, input: { name: string; baselineEdition?: string | null; note?: string | null }): Promise<OrganisationEditionView> {
  const { actor, organisationId } = organisationOf(ctx.actor, 'publishEditions');
  if (!EDITION_NAME.test(input.name)) throw new ValidationError(layerMessage('layer.edition_name_invalid', { name: input.name }), [issue('/name', layerMessage('layer.edition_name_rule'))]);
  const created = await inTransaction(ctx.em, async (em) => {
    if ((await layers.findEdition(em, organisationId, input.name)) || (await editionRepository.findEdition(em, input.name))) throw new ConflictError(layerMessage('layer.edition_exists', { name: input.name }));
    const baseline = input.baselineEdition ?? (await newestEditionName(em));
    if (!baseline) throw new NotFoundError(editionMessage('edition.none_yet'), 'edition');
    await editionRepository.getEdition(em, baseline);
    const current = (await organisationLayer(em, organisationId, baseline))!;
    const entries = [
      ...[...current.overlays].map(([code, o]) => ({ organisationId, layer: 'overlay', code, version: o.version })),
      ...current.additions.map((a) => ({ organisationId, layer: 'addition', code: a.code, version: a.version })),
    ];
    const row = await layers.insertEdition(em, { organisationId, name: input.name, baselineEdition: baseline, note: input.note?.trim() || null, createdBy: actor.username, createdAt: new Date() }, entries);
    await appendAudit(em, actor, { action: 'organisation-edition.published', subjectType: 'edition', subjectKey: input.name, detail: { baselineEdition: baseline, pins: entries.map((e) => `${e.layer}:${e.code}@${e.version}`), note: row.note ?? null } });
    return row;
  });
  return view(ctx, created);
}

/** The caller's organisation's editions, newest first. */
export async function listOrganisationEditions(ctx: ServiceContext): Promise<OrganisationEditionView[]> {
  const { organisationId } = organisationOf(ctx.actor, 'readStandards');
  return Promise.all((await layers.editions(ctx.em, organisationId)).map((e) => view(ctx, e)));
}

const labelled = (changes: Change[], layer: Layer): Change[] => changes.map((c) => ({ ...c, layer }));

/**
 * What changed between two of the organisation's editions (either may also be a baseline edition,
 * read with the current published overlays): per document, each change labelled with the layer that
 * made it — the baseline's new version, or the organisation's overlay or addition.
 */
export async function organisationEditionDiff(ctx: ServiceContext, from: string, to: string): Promise<EditionDiff> {
  const { organisationId } = organisationOf(ctx.actor, 'readStandards');
  const read = async (name: string): Promise<{ layer: OrganisationLayer; entries: Map<string, number> }> => {
    const layer = await organisationLayer(ctx.em, organisationId, name);
    if (!layer) throw new NotFoundError(layerMessage('layer.edition_not_found', { name }), name);
    return { layer, entries: await editionRepository.editionEntries(ctx.em, layer.edition) };
  };
  const [a, b] = [await read(from), await read(to)];
  const schemaAt = async (code: string, version: number) => parseSchema(await standardRepository.getVersion(ctx.em, code, version));
  const out: EditionDiff = { from, to, added: [], removed: [], changed: [] };
  const codes = [...new Set([...a.entries.keys(), ...b.entries.keys(), ...a.layer.overlays.keys(), ...b.layer.overlays.keys()])].sort();
  for (const code of codes) {
    const [va, vb] = [a.entries.get(code), b.entries.get(code)];
    if (vb === undefined || va === undefined) {
      if (va === vb) continue;
      const version = (vb ?? va)!;
      const row = await standardRepository.getVersion(ctx.em, code, version);
      const entry: DocumentChange = { code, title: row.title, fromVersion: va ?? null, toVersion: vb ?? null, author: row.author, note: row.note ?? null, changes: [], patch: [] };
      (vb === undefined ? out.removed : out.added).push(entry);
      continue;
    }
    const [baseA, baseB] = [await schemaAt(code, va), await schemaAt(code, vb)];
    const changes: Change[] = va === vb ? [] : labelled(diffVersions(baseA, baseB).changes, 'baseline');
    const [pa, pb] = [a.layer.overlays.get(code), b.layer.overlays.get(code)];
    if (pa?.version !== pb?.version) {
      const apply = (patch: JsonObject | undefined) => (patch ? (mergePatch(baseB, patch) as JsonObject) : baseB);
      changes.push(...labelled(describeChanges(apply(pa?.patch), apply(pb?.patch)), 'organisation'));
    }
    if (changes.length === 0) continue;
    const row = await standardRepository.getVersion(ctx.em, code, vb);
    out.changed.push({ code, title: row.title, fromVersion: va, toVersion: vb, author: row.author, note: row.note ?? null, changes, patch: [] });
  }
  const additionsA = new Map(a.layer.additions.map((x) => [x.code, x]));
  const additionsB = new Map(b.layer.additions.map((x) => [x.code, x]));
  for (const code of [...new Set([...additionsA.keys(), ...additionsB.keys()])].sort()) {
    const [xa, xb] = [additionsA.get(code), additionsB.get(code)];
    if (xa?.version === xb?.version) continue;
    const entry: DocumentChange = { code, title: (xb ?? xa)!.title, fromVersion: xa?.version ?? null, toVersion: xb?.version ?? null, author: null, note: null, changes: xa && xb ? labelled(diffVersions(xa.schema, xb.schema).changes, 'organisation') : [], patch: [] };
    (!xa ? out.added : !xb ? out.removed : out.changed).push(entry);
  }
  return out;
}
