import { seededRandom } from '../../checklists/sampling.ts';
import { olsRSquared, relativeWeights, relativeWeightsFromCorrelation } from './relative-weights.ts';

/** Standard normal draws from a seeded uniform sequence (Box–Muller). */
function normals(seed: string): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const pearson = (a: number[], b: number[]) => {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let ab = 0, aa = 0, bb = 0;
  a.forEach((v, i) => { ab += (v - ma) * (b[i] - mb); aa += (v - ma) ** 2; bb += (b[i] - mb) ** 2; });
  return ab / Math.sqrt(aa * bb);
};

describe('Johnson\'s relative weights', () => {
  it('match the closed form of two correlated predictors', () => {
    // given two predictors correlating ρ = .6: Λ = [[a, b], [b, a]], a, b = (√(1+ρ) ± √(1−ρ))/2
    const rho = 0.6;
    const rxy = [0.5, 0.3];
    const a = (Math.sqrt(1 + rho) + Math.sqrt(1 - rho)) / 2;
    const b = (Math.sqrt(1 + rho) - Math.sqrt(1 - rho)) / 2;
    const det = a * a - b * b;
    const beta = [(a * rxy[0] - b * rxy[1]) / det, (a * rxy[1] - b * rxy[0]) / det];
    const expected = [a * a * beta[0] ** 2 + b * b * beta[1] ** 2, b * b * beta[0] ** 2 + a * a * beta[1] ** 2];
    // the R² of the two, by the textbook formula
    const r2 = (rxy[0] ** 2 + rxy[1] ** 2 - 2 * rho * rxy[0] * rxy[1]) / (1 - rho ** 2);
    // when
    const w = relativeWeightsFromCorrelation([[1, rho], [rho, 1]], rxy);
    // then
    expect(w.raw[0]).toBeCloseTo(expected[0], 10);
    expect(w.raw[1]).toBeCloseTo(expected[1], 10);
    expect(w.rSquared).toBeCloseTo(r2, 10);
  });

  it('recover the known weights of a synthetic survey: drivers of a known covariance, overall a known combination plus noise', () => {
    // given the population: drivers correlating as R, overall = Σ β·x + noise (σ = .6)
    const R = [[1, 0.5, 0.3], [0.5, 1, 0.4], [0.3, 0.4, 1]];
    const beta = [0.5, 0.3, 0.1];
    const sigma = 0.6;
    const rBeta = R.map((row) => row.reduce((s, r, k) => s + r * beta[k], 0));
    const explained = beta.reduce((s, b, j) => s + b * rBeta[j], 0);
    const sdY = Math.sqrt(explained + sigma ** 2);
    const theory = relativeWeightsFromCorrelation(R, rBeta.map((c) => c / sdY));
    expect(theory.rSquared).toBeCloseTo(explained / (explained + sigma ** 2), 10);
    // and 20,000 respondents drawn with a seeded generator through R's Cholesky factor
    const L = [[1, 0, 0], [0.5, Math.sqrt(0.75), 0], [0.3, 0, 0]];
    L[2][1] = (0.4 - 0.3 * 0.5) / L[1][1];
    L[2][2] = Math.sqrt(1 - L[2][0] ** 2 - L[2][1] ** 2);
    const z = normals('relative-weights');
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const e = [z(), z(), z()];
      const row = L.map((l) => l.reduce((s, v, k) => s + v * e[k], 0));
      x.push(row);
      y.push(row.reduce((s, v, j) => s + beta[j] * v, 0) + sigma * z());
    }
    // when
    const sample = relativeWeights(x, y);
    // then the order and the weights come back within sampling error, and they sum to the OLS R²
    expect(sample.raw.map((w, j) => [w, j]).sort((p, q) => q[0] - p[0]).map((p) => p[1])).toEqual([0, 1, 2]);
    sample.raw.forEach((w, j) => expect(Math.abs(w - theory.raw[j])).toBeLessThan(0.015));
    expect(sample.rSquared).toBeCloseTo(olsRSquared(x, y), 8);
  });

  it('equal the squared correlations when the drivers are uncorrelated (a full factorial design)', () => {
    // given every combination of three 1–5 scores: exactly uncorrelated columns
    const x: number[][] = [];
    for (let a = 1; a <= 5; a++) for (let b = 1; b <= 5; b++) for (let c = 1; c <= 5; c++) x.push([a, b, c]);
    const noise = normals('uncorrelated');
    const y = x.map(([a, b, c]) => 0.6 * a + 0.3 * b + 0.1 * c + noise());
    // when
    const w = relativeWeights(x, y);
    // then
    [0, 1, 2].forEach((j) => expect(w.raw[j]).toBeCloseTo(pearson(x.map((r) => r[j]), y) ** 2, 10));
    expect(w.rSquared).toBeCloseTo(olsRSquared(x, y), 8);
  });

  it('share the weight of perfectly collinear drivers instead of failing', () => {
    // given the second driver a copy of the first
    const x = Array.from({ length: 50 }, (_, i) => [i % 7, i % 7, (i * 3) % 5]);
    const y = x.map(([a, , c], i) => a + 0.5 * c + (i % 2));
    const w = relativeWeights(x, y);
    expect(w.raw[0]).toBeCloseTo(w.raw[1], 8);
    expect(w.rSquared).toBeCloseTo(olsRSquared(x, y), 6);
  });
});
