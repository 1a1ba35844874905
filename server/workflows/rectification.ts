import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { readdirSync, readFileSync } from 'node:fs';
import { ConflictError, NotFoundError } from '../../standards/errors.ts';
import { authorize, type Actor } from '../auth/roles.ts';
import type { ServiceContext } from '../standards/standard.service.ts';
import { deployWorkflow } from './definition.service.ts';
import { startWorkflowIn } from './instance.service.ts';

export const SHIPPED_DEFINITIONS = new URL('../../workflows/definitions/', import.meta.url);

/** Deploys the shipped processes (rectification, standard revision, innovation fund) that are not deployed yet. */
export async function deployShippedWorkflows(em: EntityManager, actor: Actor): Promise<string[]> {
  const deployed: string[] = [];
  for (const file of readdirSync(SHIPPED_DEFINITIONS).filter((f) => f.endsWith('.bpmn')).sort()) {
    const key = file.replace(/\.bpmn$/, '');
    const [existing] = await em.execute<{ n: string }[]>('select count(*) as n from workflow_definition where key = ?', [key]);
    if (Number(existing.n) > 0) continue;
    await deployWorkflow({ em, actor, limits: { maxBytes: 0, maxDepth: 0 } }, key, readFileSync(new URL(file, SHIPPED_DEFINITIONS), 'utf8'));
    deployed.push(key);
  }
  return deployed;
}

interface FindingFacts {
  id: number;
  project_id: number;
  item_id: string;
  code: string;
  version: number;
  module: string;
  title: string;
  severity: string;
  expected_zh: string;
  actual_json: string;
}

/** Opens the rectification of one finding (发现 → 分析 → 整改 → 验证 → 预防) in the caller's transaction. */
export async function openRectificationIn(em: EntityManager, actor: Actor, finding: FindingFacts): Promise<number | null> {
  const [definition] = await em.execute<{ n: string }[]>(`select count(*) as n from workflow_definition where key = 'rectification'`);
  if (Number(definition.n) === 0) return null;
  const variables = {
    findingId: finding.id, projectId: finding.project_id, itemId: finding.item_id, code: finding.code, version: finding.version,
    module: finding.module, title: finding.title, severity: finding.severity, expected: finding.expected_zh, actual: JSON.parse(finding.actual_json),
  };
  const id = await startWorkflowIn(em, actor, 'rectification', variables, `finding:${finding.id}`);
  await em.execute(`update finding set status = 'rectifying' where id = ? and status = 'open'`, [finding.id]);
  return id;
}

/**
 * Opens the rectification of every major or critical finding that has none yet (each in its own
 * transaction, so one failure does not hold back the others). Runs after each submission (through
 * the job queue) and at start; safe to run twice.
 */
export async function openPendingRectifications(em: EntityManager, actor: Actor, inspectionId?: number): Promise<number> {
  const findings = await em.execute<FindingFacts[]>(
    `select f.* from finding f where f.severity in ('major', 'critical') and f.status = 'open' ${inspectionId ? 'and f.inspection_id = ?' : ''}
     and not exists (select 1 from workflow_instance w where w.business_key = 'finding:' || f.id) order by f.id`, inspectionId ? [inspectionId] : []);
  let opened = 0;
  for (const f of findings) {
    const id = await em.fork().transactional(async (tx) => {
      const [free] = await tx.execute<{ id: number }[]>(`select id from finding where id = ? and status = 'open' for update`, [f.id]);
      return free ? openRectificationIn(tx as EntityManager, actor, f) : null;
    });
    if (id !== null) opened += 1;
  }
  return opened;
}

/** What happens after an inspection with findings commits (the job queue sets it; tests call the sweep). */
let findingsHook: (inspectionId: number) => Promise<void> = async () => {};
export function setFindingsHook(hook: (inspectionId: number) => Promise<void>): void {
  findingsHook = hook;
}
export function afterFindings(inspectionId: number): Promise<void> {
  return findingsHook(inspectionId);
}

/** Opens the rectification of a finding on request (minor findings are not opened automatically). */
export async function requestRectification(ctx: ServiceContext, findingId: number): Promise<number> {
  const actor = authorize(ctx.actor, 'startWorkflows');
  return ctx.em.transactional(async (em) => {
    const [finding] = await em.execute<(FindingFacts & { status: string })[]>('select * from finding where id = ? for update', [findingId]);
    if (!finding) throw new NotFoundError(`No finding ${findingId}`, String(findingId));
    const [running] = await em.execute<{ id: number }[]>(`select id from workflow_instance where business_key = ? and status in ('running', 'incident')`, [`finding:${findingId}`]);
    if (running) throw new ConflictError(`Finding ${findingId} is already being rectified (workflow instance ${running.id})`);
    const id = await openRectificationIn(em, actor, finding);
    if (id === null) throw new NotFoundError('The rectification workflow is not deployed', 'rectification');
    return id;
  });
}

/** When a rectification ends, its finding is closed. */
export async function closeFindingOf(em: EntityManager, businessKey: string | null): Promise<void> {
  const m = /^finding:(\d+)$/.exec(businessKey ?? '');
  if (m) await em.execute(`update finding set status = 'closed' where id = ?`, [Number(m[1])]);
}
