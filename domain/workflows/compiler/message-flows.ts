/**
 * Message flows of a collaboration, as the process that runs sees them. Other pools are external
 * participants (a customer, a contractor): a message flow from one of the process's send tasks or
 * message throw or end events to another pool is a notification addressed to that participant, and
 * one from another pool to a receive task or message catch or start event is what the process waits
 * for. Tools often draw these flows without a `messageRef` on the events; the flow then names the
 * message (its own message's name, else its name, else its id).
 */
import { ref } from './model.ts';
import type { ModdleElement } from './parse.ts';

/** One end of a message flow seen from the process: the message's name and the participant at the other end. */
export interface MessageLink {
  name: string;
  /** the other pool's name (or id), or null when the other end is not in a pool */
  participant: string | null;
}

/** The message flows that end at (`into`) and start from (`out`) the process's elements, by element id. */
export interface MessageFlows {
  into: Map<string, MessageLink>;
  out: Map<string, MessageLink>;
}

export const NO_MESSAGE_FLOWS: MessageFlows = { into: new Map(), out: new Map() };

const list = (value: unknown): ModdleElement[] => (Array.isArray(value) ? (value as ModdleElement[]) : []);
const named = (el: ModdleElement | undefined): string | null => (typeof el?.name === 'string' && el.name.trim()) || el?.id || null;

/** The ids of every flow element of a process or sub-process, nested ones included. */
function elementIds(container: ModdleElement, into = new Set<string>()): Set<string> {
  for (const el of list(container.flowElements)) {
    into.add(el.id);
    if (el.$type === 'bpmn:SubProcess') elementIds(el, into);
  }
  return into;
}

/** The processes of a document's pools, each with its elements, to find which pool an element sits in. */
function pools(definitions: ModdleElement): { participant: ModdleElement; ids: Set<string> }[] {
  const collaborations = list(definitions.rootElements).filter((e) => e.$type === 'bpmn:Collaboration');
  return collaborations.flatMap((c) => list(c.participants)).map((participant) => {
    const process = ref(participant.processRef);
    return { participant, ids: process ? elementIds(process) : new Set<string>() };
  });
}

/** The message flows touching `process`'s elements, from every collaboration of the document. */
export function messageFlowsOf(definitions: ModdleElement, process: ModdleElement): MessageFlows {
  const own = elementIds(process);
  const participants = pools(definitions);
  const participantOf = (end: ModdleElement | undefined): string | null => {
    if (!end) return null;
    if (end.$type === 'bpmn:Participant') return named(end);
    return named(participants.find((p) => p.ids.has(end.id))?.participant);
  };
  const flows: MessageFlows = { into: new Map(), out: new Map() };
  for (const collaboration of list(definitions.rootElements).filter((e) => e.$type === 'bpmn:Collaboration')) {
    for (const flow of list(collaboration.messageFlows)) {
      const source = ref(flow.sourceRef);
      const target = ref(flow.targetRef);
      const name = named(ref(flow.messageRef)) ?? named(flow)!;
      if (target && own.has(target.id) && !flows.into.has(target.id)) flows.into.set(target.id, { name, participant: participantOf(source) });
      if (source && own.has(source.id) && !flows.out.has(source.id)) flows.out.set(source.id, { name, participant: participantOf(target) });
    }
  }
  return flows;
}
