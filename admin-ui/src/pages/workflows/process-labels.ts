import { useEffect, useState } from 'react';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { isJsonObject, type JsonValue } from '../../../../domain/shared/json.ts';

/**
 * What people call the parts of a deployed process: the process's name, each element's name by
 * its id (read from the BPMN), and each form field's title by its key (from the user tasks' forms).
 * Pages show these instead of element ids and variable keys.
 */
export interface ProcessLabels {
  name: string;
  elements: Map<string, { name: string | null; type: string }>;
  fields: Map<string, string>;
}

interface Definition {
  name: string;
  bpmnXml: string;
  /** user tasks by element id, each with its form (a JSON Schema) */
  userTasks: JsonValue;
}

const QUERY = graphql(`query ProcessLabels($key: String!, $version: Int) { workflowDefinition(key: $key, version: $version) { __typename ...ErrorFields ... on WorkflowDefinition { name bpmnXml userTasks } } }`, [ErrorFields]);

const objectOf = (value: JsonValue | undefined): Record<string, JsonValue> => (isJsonObject(value) ? value : {});

/** The labels of a definition from its BPMN and forms. */
export function labelsOf(def: Definition): ProcessLabels {
  const elements = new Map<string, { name: string | null; type: string }>();
  const doc = new DOMParser().parseFromString(def.bpmnXml, 'application/xml');
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const id = el.getAttribute('id');
    if (id && el.namespaceURI?.includes('BPMN/20100524/MODEL')) elements.set(id, { name: el.getAttribute('name')?.trim() || null, type: el.localName });
  }
  const fields = new Map<string, string>();
  for (const task of Object.values(objectOf(def.userTasks))) {
    for (const [key, field] of Object.entries(objectOf(objectOf(objectOf(task).form).properties))) {
      const title = objectOf(field).title;
      if (typeof title === 'string' && title && !fields.has(key)) fields.set(key, title);
    }
  }
  return { name: def.name, elements, fields };
}

const cache = new Map<string, Promise<ProcessLabels>>();

/** The labels of one version of a process, fetched once per page load (deployed versions never change). */
export function processLabels(key: string, version: number): Promise<ProcessLabels> {
  const id = `${key}@${version}`;
  let found = cache.get(id);
  if (!found) {
    found = request(QUERY, { key, version }).then((d) => labelsOf(expect(d.workflowDefinition, 'WorkflowDefinition')));
    found.catch(() => cache.delete(id));
    cache.set(id, found);
  }
  return found;
}

/** The labels of the given process versions, keyed `<key>@<version>`, as they arrive. */
export function useProcessLabels(refs: { key: string; version: number }[]): Map<string, ProcessLabels> {
  const wanted = [...new Set(refs.map((r) => `${r.key}@${r.version}`))].sort().join(',');
  const [labels, setLabels] = useState(new Map<string, ProcessLabels>());
  useEffect(() => {
    let live = true;
    const ids = wanted ? wanted.split(',') : [];
    Promise.all(ids.map(async (id) => {
      const at = id.lastIndexOf('@');
      try {
        return [id, await processLabels(id.slice(0, at), Number(id.slice(at + 1)))] as const;
      } catch {
        return null;
      }
    })).then((pairs) => live && setLabels(new Map(pairs.filter((p) => p !== null))));
    return () => {
      live = false;
    };
  }, [wanted]);
  return labels;
}

/** A state (element) id as people call it: its name, or the name of its kind for the engine's own states. */
export function stateLabel(labels: ProcessLabels | undefined, id: string, term: (kind: string, value: unknown) => string): string {
  const base = id.replace(/__(branch\d+(__done)?|terminated)$/, '');
  if (base.startsWith('__') || base === '') return term('state', id.replace(/^__/, ''));
  if (!labels) return term('state', 'loading');
  const el = labels.elements.get(base);
  if (el?.name) return el.name;
  return el ? term('element', el.type) : term('state', 'unknown');
}

/** A process variable or form field as people call it: the UI's word for it, or its form title. */
export function fieldLabel(labels: Iterable<ProcessLabels>, key: string, term: (kind: string, value: unknown) => string): string {
  const known = term('variable', key);
  if (known !== key) return known;
  for (const l of labels) {
    const title = l.fields.get(key);
    if (title) return title;
  }
  return key;
}
