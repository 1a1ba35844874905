/**
 * Document control (ISO 9001 §7.5) over the standards' versions: separation of duties at
 * publication (a setting, on unless an administrator turns it off), and discarding a draft that
 * was never published.
 */
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import { ConflictError } from '../shared/errors.ts';
import { authorize, ForbiddenError, holds, type Actor } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { settingRepository } from '../shared/setting.repository.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { IStandardVersion } from './standard-version.entity.ts';
import { standardRepository as repo } from './standard.repository.ts';
import { standardMessage as m } from './standard.messages.ts';
import { ownerForChange } from './ownership.service.ts';

export const FOUR_EYES_SETTING = 'standards.fourEyes';

/** The document-control settings as clients read them. */
export interface DocumentControlSettings {
  /** whether whoever wrote, last edited or submitted a version is barred from publishing it */
  fourEyes: boolean;
}

async function fourEyesOn(em: EntityManager): Promise<boolean> {
  return (await settingRepository.get(em, FOUR_EYES_SETTING)) !== 'off';
}

/** The current settings (anyone who reads standards may see the rule they work under). */
export async function documentControlSettings(ctx: ServiceContext): Promise<DocumentControlSettings> {
  authorize(ctx.actor, 'readStandards');
  return { fourEyes: await fourEyesOn(ctx.em) };
}

/** Turns separation of duties on or off (administrators); the change is audited. */
export async function setFourEyes(ctx: ServiceContext, enabled: boolean): Promise<DocumentControlSettings> {
  const actor = authorize(ctx.actor, 'manageSettings');
  return inTransaction(ctx.em, async (em) => {
    const before = await fourEyesOn(em);
    await settingRepository.put(em, FOUR_EYES_SETTING, enabled ? 'on' : 'off');
    if (before !== enabled) await appendAudit(em, actor, { action: 'settings.changed', subjectType: 'setting', subjectKey: FOUR_EYES_SETTING, detail: { fourEyes: enabled } });
    return { fourEyes: enabled };
  });
}

/** The people who had a hand in a version: its author, its last editor, its submitter. */
function handsOn(row: Pick<IStandardVersion, 'author' | 'editedBy' | 'submittedBy'>): Set<string> {
  return new Set([row.author, row.editedBy, row.submittedBy].filter((x): x is string => !!x));
}

/**
 * Refuses publication by someone who wrote, last edited or submitted the version while separation
 * of duties is on: a ForbiddenError saying who and which version; nothing is stored.
 */
export async function assertSeparateApprover(em: EntityManager, actor: Actor, row: IStandardVersion): Promise<void> {
  if (!handsOn(row).has(actor.username) || !(await fourEyesOn(em))) return;
  throw new ForbiddenError(m('standard.four_eyes', { username: actor.username, code: row.code, version: row.version }));
}

/** Whether the caller may publish this version (in review, the role, and separation of duties), for clients to offer the button. */
export async function mayPublish(ctx: ServiceContext, row: Pick<IStandardVersion, 'status' | 'author' | 'editedBy' | 'submittedBy'>): Promise<boolean> {
  if (row.status !== 'in_review' || !ctx.actor || !holds(ctx.actor, 'publishStandards')) return false;
  return !handsOn(row).has(ctx.actor.username) || !(await fourEyesOn(ctx.em));
}

/** What discarding a draft left behind. */
export interface DiscardedDraft {
  code: string;
  version: number;
  /** true when the standard was new (never had another version) and is gone with its draft */
  documentRemoved: boolean;
}

/**
 * Discards the version being worked on (draft or in review), which was never published: the row is
 * removed and the discard audited with its content hash and note. A brand-new standard whose only
 * version this was disappears from the lists. A published version can never be discarded.
 */
export async function discardDraft(ctx: ServiceContext, code: string, note?: string | null): Promise<DiscardedDraft> {
  const actor = authorize(ctx.actor, 'editStandards');
  return inTransaction(ctx.em, async (em) => {
    const doc = await repo.getDocument(em, code);
    await ownerForChange(em, actor, code, doc);
    const open = await repo.findOpenVersion(em, code);
    if (!open) throw new ConflictError(m('standard.discard_published', { code }));
    const detail = { version: open.version, status: open.status, contentHash: open.contentHash, title: open.title, note: note?.trim() || null };
    await repo.deleteOpenVersion(em, open);
    const remaining = await repo.listVersions(em, code);
    let documentRemoved = false;
    if (remaining.length === 0) {
      if ((await repo.countChildren(em, code)) > 0) throw new ConflictError(m('standard.discard_has_children', { code }));
      await repo.deleteDocument(em, doc);
      documentRemoved = true;
    } else {
      // the document reads as it did before the draft: its newest stored version, the published title
      const newest = remaining.at(-1)!;
      const published = remaining.find((v) => v.version === doc.publishedVersion);
      Object.assign(doc, { latestVersion: newest.version, title: (published ?? newest).title, updatedAt: new Date() });
    }
    await appendAudit(em, actor, { action: 'standard.draft.discarded', subjectType: 'standard', subjectKey: code, detail: { ...detail, documentRemoved } });
    return { code, version: detail.version, documentRemoved };
  });
}
