import { inTransaction, forkOf } from '../shared/persistence.ts';
import { ForbiddenError, holdsOn, systemFor, type Actor } from '../shared/access.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { scopeOf, scopeSql } from '../organisations/scope.ts';
import { definitionRepository } from '../workflows/definition.repository.ts';
import { startWorkflowIn } from '../workflows/instance.service.ts';
import { loadInstance, type Tx } from '../workflows/step.service.ts';
import type { WorkflowInstance } from '../workflows/instance.repository.ts';
import { yieldToEventLoop } from '../shared/event-loop.ts';
import { complaintRepository, feedbackBusinessKey, feedbackIdsIn, projectOfFeedback } from './complaint.repository.ts';
import { COMPLAINT } from './complaint-keys.service.ts';
import { loopMessage } from './loop.messages.ts';

/** The roles that may open a complaint by hand (for an item below P1). */
const OPENERS = ['admin', 'quality_manager'] as const;

/** Of the ids, those of feedback the caller reads (others answer as missing ones would: not at all). */
async function visibleIds(ctx: JobsContext, ids: readonly number[]): Promise<number[]> {
  const clean = [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))];
  if (clean.length === 0) return [];
  return feedbackIdsIn(ctx.em, clean, scopeSql(scopeOf(ctx.actor, 'readFeedback'), 'f'));
}

/**
 * Starts the complaint of one item in the caller's transaction and links it: the item is locked
 * first, so of two callers at once the second finds it linked and opens nothing.
 */
async function openLocked(tx: Tx, actor: Actor, feedbackId: number, onlyP1: boolean): Promise<number | null> {
  const item = await complaintRepository.lock(tx.em, feedbackId);
  if (!item || (onlyP1 && (item.priority !== 'P1' || item.complaint_instance_id !== null))) return null;
  // the system opens an automatic complaint for the item's organisation (its audit event goes into that chain)
  const opener = onlyP1 ? systemFor(item.organisation_id, actor.username) : actor;
  const instanceId = await startWorkflowIn(tx, opener, COMPLAINT, {}, feedbackBusinessKey(feedbackId));
  await complaintRepository.linkInstance(tx.em, feedbackId, instanceId);
  return instanceId;
}

/**
 * Opens the complaint-handling process of every P1 item among `feedbackIds` (those the caller
 * reads) that has none yet, each in its own transaction so one failure does not hold back the
 * others. Intake calls it after storing; safe to call twice, and by two callers at once.
 * Returns the instances opened.
 */
export async function openComplaintsFor(ctx: JobsContext, feedbackIds: readonly number[]): Promise<number[]> {
  if (!(await definitionRepository.exists(ctx.em, COMPLAINT))) return [];
  const opened: number[] = [];
  for (const id of await complaintRepository.awaitingComplaint(ctx.em, await visibleIds(ctx, feedbackIds))) {
    await yieldToEventLoop();
    const instance = await inTransaction(forkOf(ctx.em), (em) => openLocked({ em, jobs: ctx.jobs, keys: ctx.keys }, ctx.actor!, id, true));
    if (instance !== null) opened.push(instance);
  }
  return opened;
}

/** Opens the complaint of an item by hand (a quality manager deciding a lower-priority item needs one). */
export async function openComplaint(ctx: JobsContext, feedbackId: number): Promise<WorkflowInstance> {
  const [visible] = await visibleIds(ctx, [feedbackId]);
  if (visible === undefined) throw new NotFoundError(loopMessage('loop.feedback_not_found', { id: feedbackId }), String(feedbackId));
  const actor = ctx.actor!;
  if (!holdsOn(actor, OPENERS, await projectOfFeedback(ctx.em, feedbackId))) throw new ForbiddenError(loopMessage('loop.may_not_open', { username: actor.username, id: feedbackId }), OPENERS);
  if (!(await definitionRepository.exists(ctx.em, COMPLAINT))) throw new NotFoundError(loopMessage('loop.complaint_not_deployed'), COMPLAINT);
  const id = await inTransaction(ctx.em, (em) => openLocked({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, feedbackId, false));
  return loadInstance(ctx.em, id!);
}
