import { Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ApiError, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { DriverWeightBars, ImportancePerformanceChart, NpsTrendChart } from './results-charts.tsx';

const QUERY = graphql(`
  query SurveyResultsPage($waveId: Int!, $projectId: Int, $groupBy: NpsGrouping, $grain: TrendGrain) {
    results: surveyResults(waveId: $waveId, groupBy: $groupBy, grain: $grain) {
      __typename ...ErrorFields
      ... on SurveyResults {
        waveName questionnaireCode questionnaireTitle version
        rows { label projectId n promoters passives detractors nps ciLow ciHigh smallSample trend { period n nps ciLow ciHigh } }
        total { label projectId n promoters passives detractors nps ciLow ciHigh smallSample trend { period n nps ciLow ciHigh } }
      }
    }
    drivers: keyDrivers(waveId: $waveId, projectId: $projectId) {
      __typename ...ErrorFields
      ... on KeyDriverAnalysis { n rSquared drivers { key name weight importance constant mean performance topTwoBox answered quadrant } }
    }
  }
`, [ErrorFields]);

const GROUPS = ['project', 'region', 'organisation'] as const;
const GRAINS = ['month', 'quarter'] as const;
const QUADRANT_BADGE: Record<string, string> = { strength: 'badge-ok', improve: 'badge-danger', maintain: 'badge-review', monitor: 'badge-muted' };

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
const fixed = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

/**
 * A wave's results (调查结果): NPS per project / region / organisation with n and the 95 %
 * interval, the trend of the selected row, and the key drivers — weight bars and the importance ×
 * performance chart — over the selected project or every project the reader sees.
 */
export function SurveyResultsPage({ waveId }: { waveId: number }) {
  const { t, percent } = useI18n();
  const { query } = useLocation();
  const groupBy = oneOf(GROUPS, query.get('group'), 'project');
  const grain = oneOf(GRAINS, query.get('grain'), 'quarter');
  const projectId = Number(query.get('project')) || null;
  const selected = query.get('row');
  const state = useQuery(async () => {
    const d = await request(QUERY, { waveId, projectId, groupBy, grain });
    return { results: expect(d.results, 'SurveyResults'), drivers: d.drivers };
  }, [waveId, projectId, groupBy, grain], { keepPrevious: true });

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('results.title')}</h1>
        <form className="field-row" onSubmit={(e) => e.preventDefault()}>
          <label className="field"><span>{t('results.groupBy')}</span>
            <select value={groupBy} onChange={(e) => setQuery({ group: e.target.value, row: null })} data-testid="results-group">
              {GROUPS.map((g) => <option key={g} value={g}>{t(`results.group.${g}`)}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('results.grain')}</span>
            <select value={grain} onChange={(e) => setQuery({ grain: e.target.value })} data-testid="results-grain">
              {GRAINS.map((g) => <option key={g} value={g}>{t(`results.grain.${g}`)}</option>)}
            </select>
          </label>
        </form>
      </header>
      <p className="muted">{t('results.intro')}</p>
      <QueryView state={state} empty={(d) => (d.results.total.n === 0 ? <Empty>{t('results.noResponses')}</Empty> : null)}>
        {({ results, drivers }) => {
          const trendRow = results.rows.find((r) => r.label === selected) ?? results.total;
          const scope = results.rows.find((r) => r.projectId === projectId)?.label ?? t('results.allProjects');
          return (
            <>
              <p className="muted small" data-testid="results-source">{results.waveName} · {t('results.source', { code: results.questionnaireCode, version: results.version })}</p>
              <section className="card">
                <h2>{t('results.npsTable')}</h2>
                <div className="table-wrap">
                  <table data-testid="nps-table">
                    <thead><tr><th scope="col">{t('results.label')}</th><th scope="col">{t('results.n')}</th><th scope="col">{t('results.nps')}</th><th scope="col">{t('results.ci')}</th><th scope="col">{t('results.mix')}</th><th scope="col" /></tr></thead>
                    <tbody>
                      {[...results.rows, ...(groupBy === 'organisation' ? [] : [results.total])].map((r, i) => (
                        <tr key={`${r.label}-${i}`} data-testid="nps-row" className={r === results.total ? 'total-row' : undefined}>
                          <th scope="row">{r === results.total ? t('results.total') : r.label}</th>
                          <td>{r.n}{r.smallSample ? <span className="badge badge-warn">{t('results.smallSample')}</span> : null}</td>
                          <td data-testid="nps-value"><strong>{fixed(r.nps)}</strong></td>
                          <td>[{fixed(r.ciLow)}, {fixed(r.ciHigh)}]</td>
                          <td>{r.promoters} / {r.passives} / {r.detractors}</td>
                          <td>
                            <button type="button" className="btn btn-ghost" onClick={() => setQuery({ row: r.label })} data-testid="show-trend">{t('results.showTrend')}</button>
                            {r.projectId ? <button type="button" className="btn btn-ghost" onClick={() => setQuery({ project: projectId === r.projectId ? null : r.projectId })} data-testid="show-drivers">{t('results.drivers')}</button> : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section className="card">
                <h2 data-testid="trend-title">{t('results.trendOf', { label: trendRow === results.total ? t('results.total') : trendRow.label })}</h2>
                <NpsTrendChart points={trendRow.trend} title={t('results.trend')} />
              </section>
              <section className="card" data-testid="drivers-section">
                <h2>{t('results.drivers')} <span className="muted small" data-testid="drivers-scope">{t('results.driversOf', { scope })}</span></h2>
                <p className="muted small">{t('results.driversIntro')}</p>
                {drivers.__typename === 'KeyDriverAnalysis' ? (
                  <>
                    <p data-testid="drivers-fit">{t('results.rSquared', { r2: drivers.rSquared.toFixed(3), n: drivers.n })}</p>
                    <div className="two-columns">
                      <div><h3>{t('results.weights')}</h3><DriverWeightBars drivers={drivers.drivers} /></div>
                      <div><h3>{t('results.matrix')}</h3><ImportancePerformanceChart drivers={drivers.drivers} /></div>
                    </div>
                    <div className="table-wrap">
                      <table data-testid="drivers-table">
                        <thead><tr><th scope="col">{t('results.driver')}</th><th scope="col">{t('results.importance')}</th><th scope="col">{t('results.mean')}</th><th scope="col">{t('results.topTwoBox')}</th><th scope="col">{t('results.quadrant')}</th></tr></thead>
                        <tbody>
                          {drivers.drivers.map((d) => (
                            <tr key={d.key} data-testid="driver-row">
                              <th scope="row">{d.name}</th>
                              <td>{d.constant ? t('results.constant') : `${fixed(d.importance)}%`}</td>
                              <td>{fixed(d.mean, 2)}</td>
                              <td>{percent(d.topTwoBox)}</td>
                              <td>{d.quadrant ? <span className={`badge ${QUADRANT_BADGE[d.quadrant]}`}>{t(`results.quadrant.${d.quadrant}`)}</span> : '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                ) : <ErrorNotice error={new ApiError(drivers.__typename, drivers.message, [], null, drivers.code)} />}
              </section>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
