import { useI18n } from '../../lib/i18n.tsx';

export interface SideSample { applicable: number; passed: number; inspections: number; rate: number | null; low: number | null; high: number | null; smallSample: boolean }
export interface BarRow { label: string; before: SideSample; after: SideSample }
export interface Week { week: string; rate: number | null; applicable: number; inspections: number; phase: string }

const W = 560;
const H = 240;
const PAD = { left: 44, right: 16, top: 20, bottom: 48 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const INK = { before: 'var(--muted, #8a9a97)', after: 'var(--accent, #1f6f5c)', band: '#334', grid: '#dde3e1' };
const y = (v: number) => PAD.top + (1 - v) * plotH;

function Grid() {
  return (
    <>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} style={{ stroke: INK.grid, strokeDasharray: v === 0 ? undefined : '3 3' }} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11">{`${v * 100}%`}</text>
        </g>
      ))}
    </>
  );
}

/** Before and after bars per row (a project or an instruction): the rate on top, its 95 % interval as a whisker, n under each bar. */
export function BeforeAfterBars({ rows }: { rows: BarRow[] }) {
  const { t, percent } = useI18n();
  const group = plotW / Math.max(1, rows.length);
  const bar = Math.min(56, group / 3);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('effect.bars')} className="chart" data-testid="effect-bars" style={{ width: '100%', maxWidth: W }}>
      <Grid />
      {rows.map((r, i) => (
        <g key={r.label} data-testid="effect-group">
          {(['before', 'after'] as const).map((side, j) => {
            const s = r[side];
            const x = PAD.left + i * group + group / 2 + (j === 0 ? -bar - 4 : 4);
            return (
              <g key={side} data-testid={`bar-${side}`}>
                {s.rate !== null && <rect x={x} y={y(s.rate)} width={bar} height={plotH - (y(s.rate) - PAD.top)} rx={2} style={{ fill: INK[side] }}><title>{`${t(`effect.${side}`)}: ${percent(s.rate)} [${percent(s.low)}, ${percent(s.high)}]`}</title></rect>}
                {s.low !== null && s.high !== null && <line x1={x + bar / 2} x2={x + bar / 2} y1={y(s.high)} y2={y(s.low)} style={{ stroke: INK.band, strokeWidth: 1.5 }} />}
                <text x={x + bar / 2} y={s.rate === null ? y(0) - 4 : y(Math.max(s.rate, s.high ?? 0)) - 6} textAnchor="middle" fontSize="12" fontWeight="bold" data-testid="bar-rate">{percent(s.rate)}</text>
                <text x={x + bar / 2} y={H - PAD.bottom + 14} textAnchor="middle" fontSize="11" data-testid="bar-n">{`n=${s.applicable}`}</text>
                <text x={x + bar / 2} y={H - PAD.bottom + 27} textAnchor="middle" fontSize="10">{t(`effect.${side}`)}</text>
              </g>
            );
          })}
          <text x={PAD.left + i * group + group / 2} y={H - 6} textAnchor="middle" fontSize="11">{r.label}</text>
        </g>
      ))}
    </svg>
  );
}

/** The weekly rate around the training as a line, the weeks of the training itself shaded. */
export function WeeklySeries({ weeks }: { weeks: Week[] }) {
  const { t, percent } = useI18n();
  const shown = weeks.filter((w) => w.rate !== null);
  const x = (i: number) => PAD.left + (shown.length === 1 ? plotW / 2 : (i / (shown.length - 1)) * plotW);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('effect.weekly')} className="chart" data-testid="effect-weekly" style={{ width: '100%', maxWidth: W }}>
      <Grid />
      <polyline fill="none" style={{ stroke: INK.after, strokeWidth: 2 }} points={shown.map((w, i) => `${x(i)},${y(w.rate!)}`).join(' ')} />
      {shown.map((w, i) => (
        <g key={w.week} data-testid="week-point">
          <circle cx={x(i)} cy={y(w.rate!)} r={4} style={{ fill: w.phase === 'after' ? INK.after : INK.before }}><title>{`${w.week} ${t(`effect.phase.${w.phase}` as 'effect.phase.before')}: ${percent(w.rate)} n=${w.applicable}`}</title></circle>
          {(i % Math.ceil(shown.length / 6) === 0) && <text x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="10">{w.week.slice(5)}</text>}
        </g>
      ))}
    </svg>
  );
}
