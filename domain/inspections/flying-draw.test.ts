import { addMonths, assignSupervisors, drawSample, flyingStatus, monthDays, monthsOfQuarter, quarterOf } from './flying-draw.ts';

const SIX = ['HD01', 'HD02', 'HD03', 'HD04', 'HD05', 'HD06'];

describe('the monthly sample of a region\'s projects', () => {
  it('takes about a third each month and every project within the quarter, the same on every draw', () => {
    for (const [quarter, months] of [['2026-Q4', ['2026-10', '2026-11', '2026-12']], ['2027-Q1', ['2027-01', '2027-02', '2027-03']]] as const) {
      // given six projects / when the quarter's three months are drawn
      const samples = months.map((m) => drawSample('R01', m, SIX));
      // then two each, none twice, all six over the quarter; and drawing again changes nothing
      expect([quarter, samples.map((s) => s.length)]).toEqual([quarter, [2, 2, 2]]);
      expect(samples.flat().sort()).toEqual(SIX);
      expect(months.map((m) => drawSample('R01', m, [...SIX].reverse()))).toEqual(samples);
    }
  });

  it('rotates differently per region and quarter, and takes at least one project from a small region', () => {
    const seen = new Set(['R01', 'R02', 'R03'].flatMap((r) => ['2026-10', '2027-01', '2027-04'].map((m) => drawSample(r, m, SIX).join())));
    expect(seen.size).toBeGreaterThan(4);
    const two = ['2026-10', '2026-11', '2026-12'].map((m) => drawSample('R09', m, ['A1', 'A2']));
    expect(two.every((s) => s.length === 1)).toBe(true);
    expect(new Set(two.flat())).toEqual(new Set(['A1', 'A2']));
    expect(drawSample('R09', '2026-10', [])).toEqual([]);
    const seven = ['2026-10', '2026-11', '2026-12'].map((m) => drawSample('R01', m, [...SIX, 'HD07']));
    expect(seven.map((s) => s.length)).toEqual([3, 2, 2]);
  });
});

describe('dealing projects to supervisors', () => {
  it('gives each project to the least loaded supervisor, ties by username, and leaves them unassigned without one', () => {
    expect(assignSupervisors([1, 2, 3], ['wu', 'an'])).toEqual(['an', 'wu', 'an']);
    expect(assignSupervisors([1, 2], ['wu', 'an'], new Map([['an', 3]]))).toEqual(['wu', 'wu']);
    expect(assignSupervisors([1, 2], [])).toEqual([null, null]);
  });
});

describe('months and statuses', () => {
  it('knows quarters, month days and month arithmetic', () => {
    expect(quarterOf('2026-12')).toEqual({ quarter: '2026-Q4', index: 2 });
    expect(monthsOfQuarter('2027-02')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(monthDays('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(addMonths('2026-12', 1)).toEqual('2027-01');
    expect(addMonths('2026-01', -13)).toEqual('2024-12');
  });

  it('is done within the month, late the month after, missing once the month passed, planned before', () => {
    expect(flyingStatus('2026-11', '2026-11-30', '2026-12-03')).toBe('done');
    expect(flyingStatus('2026-11', '2026-12-02', '2026-12-03')).toBe('late');
    expect(flyingStatus('2026-11', null, '2026-12-01')).toBe('missing');
    expect(flyingStatus('2026-11', null, '2026-11-30')).toBe('planned');
  });
});
