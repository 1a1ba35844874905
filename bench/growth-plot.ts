/** One read's figures on one data set. */
export interface GrowthRow {
  backend: 'postgresql' | 'pglite';
  factor: number;
  read: string;
  p50: number;
  p95: number;
  /** how many timings the figures are of */
  samples: number;
  /** `select 1` through the same connection, same run */
  baselineP50: number;
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939'];
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The growth curve as a standalone SVG, drawn by hand: p95 per read (log scale) against the data
 * factor (log scale), one line per read on PostgreSQL, PGlite's 1× figures as hollow marks, and
 * the 300 ms goal as a dashed line.
 */
export function growthSvg(pg: GrowthRow[], pglite: GrowthRow[]): string {
  const width = 980;
  const height = 520;
  const plot = { left: 70, top: 56, width: 480, height: 384 };
  const reads = [...new Set([...pg, ...pglite].map((r) => r.read))];
  const factors = [...new Set(pg.map((r) => r.factor))].sort((a, b) => a - b);
  const all = [...pg, ...pglite].map((r) => r.p95);
  const yMin = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...all, 300))));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all, 300)));
  const xMin = Math.min(...factors, 1);
  const xMax = Math.max(...factors, 10);
  const x = (f: number) => plot.left + ((Math.log10(f) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * plot.width;
  const y = (ms: number) => plot.top + plot.height - ((Math.log10(Math.max(ms, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plot.height;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${plot.left}" y="22" font-size="15" font-weight="bold">p95 of the dashboard and list reads as data grows</text>`);
  out.push(`<text x="${plot.left}" y="38" fill="#555">PostgreSQL filled; PGlite (a single company's volume) hollow</text>`);
  for (let e = Math.log10(yMin); e <= Math.log10(yMax); e++) {
    const v = 10 ** e;
    out.push(`<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${plot.left - 8}" y="${y(v) + 4}" text-anchor="end">${v >= 1 ? v : v.toFixed(1)} ms</text>`);
  }
  for (const f of factors) out.push(`<line x1="${x(f)}" x2="${x(f)}" y1="${plot.top}" y2="${plot.top + plot.height}" stroke="#ddd"/><text x="${x(f)}" y="${plot.top + plot.height + 18}" text-anchor="middle">${f}×</text>`);
  out.push(`<text x="${plot.left + plot.width / 2}" y="${plot.top + plot.height + 38}" text-anchor="middle">data (1× = 5 projects × 5 years; 100× = 500 projects × 5 years)</text>`);
  out.push(`<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${y(300)}" y2="${y(300)}" stroke="#c00" stroke-dasharray="6 4"/><text x="${plot.left + 4}" y="${y(300) - 5}" fill="#c00">goal: p95 &lt; 300 ms at 100×</text>`);
  reads.forEach((read, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = pg.filter((r) => r.read === read).sort((a, b) => a.factor - b.factor);
    if (points.length > 1) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${x(p.factor).toFixed(1)},${y(p.p95).toFixed(1)}`).join(' ')}"/>`);
    for (const p of points) out.push(`<circle cx="${x(p.factor).toFixed(1)}" cy="${y(p.p95).toFixed(1)}" r="3.5" fill="${colour}"/>`);
    for (const p of pglite.filter((r) => r.read === read)) out.push(`<circle cx="${(x(p.factor) + 8).toFixed(1)}" cy="${y(p.p95).toFixed(1)}" r="4" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
    const ly = plot.top + 10 + i * 20;
    out.push(`<line x1="${plot.left + plot.width + 30}" x2="${plot.left + plot.width + 50}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="3"/><text x="${plot.left + plot.width + 56}" y="${ly + 4}">${escape(read)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
