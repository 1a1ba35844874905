import { evaluate } from 'feelin';
import type { Message } from '../../shared/messages.ts';
import { compileMessage } from './compile.messages.ts';
import { durationMs } from '../timers/time.ts';

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

/** What a timer's duration expression gives: an ISO 8601 duration, nothing (the default applies), or a value that is no duration. */
export type FeelDuration = { kind: 'duration'; iso: string } | { kind: 'none' } | { kind: 'wrong'; value: string };

/**
 * Evaluates a timer's duration expression against the process variables. A FEEL duration
 * (`duration("PT24H")`) or an ISO 8601 duration string counts; null (e.g. a variable the instance
 * lacks) means the timer's literal default applies; anything else is no duration.
 */
export function feelDuration(expression: string, variables: Record<string, unknown>): FeelDuration {
  const value = feelValue(expression, variables);
  if (value === null || value === undefined) return { kind: 'none' };
  const iso = typeof value === 'string' ? value : typeof value === 'object' && typeof (value as { iso?: unknown }).iso === 'string' ? (value as { iso: string }).iso : null;
  if (iso !== null && durationMs(iso) !== null) return { kind: 'duration', iso };
  return { kind: 'wrong', value: typeof value === 'string' ? `"${value}"` : typeof value === 'object' ? JSON.stringify(value) : String(value) };
}
