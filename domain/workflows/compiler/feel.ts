import { evaluate } from 'feelin';

/** Why a FEEL expression cannot be parsed, or null when it can. */
export function feelSyntaxError(expression: string): string | null {
  if (!expression.trim()) return 'the expression is empty';
  try {
    evaluate(expression, {});
    return null;
  } catch (error) {
    return `FEEL does not parse: ${(error as Error).message}`;
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
