import type { Example, Prediction } from './naive-bayes.ts';

/**
 * Multinomial logistic regression (softmax) over feature presence, trained by stochastic gradient
 * descent with L2 regularisation. Deterministic: examples are visited in a fixed order that
 * changes per epoch by a fixed stride, weights start at zero.
 */
export interface Logistic<L extends string> {
  labels: L[];
  vocabulary: Map<string, number>;
  /** weights, row-major: (vocabulary.size + 1 bias row) × labels.length */
  weights: Float64Array;
}

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

const DEFAULTS: LogisticOptions = { epochs: 10, learningRate: 0.2, l2: 1e-4 };

/** The label probabilities of a text (its vocabulary rows) into `out`. */
function probabilities(weights: Float64Array, width: number, rows: readonly number[], bias: number, out: Float64Array): Float64Array {
  for (let i = 0; i < width; i++) out[i] = weights[bias * width + i];
  for (const r of rows) {
    const base = r * width;
    for (let i = 0; i < width; i++) out[i] += weights[base + i];
  }
  let max = -Infinity;
  for (let i = 0; i < width; i++) if (out[i] > max) max = out[i];
  let total = 0;
  for (let i = 0; i < width; i++) total += (out[i] = Math.exp(out[i] - max));
  for (let i = 0; i < width; i++) out[i] /= total;
  return out;
}

/** Trains a softmax model on examples (labels sorted, so the same examples give the same weights). */
export function trainLogistic<L extends string>(examples: readonly Example<L>[], options: Partial<LogisticOptions> = {}): Logistic<L> {
  const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
  const labels = [...new Set(examples.map((e) => e.label))].sort() as L[];
  const width = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const vocabulary = new Map<string, number>();
  for (const { features } of examples) for (const f of features) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
  const bias = vocabulary.size;
  const weights = new Float64Array((vocabulary.size + 1) * width);
  const rows = examples.map((e) => e.features.map((f) => vocabulary.get(f)!));
  const targets = examples.map((e) => labelIndex.get(e.label)!);
  const n = examples.length;
  const stride = strideFor(n);
  const p = new Float64Array(width);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.1);
    for (let k = 0, at = epoch % n; k < n; k++, at = (at + stride) % n) {
      probabilities(weights, width, rows[at], bias, p);
      for (let i = 0; i < width; i++) {
        const gradient = p[i] - (i === targets[at] ? 1 : 0);
        for (const r of rows[at]) weights[r * width + i] -= rate * (gradient + l2 * weights[r * width + i]);
        weights[bias * width + i] -= rate * gradient;
      }
    }
  }
  return { labels, vocabulary, weights };
}

/** A stride coprime with n, so stepping by it visits every example once per epoch, well shuffled. */
function strideFor(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(n * 0.618));
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}

/** The most probable label of a text's features; features never seen in training are ignored. */
export function predictLogistic<L extends string>(model: Logistic<L>, features: readonly string[]): Prediction<L> {
  const width = model.labels.length;
  const rows = features.map((f) => model.vocabulary.get(f)).filter((r): r is number => r !== undefined);
  const p = probabilities(model.weights, width, rows, model.vocabulary.size, new Float64Array(width));
  let best = 0;
  for (let i = 1; i < width; i++) if (p[i] > p[best]) best = i;
  return { label: model.labels[best], confidence: p[best], known: rows.length };
}
