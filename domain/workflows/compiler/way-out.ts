/** Traps: nodes from which no end event can be reached, e.g. a loop of tasks with no flow leaving it. */
import { compileMessage as m } from './compile.messages.ts';
import { compileIssue, type CompileIssue } from './errors.ts';
import type { Scope } from './model.ts';

/**
 * Reports where a scope's flow enters a part from which no end event can be reached: each node of
 * that part entered from outside it (or the start itself), named, with the loop it falls into. A
 * boundary event is a way out of its host. Scopes that reach no end event at all are reported
 * elsewhere (compile.no_end_reachable).
 */
export function checkWayOut(scope: Scope, issues: CompileIssue[]): void {
  const back = new Map<string, string[]>();
  const link = (from: string, to: string) => back.set(to, [...(back.get(to) ?? []), from]);
  for (const flows of scope.outgoing.values()) for (const f of flows) link(f.source, f.target);
  for (const [host, boundaries] of scope.boundaries) for (const b of boundaries) link(host, b.id);
  const ends = [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.id);
  if (ends.length === 0) return;
  const escapes = new Set<string>(ends);
  const queue = [...ends];
  while (queue.length > 0) for (const from of back.get(queue.shift()!) ?? []) if (!escapes.has(from)) {
    escapes.add(from);
    queue.push(from);
  }
  const trapped = [...scope.nodes.keys()].filter((id) => !escapes.has(id) && scope.nodes.get(id)!.$type !== 'bpmn:BoundaryEvent');
  const trappedSet = new Set(trapped);
  if (trapped.length === scope.nodes.size - [...scope.nodes.values()].filter((n) => n.$type === 'bpmn:BoundaryEvent').length) return;
  const name = (id: string) => scope.nodes.get(id)?.name?.trim() || id;
  for (const id of trapped) {
    const el = scope.nodes.get(id)!;
    // named where the flow enters the trap (from outside it, a boundary event included)
    if (!(scope.incoming.get(id) ?? []).some((f) => !trappedSet.has(f.source))) continue;
    const loop = loopFrom(scope, id, trappedSet);
    // a dead end (no flow out) is reported as such by the walk
    if (loop) issues.push(compileIssue(id, el.$type, m('compile.no_way_out', { path: loop.map(name) }), el.name));
  }
}

/** The nodes from `id` along flows inside the trap until one repeats (the loop the flow falls into), or null at a dead end. */
function loopFrom(scope: Scope, id: string, trapped: Set<string>): string[] | null {
  const path: string[] = [];
  let current: string | undefined = id;
  while (current && !path.includes(current)) {
    path.push(current);
    current = (scope.outgoing.get(current) ?? []).map((f) => f.target).find((t) => trapped.has(t));
  }
  return current ? [...path, current] : null;
}
