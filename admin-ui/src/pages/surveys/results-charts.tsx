import { useI18n } from '../../lib/i18n.tsx';

export interface TrendPoint { period: string; n: number; nps: number | null; ciLow: number | null; ciHigh: number | null }
export interface Driver { key: string; name: string; importance: number | null; performance: number | null; mean: number | null; topTwoBox: number | null; quadrant: string | null; constant: boolean }

const W = 560;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 32 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const INK = { line: 'var(--accent, #1f6f5c)', band: 'var(--muted, #667)', grid: '#dde3e1' };

/** NPS per period with its 95 % interval as an error bar; the y axis spans −100…100. */
export function NpsTrendChart({ points, title }: { points: TrendPoint[]; title: string }) {
  const shown = points.filter((p) => p.nps !== null);
  const x = (i: number) => PAD.left + (shown.length === 1 ? plotW / 2 : (i / (shown.length - 1)) * plotW);
  const y = (v: number) => PAD.top + ((100 - v) / 200) * plotH;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="chart" data-testid="nps-trend" style={{ width: '100%', maxWidth: W }}>
      {[-100, -50, 0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} style={{ stroke: INK.grid, strokeDasharray: v === 0 ? undefined : '3 3' }} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11">{v}</text>
        </g>
      ))}
      <polyline fill="none" style={{ stroke: INK.line, strokeWidth: 2 }} points={shown.map((p, i) => `${x(i)},${y(p.nps!)}`).join(' ')} />
      {shown.map((p, i) => (
        <g key={p.period} data-testid="trend-point">
          <line x1={x(i)} x2={x(i)} y1={y(p.ciHigh!)} y2={y(p.ciLow!)} style={{ stroke: INK.band, strokeWidth: 1.5 }} />
          <circle cx={x(i)} cy={y(p.nps!)} r={4} style={{ fill: INK.line }}><title>{`${p.period}: ${p.nps!.toFixed(1)} [${p.ciLow!.toFixed(1)}, ${p.ciHigh!.toFixed(1)}] n=${p.n}`}</title></circle>
          <text x={x(i)} y={H - 10} textAnchor="middle" fontSize="11">{p.period}</text>
          <text x={x(i) + 7} y={y(p.nps!) - 6} fontSize="11">{p.nps!.toFixed(0)}</text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars of the drivers' relative weights (percent of R²), largest first. */
export function DriverWeightBars({ drivers }: { drivers: Driver[] }) {
  const { t } = useI18n();
  const ranked = [...drivers].sort((a, b) => (b.importance ?? -1) - (a.importance ?? -1));
  const top = Math.max(1, ...ranked.map((d) => d.importance ?? 0));
  const rowH = 26;
  return (
    <svg viewBox={`0 0 ${W} ${ranked.length * rowH + 8}`} role="img" aria-label={t('results.weights')} className="chart" data-testid="driver-weights" style={{ width: '100%', maxWidth: W }}>
      {ranked.map((d, i) => {
        const width = d.importance === null ? 0 : (d.importance / top) * (W - 200);
        return (
          <g key={d.key} transform={`translate(0 ${i * rowH + 4})`} data-testid="driver-bar">
            <text x={96} y={16} textAnchor="end" fontSize="12">{d.name}</text>
            <rect x={104} y={3} width={width} height={rowH - 8} rx={3} style={{ fill: d.quadrant === 'improve' ? 'var(--danger, #b3261e)' : INK.line }} />
            <text x={110 + width} y={16} fontSize="12">{d.importance === null ? t('results.constant') : `${d.importance.toFixed(1)}%`}</text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The importance × performance chart: each driver placed by its performance (x, 0…1 of its scale)
 * and importance (y, % of R²), split at the drivers' means into the four quadrants.
 */
export function ImportancePerformanceChart({ drivers }: { drivers: Driver[] }) {
  const { t } = useI18n();
  const placed = drivers.filter((d) => d.importance !== null && d.performance !== null);
  if (placed.length === 0) return null;
  const midI = placed.reduce((s, d) => s + d.importance!, 0) / placed.length;
  const midP = placed.reduce((s, d) => s + d.performance!, 0) / placed.length;
  const maxI = Math.max(...placed.map((d) => d.importance!)) * 1.15;
  const pValues = placed.map((d) => d.performance!);
  const [lowP, highP] = [Math.max(0, Math.min(...pValues) - 0.1), Math.min(1, Math.max(...pValues) + 0.1)];
  const x = (p: number) => PAD.left + ((p - lowP) / (highP - lowP || 1)) * plotW;
  const y = (i: number) => PAD.top + (1 - i / maxI) * plotH;
  const corner = (q: string, left: boolean, topSide: boolean) => (
    <text key={q} x={left ? PAD.left + 6 : W - PAD.right - 6} y={topSide ? PAD.top + 14 : H - PAD.bottom - 6} textAnchor={left ? 'start' : 'end'} fontSize="12" style={{ fill: INK.band }} data-testid="quadrant-label">{t(`results.quadrant.${q}` as 'results.quadrant.strength')}</text>
  );
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('results.matrix')} className="chart" data-testid="importance-performance" style={{ width: '100%', maxWidth: W }}>
      <rect x={PAD.left} y={PAD.top} width={plotW} height={plotH} fill="none" style={{ stroke: INK.grid }} />
      <line x1={x(midP)} x2={x(midP)} y1={PAD.top} y2={H - PAD.bottom} style={{ stroke: INK.band, strokeDasharray: '4 3' }} />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(midI)} y2={y(midI)} style={{ stroke: INK.band, strokeDasharray: '4 3' }} />
      {corner('improve', true, true)}{corner('strength', false, true)}{corner('monitor', true, false)}{corner('maintain', false, false)}
      {placed.map((d) => (
        <g key={d.key} data-testid="driver-point">
          <circle cx={x(d.performance!)} cy={y(d.importance!)} r={5} style={{ fill: d.quadrant === 'improve' ? 'var(--danger, #b3261e)' : INK.line }}><title>{`${d.name}: ${d.importance!.toFixed(1)}%, ${d.mean?.toFixed(2)}`}</title></circle>
          <text x={x(d.performance!) + 8} y={y(d.importance!) + 4} fontSize="12">{d.name}</text>
        </g>
      ))}
      <text x={PAD.left + plotW / 2} y={H - 8} textAnchor="middle" fontSize="11">{t('results.performance')}</text>
      <text x={12} y={PAD.top + plotH / 2} textAnchor="middle" fontSize="11" transform={`rotate(-90 12 ${PAD.top + plotH / 2})`}>{t('results.importance')}</text>
    </svg>
  );
}
