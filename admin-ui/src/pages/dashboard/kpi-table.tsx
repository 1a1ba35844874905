import { Empty } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { findingsPath, monthWithin, type FindingsFilter } from './drill.ts';

export type KpiGroup = 'project' | 'module' | 'month';

interface Kpi {
  key: string;
  started: number;
  completed: number;
  completionRate: number | null;
  openOverdue: number;
  steps: { step: string; onTimeRate: number | null }[];
}

/**
 * Rectification KPIs per project, module or month. Every count links to the findings behind it:
 * the rectifications started (all findings of the group), completed (closed) and open overdue.
 */
export function KpiTable({ kpis, group, period, projects }: { kpis: Kpi[]; group: KpiGroup; period: { from: string; to: string }; projects: { id: number; code: string; name: string }[] }) {
  const { t, percent, term } = useI18n();
  if (kpis.length === 0) return <Empty>{t('dashboard.noRectifications')}</Empty>;
  const scope = (key: string): FindingsFilter => {
    if (group === 'month') return monthWithin(key, period.from, period.to);
    const base = { from: period.from || null, to: period.to || null };
    return group === 'project' ? { ...base, project: projects.find((p) => p.code === key)?.id ?? null } : { ...base, module: key };
  };
  const label = (key: string) => (group === 'project' ? projects.find((p) => p.code === key)?.name ?? key : group === 'module' ? `${key} ${term('module', key)}` : key);
  return (
    <div className="table-wrap">
      <table data-testid="rectification-kpis">
        <thead><tr>
          <th scope="col">{t(`dashboard.group.${group}`)}</th><th scope="col">{t('dashboard.started')}</th><th scope="col">{t('dashboard.completed')}</th><th scope="col">{t('dashboard.completionRate')}</th>
          <th scope="col">{t('dashboard.onTimeAnalyse')}</th><th scope="col">{t('dashboard.onTimeRectify')}</th><th scope="col">{t('dashboard.openOverdue')}</th>
        </tr></thead>
        <tbody>
          {kpis.map((k) => (
            <tr key={k.key}>
              <th scope="row">{label(k.key)}</th>
              <td><Link to={findingsPath(scope(k.key))} data-testid="kpi-started">{k.started}</Link></td>
              <td><Link to={findingsPath({ ...scope(k.key), status: 'closed' })}>{k.completed}</Link></td>
              <td>{percent(k.completionRate)}</td>
              <td>{percent(k.steps.find((s) => s.step === 'analyse')?.onTimeRate)}</td>
              <td>{percent(k.steps.find((s) => s.step === 'rectify')?.onTimeRate)}</td>
              <td className={k.openOverdue ? 'text-danger' : undefined}>{k.openOverdue ? <Link to={findingsPath({ ...scope(k.key), overdue: true, sort: 'due' })} data-testid="kpi-overdue">{k.openOverdue}</Link> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
