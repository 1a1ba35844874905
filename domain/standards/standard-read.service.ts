import { issue, ValidationError } from '../shared/errors.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { standardMessage } from './standard.messages.ts';
import { authorize } from '../users/roles.ts';
import { EditionEntry } from '../editions/edition.entity.ts';
import { StandardDocument, type IStandardDocument } from './standard-document.entity.ts';
import type { IStandardVersion } from './standard-version.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { standardRepository as repo } from './standard.repository.ts';
import { newestEditionName } from '../editions/edition.service.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { readPage } from '../shared/paging.ts';

/** A document as read through an edition: `pinnedVersion` is the version that edition holds. */
export interface StandardView {
  doc: IStandardDocument;
  edition: string | null;
  pinnedVersion: number | null;
  /** The pinned version's row, when it was loaded together with the document. */
  pinnedRow?: IStandardVersion | null;
}

async function resolveEdition(ctx: ServiceContext, edition: string | null | undefined): Promise<string | null> {
  if (edition) return (await repo.getEdition(ctx.em, edition)).name;
  return newestEditionName(ctx.em);
}

/**
 * One standard, read through an edition (the newest by default). Without any edition yet, the
 * pinned version is the current published one.
 */
export async function getStandard(ctx: ServiceContext, code: string, edition?: string | null): Promise<StandardView> {
  authorize(ctx.actor, 'readStandards');
  const editionName = await resolveEdition(ctx, edition);
  const found = await repo.findWithPinnedVersion(ctx.em, code, editionName);
  if (!found) throw new NotFoundError(standardMessage('standard.not_found', { code }), code);
  return { doc: found.doc, edition: editionName, pinnedVersion: found.pinned?.version ?? null, pinnedRow: found.pinned };
}

export interface StandardPage {
  items: StandardView[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const cursorOf = (code: string) => Buffer.from(`std:${code}`).toString('base64url');
function codeOfCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('std:')) throw new ValidationError(sharedMessage('page.cursor_unknown', { cursor }), [issue('/after', sharedMessage('page.cursor_invalid'))]);
  return decoded.slice(4);
}
export { cursorOf };

/**
 * Lists standards by kind and parent, ordered by code, a page at a time (keyset on code).
 * Reads the newest edition unless told otherwise; `workingCopy` lists every document instead.
 */
export async function listStandards(ctx: ServiceContext, args: { kind?: string | null; parent?: string | null; first?: number | null; after?: string | null; edition?: string | null; workingCopy?: boolean | null }): Promise<StandardPage> {
  authorize(ctx.actor, 'readStandards');
  const { first } = readPage({ first: args.first });
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
  const totalCount = await ctx.em.count(StandardDocument, where);
  const pageWhere = args.after ? { ...where, $and: [{ code: { $gt: codeOfCursor(args.after) } }] } : where;
  const docs = await ctx.em.find(StandardDocument, pageWhere, { orderBy: { code: 'asc' }, limit: first + 1 });
  const hasNextPage = docs.length > first;
  return {
    items: docs.slice(0, first).map((doc) => ({ doc, edition: editionName, pinnedVersion: pinned ? pinned.get(doc.code) ?? null : doc.publishedVersion ?? null })),
    totalCount,
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
  };
}
