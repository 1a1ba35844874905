import { authorize } from '../shared/access.ts';
import { editionRepository } from './edition.repository.ts';
import type { IStandardDocument } from '../standards/standard-document.entity.ts';
import { standardRepository, type DocumentFilter } from '../standards/standard.repository.ts';
import type { IStandardVersion } from '../standards/standard-version.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { standardMessage } from '../standards/standard.messages.ts';
import { newestEditionName } from './edition.service.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, mapPage, readPageArgs, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/** A document as read through an edition: `pinnedVersion` is the version that edition holds. */
export interface StandardView {
  doc: IStandardDocument;
  edition: string | null;
  pinnedVersion: number | null;
  /** The pinned version's row, when it was loaded together with the document. */
  pinnedRow?: IStandardVersion | null;
}

async function resolveEdition(ctx: ServiceContext, edition: string | null | undefined): Promise<string | null> {
  if (edition) return (await editionRepository.getEdition(ctx.em, edition)).name;
  return newestEditionName(ctx.em);
}

/**
 * One standard, read through an edition (the newest by default). Without any edition yet, the
 * pinned version is the current published one.
 */
export async function getStandard(ctx: ServiceContext, code: string, edition?: string | null): Promise<StandardView> {
  authorize(ctx.actor, 'readStandards');
  const editionName = await resolveEdition(ctx, edition);
  const found = await editionRepository.findWithPinnedVersion(ctx.em, code, editionName);
  if (!found) throw new NotFoundError(standardMessage('standard.not_found', { code }), code);
  return { doc: found.doc, edition: editionName, pinnedVersion: found.pinned?.version ?? null, pinnedRow: found.pinned };
}

/**
 * A fingerprint of what `getStandard` answers for this caller, after the same checks (the role,
 * the edition, the document under row-level security): the edition read and the row versions of
 * the document and its pinned version, so a rendering keyed by it is right as long as neither row
 * changes. One round trip, without the rows themselves.
 */
export async function standardFingerprint(ctx: ServiceContext, code: string, edition?: string | null): Promise<string> {
  authorize(ctx.actor, 'readStandards');
  const editionName = await resolveEdition(ctx, edition);
  const hash = await editionRepository.pinnedFingerprint(ctx.em, code, editionName);
  if (!hash) throw new NotFoundError(standardMessage('standard.not_found', { code }), code);
  return `${editionName ?? ''}:${hash}`;
}

const STANDARDS: Keyset<IStandardDocument> = { list: 'standards', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (d) => [d.code] };

/**
 * Lists standards by kind and parent, ordered by code, a page at a time (keyset on code, either way).
 * Reads the newest edition unless told otherwise; `workingCopy` lists every document instead.
 */
export async function listStandards(ctx: ServiceContext, args: { kind?: string | null; parent?: string | null; edition?: string | null; workingCopy?: boolean | null }, page: PageArgs): Promise<Page<StandardView>> {
  authorize(ctx.actor, 'readStandards');
  readPageArgs(page);
  const editionName = args.workingCopy ? null : await resolveEdition(ctx, args.edition);
  const pinned = editionName ? await editionRepository.editionEntries(ctx.em, editionName) : null;
  const filter: DocumentFilter = { kind: args.kind, parent: args.parent, codes: pinned ? [...pinned.keys()] : null };
  const docs = await keysetPage(STANDARDS, page, (window) => standardRepository.window(ctx.em, filter, STANDARDS, window), () => standardRepository.count(ctx.em, filter));
  return mapPage(docs, (doc) => ({ doc, edition: editionName, pinnedVersion: pinned ? pinned.get(doc.code) ?? null : doc.publishedVersion ?? null }));
}
