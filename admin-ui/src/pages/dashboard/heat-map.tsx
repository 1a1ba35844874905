import { Empty } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { Link } from '../../lib/router.tsx';
import type { Touchpoint } from '../../lib/reference-data.ts';
import { findingsPath } from './drill.ts';
import { RateWithSample } from './sample.tsx';

export const HEAT = graphql(`query HeatMap($from: String, $to: String, $module: String, $source: String) {
  heatMapRows(module: $module, from: $from, to: $to, source: $source) { projectId code name region inspections applicable passed rate smallSample inspected findings feedback touchpoints { touchpoint count findings feedback } } }`);
type HeatRow = ResultOf<typeof HEAT>['heatMapRows'][number];

/** Colour of a count on a pale amber → deep red scale, relative to the largest count. */
function shade(count: number, max: number): string {
  const x = Math.min(1, count / max);
  return `hsl(${45 - 45 * x} 90% ${88 - 48 * x}%)`;
}

/**
 * Findings by project × touchpoint: a row per project (name horizontal, its sample beside it; a
 * project nobody inspected in the period is a flagged row), a column per touchpoint that has
 * findings, most findings first. Every count links to the findings behind it; the table scrolls
 * sideways inside its box with the project column kept in view.
 */
export function HeatMap({ rows, touchpoints, filter }: { rows: HeatRow[]; touchpoints: Touchpoint[]; filter: { from: string; to: string; module: string; source?: string } }) {
  const { t, term } = useI18n();
  const source = filter.source || 'findings';
  // what the total column counts, and where a count leads: findings, or the project's feedback list
  const total = (r: HeatRow) => (source === 'feedback' ? r.feedback : source === 'combined' ? r.findings + r.feedback : r.findings);
  const feedbackLink = (projectId: number) => `/feedback?${new URLSearchParams(Object.entries({ projectId: String(projectId), from: filter.from, to: filter.to }).filter(([, v]) => v)).toString()}`;
  const totals = new Map<string, number>();
  for (const r of rows) for (const c of r.touchpoints) totals.set(c.touchpoint, (totals.get(c.touchpoint) ?? 0) + c.count);
  if (rows.length === 0) return <Empty>{t('dashboard.heatEmpty')}</Empty>;
  const columns = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
  const max = Math.max(1, ...rows.flatMap((r) => r.touchpoints.map((c) => c.count)));
  const ordered = [...rows].sort((a, b) => (source === 'feedback' ? 0 : Number(b.inspected) - Number(a.inspected)) || total(b) - total(a) || a.code.localeCompare(b.code));
  // feedback the analyser could only place in a module counts under the module's code
  const name = (code: string) => touchpoints.find((tp) => tp.code === code) ?? (/^M0\d$/.test(code) ? { code, name: `${code} ${term('module', code)}`, place: undefined, stage: '' } : undefined);
  const link = (projectId: number, touchpoint?: string) => source === 'feedback' ? feedbackLink(projectId) : findingsPath({ project: projectId, module: filter.module || null, from: filter.from || null, to: filter.to || null, touchpoint: touchpoint ?? null });
  return (
    <>
      <div className="heat-map-wrap" data-testid="heat-map-wrap">
        <table className="heat-map" data-testid="heat-map">
          <caption className="visually-hidden">{t('dashboard.heatCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="heat-project">{t('dashboard.project')}</th>
              <th scope="col" className="heat-total">{source === 'findings' ? t('dashboard.findings') : t(`feedback.heat.${source}` as 'feedback.heat.feedback')}</th>
              {columns.map((code) => <th key={code} scope="col" className="heat-touchpoint" title={name(code)?.place}>{name(code)?.name ?? code}<span className="muted small">{name(code)?.stage ?? ''}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => (
              <tr key={r.projectId} className={r.inspected ? undefined : 'heat-uninspected'} data-testid={r.inspected ? 'heat-row' : 'heat-row-uninspected'}>
                <th scope="row" className="heat-project">
                  <span className="heat-name">{r.name}</span>
                  {r.inspected
                    ? <RateWithSample rate={r.rate} inspections={r.inspections} items={r.applicable} small={r.smallSample} />
                    : <span className="badge badge-danger">{t('dashboard.notInspected')}</span>}
                </th>
                <td className="heat-total">{total(r) ? <Link to={link(r.projectId)}>{total(r)}</Link> : r.inspected || source === 'feedback' ? 0 : '—'}</td>
                {columns.map((code) => {
                  const count = r.touchpoints.find((c) => c.touchpoint === code)?.count ?? 0;
                  return count ? (
                    <td key={code} className="heat-cell" style={{ background: shade(count, max), color: count / max > 0.6 ? '#fff' : undefined }}>
                      <Link to={link(r.projectId, code)} title={`${r.name} × ${name(code)?.name ?? code}: ${count}`} data-testid="heat-cell">{count}</Link>
                    </td>
                  ) : <td key={code} className="heat-cell heat-zero" />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend small" data-testid="heat-legend">
        {t('dashboard.heatLegend')} <span className="heat-scale" aria-hidden="true" /> 1 – {max}
        {' · '}<span className="heat-swatch-uninspected" aria-hidden="true" /> {t('dashboard.notInspectedLegend')}
        {' · '}<span className="badge badge-warn">{t('dashboard.smallSample')}</span> {t('dashboard.smallSampleHint', { n: 10 })}
        {columns.length === 0 ? ` · ${t('dashboard.heatEmpty')}` : ''}
      </p>
    </>
  );
}
