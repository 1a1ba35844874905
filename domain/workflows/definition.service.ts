import { advisoryLock, inTransaction, type EntityManager } from '../shared/persistence.ts';
import { definitionRepository, type WorkflowDefinition } from './definition.repository.ts';
import { instanceRepository } from './instance.repository.ts';
import { taskRepository } from './task.repository.ts';
import { compileCached } from '../standards/ajv.ts';
import { issue, NotFoundError, ValidationError, type Issue } from '../shared/errors.ts';
import { compileMessage } from './compiler/compile.messages.ts';
import { workflowMessage } from './workflow.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { contentHash } from '../standards/content-hash.ts';
import { compileBpmn, type CompiledWorkflow } from './compiler/compile.ts';
import { CompileError } from './compiler/errors.ts';
import { issueOf, partitionIssues, WorkflowIncompleteError } from './missing.ts';
import { exportBpmn } from './bpmn-export.ts';
import { runnable, type Runnable } from './engine.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { authorize, ROLES } from '../shared/access.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { SERVICE_ACTIONS } from './actions.service.ts';
import { laneRoleRepository } from './lane-role.repository.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/** A deployed version of a process (see definition.repository.ts). */
export type DefinitionRow = WorkflowDefinition;

const KEY = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Compiles BPMN with Pinzhi's roles, built-in actions and JSON Schema forms; `processId` picks the
 * pool of a collaboration to run, `laneRoles` the organisation's lane names beside the default ones.
 */
export function compileWorkflow(xml: string, processId?: string | null, laneRoles: Readonly<Record<string, string>> = {}): Promise<CompiledWorkflow> {
  return compileBpmn(xml, {
    ...(processId ? { processId } : {}),
    laneRoles,
    roles: ROLES,
    actions: Object.keys(SERVICE_ACTIONS),
    checkForm: (schema) => {
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return compileMessage('compile.form_not_object');
      try {
        compileCached(schema as JsonObject);
        return null;
      } catch (error) {
        return compileMessage('compile.schema_compile', { detail: (error as Error).message });
      }
    },
  });
}

/**
 * Why a compile failed, as the error deploying returns: a ValidationError naming every offending
 * element when anything cannot be fixed by setting a property, else a WorkflowIncompleteError
 * listing the properties still missing. Anything but a CompileError passes through.
 */
export function refusalOf(error: unknown): unknown {
  if (!(error instanceof CompileError)) return error;
  const { hard } = partitionIssues(error.issues);
  if (hard.length === 0) return new WorkflowIncompleteError(error.issues);
  return new ValidationError(error, error.issues.map(issueOf));
}

/** Cache of built machines by `key@version` (a deployed version never changes). */
const runnables = new Map<string, Runnable>();

/** A deployed definition, the newest version when none is given. */
export async function findDefinition(em: EntityManager, key: string, version?: number | null): Promise<WorkflowDefinition> {
  const definition = await definitionRepository.find(em, key, version);
  if (!definition) throw new NotFoundError(version ? workflowMessage('workflow.version_not_found', { key, version }) : workflowMessage('workflow.not_deployed', { key }), key);
  return definition;
}

/** The machine of a definition version, built once. */
export async function runnableOf(em: EntityManager, key: string, version: number): Promise<Runnable> {
  const id = `${key}@${version}`;
  let r = runnables.get(id);
  if (!r) {
    r = runnable((await findDefinition(em, key, version)).compiled);
    runnables.set(id, r);
  }
  return r;
}

export interface DeployResult {
  definition: DefinitionRow;
  /** false when the same BPMN was already the newest version */
  created: boolean;
  /** running instances of older versions, and their states the new version no longer has */
  orphanedStates: { instanceId: number; version: number; states: string[] }[];
}

/**
 * Compiles BPMN and stores it as the next version of `key` (the same document twice is one
 * version). Running instances stay on their version; the result lists the states they are in that
 * the new version no longer has — they need an explicit mapping to migrate. `processId` chooses
 * which process of a collaboration runs (by default the one marked isExecutable).
 */
export async function deployWorkflow(ctx: ServiceContext, key: string, xml: string, processId?: string | null): Promise<DeployResult> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  if (!KEY.test(key)) throw new ValidationError(workflowMessage('workflow.key_invalid', { key }), [issue('/key', workflowMessage('workflow.key_rule'))]);
  let compiled: CompiledWorkflow;
  try {
    compiled = await compileWorkflow(xml, processId, await laneRoleRepository.mapping(ctx.em));
  } catch (error) {
    throw refusalOf(error);
  }
  // the same diagram run from another of its pools is another version
  const hash = contentHash(processId ? `${processId}\n${xml}` : xml);
  return inTransaction(ctx.em, async (em) => {
    await advisoryLock(em, 72_100_005);
    await checkCalls(em, key, compiled);
    const latest = await definitionRepository.newest(em, key);
    let created = false;
    if (latest?.contentHash !== hash) {
      const version = (latest?.version ?? 0) + 1;
      await definitionRepository.insert(em, { key, version, name: compiled.name, bpmnXml: xml, compiled, contentHash: hash, deployedBy: actor.username, deployedAt: new Date() });
      await appendAudit(em, actor, { action: 'workflow.deployed', subjectType: 'workflow', subjectKey: `${key}@${version}`, detail: { name: compiled.name, contentHash: hash } });
      created = true;
    }
    const definition = await findDefinition(em, key);
    const known = new Set(definition.compiled.stateIds);
    const running = await instanceRepository.activeBefore(em, key, definition.version);
    const orphanedStates = running.map((r) => ({ instanceId: r.id, version: r.definitionVersion, states: leavesOf(r.snapshot.value).filter((s) => !known.has(s)) })).filter((o) => o.states.length > 0);
    return { definition, created, orphanedStates };
  });
}

/**
 * Refuses a process whose call activities call a process that is not deployed (of the deploying
 * organisation), or that calls itself, directly or through the newest versions of those it calls;
 * each issue names the call activity.
 */
async function checkCalls(em: EntityManager, key: string, compiled: CompiledWorkflow): Promise<void> {
  const issues: Issue[] = [];
  for (const [element, called] of Object.entries(compiled.calls ?? {})) {
    const path = await callPath(em, called, key, [key, called]);
    if (path) issues.push(issue(`/${element}`, workflowMessage('workflow.call_recursive', { element, path: path.join(' → ') })));
    else if (!(await definitionRepository.exists(em, called))) issues.push(issue(`/${element}`, workflowMessage('workflow.call_not_deployed', { element, key: called })));
  }
  if (issues.length > 0) throw new ValidationError(workflowMessage('workflow.call_refused'), issues);
}

/** The chain of calls from `from` back to `target` through the newest deployed versions, or null when there is none. */
async function callPath(em: EntityManager, from: string, target: string, path: string[], seen = new Set<string>()): Promise<string[] | null> {
  if (from === target) return path;
  if (seen.has(from)) return null;
  seen.add(from);
  const definition = await definitionRepository.find(em, from);
  for (const next of Object.values(definition?.compiled.calls ?? {})) {
    const found = await callPath(em, next, target, [...path, next], seen);
    if (found) return found;
  }
  return null;
}

/** The innermost state names of a persisted snapshot's value. */
export function leavesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' && Object.keys(v).length ? leavesOf(v) : typeof v === 'string' ? [v] : [k]));
}

const DEFINITIONS: Keyset<DefinitionRow> = { list: 'workflowDefinitions', columns: [{ name: 'key', type: 'text', direction: 'asc' }, { name: 'version', type: 'int', direction: 'desc' }], keyOf: (d) => [d.key, d.version] };

/** Every deployed version, by key and newest first per key, a page at a time. */
export async function listDefinitions(ctx: ServiceContext, page: PageArgs): Promise<Page<DefinitionRow>> {
  authorize(ctx.actor, 'readStandards');
  return keysetPage(DEFINITIONS, page, (window) => definitionRepository.window(ctx.em, DEFINITIONS, window), () => definitionRepository.count(ctx.em));
}

/** A deployed version as BPMN 2.0 for other tools (Pinzhi's properties in their namespace, diagram kept), with a file name. */
export async function exportDefinition(ctx: ServiceContext, key: string, version?: number | null): Promise<{ definition: DefinitionRow; fileName: string; bpmnXml: string }> {
  authorize(ctx.actor, 'readStandards');
  const definition = await findDefinition(ctx.em, key, version);
  return { definition, fileName: `${key}-v${definition.version}.bpmn`, bpmnXml: await exportBpmn(definition.bpmnXml) };
}

export interface MigrationResult {
  migrated: number[];
}

/**
 * Moves running instances of one version to another, with an explicit mapping for each state the
 * target version lacks; refuses (and moves nothing) when any instance would land in an unknown
 * state. Open tasks and timers of the mapped states are closed and those of the target states opened.
 */
export async function migrateInstances(ctx: ServiceContext, key: string, fromVersion: number, toVersion: number, mapping: { from: string; to: string }[]): Promise<MigrationResult> {
  const actor = authorize(ctx.actor, 'manageWorkflows');
  const target = await findDefinition(ctx.em, key, toVersion);
  const known = new Set(target.compiled.stateIds);
  const map = new Map(mapping.map((m) => [m.from, m.to]));
  const bad = mapping.filter((m) => !known.has(m.to)).map((m, i) => issue(`/mapping/${i}/to`, workflowMessage('workflow.mapping_unknown_state', { state: m.to, key, version: toVersion })));
  if (bad.length > 0) throw new ValidationError(workflowMessage('workflow.mapping_invalid'), bad);
  return inTransaction(ctx.em, async (em) => {
    const rows = await instanceRepository.lockRunning(em, key, fromVersion);
    const issues: Issue[] = [];
    const plans = rows.map((row) => {
      const snapshot = row.snapshot;
      const rename = (value: unknown): unknown => {
        if (typeof value === 'string') return map.get(value) ?? value;
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [map.get(k) ?? k, rename(v)]));
        return value;
      };
      const value = rename(snapshot.value);
      for (const s of leavesOf(value)) if (!known.has(s)) issues.push(issue(`/instances/${row.id}`, workflowMessage('workflow.instance_unmapped', { instance: row.id, state: s, key, version: toVersion })));
      return { row, snapshot: { ...snapshot, value } };
    });
    if (issues.length > 0) throw new ValidationError(workflowMessage('workflow.instances_unmapped', { count: issues.length }), issues);
    const now = new Date();
    for (const { row, snapshot } of plans) {
      await instanceRepository.migrate(em, row.id, row.revision, toVersion, snapshot, now);
      for (const m of mapping) await taskRepository.renameOpen(em, row.id, m.from, m.to);
      await instanceRepository.appendHistory(em, row.id, { at: now, actor: actor.username, event: 'migrate', detail: { fromVersion, toVersion, mapping }, fromStates: leavesOf(row.snapshot.value), toStates: leavesOf(snapshot.value) });
    }
    await appendAudit(em, actor, { action: 'workflow.migrated', subjectType: 'workflow', subjectKey: `${key}@${fromVersion}→${toVersion}`, detail: { instances: plans.map((p) => p.row.id), mapping } });
    return { migrated: plans.map((p) => p.row.id) };
  });
}
