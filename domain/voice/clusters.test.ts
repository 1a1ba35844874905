import { previousWindow, risingClusters, upperTail, type TypeCount } from './clusters.ts';

const window = { from: '2026-11-04', to: '2026-12-03' };

describe('rising clusters', () => {
  it('compares with the window of equal length just before', () => {
    expect(previousWindow(window)).toEqual({ from: '2026-10-05', to: '2026-11-03' });
    expect(previousWindow({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-02-28', to: '2026-02-28' });
  });

  it('finds a rising type in a project and leaves a flat one and a small one out', () => {
    // given car-park lighting (parking) rising in project 1, cleanliness flat there, noise small
    const now: TypeCount[] = [{ projectId: 1, problemType: 'parking', count: 24 }, { projectId: 1, problemType: 'cleanliness', count: 30 }, { projectId: 1, problemType: 'noise', count: 4 }];
    const before: TypeCount[] = [{ projectId: 1, problemType: 'parking', count: 6 }, { projectId: 1, problemType: 'cleanliness', count: 28 }];
    // when / then
    const clusters = risingClusters(now, before, window);
    expect(clusters).toEqual([{
      key: 'parking:1:2026-11-04..2026-12-03', problemType: 'parking', projectId: 1, projectIds: [1], window, previous: { from: '2026-10-05', to: '2026-11-03' },
      count: 24, previousCount: 6, growth: 4,
    }]);
  });

  it('holds the thresholds: enough items, 1.5× the window before, and more than chance; from nothing, 7 items rise with no growth figure', () => {
    const at = (n: number, b: number, type = 'noise') => risingClusters([{ projectId: 2, problemType: type, count: n }], b ? [{ projectId: 2, problemType: type, count: b }] : [], window);
    expect(at(16, 3)).toHaveLength(1);
    // 1.5× but within chance (P ≈ 0.38), and more than chance but under 1.5× (P < 0.01 at 1.4×)
    expect(at(6, 4)).toHaveLength(0);
    expect(at(700, 500)).toHaveLength(0);
    expect(at(4, 0)).toHaveLength(0);
    // 5 from none: P = 1/32, still chance; 7 from none: P = 1/128
    expect(at(5, 0)).toHaveLength(0);
    expect(at(7, 0)[0].growth).toBeNull();
  });

  it('tells a rise from chance with the binomial tail, exactly for small samples and by the normal curve for large ones', () => {
    expect(upperTail(7, 7)).toBeCloseTo(1 / 128, 12);
    expect(upperTail(6, 10)).toBeCloseTo(386 / 1024, 12);
    expect(upperTail(0, 10)).toBe(1);
    expect(upperTail(11, 10)).toBe(0);
    // 1,100 of 2,000: exactly 4.23e-6; the normal curve (z ≈ 4.45) within a few per cent
    expect(upperTail(1100, 2000) / 4.23e-6).toBeGreaterThan(0.9);
    expect(upperTail(1100, 2000) / 4.23e-6).toBeLessThan(1.1);
  });

  it('never makes clusters of praise or suggestions, nor a cluster across projects whose total falls', () => {
    const praise = risingClusters([{ projectId: 1, problemType: 'praise', count: 40 }], [{ projectId: 1, problemType: 'praise', count: 5 }], window);
    expect(praise).toEqual([]);
    // noise rises in two small projects while it falls in a large one
    const now: TypeCount[] = [{ projectId: 1, problemType: 'noise', count: 20 }, { projectId: 2, problemType: 'noise', count: 20 }, { projectId: 3, problemType: 'noise', count: 10 }];
    const before: TypeCount[] = [{ projectId: 1, problemType: 'noise', count: 3 }, { projectId: 2, problemType: 'noise', count: 3 }, { projectId: 3, problemType: 'noise', count: 80 }];
    const clusters = risingClusters(now, before, window);
    expect(clusters.map((c) => c.projectId)).toEqual([1, 2]);
  });

  it('finds a type rising across projects, with a stable key and the projects it rises in', () => {
    const now: TypeCount[] = [3, 1, 2].map((projectId) => ({ projectId, problemType: 'renovation_dispute', count: 14 })).concat([{ projectId: 4, problemType: 'renovation_dispute', count: 2 }]);
    const before: TypeCount[] = [1, 2, 3, 4].map((projectId) => ({ projectId, problemType: 'renovation_dispute', count: 3 }));
    const clusters = risingClusters(now, before, window);
    const across = clusters.filter((c) => c.projectId === null);
    expect(across).toHaveLength(1);
    expect(across[0]).toMatchObject({ key: 'renovation_dispute:*:2026-11-04..2026-12-03', projectIds: [1, 2, 3], count: 44, previousCount: 12, growth: 3.67 });
    expect(clusters.filter((c) => c.projectId !== null).map((c) => c.key)).toEqual(['renovation_dispute:1:2026-11-04..2026-12-03', 'renovation_dispute:2:2026-11-04..2026-12-03', 'renovation_dispute:3:2026-11-04..2026-12-03']);
    // the same counts in another order give the same clusters
    expect(risingClusters([...now].reverse(), [...before].reverse(), window)).toEqual(clusters);
  });
});
