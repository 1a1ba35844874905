import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { executableProcess } from './compiler/compile.ts';
import { parseBpmn } from './compiler/parse.ts';
import { compileWorkflow, deployWorkflow, refusalOf, type DeployResult } from './definition.service.ts';
import { draftRepository, type DraftContent, type WorkflowDraft } from './draft.repository.ts';
import { WorkflowIncompleteError } from './missing.ts';
import { workflowMessage } from './workflow.messages.ts';
import { laneRoleRepository } from './lane-role.repository.ts';

const KEY = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * What a diagram still lacks: compiles it (lanes named as `laneRoles` maps them, beside the default
 * names), and returns its name and the missing Pinzhi properties
 * (empty when it would deploy as it is). Anything no property can fix (not BPMN, too large, a
 * DOCTYPE, no process, an unsupported element) is refused as deploying refuses it.
 */
export async function assessDiagram(xml: string, processId: string | null, laneRoles: Readonly<Record<string, string>> = {}): Promise<DraftContent> {
  try {
    const compiled = await compileWorkflow(xml, processId, laneRoles);
    return { name: compiled.name, processId, bpmnXml: xml, missing: [] };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!(refusal instanceof WorkflowIncompleteError)) throw refusal;
    const process = executableProcess(await parseBpmn(xml), processId ?? undefined);
    return { name: process.name?.trim() || process.id, processId, bpmnXml: xml, missing: refusal.missing };
  }
}

/**
 * Imports a diagram from another tool as the draft of `key` (replacing the key's open draft): it
 * never fails for lack of Pinzhi properties, which come back as the draft's `missing` list. Hard
 * errors are a ValidationError naming the element, and nothing is stored.
 */
export async function importWorkflow(ctx: ServiceContext, key: string, xml: string, processId?: string | null): Promise<WorkflowDraft> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  if (!KEY.test(key)) throw new ValidationError(workflowMessage('workflow.key_invalid', { key }), [issue('/key', workflowMessage('workflow.key_rule'))]);
  const content = await assessDiagram(xml, processId ?? null, await laneRoleRepository.mapping(ctx.em));
  return inTransaction(ctx.em, async (em) => {
    const now = new Date();
    const open = await draftRepository.openOf(em, key);
    const id = open ? open.id : await draftRepository.insert(em, key, content, actor.username, now);
    if (open) await draftRepository.update(em, id, content, actor.username, now);
    await appendAudit(em, actor, { action: 'workflow.imported', subjectType: 'workflow', subjectKey: `${key}#draft${id}`, detail: { name: content.name, missing: content.missing.length } });
    return (await draftRepository.find(em, id))!;
  });
}

async function openDraft(ctx: ServiceContext, id: number, lock: boolean): Promise<WorkflowDraft> {
  const draft = await draftRepository.find(ctx.em, id, lock);
  if (!draft) throw new NotFoundError(workflowMessage('workflow.draft_not_found', { id }), `draft:${id}`);
  if (draft.status === 'deployed') throw new ConflictError(workflowMessage('workflow.draft_deployed', { id, key: draft.key, version: draft.deployedVersion ?? 0 }));
  return draft;
}

/** Saves the modeller's completed diagram over a draft and recomputes what it still lacks. */
export async function saveWorkflowDraft(ctx: ServiceContext, id: number, xml: string, processId?: string | null): Promise<WorkflowDraft> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  return inTransaction(ctx.em, async (em) => {
    const draft = await openDraft({ ...ctx, em }, id, true);
    const content = await assessDiagram(xml, processId === undefined ? draft.processId : processId, await laneRoleRepository.mapping(em));
    await draftRepository.update(em, id, content, actor.username, new Date());
    return (await draftRepository.find(em, id))!;
  });
}

/** Deploys a complete draft as the next version of its key; refused (WorkflowIncompleteError) while anything is missing. */
export async function deployWorkflowDraft(ctx: ServiceContext, id: number): Promise<DeployResult> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  return inTransaction(ctx.em, async (em) => {
    const draft = await openDraft({ ...ctx, em }, id, true);
    const result = await deployWorkflow({ ...ctx, em }, draft.key, draft.bpmnXml, draft.processId);
    await draftRepository.markDeployed(em, id, result.definition.version, actor.username, new Date());
    return result;
  });
}

/** A draft of the caller's organisation. */
export async function getDraft(ctx: ServiceContext, id: number): Promise<WorkflowDraft> {
  authorize(ctx.actor, 'manageWorkflows');
  const draft = await draftRepository.find(ctx.em, id);
  if (!draft) throw new NotFoundError(workflowMessage('workflow.draft_not_found', { id }), `draft:${id}`);
  return draft;
}

const DRAFTS: Keyset<WorkflowDraft> = { list: 'workflowDrafts', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (d) => [d.id] };

/** The organisation's open drafts (or every draft, deployed ones too), newest first, a page at a time. */
export async function listDrafts(ctx: ServiceContext, page: PageArgs, all = false): Promise<Page<WorkflowDraft>> {
  authorize(ctx.actor, 'manageWorkflows');
  return keysetPage(DRAFTS, page, (window) => draftRepository.window(ctx.em, DRAFTS, window, all), () => draftRepository.count(ctx.em, all));
}


/**
 * Recomputes what each open draft lacks under a new lane→role mapping (inside the caller's
 * transaction), so the drafts list and the modeler show it at once; the diagrams are unchanged.
 */
export async function reassessOpenDrafts(em: EntityManager, laneRoles: Readonly<Record<string, string>>): Promise<void> {
  for (const draft of await draftRepository.open(em)) {
    const content = await assessDiagram(draft.bpmnXml, draft.processId, laneRoles);
    await draftRepository.setMissing(em, draft.id, content.missing);
  }
}
