/**
 * Links from the dashboard to the findings behind a figure, in the findings page's URL contract:
 * /admin/findings?project=&region=&module=&severity=&status=&overdue=1&from=&to=&touchpoint=&sort=
 */
export interface FindingsFilter {
  project?: number | null;
  region?: string | null;
  module?: string | null;
  severity?: 'critical' | 'major' | 'minor' | null;
  status?: 'open' | 'rectifying' | 'closed' | null;
  overdue?: boolean;
  from?: string | null;
  to?: string | null;
  touchpoint?: string | null;
  sort?: 'newest' | 'oldest' | 'due' | 'severity' | null;
}

/** The path below /admin of the findings matching `filter` (empty parts left out, in the contract's order). */
export function findingsPath(filter: FindingsFilter): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') params.set(name, String(value));
  };
  put('project', filter.project);
  put('region', filter.region);
  put('module', filter.module);
  put('severity', filter.severity);
  put('status', filter.status);
  if (filter.overdue) params.set('overdue', '1');
  put('from', filter.from);
  put('to', filter.to);
  put('touchpoint', filter.touchpoint);
  put('sort', filter.sort);
  const query = params.toString();
  return query ? `/findings?${query}` : '/findings';
}

/** The days of month `yyyyMm` that lie inside the period (either end open). */
export function monthWithin(yyyyMm: string, from: string, to: string): { from: string; to: string } {
  const [y, m] = yyyyMm.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const start = `${yyyyMm}-01`;
  const end = `${yyyyMm}-${String(last).padStart(2, '0')}`;
  return { from: from && from > start ? from : start, to: to && to < end ? to : end };
}
