import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import type { Message } from '../shared/messages.ts';
import { editionMessage } from './edition.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { collectStandardRefs } from '../standards/refs.ts';
import { validateStandard, type StandardIdentity } from '../standards/validate.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';

/** A standard document read from a library folder. */
export interface LibraryFile {
  /** Path relative to the library root, for messages. */
  file: string;
  schema: unknown;
}

export interface LibraryDocument extends StandardIdentity {
  file: string;
  schema: JsonObject;
}

/** A problem in a library, located by file and JSON Pointer. */
export interface LibraryIssue extends Issue {
  file: string;
}

/** An issue in `file` at `pointer`. */
export function fileIssue(file: string, pointer: string, message: Message): LibraryIssue {
  return { file, ...issue(pointer, message) };
}

/** The message of an issue, as a parameter of another message (without its place). */
export function nested(message: Message): Message {
  return { code: message.code, params: message.params, message: message.message };
}

export class LibraryError extends ValidationError {
  readonly fileIssues: LibraryIssue[];
  constructor(message: Message, fileIssues: LibraryIssue[]) {
    super(message, fileIssues.map((i) => issue(i.pointer, editionMessage('library.in_file', { file: i.file, issue: nested(i) }))));
    this.name = 'LibraryError';
    this.fileIssues = fileIssues;
  }
}

/**
 * Validates a whole library: every file against the standards language, codes unique and matching
 * file names, parents present, every `$ref` resolving inside the library (or in `known`), no cycles.
 * Returns the documents ordered so that every document comes after the ones it refers to. With
 * `validated`, a schema object validated before (by reference) is not validated again.
 */
export function checkLibrary(files: LibraryFile[], known: Set<string> = new Set(), limits: DocumentLimits = DEFAULT_LIMITS, validated?: WeakMap<object, StandardIdentity>): LibraryDocument[] {
  const issues: LibraryIssue[] = [];
  const docs = new Map<string, LibraryDocument>();
  for (const { file, schema } of files) {
    try {
      // a document several editions share is validated once (`validated` remembers the valid ones)
      const remembered = typeof schema === 'object' && schema !== null ? validated?.get(schema) : undefined;
      const identity = remembered ?? validateStandard(schema, limits);
      if (!remembered && validated && typeof schema === 'object' && schema !== null) validated.set(schema, identity);
      const base = file.split('/').pop()!.replace(/\.json$/, '');
      if (base !== identity.code) issues.push(fileIssue(file, '/x-standard/code', editionMessage('library.file_name', { code: identity.code })));
      if (docs.has(identity.code)) issues.push(fileIssue(file, '/x-standard/code', editionMessage('library.defined_twice', { code: identity.code, file: docs.get(identity.code)!.file })));
      else docs.set(identity.code, { ...identity, file, schema: schema as JsonObject });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const found of error.issues) issues.push({ file, ...found });
    }
  }
  for (const doc of docs.values()) {
    if (doc.parent && !docs.has(doc.parent) && !known.has(doc.parent)) issues.push(fileIssue(doc.file, '/x-standard/parent', editionMessage('library.parent_missing', { parent: doc.parent })));
    for (const ref of collectStandardRefs(doc.schema)) {
      if (!docs.has(ref.code) && !known.has(ref.code)) issues.push(fileIssue(doc.file, ref.pointer, editionMessage('library.ref_missing', { target: ref.code })));
    }
  }
  const ordered: LibraryDocument[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (doc: LibraryDocument, path: string[]): void => {
    if (state.get(doc.code) === 'done') return;
    if (state.get(doc.code) === 'visiting') {
      issues.push(fileIssue(doc.file, '', editionMessage('library.ref_cycle', { path: [...path, doc.code] })));
      return;
    }
    state.set(doc.code, 'visiting');
    for (const ref of collectStandardRefs(doc.schema)) {
      const target = docs.get(ref.code);
      if (target) visit(target, [...path, doc.code]);
    }
    state.set(doc.code, 'done');
    ordered.push(doc);
  };
  for (const doc of [...docs.values()].sort((a, b) => a.code.localeCompare(b.code))) visit(doc, []);
  if (issues.length > 0) throw new LibraryError(editionMessage('library.problems', { count: issues.length }), issues);
  return ordered;
}
