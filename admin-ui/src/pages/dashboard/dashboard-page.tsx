import { Empty, QueryView } from '../../components/status.tsx';
import { ErrorFields, expect, graphql, request, type ResultOf } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects, useTouchpoints } from '../../lib/reference-data.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { HEAT, HeatMap } from './heat-map.tsx';
import { member } from '../../lib/json.ts';

/** How many overdue items the dashboard lists (it counts them all). */
const OVERDUE_SHOWN = 20;

const QUERY = graphql(`
  query Dashboard($from: String, $to: String, $overdue: Int) {
    byProject: executionRates(groupBy: project, from: $from, to: $to) { key applicable passed rate inspections }
    byMonth: executionRates(groupBy: month, from: $from, to: $to) { key applicable passed rate inspections }
    kpis: rectificationKpis(groupBy: project, from: $from, to: $to) { key started completed completionRate openOverdue steps { step completed onTime onTimeRate meanHours } }
    overdueInspections(first: $overdue) { __typename ...ErrorFields
      ... on OverdueInspectionConnection { totalCount nodes { schedule { id project { id name } tier inspector } periodFrom periodTo lastInspectedOn } } }
    overdueTasks: tasks(overdue: true, first: $overdue) { __typename ...ErrorFields
      ... on WorkflowTaskConnection { totalCount nodes { id name dueAt candidateRole instance { id key variables } } } }
  }
`, [ErrorFields]);
type Kpi = ResultOf<typeof QUERY>['kpis'][number];

const MODULES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'];

const sum = <T,>(rows: T[], field: keyof T): number => rows.reduce((n, r) => n + Number(r[field] ?? 0), 0);

function Bars({ rows, label, testId }: { rows: { key: string; label: string; rate: number; detail: string }[]; label: string; testId: string }) {
  const { percent } = useI18n();
  return (
    <ul className="bars" aria-label={label} data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key}>
          <span className="bar-label" title={r.detail}>{r.label}</span>
          <span className="bar-track"><span className={`bar${r.rate < 0.85 ? ' bar-low' : ''}`} style={{ width: `${Math.max(0, Math.min(1, r.rate)) * 100}%` }} /></span>
          <span className="bar-value">{percent(r.rate)}</span>
        </li>
      ))}
    </ul>
  );
}

function stepRate(kpis: Kpi[], step: string): number | null {
  const steps = kpis.flatMap((k) => k.steps.filter((s) => s.step === step));
  const completed = sum(steps, 'completed');
  return completed ? sum(steps, 'onTime') / completed : null;
}

/**
 * The quality dashboard: execution rate by project and by month, rectification completion and
 * on-time rates, what is overdue, and the heat map of findings by touchpoint × project.
 */
export function DashboardPage() {
  const { t, percent, dateTime, term } = useI18n();
  const { query } = useLocation();
  const projects = useProjects();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const module = query.get('module') ?? '';
  const state = useQuery(async () => {
    const data = await request(QUERY, { from: from || null, to: to || null, overdue: OVERDUE_SHOWN });
    return { ...data, overdueInspections: expect(data.overdueInspections, 'OverdueInspectionConnection'), overdueTasks: expect(data.overdueTasks, 'WorkflowTaskConnection') };
  }, [from, to], { keepPrevious: true });
  const projectName = (code: string) => projects?.find((p) => p.code === code)?.name ?? code;

  return (
    <div className="page dashboard">
      <header className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <form className="field-row" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
          <label className="field"><span>{t('dashboard.from')}</span><input type="date" value={from} onChange={(e) => setQuery({ from: e.target.value })} /></label>
          <label className="field"><span>{t('dashboard.to')}</span><input type="date" value={to} onChange={(e) => setQuery({ to: e.target.value })} /></label>
        </form>
      </header>
      <QueryView state={state}>
        {(d) => {
          const applicable = sum(d.byProject, 'applicable');
          const started = sum(d.kpis, 'started');
          return (
            <>
              <div className="stat-row" data-testid="kpis">
                <div className="stat"><span>{t('dashboard.executionRate')}</span><strong>{applicable ? percent(sum(d.byProject, 'passed') / applicable) : '—'}</strong><small>{t('dashboard.inspections', { n: sum(d.byProject, 'inspections') })}</small></div>
                <div className="stat"><span>{t('dashboard.completionRate')}</span><strong>{started ? percent(sum(d.kpis, 'completed') / started) : '—'}</strong><small>{t('dashboard.rectifications', { done: sum(d.kpis, 'completed'), n: started })}</small></div>
                <div className="stat"><span>{t('dashboard.onTimeAnalyse')}</span><strong>{percent(stepRate(d.kpis, 'analyse'))}</strong><small>{t('deadline.againstTaskDue')}</small></div>
                <div className="stat"><span>{t('dashboard.onTimeRectify')}</span><strong>{percent(stepRate(d.kpis, 'rectify'))}</strong><small>{t('deadline.againstTaskDue')}</small></div>
                <div className="stat"><span>{t('dashboard.overdue')}</span><strong className={d.overdueTasks.totalCount + d.overdueInspections.totalCount ? 'text-danger' : undefined}>{d.overdueTasks.totalCount + d.overdueInspections.totalCount}</strong><small>{t('dashboard.overdueDetail', { tasks: d.overdueTasks.totalCount, inspections: d.overdueInspections.totalCount })}</small></div>
              </div>

              <div className="two-columns">
                <section className="card">
                  <h2>{t('dashboard.byProject')}</h2>
                  {d.byProject.length === 0 ? <Empty>{t('dashboard.noInspections')}</Empty> : (
                    <Bars testId="rate-by-project" label={t('dashboard.byProject')} rows={[...d.byProject].sort((a, b) => a.rate - b.rate).map((r) => ({ key: r.key, label: projectName(r.key), rate: r.rate, detail: `${r.passed}/${r.applicable} · ${t('dashboard.inspections', { n: r.inspections })}` }))} />
                  )}
                </section>
                <section className="card">
                  <h2>{t('dashboard.byMonth')}</h2>
                  {d.byMonth.length === 0 ? <Empty>{t('dashboard.noInspections')}</Empty> : (
                    <Bars testId="rate-by-month" label={t('dashboard.byMonth')} rows={d.byMonth.map((r) => ({ key: r.key, label: r.key, rate: r.rate, detail: `${r.passed}/${r.applicable}` }))} />
                  )}
                </section>
              </div>

              <section className="card">
                <h2>{t('dashboard.rectification')}</h2>
                {d.kpis.length === 0 ? <Empty>{t('dashboard.noRectifications')}</Empty> : (
                  <div className="table-wrap">
                    <table data-testid="rectification-kpis">
                      <thead><tr><th scope="col">{t('checklists.project')}</th><th scope="col">{t('dashboard.started')}</th><th scope="col">{t('dashboard.completionRate')}</th><th scope="col">{t('dashboard.onTimeAnalyse')}</th><th scope="col">{t('dashboard.onTimeRectify')}</th><th scope="col">{t('dashboard.openOverdue')}</th></tr></thead>
                      <tbody>
                        {d.kpis.map((k) => (
                          <tr key={k.key}>
                            <td>{projectName(k.key)}</td>
                            <td>{k.started}</td>
                            <td>{percent(k.completionRate)}</td>
                            <td>{percent(k.steps.find((s) => s.step === 'analyse')?.onTimeRate)}</td>
                            <td>{percent(k.steps.find((s) => s.step === 'rectify')?.onTimeRate)}</td>
                            <td className={k.openOverdue ? 'text-danger' : undefined}>{k.openOverdue}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>

              <section className="card">
                <h2>{t('dashboard.overdueTitle')}</h2>
                {d.overdueTasks.totalCount + d.overdueInspections.totalCount === 0 ? <Empty>{t('dashboard.nothingOverdue')}</Empty> : (
                  <div className="two-columns">
                    <div>
                      <h3>{t('dashboard.overdueTasks')}</h3>
                      <ul className="link-list">
                        {d.overdueTasks.nodes.map((task) => <li key={task.id}><Link to={`/instances/${task.instance.id}`}>{task.name}</Link> <span className="muted small">{String(member(task.instance.variables, 'title') ?? task.instance.key)} · {term('role', task.candidateRole)} · <span className="text-danger">{dateTime(task.dueAt)}</span></span></li>)}
                      </ul>
                    </div>
                    <div>
                      <h3>{t('dashboard.overdueInspections')}</h3>
                      <ul className="link-list">
                        {d.overdueInspections.nodes.map((o) => <li key={`${o.schedule.id}-${o.periodFrom}`}>{o.schedule.project.name} · {term('tier', o.schedule.tier)} <span className="muted small">{o.schedule.inspector} · {o.periodFrom}–{o.periodTo}{o.lastInspectedOn ? ` · ${t('dashboard.lastInspected', { date: o.lastInspectedOn })}` : ''}</span></li>)}
                      </ul>
                    </div>
                  </div>
                )}
              </section>

            </>
          );
        }}
      </QueryView>
      <HeatSection from={from} to={to} module={module} />
    </div>
  );
}

/** The heat map with its own module filter: changing it reloads only the map, and keeps focus on the filter. */
function HeatSection({ from, to, module }: { from: string; to: string; module: string }) {
  const { t, term } = useI18n();
  const projects = useProjects();
  const touchpoints = useTouchpoints();
  const state = useQuery(async () => (await request(HEAT, { from: from || null, to: to || null, module: module || null })).findingHeatMap, [from, to, module], { keepPrevious: true });
  return (
    <section className="card" aria-busy={state.loading}>
      <div className="section-head">
        <h2>{t('dashboard.heatTitle')}</h2>
        <label className="field inline-field">
          <span>{t('dashboard.module')}</span>
          <select value={module} onChange={(e) => setQuery({ module: e.target.value })} data-testid="heat-module">
            <option value="">{t('dashboard.allModules')}</option>
            {MODULES.map((m) => <option key={m} value={m}>{m} {term('module', m)}</option>)}
          </select>
        </label>
      </div>
      <QueryView state={state}>
        {(cells) => (projects && touchpoints ? <HeatMap cells={cells} projects={projects} touchpoints={touchpoints} /> : null)}
      </QueryView>
    </section>
  );
}
