import { authorize } from '../shared/access.ts';
import { editionRepository } from './edition.repository.ts';
import { EditionEntry } from './edition.entity.ts';
import { StandardDocument, type IStandardDocument } from '../standards/standard-document.entity.ts';
import type { IStandardVersion } from '../standards/standard-version.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { standardMessage } from '../standards/standard.messages.ts';
import { newestEditionName } from './edition.service.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, mapPage, readPageArgs, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';

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

const STANDARDS: Keyset<IStandardDocument> = { list: 'standards', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (d) => [d.code] };

/**
 * Lists standards by kind and parent, ordered by code, a page at a time (keyset on code, either way).
 * Reads the newest edition unless told otherwise; `workingCopy` lists every document instead.
 */
export async function listStandards(ctx: ServiceContext, args: { kind?: string | null; parent?: string | null; edition?: string | null; workingCopy?: boolean | null }, page: PageArgs): Promise<Page<StandardView>> {
  authorize(ctx.actor, 'readStandards');
  readPageArgs(page);
  const editionName = args.workingCopy ? null : await resolveEdition(ctx, args.edition);
  const where: Record<string, unknown> = {};
  if (args.kind) where.kind = args.kind;
  if (args.parent) where.parentCode = args.parent;
  let pinned: Map<string, number> | null = null;
  if (editionName) {
    const entries = await ctx.em.find(EditionEntry, { editionName }, { fields: ['code', 'version'] });
    pinned = new Map(entries.map((e) => [e.code, e.version]));
    where.code = { $in: [...pinned.keys()] };
  }
  const docs = await keysetPage(STANDARDS, page, (window) => {
    const { where: after, orderBy, limit } = ormWindow(STANDARDS, window);
    return ctx.em.find(StandardDocument, withWindow(where, after), { orderBy, limit });
  }, () => ctx.em.count(StandardDocument, where));
  return mapPage(docs, (doc) => ({ doc, edition: editionName, pinnedVersion: pinned ? pinned.get(doc.code) ?? null : doc.publishedVersion ?? null }));
}
