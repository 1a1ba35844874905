import { ValidationError, issue } from './errors.ts';
import { sharedMessage } from './shared.messages.ts';

/** Whether text is a real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Throws a ValidationError at `pointer` unless each given value is a real date YYYY-MM-DD. */
export function requireDates(values: Record<string, unknown>): void {
  const issues = Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && !isCalendarDate(v))
    .map(([name, v]) => issue(`/${name}`, sharedMessage('value.not_a_date', { value: String(v) })));
  if (issues.length > 0) throw new ValidationError(sharedMessage('value.not_dates', { names: issues.map((i) => i.pointer.slice(1)) }), issues);
}
