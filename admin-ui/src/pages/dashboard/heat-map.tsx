import { Fragment } from 'react';
import { Empty } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Project, Touchpoint } from '../../lib/reference-data.ts';

export const HEAT = graphql(`query HeatMap($from: String, $to: String, $module: String) { findingHeatMap(module: $module, from: $from, to: $to) { touchpoint projectId count } }`);
type HeatCell = ResultOf<typeof HEAT>['findingHeatMap'][number];

/** Colour of a count on a white → amber → deep red scale, relative to the largest count. */
function shade(count: number, max: number): string {
  if (count === 0) return 'transparent';
  const x = Math.min(1, count / max);
  const hue = 45 - 45 * x;
  const light = 88 - 48 * x;
  return `hsl(${hue} 90% ${light}%)`;
}

/**
 * Findings by touchpoint × project: where residents meet the failures. Rows are the touchpoints
 * with the most findings; every cell carries its number, so the map reads without colour too.
 */
export function HeatMap({ cells, projects, touchpoints, rows = 20 }: { cells: HeatCell[]; projects: Project[]; touchpoints: Touchpoint[]; rows?: number }) {
  const { t } = useI18n();
  if (cells.length === 0) return <Empty>{t('dashboard.heatEmpty')}</Empty>;
  const byTouchpoint = new Map<string, number>();
  const byProject = new Map<number, number>();
  const at = new Map<string, number>();
  for (const c of cells) {
    byTouchpoint.set(c.touchpoint, (byTouchpoint.get(c.touchpoint) ?? 0) + c.count);
    byProject.set(c.projectId, (byProject.get(c.projectId) ?? 0) + c.count);
    at.set(`${c.touchpoint}|${c.projectId}`, c.count);
  }
  const topTouchpoints = [...byTouchpoint.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, rows).map(([code]) => code);
  const columns = projects.filter((p) => byProject.has(p.id));
  const max = Math.max(...cells.map((c) => c.count));
  const name = (code: string) => touchpoints.find((tp) => tp.code === code);
  return (
    <div className="heat-map-wrap">
      <table className="heat-map" data-testid="heat-map">
        <caption className="visually-hidden">{t('dashboard.heatCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.touchpoint')}</th>
            {columns.map((p) => <th key={p.id} scope="col" className="rotate"><span title={p.name}>{p.name}</span></th>)}
            <th scope="col">{t('dashboard.total')}</th>
          </tr>
        </thead>
        <tbody>
          {topTouchpoints.map((code) => (
            <tr key={code}>
              <th scope="row" title={name(code)?.place}>
                <code>{code}</code> {name(code)?.name ?? ''}
                <span className="muted small"> {name(code)?.stage ?? ''}</span>
              </th>
              {columns.map((p) => {
                const count = at.get(`${code}|${p.id}`) ?? 0;
                return (
                  <Fragment key={p.id}>
                    <td className="heat-cell" style={{ background: shade(count, max), color: count / max > 0.6 ? '#fff' : undefined }} title={`${name(code)?.name ?? code} × ${p.name}: ${count}`}>
                      {count || ''}
                    </td>
                  </Fragment>
                );
              })}
              <td className="heat-total">{byTouchpoint.get(code)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend small">
        {t('dashboard.heatLegend')} <span className="heat-scale" aria-hidden="true" /> {t('dashboard.heatMax', { n: max })}
        {byTouchpoint.size > rows ? ` · ${t('dashboard.heatMore', { n: byTouchpoint.size - rows })}` : ''}
      </p>
    </div>
  );
}
