import { issue, ValidationError } from '../shared/errors.ts';
import { inspectionMessage } from './inspection.messages.ts';

/** How far back an inspection may be recorded (a phone offline for long still gets its work in). */
export const INSPECTION_MAX_AGE_DAYS = 365;

/** Throws a ValidationError unless `day` (YYYY-MM-DD) lies between `maxAgeDays` before `today` and `today`. */
export function requireRecentDay(name: string, day: string, today: string, maxAgeDays = INSPECTION_MAX_AGE_DAYS): void {
  const earliest = new Date(Date.parse(`${today}T00:00:00Z`) - maxAgeDays * 86_400_000).toISOString().slice(0, 10);
  if (day > today) throw new ValidationError(inspectionMessage('inspection.day_in_future', { name, day }), [issue(`/${name}`, inspectionMessage('inspection.day_after_today', { today }))]);
  if (day < earliest) throw new ValidationError(inspectionMessage('inspection.day_too_old', { name, day }), [issue(`/${name}`, inspectionMessage('inspection.day_window', { days: maxAgeDays, earliest }))]);
}
