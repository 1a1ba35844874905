import type { EntityManager } from '../shared/persistence.ts';
import type { BusinessKeys } from '../shared/business-keys.ts';
import { instanceRepository } from '../workflows/instance.repository.ts';
import { ConflictError, NotFoundError, ValidationError, issue } from '../shared/errors.ts';
import { workflowMessage } from '../workflows/workflow.messages.ts';
import { closeFindingOf, findingBusinessKey, findingIdOf, findingRepository, reopenFindingOf, type FindingFacts } from './finding.repository.ts';

/** The process that owns `finding:<id>` business keys. */
export const RECTIFICATION = 'rectification';

/** The variables a rectification starts with: the finding as the inspection judged it. */
export function rectificationVariables(finding: FindingFacts): Record<string, unknown> {
  return {
    findingId: finding.id, projectId: finding.project_id, itemId: finding.item_id, code: finding.code, version: finding.version,
    module: finding.module, title: finding.title, severity: finding.severity, expected: finding.expected_zh, actual: JSON.parse(finding.actual_json),
    // the item's 整改时限: the process's timers read it (null leaves their defaults)
    rectifyWithinHours: finding.rectify_within_hours ?? null,
  };
}

/**
 * Checks the business key of a start, in the starting transaction. `finding:<id>` keys belong to
 * the rectification process alone, and a rectification needs one naming an existing open finding
 * with no rectification running; the finding is locked and marked as being rectified, and its
 * facts replace any variables of the same names. Other keys pass unchanged.
 */
async function claimBusinessKey(em: EntityManager, key: string, businessKey: string | null, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const findingId = findingIdOf(businessKey);
  const reserved = businessKey !== null && /^\s*finding:/i.test(businessKey);
  if (key !== RECTIFICATION) {
    if (reserved) throw new ValidationError(workflowMessage('workflow.key_reserved', { businessKey }), [issue('/businessKey', workflowMessage('workflow.key_reserved_rule'))]);
    return variables;
  }
  if (findingId === null || businessKey !== findingBusinessKey(findingId)) {
    throw new ValidationError(workflowMessage('workflow.rectification_needs_finding'), [issue('/businessKey', workflowMessage('workflow.rectification_key_rule'))]);
  }
  const finding = await findingRepository.lock(em, findingId);
  if (!finding) throw new NotFoundError(workflowMessage('finding.not_found', { id: findingId }), String(findingId));
  const running = await instanceRepository.activeWithBusinessKey(em, businessKey);
  if (running !== null) throw new ConflictError(workflowMessage('finding.already_rectifying', { id: findingId, instance: running }));
  if (finding.status !== 'open') throw new ConflictError(workflowMessage('finding.not_open', { id: findingId, status: finding.status }));
  await findingRepository.markRectifying(em, findingId);
  return { ...variables, ...rectificationVariables(finding) };
}

/** Findings own `finding:<id>` keys: a rectification claims its open finding, and closes it when it completes or gives it back when cancelled. */
export const findingKeys: BusinessKeys = {
  claim: claimBusinessKey,
  async ended(em, processKey, businessKey, outcome) {
    if (outcome === 'completed') await closeFindingOf(em, processKey, businessKey);
    else await reopenFindingOf(em, processKey, businessKey);
  },
};
