import { NotFoundError } from '../shared/errors.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import { loopMessage } from './loop.messages.ts';

/** One check item of a published standard, as the loop reads it. */
export interface StandardItem {
  key: string;
  title: string;
  touchpoints: string[];
}

/** The current published edition of a standard: its items, module and when it was published. */
export interface PublishedStandard {
  code: string;
  title: string;
  version: number;
  module: string;
  publishedAt: Date | null;
  items: StandardItem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The items of a standard's schema: each property, with its title and the touchpoints its `x-check` names. */
export function itemsOf(schema: Record<string, unknown>): StandardItem[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).filter(([, item]) => isObject(item)).map(([key, item]) => {
    const check = isObject((item as Record<string, unknown>)['x-check']) ? ((item as Record<string, unknown>)['x-check'] as Record<string, unknown>) : {};
    const title = (item as Record<string, unknown>).title;
    return { key, title: typeof title === 'string' ? title : key, touchpoints: Array.isArray(check.touchpoints) ? check.touchpoints.filter((t): t is string => typeof t === 'string') : [] };
  });
}

/** A published standard as stored, read for the loop; null when the organisation sees none of that code. */
export function publishedStandardOf(row: { code: string; title: string; version: number; schema_json: string; published_at: Date | string | null } | null, code: string): PublishedStandard {
  if (!row) throw new NotFoundError(loopMessage('loop.standard_not_found', { code }), code);
  return {
    code: row.code, title: row.title, version: row.version, module: row.code.split('.')[0],
    publishedAt: row.published_at ? new Date(row.published_at) : null, items: itemsOf(JSON.parse(row.schema_json) as Record<string, unknown>),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day YYYY-MM-DD (checked), as the instant it starts (UTC). */
export function dayOf(value: string, pointer: string): Date {
  const at = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    throw new ValidationError(loopMessage('loop.bad_date', { value }), [issue(pointer, loopMessage('loop.date_rule'))]);
  }
  return at;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of a stored date or timestamp. */
export const isoDay = (value: Date | string): string => (typeof value === 'string' && DATE.test(value) ? value : new Date(value).toISOString().slice(0, 10));
