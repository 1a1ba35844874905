/**
 * The findings page's address, which other pages link to (the dashboard's heat map and project rows):
 * `/findings?project=<id>&region=<region>&module=<M01..M07>&severity=<critical|major|minor>
 * &status=<open|rectifying|closed>&overdue=1&from=YYYY-MM-DD&to=YYYY-MM-DD&touchpoint=<code>
 * &sort=<newest|oldest|due|severity>`. The same parameters ask `/findings.xlsx` for the workbook.
 */
export const FILTER_PARAMS = ['project', 'region', 'module', 'severity', 'status', 'overdue', 'from', 'to', 'touchpoint', 'sort'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export const STATUSES = ['open', 'rectifying', 'closed'] as const;
export const SORTS = ['newest', 'oldest', 'due', 'severity'] as const;
export const MODULES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'] as const;

/** The filters in an address, as given (the server checks them and says what is wrong). */
export function filtersOf(query: URLSearchParams): Partial<Record<FilterParam, string>> {
  return Object.fromEntries(FILTER_PARAMS.flatMap((name) => (query.get(name) ? [[name, query.get(name)!]] : [])));
}

/** The variables of the `findings` query for the filters of an address. */
export function variablesOf(filters: Partial<Record<FilterParam, string>>) {
  return {
    projectId: filters.project && /^\d{1,9}$/.test(filters.project) ? Number(filters.project) : filters.project ? -1 : null,
    region: filters.region ?? null, module: filters.module ?? null, severity: filters.severity ?? null, status: filters.status ?? null,
    overdue: filters.overdue === '1' ? true : null, touchpoint: filters.touchpoint ?? null, from: filters.from ?? null, to: filters.to ?? null, sort: filters.sort ?? null,
  };
}

/** The query string of the filters (for the workbook and the print view). */
export function searchOf(filters: Partial<Record<FilterParam, string>>): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  return params.size ? `?${params}` : '';
}
