import { getFinding } from './finding.service.ts';
import { type EntityManager, inTransaction, forkOf } from '../shared/persistence.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { NotFoundError } from '../shared/errors.ts';
import { authorize, type Actor, systemFor } from '../shared/access.ts';
import { workflowMessage } from '../workflows/workflow.messages.ts';
import { findingBusinessKey, findingRepository } from './finding.repository.ts';
import type { JobsContext } from '../shared/service-context.ts';
import { RECTIFICATION } from './finding-keys.service.ts';
import { deployWorkflow } from '../workflows/definition.service.ts';
import { definitionRepository } from '../workflows/definition.repository.ts';
import { contentHash } from '../standards/content-hash.ts';
import { startWorkflowIn } from '../workflows/instance.service.ts';
import { type Tx } from '../workflows/step.service.ts';
import { yieldToEventLoop } from '../shared/event-loop.ts';

export const SHIPPED_DEFINITIONS = new URL('../workflows/definitions/', import.meta.url);

/**
 * Deploys the shipped processes (rectification, standard revision, innovation fund) that are not
 * deployed yet, and upgrades those whose shipped diagram changed (a release's new version) as a new
 * version — but only while the newest deployed version is still one `actor` shipped: a version an
 * administrator deployed is theirs and stays the newest. Running instances keep their version.
 */
export async function deployShippedWorkflows(em: EntityManager, actor: Actor): Promise<string[]> {
  const deployed: string[] = [];
  for (const file of readdirSync(SHIPPED_DEFINITIONS).filter((f) => f.endsWith('.bpmn')).sort()) {
    const key = file.replace(/\.bpmn$/, '');
    const xml = readFileSync(new URL(file, SHIPPED_DEFINITIONS), 'utf8');
    const newest = await definitionRepository.newest(em, key);
    if (newest && (newest.contentHash === contentHash(xml) || newest.deployedBy !== actor.username)) continue;
    await deployWorkflow({ em, actor, limits: { maxBytes: 0, maxDepth: 0 } }, key, xml);
    deployed.push(key);
  }
  return deployed;
}

const rectificationDeployed = (em: EntityManager): Promise<boolean> => definitionRepository.exists(em, RECTIFICATION);

/**
 * Opens the rectification of every major or critical finding that has none yet (of one
 * inspection, or all), each in its own transaction so one failure does not hold back the others.
 * Run by the job queue after a submission and at start; safe to run twice.
 */
export async function openPendingRectifications(ctx: Tx, actor: Actor, inspectionId?: number): Promise<number> {
  if (!(await rectificationDeployed(ctx.em))) return 0;
  let opened = 0;
  for (const f of await findingRepository.awaitingRectification(ctx.em, inspectionId)) {
    await yieldToEventLoop();
    const started = await inTransaction(forkOf(ctx.em), async (em) => {
      const free = await findingRepository.lock(em, f.id);
      if (free?.status !== 'open') return false;
      // the system opens it for the finding's organisation: its audit event goes into that organisation's chain
      const opener = actor.organisationId === null ? systemFor(Number(f.organisation_id), actor.username) : actor;
      await startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, opener, RECTIFICATION, {}, findingBusinessKey(f.id));
      return true;
    });
    if (started) opened += 1;
  }
  return opened;
}

/** Opens the rectification of a finding on request (minor findings are not opened automatically). */
export async function requestRectification(ctx: JobsContext, findingId: number): Promise<number> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  // a finding of a project the caller reaches (any other answers as a missing one)
  await getFinding(ctx, findingId);
  if (!(await rectificationDeployed(ctx.em))) throw new NotFoundError(workflowMessage('workflow.rectification_not_deployed'), RECTIFICATION);
  return inTransaction(ctx.em, (em) => startWorkflowIn({ em, jobs: ctx.jobs, keys: ctx.keys }, actor, RECTIFICATION, {}, findingBusinessKey(findingId)));
}
