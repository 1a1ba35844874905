import type { EntityManager } from '../shared/persistence.ts';
import { ForbiddenError, type Actor } from '../shared/access.ts';
import type { IStandardDocument } from './standard-document.entity.ts';
import { namespaceOf, prefixOf, treeCode } from './namespace.ts';
import { ownershipMessage } from './ownership.messages.ts';
import { standardRepository as repo } from './standard.repository.ts';

/** Whether the actor's organisation maintains the shared baseline library (the system always may). */
export async function maintainsBaseline(em: EntityManager, actor: Actor): Promise<boolean> {
  return actor.organisationId === null || actor.organisationId === (await repo.baselineOwner(em));
}

/** Refuses anyone outside the baseline owner: editions and variants of the shared library are its. */
export async function assertBaselineOwner(em: EntityManager, actor: Actor): Promise<void> {
  if (!(await maintainsBaseline(em, actor))) throw new ForbiddenError(ownershipMessage('ownership.baseline_editions'));
}

/** The namespace prefix of the actor's organisation's additions. */
export async function organisationPrefix(em: EntityManager, organisationId: number): Promise<string> {
  return prefixOf((await repo.organisationCode(em, organisationId)) ?? String(organisationId));
}

/**
 * Who owns a document the actor is about to change (or create, when `doc` is null): null for the
 * shared baseline, else the organisation whose addition it is. Refuses, with a typed error saying
 * what to do instead, a change to the baseline by anyone but its maintaining organisation and a new
 * code outside the actor's namespace.
 */
export async function ownerForChange(em: EntityManager, actor: Actor, code: string, doc: IStandardDocument | null): Promise<number | null> {
  if (actor.organisationId === null) return doc?.organisationId ?? null;
  if (doc) {
    if (doc.organisationId === null && !(await maintainsBaseline(em, actor))) throw new ForbiddenError(ownershipMessage('ownership.baseline_read_only', { code }));
    return doc.organisationId ?? null;
  }
  const namespace = namespaceOf(code);
  const prefix = await organisationPrefix(em, actor.organisationId);
  if (namespace === null) {
    if (await maintainsBaseline(em, actor)) return null;
    throw new ForbiddenError(ownershipMessage('ownership.baseline_new', { code: treeCode(code), prefix }));
  }
  if (namespace !== prefix) throw new ForbiddenError(ownershipMessage('ownership.foreign_namespace', { code, namespace, prefix }));
  return actor.organisationId;
}
