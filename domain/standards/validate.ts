import type { ErrorObject } from 'ajv';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';
import { ajv, validateMeta } from './ajv.ts';
import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { ajvErrorMessage } from './ajv.messages.ts';
import { standardMessage as m } from './standard.messages.ts';
import { escapePointerToken, isJsonObject, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { collectStandardRefs, localRefCycle, STD_URN_PREFIX } from './refs.ts';
import { unsatisfiableIssues } from './satisfiable.ts';
import { allowedParents } from './namespace.ts';

export type StandardKind = 'module' | 'procedure' | 'instruction';

/** What a valid document says about itself. */
export interface StandardIdentity {
  code: string;
  kind: StandardKind;
  parent: string | null;
  title: string;
}


/** Returns the pointer of the first value nested deeper than `maxDepth`, or undefined. */
function findTooDeep(doc: JsonValue, maxDepth: number): string | undefined {
  const stack: { value: JsonValue; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= maxDepth) return pointer(...path);
    const entries: [string | number, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

/** Turns Ajv's errors into issues a person can act on (one per problem, most specific first), each with its code. */
export function ajvIssues(errors: ErrorObject[] | null | undefined): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let found: Issue | undefined;
    if (e.keyword === 'propertyNames') {
      const name = String((e.params as { propertyName: string }).propertyName);
      found = issue(`${e.instancePath}/${escapePointerToken(name)}`, m('standard.keyword_unknown', { keyword: name }));
    } else if (e.schemaPath.includes('/propertyNames/')) {
      continue; // reported by the propertyNames error itself
    } else if (e.keyword === 'anyOf' || e.keyword === 'if' || (e.keyword === 'type' && e.schemaPath.includes('/anyOf/'))) {
      continue; // wrappers of a more specific error
    } else if (e.keyword === 'format' && (e.params as { format: string }).format === 're2-regex') {
      found = issue(e.instancePath, m('standard.pattern_not_re2'));
    } else if (e.keyword === 'pattern' && e.instancePath.endsWith('/$ref')) {
      found = issue(e.instancePath, m('standard.ref_not_allowed', { prefix: STD_URN_PREFIX }));
    } else if (e.keyword === 'required') {
      found = issue(`${e.instancePath}/${escapePointerToken((e.params as { missingProperty: string }).missingProperty)}`, ajvErrorMessage(e));
    } else if (e.keyword === 'additionalProperties') {
      found = issue(`${e.instancePath}/${escapePointerToken((e.params as { additionalProperty: string }).additionalProperty)}`, ajvErrorMessage(e));
    } else {
      found = issue(e.instancePath, ajvErrorMessage(e));
    }
    const key = `${found.pointer}\u0000${found.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(found);
    }
  }
  return issues;
}

/** Checks the rules the meta-schema cannot express: identity, tree shape, where `x-check` goes. */
function structuralIssues(doc: JsonObject): Issue[] {
  const issues: Issue[] = [];
  const std = doc['x-standard'] as JsonObject;
  const code = String(std.code);
  const kind = std.kind as StandardKind;
  if (doc.$id !== `${STD_URN_PREFIX}${code}`) {
    issues.push(issue('/$id', m('standard.id_mismatch', { expected: `${STD_URN_PREFIX}${code}` })));
  }
  const depth = code.split('.').length;
  const expectedKind: StandardKind = depth === 1 ? 'module' : depth === 2 ? 'procedure' : 'instruction';
  if (kind !== expectedKind) issues.push(issue('/x-standard/kind', m('standard.kind_mismatch', { code, expected: expectedKind, kind })));
  const parents = allowedParents(code);
  const expectedParent = parents[0] ?? null;
  if (expectedParent && !parents.includes(String(std.parent))) {
    issues.push(issue('/x-standard/parent', m('standard.parent_mismatch', { code, parent: expectedParent })));
  }
  const properties = isJsonObject(doc.properties) ? doc.properties : {};
  for (const [key, item] of Object.entries(properties)) {
    if (kind === 'instruction' && isJsonObject(item) && !isJsonObject(item['x-check'])) {
      issues.push(issue(pointer('properties', key, 'x-check'), m('standard.item_needs_check')));
    }
    const options = isJsonObject(item) && isJsonObject(item['x-check']) ? item['x-check'].options : undefined;
    if (Array.isArray(options)) {
      const passing = isJsonObject(item) && Array.isArray(item.enum) ? item.enum : undefined;
      if (!passing) issues.push(issue(pointer('properties', key, 'x-check', 'options'), m('standard.options_need_enum')));
      else passing.forEach((v, i) => {
        if (!options.includes(v)) issues.push(issue(pointer('properties', key, 'enum', i), m('standard.enum_not_option', { value: v })));
      });
    }
  }
  // x-check belongs on check items only; $id only at the root.
  const stack: { value: JsonValue; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (!isJsonObject(value) && !Array.isArray(value)) continue;
    if (isJsonObject(value)) {
      const isItem = path.length === 2 && path[0] === 'properties' && kind === 'instruction';
      if ('x-check' in value && !isItem) issues.push(issue(pointer(...path, 'x-check'), m('standard.check_misplaced')));
      if ('$id' in value && path.length > 0) issues.push(issue(pointer(...path, '$id'), m('standard.id_not_root')));
      if ('x-standard' in value && path.length > 0) issues.push(issue(pointer(...path, 'x-standard'), m('standard.identity_not_root')));
      issues.push(...unsatisfiableIssues(value, path));
      for (const [k, v] of Object.entries(value)) {
        if (k !== 'enum' && k !== 'const' && k !== 'examples' && k !== 'x-standard' && k !== 'x-check') stack.push({ value: v, path: [...path, k] });
      }
    } else {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    }
  }
  if (Array.isArray(doc.required)) {
    doc.required.forEach((name, i) => {
      if (typeof name === 'string' && !(name in properties)) issues.push(issue(pointer('required', i), m('standard.required_not_property', { name })));
    });
  }
  const selfRef = collectStandardRefs(doc).find((r) => r.code === code);
  if (selfRef) issues.push(issue(selfRef.pointer, m('standard.ref_self', { code })));
  const localCycle = localRefCycle(doc);
  if (localCycle) issues.push(localCycle);
  return issues;
}

/** Strict-mode compile of the document on its own (refs to other standards stubbed out). */
function compileIssues(doc: JsonObject): Issue[] {
  const stubbed = JSON.parse(JSON.stringify(doc), (key, value) => {
    if (isJsonObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith(STD_URN_PREFIX)) {
      const { $ref: _ref, ...rest } = value;
      return rest;
    }
    return value;
  }) as JsonObject;
  delete stubbed.$id;
  try {
    ajv.compile(stubbed);
    ajv.removeSchema(stubbed);
    return [];
  } catch (error) {
    ajv.removeSchema(stubbed);
    const message = (error as Error).message;
    const at = /at "#?([^"]*)"/.exec(message)?.[1] ?? '';
    return [issue(at.startsWith('/') ? at : '', m('standard.schema_compile', { detail: message }))];
  }
}

/**
 * Validates a standard document against the standards language: size and depth limits, the
 * meta-schema (JSON Schema 2020-12 + x-standard + x-check, closed keyword set), the structural
 * rules, and a strict Ajv compile. Throws a ValidationError listing every issue with its pointer.
 */
export function validateStandard(input: unknown, limits: DocumentLimits = DEFAULT_LIMITS): StandardIdentity {
  if (!isJsonObject(input as JsonValue)) {
    throw new ValidationError(m('standard.not_object'), [issue('', sharedMessage('value.must_be_object'))]);
  }
  const doc = input as JsonObject;
  const bytes = Buffer.byteLength(JSON.stringify(doc));
  if (bytes > limits.maxBytes) {
    throw new ValidationError(m('standard.too_large', { bytes, limit: limits.maxBytes }), [issue('', m('standard.too_large_issue', { bytes, limit: limits.maxBytes }))]);
  }
  const tooDeep = findTooDeep(doc, limits.maxDepth);
  if (tooDeep !== undefined) {
    throw new ValidationError(m('standard.too_deep', { limit: limits.maxDepth }), [issue(tooDeep, sharedMessage('value.nested_too_deep', { limit: limits.maxDepth }))]);
  }
  if (!validateMeta(doc)) {
    const issues = ajvIssues(validateMeta.errors);
    throw new ValidationError(m('standard.invalid', { count: issues.length }), issues);
  }
  const issues = [...structuralIssues(doc)];
  if (issues.length === 0) issues.push(...compileIssues(doc));
  if (issues.length > 0) {
    throw new ValidationError(m('standard.invalid', { count: issues.length }), issues);
  }
  const std = doc['x-standard'] as JsonObject;
  return {
    code: String(std.code),
    kind: std.kind as StandardKind,
    parent: typeof std.parent === 'string' ? std.parent : null,
    title: String(doc.title),
  };
}
