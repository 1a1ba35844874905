import { useI18n } from '../../lib/i18n.tsx';

interface RegionKpi {
  regionId: number;
  regionName: string;
  planned: number;
  done: number;
  late: number;
  missing: number;
  open: number;
  inspections: number;
  applicable: number;
  executionRate: number | null;
  smallSample: boolean;
  findings: { critical: number; major: number; minor: number };
  rectificationOnTimeRate: number | null;
  openOverdue: number;
}

/** The KPIs of each region: flying inspections planned and how they stand, the monthly execution rate, findings by severity, rectification. */
export function RegionKpiTable({ kpis }: { kpis: RegionKpi[] }) {
  const { t, percent } = useI18n();
  return (
    <div className="table-wrap">
      <table data-testid="region-kpis">
        <thead><tr>
          <th scope="col">{t('flying.region')}</th><th scope="col">{t('flying.planned')}</th><th scope="col">{t('flying.done')}</th><th scope="col">{t('flying.late')}</th>
          <th scope="col">{t('flying.missing')}</th><th scope="col">{t('flying.open')}</th><th scope="col">{t('flying.executionRate')}</th><th scope="col">{t('flying.findings')}</th>
          <th scope="col">{t('flying.rectificationOnTime')}</th><th scope="col">{t('flying.openOverdue')}</th>
        </tr></thead>
        <tbody>
          {kpis.map((k) => (
            <tr key={k.regionId} data-testid="region-kpi-row">
              <th scope="row">{k.regionName}</th>
              <td>{k.planned}</td><td>{k.done}</td><td>{k.late}</td>
              <td className={k.missing ? 'text-danger' : undefined}>{k.missing}</td><td>{k.open}</td>
              <td>{percent(k.executionRate)} <span className="muted small">{t('flying.sample', { inspections: k.inspections, items: k.applicable })}</span></td>
              <td>{k.findings.critical} / {k.findings.major} / {k.findings.minor}</td>
              <td>{percent(k.rectificationOnTimeRate)}</td>
              <td className={k.openOverdue ? 'text-danger' : undefined}>{k.openOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
