import { useState } from 'react';
import { Empty, ErrorNotice, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { RegionKpiTable } from './region-kpi-table.tsx';

const PLAN_FIELDS = graphql(`
  fragment FlyingPlanFields on FlyingInspectionPlan {
    regionId regionCode regionName month drawn drawnBy drawnAt
    inspections { position supervisor status inspectionId inspectedOn inspectedBy project { id code name } }
  }
`);

const QUERY = graphql(`
  query RegionalFlying($month: String!, $from: String, $to: String) {
    plans: flyingInspectionPlans(month: $month) { ...FlyingPlanFields }
    kpis: regionKpis(from: $from, to: $to) { regionId regionCode regionName planned done late missing open inspections applicable passed executionRate smallSample
      findings { critical major minor } rectificationsStarted rectificationsCompleted rectificationOnTimeRate openOverdue }
  }
`, [PLAN_FIELDS]);

const DRAW = graphql(`
  mutation DrawFlying($regionId: Int!, $month: String!) {
    drawFlyingInspections(regionId: $regionId, month: $month) { __typename ...ErrorFields ... on FlyingInspectionPlan { ...FlyingPlanFields } }
  }
`, [ErrorFields, PLAN_FIELDS]);

/** Today's month in China Standard Time, YYYY-MM. */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

const STATUS_BADGE: Record<string, string> = { planned: 'badge-review', done: 'badge-ok', late: 'badge-warn', missing: 'badge-danger' };

/**
 * Regional flying inspections (区域飞检): per region, the month's sample of its projects with the
 * supervisor assigned to each and how it stands, a button to draw a month not drawn yet, and the
 * KPIs by region over a period (the month by default).
 */
export function RegionsPage() {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const month = /^\d{4}-\d{2}$/.test(query.get('month') ?? '') ? query.get('month')! : thisMonth();
  const from = query.get('from') || `${month}-01`;
  const to = query.get('to') || lastDay(month);
  const [drawing, setDrawing] = useState<number | null>(null);
  const [drawError, setDrawError] = useState<unknown>(null);
  const state = useQuery(() => request(QUERY, { month, from, to }), [month, from, to], { keepPrevious: true });
  const draw = async (regionId: number) => {
    setDrawing(regionId);
    setDrawError(null);
    try {
      expect((await request(DRAW, { regionId, month })).drawFlyingInspections, 'FlyingInspectionPlan');
      state.reload();
    } catch (error) {
      setDrawError(error);
    } finally {
      setDrawing(null);
    }
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('flying.title')}</h1>
        <form className="field-row" onSubmit={(e) => e.preventDefault()}>
          <label className="field"><span>{t('flying.month')}</span><input type="month" value={month} onChange={(e) => setQuery({ month: e.target.value || null, from: null, to: null })} data-testid="flying-month" /></label>
          <label className="field"><span>{t('flying.from')}</span><input type="date" value={from} onChange={(e) => setQuery({ from: e.target.value || null })} /></label>
          <label className="field"><span>{t('flying.to')}</span><input type="date" value={to} onChange={(e) => setQuery({ to: e.target.value || null })} /></label>
        </form>
      </header>
      <p className="muted">{t('flying.intro')}</p>
      <ErrorNotice error={drawError} />
      <QueryView state={state} empty={(d) => (d.plans.length === 0 ? <Empty>{t('flying.noRegions')}</Empty> : null)}>
        {(d) => (
          <>
            <h2>{t('flying.plans')}</h2>
            <div className="two-columns flying-plans">
              {d.plans.map((plan) => (
                <section key={plan.regionId} className="card" data-testid="flying-plan" aria-label={plan.regionName}>
                  <div className="section-head">
                    <h3>{plan.regionName} <span className="muted small">{plan.regionCode} · {plan.month}</span></h3>
                    {can('manageSchedules') && (!plan.drawn || plan.inspections.some((i) => !i.supervisor)) ? (
                      <button type="button" className="btn btn-primary" disabled={drawing !== null} onClick={() => void draw(plan.regionId)} data-testid="flying-draw">
                        {drawing === plan.regionId ? t('flying.drawing') : t('flying.draw')}
                      </button>
                    ) : null}
                  </div>
                  <p className="muted small" data-testid="flying-drawn">{plan.drawn ? t('flying.drawnBy', { who: plan.drawnBy ?? '', when: dateTime(plan.drawnAt) }) : t('flying.notDrawn')}</p>
                  {plan.drawn && plan.inspections.length === 0 ? <Empty>{t('flying.noProjects')}</Empty> : null}
                  {plan.inspections.length > 0 ? (
                    <div className="table-wrap">
                      <table>
                        <thead><tr><th scope="col">{t('flying.project')}</th><th scope="col">{t('flying.supervisor')}</th><th scope="col">{t('flying.status')}</th><th scope="col">{t('flying.inspectedOn')}</th></tr></thead>
                        <tbody>
                          {plan.inspections.map((i) => (
                            <tr key={i.project.id} data-testid="flying-row">
                              <th scope="row">{i.project.code} {i.project.name}</th>
                              <td>{i.supervisor ?? <span className="muted">{t('flying.unassigned')}</span>}</td>
                              <td><span className={`badge ${STATUS_BADGE[i.status]}`} data-testid="flying-status">{t(`flying.status.${i.status}`)}</span></td>
                              <td>{i.inspectionId ? <Link to={`/inspections/${i.inspectionId}`}>{i.inspectedOn}</Link> : '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : null}
                </section>
              ))}
            </div>
            <section className="card">
              <h2>{t('flying.kpis')} <span className="muted small">{from} – {to}</span></h2>
              <RegionKpiTable kpis={d.kpis} />
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
