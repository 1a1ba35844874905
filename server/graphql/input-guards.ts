import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { issue, type Issue } from '../../domain/shared/errors.ts';
import { paramsData } from '../../domain/shared/messages.ts';
import { sharedMessage } from '../../domain/shared/shared.messages.ts';
import { transportMessage } from './transport.messages.ts';

/** How deeply variables may nest (a standard is at most 32 levels; answers far less). */
export const MAX_INPUT_DEPTH = 64;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first problem in a request's variables: text with a NUL character (PostgreSQL cannot store
 * it) or nesting deeper than MAX_INPUT_DEPTH. Iterative, so no input can exhaust the stack.
 */
function variablesProblem(variables: unknown): Issue | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '/variables', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return issue(path, sharedMessage('value.no_nul_text'));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_INPUT_DEPTH) return issue(path, sharedMessage('value.nested_too_deep', { limit: MAX_INPUT_DEPTH }));
    if (value instanceof File || value instanceof Blob) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return issue(`${path}/${escape(key)}`, sharedMessage('value.no_nul_key'));
      stack.push({ value: child, path: `${path}/${escape(key)}`, depth: depth + 1 });
    }
  }
  return null;
}

/** The first string literal of the document with a NUL character, located by field and argument. */
function literalProblem(document: DocumentNode): Issue | null {
  const path: string[] = [];
  let found: Issue | null = null;
  visit(document, {
    Field: { enter: (node) => void path.push(node.alias?.value ?? node.name.value), leave: () => void path.pop() },
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue(node) {
      if (!found && node.value.includes('\u0000')) found = issue(`/${path.map(escape).join('/')}`, sharedMessage('value.no_nul_text'));
    },
  });
  return found;
}

/**
 * Refuses, before anything runs, input no field could store: NUL characters in any text and
 * variables nested absurdly deep — with a BAD_USER_INPUT error whose `pointer` says where.
 */
export function inputGuardPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const problem = variablesProblem(args.variableValues ?? {}) ?? (args.document.definitions.some((d: { kind: string }) => d.kind === Kind.OPERATION_DEFINITION) ? literalProblem(args.document) : null);
      if (!problem) return;
      const message = transportMessage('request.bad_input', { pointer: problem.pointer, problem: { code: problem.code, params: problem.params } });
      setResultAndStopExecution({ errors: [new GraphQLError(message.message, { extensions: { code: 'BAD_USER_INPUT', pointer: problem.pointer, messageCode: message.code, params: paramsData(message.params) } })] });
    },
  };
}
