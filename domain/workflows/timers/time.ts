const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The longest a timer may wait (10 years): beyond it a deadline is a typo, and dates overflow. */
export const LONGEST_TIMER_MS = 10 * 365 * 86_400_000;

/** Milliseconds of an ISO 8601 duration (PT48H, P3D, P1Y2M …; months as 30 days, years as 365), or null. */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return Math.round(((((y * 365 + mo * 30 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000);
}

/** An ISO 8601 date-time with a zone (2026-12-31T18:00:00+08:00), as a Date, or null. */
export function absoluteDate(text: string): Date | null {
  if (!DATE_TIME.test(text.trim())) return null;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}
