import { seededRandom } from '../../checklists/sampling.ts';
import { driverPerformance, keyDrivers, TooFewResponsesError, withQuadrants, type DriverQuestion, type DriverResult } from './key-drivers.ts';
import { questionRoles } from './questionnaire-roles.ts';

const DRIVERS: DriverQuestion[] = [
  { key: 'env', name: '环境品质', min: 1, max: 5 },
  { key: 'resp', name: '服务响应', min: 1, max: 5 },
  { key: 'fee', name: '费用透明', min: 1, max: 5 },
];

/** Respondents whose overall satisfaction follows env strongly, resp less, fee little. */
function survey(n: number, seed = 'kd'): Record<string, unknown>[] {
  const r = seededRandom(seed);
  const score = (base: number) => Math.min(5, Math.max(1, Math.round(base + (r() - 0.5) * 2)));
  return Array.from({ length: n }, () => {
    const mood = r() * 4 + 1;
    const env = score(mood);
    const resp = score(3 + (r() - 0.5) * 3);
    const fee = score(4);
    return { env, resp, fee, overall: Math.min(5, Math.max(1, Math.round(0.7 * env + 0.3 * resp + 0.05 * fee + (r() - 0.5)))) };
  });
}

describe('key-driver analysis', () => {
  it('weights the drivers by how much of R² they explain, rescaled to 100 %', () => {
    const result = keyDrivers(survey(500), DRIVERS, 'overall');
    expect(result.n).toBe(500);
    expect(result.rSquared).toBeGreaterThan(0.5);
    expect(result.drivers.map((d) => d.name)).toEqual(['环境品质', '服务响应', '费用透明']);
    expect(result.drivers[0].importance!).toBeGreaterThan(result.drivers[1].importance!);
    expect(result.drivers[1].importance!).toBeGreaterThan(result.drivers[2].importance!);
    expect(result.drivers.reduce((s, d) => s + d.importance!, 0)).toBeCloseTo(100, 8);
    expect(result.drivers.reduce((s, d) => s + d.weight!, 0)).toBeCloseTo(result.rSquared, 10);
  });

  it('drops incomplete responses listwise from the regression but counts every answer in performance', () => {
    // given 100 complete responses and 40 missing the fee question (one also answering it with text)
    const complete = survey(100);
    const partial = survey(40, 'partial').map(({ fee: _fee, ...rest }, i) => (i === 0 ? { ...rest, fee: '5' } : rest));
    const result = keyDrivers([...complete, ...partial], DRIVERS, 'overall');
    expect(result.n).toBe(100);
    expect(result.drivers.find((d) => d.key === 'env')!.answered).toBe(140);
    expect(result.drivers.find((d) => d.key === 'fee')!.answered).toBe(100);
  });

  it('excludes a driver nobody varied on, and explains with the others', () => {
    const flat = survey(100).map((r) => ({ ...r, fee: 4 }));
    const result = keyDrivers(flat, DRIVERS, 'overall');
    const fee = result.drivers.find((d) => d.key === 'fee')!;
    expect(fee).toMatchObject({ constant: true, weight: null, importance: null, quadrant: null, mean: 4 });
    expect(result.drivers.filter((d) => !d.constant).reduce((s, d) => s + d.importance!, 0)).toBeCloseTo(100, 8);
  });

  it('refuses too few complete responses with a typed error saying how many', () => {
    const few = survey(29);
    expect(() => keyDrivers(few, DRIVERS, 'overall')).toThrow(TooFewResponsesError);
    try {
      keyDrivers([...few, ...survey(50).map(({ overall: _o, ...rest }) => rest)], DRIVERS, 'overall');
    } catch (e) {
      expect(e).toMatchObject({ code: 'survey_results.too_few_responses', n: 29, required: 30 });
    }
    expect(() => keyDrivers(survey(40).map((r) => ({ ...r, overall: 3 })), DRIVERS, 'overall')).toThrow(/same overall satisfaction/);
  });

  it('measures performance as mean, position on the scale and top-2-box', () => {
    const p = driverPerformance([{ env: 5 }, { env: 4 }, { env: 1 }, { env: 2 }, {}], DRIVERS[0]);
    expect(p).toEqual({ mean: 3, performance: 0.5, topTwoBox: 0.5, answered: 4 });
    expect(driverPerformance([{ x: 10 }, { x: 9 }, { x: 8 }], { key: 'x', name: 'x', min: 0, max: 10 }).topTwoBox).toBeCloseTo(2 / 3, 10);
  });

  it('places drivers in quadrants around the mean importance and mean performance', () => {
    const d = (key: string, importance: number, performance: number): DriverResult => ({ key, name: key, weight: importance / 100, importance, constant: false, mean: null, performance, topTwoBox: null, answered: 1, quadrant: null });
    const placed = withQuadrants([d('a', 50, 0.9), d('b', 30, 0.4), d('c', 10, 0.8), d('e', 10, 0.3)]);
    // mid importance 25, mid performance .6
    expect(placed.map((x) => x.quadrant)).toEqual(['strength', 'improve', 'maintain', 'monitor']);
  });

  it('reads driver, overall and NPS questions from the pinned schema\'s annotations', () => {
    const roles = questionRoles({
      type: 'object',
      properties: {
        overall: { type: 'integer', title: '总体满意度', minimum: 1, maximum: 5, 'x-role': 'overall' },
        recommend: { type: 'integer', minimum: 0, maximum: 10, 'x-role': 'nps' },
        q1: { type: 'integer', minimum: 1, maximum: 7, 'x-role': 'driver', 'x-driver': '环境品质' },
        note: { type: 'string', 'x-role': 'comment' },
        q2: { type: 'integer', 'x-role': 'driver', title: '服务响应' },
      },
    });
    expect(roles).toEqual({
      overall: { key: 'overall', name: '总体满意度', min: 1, max: 5 },
      nps: 'recommend',
      drivers: [{ key: 'q1', name: '环境品质', min: 1, max: 7 }, { key: 'q2', name: '服务响应', min: 1, max: 5 }],
    });
  });
});
