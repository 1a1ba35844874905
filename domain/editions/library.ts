import { ValidationError, type Issue } from '../shared/errors.ts';
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

export class LibraryError extends ValidationError {
  readonly fileIssues: LibraryIssue[];
  constructor(message: string, fileIssues: LibraryIssue[]) {
    super(message, fileIssues.map((i) => ({ pointer: i.pointer, message: `${i.file}: ${i.message}` })));
    this.name = 'LibraryError';
    this.fileIssues = fileIssues;
  }
}

/**
 * Validates a whole library: every file against the standards language, codes unique and matching
 * file names, parents present, every `$ref` resolving inside the library (or in `known`), no cycles.
 * Returns the documents ordered so that every document comes after the ones it refers to.
 */
export function checkLibrary(files: LibraryFile[], known: Set<string> = new Set(), limits: DocumentLimits = DEFAULT_LIMITS): LibraryDocument[] {
  const issues: LibraryIssue[] = [];
  const docs = new Map<string, LibraryDocument>();
  for (const { file, schema } of files) {
    try {
      const identity = validateStandard(schema, limits);
      const base = file.split('/').pop()!.replace(/\.json$/, '');
      if (base !== identity.code) issues.push({ file, pointer: '/x-standard/code', message: `the file of ${identity.code} must be named ${identity.code}.json` });
      if (docs.has(identity.code)) issues.push({ file, pointer: '/x-standard/code', message: `${identity.code} is also defined in ${docs.get(identity.code)!.file}` });
      else docs.set(identity.code, { ...identity, file, schema: schema as JsonObject });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) issues.push({ file, ...issue });
    }
  }
  for (const doc of docs.values()) {
    if (doc.parent && !docs.has(doc.parent) && !known.has(doc.parent)) issues.push({ file: doc.file, pointer: '/x-standard/parent', message: `parent ${doc.parent} is not in the library` });
    for (const ref of collectStandardRefs(doc.schema)) {
      if (!docs.has(ref.code) && !known.has(ref.code)) issues.push({ file: doc.file, pointer: ref.pointer, message: `$ref to ${ref.code}, which is not in the library` });
    }
  }
  const ordered: LibraryDocument[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (doc: LibraryDocument, path: string[]): void => {
    if (state.get(doc.code) === 'done') return;
    if (state.get(doc.code) === 'visiting') {
      issues.push({ file: doc.file, pointer: '', message: `$ref cycle: ${[...path, doc.code].join(' → ')}` });
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
  if (issues.length > 0) throw new LibraryError(`The library has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return ordered;
}
