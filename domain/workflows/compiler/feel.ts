import { evaluate } from 'feelin';
import type { Message } from '../../shared/messages.ts';
import { compileMessage } from './compile.messages.ts';

/** Why a FEEL expression cannot be parsed, or null when it can. */
export function feelSyntaxError(expression: string): Message | null {
  if (!expression.trim()) return compileMessage('feel.empty');
  try {
    evaluate(expression, {});
    return null;
  } catch (error) {
    return compileMessage('feel.syntax', { detail: (error as Error).message });
  }
}

/** Evaluates a FEEL condition against the process variables; only `true` is true. */
export function feelCondition(expression: string, variables: Record<string, unknown>): boolean {
  try {
    return evaluate(expression, variables).value === true;
  } catch {
    return false;
  }
}

/** Evaluates a FEEL expression (e.g. an assignee) against the process variables. */
export function feelValue(expression: string, variables: Record<string, unknown>): unknown {
  try {
    return evaluate(expression, variables).value;
  } catch {
    return null;
  }
}
