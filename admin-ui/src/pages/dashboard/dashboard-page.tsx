import { useState } from 'react';
import { Empty, QueryView } from '../../components/status.tsx';
import { download, ErrorFields, expect, graphql, request } from '../../lib/graphql.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useProjects, useTouchpoints } from '../../lib/reference-data.ts';
import { Link, setQuery, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { member } from '../../lib/json.ts';
import { HEAT, HeatMap } from './heat-map.tsx';
import { findingsPath, monthWithin, type FindingsFilter } from './drill.ts';
import { KpiTable, type KpiGroup } from './kpi-table.tsx';
import { RateWithSample, SMALL_SAMPLE_ITEMS } from './sample.tsx';

/** How many overdue items the dashboard lists (it counts them all). */
const OVERDUE_SHOWN = 20;

const QUERY = graphql(`
  query Dashboard($from: String, $to: String, $group: KpiGroup!, $overdue: Int) {
    byProject: executionRates(groupBy: project, from: $from, to: $to) { key applicable passed rate inspections smallSample }
    byMonth: executionRates(groupBy: month, from: $from, to: $to) { key applicable passed rate inspections smallSample }
    never: uninspectedProjects(from: $from, to: $to) { projectId code name }
    kpis: rectificationKpis(groupBy: $group, from: $from, to: $to) { key started completed completionRate openOverdue steps { step completed onTime onTimeRate meanHours } }
    overdueInspections(first: $overdue) { __typename ...ErrorFields
      ... on OverdueInspectionConnection { totalCount nodes { schedule { id project { id name } tier inspector } periodFrom periodTo lastInspectedOn } } }
    overdueTasks: tasks(overdue: true, first: $overdue) { __typename ...ErrorFields
      ... on WorkflowTaskConnection { totalCount nodes { id name dueAt candidateRole instance { id key variables } } } }
  }
`, [ErrorFields]);

const MODULES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'];
const GROUPS: KpiGroup[] = ['project', 'module', 'month'];

const sum = <T,>(rows: T[], field: keyof T): number => rows.reduce((n, r) => n + Number(r[field] ?? 0), 0);

interface RateRow { key: string; label: string; rate: number; inspections: number; applicable: number; smallSample: boolean; drill: FindingsFilter }

/** Execution rates as bars, each with its sample, the label linking to the findings behind it. */
function Bars({ rows, never, label, testId }: { rows: RateRow[]; never?: { key: string; label: string }[]; label: string; testId: string }) {
  const { t } = useI18n();
  return (
    <ul className="bars" aria-label={label} data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key} className={r.smallSample ? 'bar-small-sample' : undefined}>
          <Link className="bar-label" to={findingsPath(r.drill)} data-testid="rate-link">{r.label}</Link>
          <span className="bar-track"><span className={`bar${r.rate < 0.85 ? ' bar-low' : ''}`} style={{ width: `${Math.max(0, Math.min(1, r.rate)) * 100}%` }} /></span>
          <span className="bar-value"><RateWithSample rate={r.rate} inspections={r.inspections} items={r.applicable} small={r.smallSample} /></span>
        </li>
      ))}
      {(never ?? []).map((p) => (
        <li key={p.key} className="bar-uninspected" data-testid="never-inspected">
          <span className="bar-label">{p.label}</span>
          <span className="bar-track bar-track-empty" />
          <span className="bar-value"><span className="badge badge-danger">{t('dashboard.notInspected')}</span></span>
        </li>
      ))}
    </ul>
  );
}

/** The figure of a stat card, linking to the findings behind it. */
function Figure({ to, className, children }: { to: string; className?: string; children: React.ReactNode }) {
  return <Link to={to} className={`stat-figure${className ? ` ${className}` : ''}`} data-testid="stat-link"><strong>{children}</strong></Link>;
}

/**
 * The quality dashboard: execution rate by project and by month with the sample behind each rate,
 * the projects nobody inspected, rectification KPIs, what is overdue, and the heat map of findings
 * by project × touchpoint. Every figure links to its findings; the whole page exports to .xlsx and
 * prints on A4 landscape.
 */
export function DashboardPage() {
  const { t, percent, dateTime, term } = useI18n();
  const { query } = useLocation();
  const projects = useProjects();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const module = query.get('module') ?? '';
  const group = (GROUPS as string[]).includes(query.get('group') ?? '') ? (query.get('group') as KpiGroup) : 'project';
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const state = useQuery(async () => {
    const data = await request(QUERY, { from: from || null, to: to || null, group, overdue: OVERDUE_SHOWN });
    return { ...data, overdueInspections: expect(data.overdueInspections, 'OverdueInspectionConnection'), overdueTasks: expect(data.overdueTasks, 'WorkflowTaskConnection') };
  }, [from, to, group], { keepPrevious: true });
  const projectOf = (code: string) => projects?.find((p) => p.code === code);
  const period = { from: from || null, to: to || null };
  const filters = new URLSearchParams(Object.entries({ from, to, module, groupBy: group }).filter(([, v]) => v)).toString();
  const exportBook = (kind: 'dashboard' | 'rectification-kpis') => {
    setDownloadError(null);
    download(`/reports/${kind}.xlsx${filters ? `?${filters}` : ''}`, `${kind}.xlsx`).catch(setDownloadError);
  };

  return (
    <div className="page dashboard">
      <header className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <form className="field-row" onSubmit={(e) => e.preventDefault()} aria-label={t('dashboard.period')}>
          <label className="field"><span>{t('dashboard.from')}</span><input type="date" value={from} onChange={(e) => setQuery({ from: e.target.value })} /></label>
          <label className="field"><span>{t('dashboard.to')}</span><input type="date" value={to} onChange={(e) => setQuery({ to: e.target.value })} /></label>
          <div className="dashboard-actions no-print">
            <button type="button" className="btn" onClick={() => exportBook('dashboard')} data-testid="export-dashboard">{t('dashboard.exportXlsx')}</button>
            <button type="button" className="btn" onClick={() => window.print()} data-testid="print-dashboard">{t('dashboard.print')}</button>
          </div>
        </form>
        <p className="print-only print-period">{t('dashboard.printPeriod', { from: from || t('dashboard.openStart'), to: to || t('dashboard.openEnd') })}</p>
      </header>
      {downloadError ? <p className="notice notice-error" role="alert">{t('dashboard.exportFailed')}</p> : null}
      <QueryView state={state}>
        {(d) => {
          const applicable = sum(d.byProject, 'applicable');
          const inspections = sum(d.byProject, 'inspections');
          const started = sum(d.kpis, 'started');
          const overdue = d.overdueTasks.totalCount + d.overdueInspections.totalCount;
          const analyse = d.kpis.flatMap((k) => k.steps.filter((s) => s.step === 'analyse'));
          const rectify = d.kpis.flatMap((k) => k.steps.filter((s) => s.step === 'rectify'));
          const onTime = (steps: typeof analyse) => (sum(steps, 'completed') ? sum(steps, 'onTime') / sum(steps, 'completed') : null);
          return (
            <>
              <div className="stat-row" data-testid="kpis">
                <div className="stat">
                  <span>{t('dashboard.executionRate')}</span>
                  <Figure to={findingsPath(period)}>{applicable ? percent(sum(d.byProject, 'passed') / applicable) : '—'}</Figure>
                  <small>{t('dashboard.sample', { inspections, items: applicable })}{applicable && applicable < SMALL_SAMPLE_ITEMS ? ` · ${t('dashboard.smallSample')}` : ''}</small>
                </div>
                <div className="stat"><span>{t('dashboard.completionRate')}</span><Figure to={findingsPath(period)}>{started ? percent(sum(d.kpis, 'completed') / started) : '—'}</Figure><small>{t('dashboard.rectifications', { done: sum(d.kpis, 'completed'), n: started })}</small></div>
                <div className="stat"><span>{t('dashboard.onTimeAnalyse')}</span><Figure to={findingsPath({ ...period, sort: 'due' })}>{percent(onTime(analyse))}</Figure><small>{t('dashboard.stepsCounted', { n: sum(analyse, 'completed') })} · {t('deadline.againstTaskDue')}</small></div>
                <div className="stat"><span>{t('dashboard.onTimeRectify')}</span><Figure to={findingsPath({ ...period, sort: 'due' })}>{percent(onTime(rectify))}</Figure><small>{t('dashboard.stepsCounted', { n: sum(rectify, 'completed') })} · {t('deadline.againstTaskDue')}</small></div>
                <div className="stat"><span>{t('dashboard.overdue')}</span><Figure to={findingsPath({ overdue: true, sort: 'due' })} className={overdue ? 'text-danger' : undefined}>{overdue}</Figure><small>{t('dashboard.overdueDetail', { tasks: d.overdueTasks.totalCount, inspections: d.overdueInspections.totalCount })}</small></div>
                <div className="stat"><span>{t('dashboard.neverInspected')}</span><strong className={d.never.length ? 'text-danger' : undefined} data-testid="never-count">{d.never.length}</strong><small>{t('dashboard.neverInspectedDetail')}</small></div>
              </div>

              <div className="two-columns">
                <section className="card">
                  <h2>{t('dashboard.byProject')}</h2>
                  {d.byProject.length === 0 && d.never.length === 0 ? <Empty>{t('dashboard.noInspections')}</Empty> : (
                    <Bars testId="rate-by-project" label={t('dashboard.byProject')}
                      rows={[...d.byProject].sort((a, b) => a.rate - b.rate).map((r) => ({ ...r, label: projectOf(r.key)?.name ?? r.key, drill: { ...period, project: projectOf(r.key)?.id ?? null } }))}
                      never={d.never.map((p) => ({ key: p.code, label: p.name }))} />
                  )}
                </section>
                <section className="card">
                  <h2>{t('dashboard.byMonth')}</h2>
                  {d.byMonth.length === 0 ? <Empty>{t('dashboard.noInspections')}</Empty> : (
                    <Bars testId="rate-by-month" label={t('dashboard.byMonth')} rows={d.byMonth.map((r) => ({ ...r, label: r.key, drill: monthWithin(r.key, from, to) }))} />
                  )}
                </section>
              </div>

              <section className="card">
                <div className="section-head">
                  <h2>{t('dashboard.rectification')}</h2>
                  <div className="section-tools no-print">
                    <label className="field inline-field">
                      <span>{t('dashboard.groupBy')}</span>
                      <select value={group} onChange={(e) => setQuery({ group: e.target.value === 'project' ? null : e.target.value })} data-testid="kpi-group">
                        {GROUPS.map((g) => <option key={g} value={g}>{t(`dashboard.group.${g}`)}</option>)}
                      </select>
                    </label>
                    <button type="button" className="btn" onClick={() => exportBook('rectification-kpis')} data-testid="export-kpis">{t('dashboard.exportKpis')}</button>
                  </div>
                </div>
                <KpiTable kpis={d.kpis} group={group} period={{ from, to }} projects={projects ?? []} />
              </section>

              <section className="card">
                <h2>{t('dashboard.overdueTitle')}</h2>
                {overdue === 0 ? <Empty>{t('dashboard.nothingOverdue')}</Empty> : (
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
  const touchpoints = useTouchpoints();
  const { can } = useSession();
  const source = useLocation().query.get('heat') ?? '';
  const state = useQuery(async () => (await request(HEAT, { from: from || null, to: to || null, module: module || null, source: source || null })).heatMapRows, [from, to, module, source], { keepPrevious: true });
  return (
    <section className="card heat-card" aria-busy={state.loading} data-testid="heat-card">
      <div className="section-head">
        <h2>{t('dashboard.heatTitle')}{module ? <span className="print-only-inline"> · {module} {term('module', module)}</span> : null}</h2>
        <label className="field inline-field no-print">
          <span>{t('dashboard.module')}</span>
          <select value={module} onChange={(e) => setQuery({ module: e.target.value })} data-testid="heat-module">
            <option value="">{t('dashboard.allModules')}</option>
            {MODULES.map((m) => <option key={m} value={m}>{m} {term('module', m)}</option>)}
          </select>
        </label>
        {can('readFeedback') ? (
          <label className="field inline-field no-print">
            <span>{t('feedback.heat.source')}</span>
            <select value={source} onChange={(e) => setQuery({ heat: e.target.value || null })} data-testid="heat-source">
              <option value="">{t('feedback.heat.findings')}</option>
              <option value="feedback">{t('feedback.heat.feedback')}</option>
              <option value="combined">{t('feedback.heat.combined')}</option>
            </select>
          </label>
        ) : null}
      </div>
      <QueryView state={state}>
        {(rows) => (touchpoints ? <HeatMap rows={rows} touchpoints={touchpoints} filter={{ from, to, module, source }} /> : null)}
      </QueryView>
    </section>
  );
}
