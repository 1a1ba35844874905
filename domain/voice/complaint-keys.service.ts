import type { EntityManager } from '../shared/persistence.ts';
import type { BusinessKeys } from '../shared/business-keys.ts';
import { ConflictError, NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import { instanceRepository } from '../workflows/instance.repository.ts';
import { complaintRepository, feedbackIdOf, feedbackBusinessKey, type FeedbackFacts } from './complaint.repository.ts';
import { loopMessage } from './loop.messages.ts';

/** The process that owns `feedback:<id>` business keys. */
export const COMPLAINT = 'complaint';

/** The variables a complaint starts with: the feedback as intake analysed it (the task page shows them). */
export function complaintVariables(f: FeedbackFacts): Record<string, unknown> {
  return {
    feedbackId: f.id, projectId: f.project_id, channel: f.channel, receivedAt: new Date(f.received_at).toISOString(), text: f.text, place: f.place,
    module: f.module, touchpoints: f.touchpoints, problemType: f.problem_type, sentiment: f.sentiment, intensity: f.intensity, priority: f.priority,
  };
}

/**
 * Checks a start's business key in the starting transaction. `feedback:<id>` keys belong to the
 * complaint process alone, and a complaint needs one naming an existing item with no complaint
 * running; the item is locked, and its facts replace any variables of the same names.
 */
async function claim(em: EntityManager, processKey: string, businessKey: string | null, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const reserved = businessKey !== null && /^\s*feedback:/i.test(businessKey);
  if (processKey !== COMPLAINT) {
    if (reserved) throw new ValidationError(loopMessage('loop.key_reserved', { businessKey }), [issue('/businessKey', loopMessage('loop.key_reserved_rule'))]);
    return variables;
  }
  const feedbackId = feedbackIdOf(businessKey);
  if (feedbackId === null || businessKey !== feedbackBusinessKey(feedbackId)) {
    throw new ValidationError(loopMessage('loop.complaint_needs_feedback'), [issue('/businessKey', loopMessage('loop.complaint_key_rule'))]);
  }
  const feedback = await complaintRepository.lock(em, feedbackId);
  if (!feedback) throw new NotFoundError(loopMessage('loop.feedback_not_found', { id: feedbackId }), String(feedbackId));
  const running = await instanceRepository.activeWithBusinessKey(em, businessKey);
  if (running !== null) throw new ConflictError(loopMessage('loop.complaint_open', { id: feedbackId, instance: running }));
  return { ...variables, ...complaintVariables(feedback) };
}

/** What the last callback said: satisfied, or not after the last round allowed. */
async function recordOutcome(em: EntityManager, businessKey: string | null, outcome: 'completed' | 'cancelled'): Promise<void> {
  const feedbackId = feedbackIdOf(businessKey);
  if (feedbackId === null) return;
  const instance = await complaintRepository.lastComplaint(em, businessKey!);
  if (!instance) return;
  const variables = (JSON.parse(instance.snapshot_json) as { context?: { variables?: Record<string, unknown> } }).context?.variables ?? {};
  const rounds = await complaintRepository.callbacksOf(em, instance.id);
  const result = outcome === 'cancelled' ? 'cancelled' : variables.satisfied === true ? 'satisfied' : 'unsatisfied';
  const note = typeof variables.comment === 'string' && variables.comment.trim() ? variables.comment.trim() : null;
  await complaintRepository.recordOutcome(em, feedbackId, instance.id, { outcome: result, rounds, note, at: new Date() });
}

/** Feedback owns `feedback:<id>` keys: a complaint claims its item, and records on it how it ended. */
export const feedbackKeys: BusinessKeys = {
  claim,
  async ended(em, processKey, businessKey, outcome) {
    if (processKey === COMPLAINT) await recordOutcome(em, businessKey, outcome);
  },
};
