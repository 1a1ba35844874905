import type { ErrorObject } from 'ajv';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';
import { ajv, validateMeta } from './ajv.ts';
import { ValidationError, type Issue } from '../shared/errors.ts';
import { escapePointerToken, isJsonObject, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { collectStandardRefs, localRefCycle, STD_URN_PREFIX } from './refs.ts';

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

/** Turns Ajv's errors into issues a person can act on (one per problem, most specific first). */
export function ajvIssues(errors: ErrorObject[] | null | undefined): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let issue: Issue | undefined;
    if (e.keyword === 'propertyNames') {
      const name = String((e.params as { propertyName: string }).propertyName);
      issue = { pointer: `${e.instancePath}/${escapePointerToken(name)}`, message: `unknown or forbidden keyword "${name}"` };
    } else if (e.schemaPath.includes('/propertyNames/')) {
      continue; // reported by the propertyNames error itself
    } else if (e.keyword === 'anyOf' || e.keyword === 'if' || (e.keyword === 'type' && e.schemaPath.includes('/anyOf/'))) {
      continue; // wrappers of a more specific error
    } else if (e.keyword === 'format' && (e.params as { format: string }).format === 're2-regex') {
      issue = { pointer: e.instancePath, message: 'not a linear-time (RE2) regular expression: back-references and look-around are not allowed' };
    } else if (e.keyword === 'pattern' && e.instancePath.endsWith('/$ref')) {
      issue = { pointer: e.instancePath, message: `$ref may only point at ${STD_URN_PREFIX}<code> documents in the store or inside this document (#…)` };
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      issue = { pointer: e.instancePath, message: `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
    } else if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      issue = { pointer: `${e.instancePath}/${escapePointerToken(missing)}`, message: `"${missing}" is required` };
    } else if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      issue = { pointer: `${e.instancePath}/${escapePointerToken(extra)}`, message: `unknown property "${extra}"` };
    } else {
      issue = { pointer: e.instancePath, message: e.message ?? e.keyword };
    }
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
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
    issues.push({ pointer: '/$id', message: `must be "${STD_URN_PREFIX}${code}" (the x-standard code)` });
  }
  const depth = code.split('.').length;
  const expectedKind: StandardKind = depth === 1 ? 'module' : depth === 2 ? 'procedure' : 'instruction';
  if (kind !== expectedKind) issues.push({ pointer: '/x-standard/kind', message: `code ${code} names a ${expectedKind}, not a ${kind}` });
  const expectedParent = depth > 1 ? code.split('.').slice(0, -1).join('.') : null;
  if (expectedParent && std.parent !== expectedParent) {
    issues.push({ pointer: '/x-standard/parent', message: `the parent of ${code} is ${expectedParent}` });
  }
  const properties = isJsonObject(doc.properties) ? doc.properties : {};
  for (const [key, item] of Object.entries(properties)) {
    if (kind === 'instruction' && isJsonObject(item) && !isJsonObject(item['x-check'])) {
      issues.push({ pointer: pointer('properties', key, 'x-check'), message: 'every check item of a work instruction needs x-check (tiers, severity, weight, method)' });
    }
    const options = isJsonObject(item) && isJsonObject(item['x-check']) ? item['x-check'].options : undefined;
    if (Array.isArray(options)) {
      const passing = isJsonObject(item) && Array.isArray(item.enum) ? item.enum : undefined;
      if (!passing) issues.push({ pointer: pointer('properties', key, 'x-check', 'options'), message: 'options belong to a rating: the item needs an enum of the options that pass' });
      else passing.forEach((v, i) => {
        if (!options.includes(v)) issues.push({ pointer: pointer('properties', key, 'enum', i), message: `${JSON.stringify(v)} passes but is not one of the options` });
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
      if ('x-check' in value && !isItem) issues.push({ pointer: pointer(...path, 'x-check'), message: 'x-check is allowed only on check items (properties of a work instruction)' });
      if ('$id' in value && path.length > 0) issues.push({ pointer: pointer(...path, '$id'), message: '$id is allowed only at the root of a document' });
      if ('x-standard' in value && path.length > 0) issues.push({ pointer: pointer(...path, 'x-standard'), message: 'x-standard is allowed only at the root of a document' });
      for (const [k, v] of Object.entries(value)) {
        if (k !== 'enum' && k !== 'const' && k !== 'examples' && k !== 'x-standard' && k !== 'x-check') stack.push({ value: v, path: [...path, k] });
      }
    } else {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    }
  }
  if (Array.isArray(doc.required)) {
    doc.required.forEach((name, i) => {
      if (typeof name === 'string' && !(name in properties)) issues.push({ pointer: pointer('required', i), message: `"${name}" is required but is not a property` });
    });
  }
  const selfRef = collectStandardRefs(doc).find((r) => r.code === code);
  if (selfRef) issues.push({ pointer: selfRef.pointer, message: `$ref cycle: ${code} refers to itself` });
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
    return [{ pointer: at.startsWith('/') ? at : '', message }];
  }
}

/**
 * Validates a standard document against the standards language: size and depth limits, the
 * meta-schema (JSON Schema 2020-12 + x-standard + x-check, closed keyword set), the structural
 * rules, and a strict Ajv compile. Throws a ValidationError listing every issue with its pointer.
 */
export function validateStandard(input: unknown, limits: DocumentLimits = DEFAULT_LIMITS): StandardIdentity {
  if (!isJsonObject(input as JsonValue)) {
    throw new ValidationError('A standard document must be a JSON object', [{ pointer: '', message: 'must be an object' }]);
  }
  const doc = input as JsonObject;
  const bytes = Buffer.byteLength(JSON.stringify(doc));
  if (bytes > limits.maxBytes) {
    throw new ValidationError(`The document is ${bytes} bytes; the limit is ${limits.maxBytes}`, [
      { pointer: '', message: `document too large: ${bytes} bytes (limit ${limits.maxBytes})` },
    ]);
  }
  const tooDeep = findTooDeep(doc, limits.maxDepth);
  if (tooDeep !== undefined) {
    throw new ValidationError(`The document nests deeper than ${limits.maxDepth} levels`, [
      { pointer: tooDeep, message: `nested deeper than ${limits.maxDepth} levels` },
    ]);
  }
  if (!validateMeta(doc)) {
    const issues = ajvIssues(validateMeta.errors);
    throw new ValidationError(`The document is not a valid standard (${issues.length} issue${issues.length === 1 ? '' : 's'})`, issues);
  }
  const issues = [...structuralIssues(doc)];
  if (issues.length === 0) issues.push(...compileIssues(doc));
  if (issues.length > 0) {
    throw new ValidationError(`The document is not a valid standard (${issues.length} issue${issues.length === 1 ? '' : 's'})`, issues);
  }
  const std = doc['x-standard'] as JsonObject;
  return {
    code: String(std.code),
    kind: std.kind as StandardKind,
    parent: typeof std.parent === 'string' ? std.parent : null,
    title: String(doc.title),
  };
}
