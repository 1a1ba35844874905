import { useMemo, useState } from 'react';
import { Pager } from '../../components/pager.tsx';
import { Badge, Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { download, ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects, useTouchpoints } from '../../lib/reference-data.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { PageInfoFields, PAGES_PARAM, usePageTrail } from '../../lib/paging.ts';
import { filtersOf, MODULES, searchOf, SEVERITIES, SORTS, STATUSES, variablesOf, type FilterParam } from './finding-filters.ts';

const PAGE = 50;
const LIST = graphql(`
  query FindingsList($projectId: Int, $region: String, $module: String, $severity: String, $status: String, $overdue: Boolean, $touchpoint: String, $from: String, $to: String, $sort: String, $first: Int, $after: String) {
    findings(projectId: $projectId, region: $region, module: $module, severity: $severity, status: $status, overdue: $overdue, touchpoint: $touchpoint, from: $from, to: $to, sort: $sort, first: $first, after: $after) {
      __typename ...ErrorFields
      ... on FindingConnection { totalCount pageInfo { ...PageInfoFields } nodes { id title code module severity status foundOn dueAt overdue project { id name } place { name } } } } }
`, [ErrorFields, PageInfoFields]);

type Finding = Extract<ResultOf<typeof LIST>['findings'], { __typename: 'FindingConnection' }>['nodes'][number];

/** A filter's choice list: "all", then the options. */
function Choice({ label, name, value, all, options }: { label: string; name: FilterParam; value: string | undefined; all: string; options: { value: string; label: string }[] }) {
  return (
    <label className="field inline-field">
      <span>{label}</span>
      <select value={value ?? ''} data-testid={`filter-${name}`} onChange={(e) => setQuery({ [name]: e.target.value, [PAGES_PARAM]: null }, { replace: false })}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

function FindingRow({ f }: { f: Finding }) {
  const { t, dateTime, term } = useI18n();
  return (
    <tr data-testid="finding-row">
      <td><Link to={`/findings/${f.id}`}>{f.id}</Link></td>
      <td>{f.foundOn}</td>
      <td>{f.project.name}{f.place ? <span className="small muted"> · {f.place.name}</span> : null}</td>
      <td><Link to={`/findings/${f.id}`}>{f.title}</Link></td>
      <td>{term('module', f.module)}</td>
      <td><Badge value={f.severity} prefix="severity" /></td>
      <td><Badge value={f.status} /></td>
      <td>{f.dueAt ? <span className={f.overdue ? 'text-danger' : undefined}>{dateTime(f.dueAt)}{f.overdue ? ` · ${t('findings.overdue')}` : ''}</span> : '—'}</td>
    </tr>
  );
}

/**
 * Every finding, filtered by project, region, module, severity, status, overdue, period and
 * touchpoint and sorted — all kept in the address, so a filtered list can be shared, linked to and
 * gone back to; exported as a workbook or printed with the same filters.
 */
export function FindingsPage() {
  const { t, term, dateTime } = useI18n();
  const { query } = useLocation();
  const projects = useProjects();
  const touchpoints = useTouchpoints();
  const filters = filtersOf(query);
  const key = searchOf(filters);
  const trail = usePageTrail();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const state = useQuery(async () => expect((await request(LIST, { ...variablesOf(filters), first: PAGE, after: trail.after })).findings, 'FindingConnection'), [key, trail.after]);
  const regions = useMemo(() => [...new Set((projects ?? []).map((p) => p.region))].sort(), [projects]);
  const set = (name: FilterParam, value: string | null) => setQuery({ [name]: value, [PAGES_PARAM]: null }, { replace: false });
  return (
    <div className="page findings-page">
      <header className="page-head">
        <h1>{t('findings.title')}</h1>
        <div className="actions no-print">
          <button type="button" className="btn" data-testid="findings-export" onClick={() => download(`/findings.xlsx${key}`, 'findings.xlsx').catch(setDownloadError)}>{t('findings.export')}</button>
          <button type="button" className="btn" onClick={() => window.print()}>{t('findings.print')}</button>
        </div>
      </header>
      <ErrorNotice error={downloadError} />
      <form className="filters no-print" aria-label={t('findings.filters')} onSubmit={(e) => e.preventDefault()}>
        <Choice label={t('findings.project')} name="project" value={filters.project} all={t('findings.allProjects')} options={(projects ?? []).map((p) => ({ value: String(p.id), label: p.name }))} />
        <Choice label={t('findings.region')} name="region" value={filters.region} all={t('findings.allRegions')} options={regions.map((r) => ({ value: r, label: r }))} />
        <Choice label={t('findings.module')} name="module" value={filters.module} all={t('findings.allModules')} options={MODULES.map((m) => ({ value: m, label: `${m} ${term('module', m)}` }))} />
        <Choice label={t('findings.severity')} name="severity" value={filters.severity} all={t('findings.allSeverities')} options={SEVERITIES.map((s) => ({ value: s, label: term('severity', s) }))} />
        <Choice label={t('findings.status')} name="status" value={filters.status} all={t('findings.allStatuses')} options={STATUSES.map((s) => ({ value: s, label: term('status', s) }))} />
        <Choice label={t('findings.touchpoint')} name="touchpoint" value={filters.touchpoint} all={t('findings.allTouchpoints')} options={(touchpoints ?? []).map((tp) => ({ value: tp.code, label: tp.name }))} />
        <label className="field inline-field">
          <span>{t('findings.from')}</span>
          <input type="date" value={filters.from ?? ''} data-testid="filter-from" onChange={(e) => set('from', e.target.value || null)} />
        </label>
        <label className="field inline-field">
          <span>{t('findings.to')}</span>
          <input type="date" value={filters.to ?? ''} data-testid="filter-to" onChange={(e) => set('to', e.target.value || null)} />
        </label>
        <label className="field inline-field checkbox-field">
          <input type="checkbox" checked={filters.overdue === '1'} data-testid="filter-overdue" onChange={(e) => set('overdue', e.target.checked ? '1' : null)} />
          <span>{t('findings.overdueOnly')}</span>
        </label>
        <label className="field inline-field">
          <span>{t('findings.sort')}</span>
          <select value={filters.sort ?? 'newest'} data-testid="filter-sort" onChange={(e) => set('sort', e.target.value === 'newest' ? null : e.target.value)}>
            {SORTS.map((s) => <option key={s} value={s}>{t(`findings.sort.${s}`)}</option>)}
          </select>
        </label>
        {key ? <button type="button" className="btn btn-ghost" onClick={() => setQuery(Object.fromEntries([...Object.keys(filters), PAGES_PARAM].map((k) => [k, null])), { replace: false })}>{t('findings.clear')}</button> : null}
      </form>
      <p className="print-only small">{t('findings.printedAt', { at: dateTime(new Date()) })}</p>
      <QueryView state={state} empty={(d) => (d.totalCount === 0 ? <Empty>{t('findings.none')}</Empty> : null)}>
        {(d) => (
          <>
            <p className="muted small" data-testid="findings-count">{t('findings.count', { count: d.totalCount })}</p>
            <div className="table-wrap">
              <table data-testid="findings" className="print-table">
                <thead><tr>{['#', t('findings.foundOn'), t('findings.project'), t('findings.item'), t('findings.module'), t('findings.severity'), t('findings.status'), t('findings.due')].map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
                <tbody>{d.nodes.map((f) => <FindingRow key={f.id} f={f} />)}</tbody>
              </table>
            </div>
            <div className="no-print"><Pager trail={trail} pageSize={PAGE} count={d.nodes.length} total={d.totalCount} pageInfo={d.pageInfo} /></div>
          </>
        )}
      </QueryView>
    </div>
  );
}
