import { npsClass, npsCounts, npsFromCounts, npsFromMonthlyCounts, npsOf, npsTrend, periodOf, quarterOfMonth } from './nps.ts';

const repeat = (score: number, times: number) => Array.from({ length: times }, () => score);

describe('NPS', () => {
  it('classes 0–6 as detractors, 7–8 passives, 9–10 promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('computes NPS and the Wald interval by hand: 20 promoters, 10 passives, 10 detractors', () => {
    // given n = 40, pP = .5, pD = .25: var = (.75 − .0625)/40 = .0171875, se = .131101, half = 1.96·se = .256953
    const f = npsOf([...repeat(10, 12), ...repeat(9, 8), ...repeat(8, 5), ...repeat(7, 5), ...repeat(6, 4), ...repeat(0, 6)]);
    expect(f).toMatchObject({ n: 40, promoters: 20, passives: 10, detractors: 10, nps: 25, smallSample: false });
    expect(f.ciLow).toBeCloseTo(-0.6953, 3);
    expect(f.ciHigh).toBeCloseTo(50.6953, 3);
  });

  it('ignores missing and out-of-scale answers', () => {
    expect(npsOf([10, null, undefined, 11, -1, 7.5, 3]).n).toBe(2);
  });

  it('gives small samples the adjusted interval (one pseudo-answer per class) and flags them', () => {
    // given P 3, passives 1, D 1 (NPS 40); adjusted p = 4/8, d = 2/8: var = (.75 − .0625)/8, half = .574565
    const f = npsFromCounts({ promoters: 3, passives: 1, detractors: 1 });
    expect(f.nps).toBe(40);
    expect(f.smallSample).toBe(true);
    expect(f.ciLow).toBeCloseTo(-32.4565, 3);
    expect(f.ciHigh).toBeCloseTo(82.4565, 3);
    // when every answer agrees the Wald interval would be zero-wide; the adjusted one is not, and stays within ±100
    const unanimous = npsFromCounts({ promoters: 5, passives: 0, detractors: 0 });
    expect(unanimous.nps).toBe(100);
    expect(unanimous.ciLow).toBeCloseTo(14.2726, 3);
    expect(unanimous.ciHigh).toBe(100);
  });

  it('has no figure without answers', () => {
    expect(npsOf([])).toMatchObject({ n: 0, nps: null, ciLow: null, ciHigh: null });
  });

  it('labels periods in China\'s time zone and trends per period with an interval each', () => {
    expect(periodOf(new Date('2026-03-31T17:00:00Z'), 'month')).toBe('2026-04');
    expect(periodOf(new Date('2026-03-31T15:00:00Z'), 'quarter')).toBe('2026-Q1');
    const at = (iso: string) => new Date(iso);
    const trend = npsTrend([
      { nps: 10, submittedAt: at('2026-05-02T03:00:00Z') },
      { nps: 0, submittedAt: at('2026-02-02T03:00:00Z') },
      { nps: 9, submittedAt: at('2026-02-03T03:00:00Z') },
      { nps: null, submittedAt: at('2026-02-03T03:00:00Z') },
    ], 'quarter');
    expect(trend.map((p) => [p.period, p.n, p.nps])).toEqual([['2026-Q1', 2, 0], ['2026-Q2', 1, 100]]);
    expect(trend[0].ciLow).toBeLessThan(0);
    expect(trend[0].ciHigh).toBeGreaterThan(0);
  });

  it('gives from monthly class counts (what the database aggregates) the same figures and trend as from the answers', () => {
    // given answers over five months
    const answers = Array.from({ length: 200 }, (_, i) => ({ nps: (i * 7) % 11, submittedAt: new Date(Date.UTC(2026, i % 5, 10)) }));
    const months = new Map<string, number[]>();
    for (const a of answers) months.set(periodOf(a.submittedAt, 'month'), [...(months.get(periodOf(a.submittedAt, 'month')) ?? []), a.nps]);
    const cells = [...months].map(([month, scores]) => ({ month, ...npsCounts(scores) }));
    // when / then
    expect(quarterOfMonth('2026-03')).toBe('2026-Q1');
    expect(quarterOfMonth('2026-10')).toBe('2026-Q4');
    for (const grain of ['month', 'quarter'] as const) {
      const fromCounts = npsFromMonthlyCounts(cells, grain);
      expect(fromCounts.figure).toEqual(npsOf(answers.map((a) => a.nps)));
      expect(fromCounts.trend).toEqual(npsTrend(answers, grain));
    }
    expect(npsFromMonthlyCounts(cells, 'quarter').trend.map((p) => [p.period, p.n])).toEqual([['2026-Q1', 120], ['2026-Q2', 80]]);
  });
});
