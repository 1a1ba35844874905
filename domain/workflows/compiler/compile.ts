import { CompileError, compileIssue, type CompileIssue } from './errors.ts';
import { compileMessage as m } from './compile.messages.ts';
import { lanesOf } from './lanes.ts';
import { messageFlowsOf } from './message-flows.ts';
import { readScope, type Scope } from './model.ts';
import { parseBpmn, type ModdleElement } from './parse.ts';
import type { CompiledWorkflow, CompileOptions } from './types.ts';
import { Compiler } from './walk.ts';
import { checkWayOut } from './way-out.ts';

export type { CompiledWorkflow, CompileOptions, StateConfig, TimerMeta, UserTaskMeta } from './types.ts';

/** Cycles made only of steps that do not wait (gateways, service tasks) would spin forever. */
function checkSpinLoops(scope: Scope, issues: CompileIssue[]): void {
  const instant = (id: string) => ['bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:IntermediateThrowEvent', 'bpmn:StartEvent'].includes(scope.nodes.get(id)?.$type ?? '');
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const loop = path.slice(path.indexOf(id));
      issues.push(compileIssue(id, scope.nodes.get(id)!.$type, m('compile.loop_never_waits', { path: [...loop, id].map((x) => scope.nodes.get(x)?.name?.trim() || x) }), scope.nodes.get(id)!.name));
      return;
    }
    state.set(id, 1);
    for (const f of scope.outgoing.get(id) ?? []) if (instant(f.target)) visit(f.target, [...path, id]);
    state.set(id, 2);
  };
  for (const id of scope.nodes.keys()) if (instant(id)) visit(id, []);
}

/**
 * The process to run. A collaboration holds one process per pool; the others are external
 * participants (a customer, a supplier), often empty "black box" pools. The one chosen by id wins;
 * else the only process with flow nodes marked isExecutable, else the only process with flow nodes.
 */
export function executableProcess(definitions: ModdleElement, processId?: string): ModdleElement {
  const processes = ((definitions.rootElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process');
  if (processes.length === 0) throw new CompileError([compileIssue('', 'document', m('compile.no_process'))]);
  const candidates = processes.filter((p) => Array.isArray(p.flowElements) && p.flowElements.length > 0);
  const names = (list: ModdleElement[]) => list.map((p) => (p.name?.trim() ? `${p.id} (${p.name.trim()})` : p.id));
  if (processId) {
    const chosen = processes.find((p) => p.id === processId);
    if (!chosen) throw new CompileError([compileIssue('', 'document', m('compile.process_not_found', { process: processId, candidates: names(processes) }))]);
    return chosen;
  }
  if (processes.length === 1) return processes[0];
  const executable = candidates.filter((p) => p.isExecutable === true);
  if (executable.length === 1) return executable[0];
  if (executable.length === 0 && candidates.length === 1) return candidates[0];
  throw new CompileError([compileIssue('', 'document', m('compile.process_choice', { count: executable.length || candidates.length, candidates: names(executable.length ? executable : candidates) }))]);
}

/**
 * Compiles BPMN 2.0 XML into an XState v5 machine config plus the user tasks, forms and timers the
 * runtime needs. Every unsupported or wrong element is reported at once in a CompileError.
 */
export async function compileBpmn(xml: string, options: CompileOptions): Promise<CompiledWorkflow> {
  const definitions = await parseBpmn(xml);
  const process = executableProcess(definitions, options.processId);
  const compiler = new Compiler(options, lanesOf(process));
  compiler.messageFlows = messageFlowsOf(definitions, process);
  const scope = readScope(process, compiler.issues, '__terminated');
  checkSpinLoops(scope, compiler.issues);
  checkWayOut(scope, compiler.issues);
  const starts = [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) throw new CompileError([...compiler.issues, compileIssue(process.id, process.$type, m('compile.start_count', { count: starts.length }), process.name)]);
  const states = compiler.region(starts[0].id, { scope, stop: null, doneId: null, inBranch: false });
  compiler.unreached(scope);
  if (!Object.values(states).some((s) => s.type === 'final') && !scope.needsTerminate && !compiler.endsInError) compiler.fail(process, m('compile.no_end_reachable'));
  if (compiler.issues.length > 0) throw new CompileError(compiler.issues);
  if (scope.needsTerminate) states.__terminated = { id: '__terminated', type: 'final' };
  states.__incident = { id: '__incident', meta: { incident: true } };
  if (compiler.endsInError) states.__error = { id: '__error', type: 'final', meta: { failed: true } };
  return {
    processId: process.id,
    name: process.name ?? process.id,
    config: { id: process.id, initial: starts[0].id, context: { variables: {} }, states },
    userTasks: compiler.userTasks,
    timers: compiler.timers,
    stateIds: compiler.stateIds,
    ...(compiler.startMessage ? { startMessage: compiler.startMessage } : {}),
    ...(Object.keys(compiler.calls).length ? { calls: compiler.calls } : {}),
  };
}
