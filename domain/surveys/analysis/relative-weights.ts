/**
 * Johnson's relative weights (2000): how much of R² each predictor accounts for, even when the
 * predictors correlate. The predictors are replaced by their closest orthogonal counterparts Z
 * (R_xx = V·D·Vᵀ, Λ = V·√D·Vᵀ relates X to Z), the criterion is regressed on Z (β = Λ⁻¹ r_xy),
 * and each predictor's weight is Σ_k Λ_jk² β_k². The raw weights sum to R².
 */
import { EigenvalueDecomposition, Matrix, correlation, pseudoInverse } from 'ml-matrix';

export interface RelativeWeights {
  /** raw weights, in the predictors' order; they sum to rSquared */
  raw: number[];
  rSquared: number;
}

/** Relative weights from a predictors' correlation matrix and their correlations with the criterion. */
export function relativeWeightsFromCorrelation(rxx: number[][], rxy: number[]): RelativeWeights {
  const evd = new EigenvalueDecomposition(new Matrix(rxx), { assumeSymmetric: true });
  const v = evd.eigenvectorMatrix;
  // rounding can leave a tiny negative eigenvalue on (nearly) collinear drivers
  const rootD = Matrix.diag(evd.realEigenvalues.map((e) => Math.sqrt(Math.max(0, e))));
  const lambda = v.mmul(rootD).mmul(v.transpose());
  // the pseudo-inverse keeps perfectly collinear drivers from failing (they share their weight)
  const beta = pseudoInverse(lambda).mmul(Matrix.columnVector(rxy)).getColumn(0);
  const raw = rxy.map((_, j) => lambda.getRow(j).reduce((sum, l, k) => sum + l * l * beta[k] * beta[k], 0));
  return { raw, rSquared: raw.reduce((a, b) => a + b, 0) };
}

/** Relative weights of the criterion `y` on the columns of `x` (complete rows, non-constant columns). */
export function relativeWeights(x: number[][], y: number[]): RelativeWeights {
  const k = x[0].length;
  const all = new Matrix(x.map((row, i) => [...row, y[i]]));
  const r = correlation(all).to2DArray();
  const rxx = r.slice(0, k).map((row) => row.slice(0, k));
  const rxy = r.slice(0, k).map((row) => row[k]);
  return relativeWeightsFromCorrelation(rxx, rxy);
}

/** R² of an ordinary least-squares fit of y on the columns of x (with intercept): the benchmark's baseline. */
export function olsRSquared(x: number[][], y: number[]): number {
  const design = new Matrix(x.map((row) => [1, ...row]));
  const target = Matrix.columnVector(y);
  const xt = design.transpose();
  const coef = pseudoInverse(xt.mmul(design)).mmul(xt.mmul(target));
  const fitted = design.mmul(coef).getColumn(0);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let ssRes = 0;
  let ssTot = 0;
  y.forEach((v, i) => {
    ssRes += (v - fitted[i]) ** 2;
    ssTot += (v - mean) ** 2;
  });
  return 1 - ssRes / ssTot;
}
