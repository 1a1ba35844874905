/**
 * Multinomial naive Bayes over feature presence (each distinct feature counts once per text), with
 * Laplace smoothing. Small, deterministic and fast to train: the whole labelled set trains in
 * milliseconds once its texts are segmented.
 */
export interface NaiveBayes<L extends string> {
  labels: L[];
  logPrior: Float64Array;
  /** feature → its row in `logLikelihood` */
  vocabulary: Map<string, number>;
  /** log P(feature | label), row-major: vocabulary.size rows × labels.length columns */
  logLikelihood: Float64Array;
}

export interface Example<L extends string> {
  features: readonly string[];
  label: L;
}

/** Counts features per label; `alpha` is the Laplace smoothing. */
export function trainNaiveBayes<L extends string>(examples: readonly Example<L>[], alpha = 0.5): NaiveBayes<L> {
  const labels = [...new Set(examples.map((e) => e.label))].sort() as L[];
  const width = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const vocabulary = new Map<string, number>();
  for (const { features } of examples) for (const f of features) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
  const counts = new Float64Array(vocabulary.size * width);
  const docCount = new Float64Array(width);
  const featureTotal = new Float64Array(width);
  for (const { features, label } of examples) {
    const li = labelIndex.get(label)!;
    docCount[li]++;
    featureTotal[li] += features.length;
    for (const f of features) counts[vocabulary.get(f)! * width + li]++;
  }
  const denominators = Float64Array.from(featureTotal, (total) => Math.log(total + alpha * vocabulary.size));
  const logLikelihood = counts.map((c, k) => Math.log(c + alpha) - denominators[k % width]);
  return { labels, logPrior: docCount.map((d) => Math.log(d / examples.length)), vocabulary, logLikelihood };
}

export interface Prediction<L extends string> {
  label: L;
  /** posterior probability of the label */
  confidence: number;
  /** how many of the text's features the model knows */
  known: number;
}

/** The label of highest posterior; features never seen in training are ignored. */
export function predictNaiveBayes<L extends string>(model: NaiveBayes<L>, features: readonly string[]): Prediction<L> {
  const width = model.labels.length;
  const scores = Float64Array.from(model.logPrior);
  let known = 0;
  for (const f of features) {
    const row = model.vocabulary.get(f);
    if (row === undefined) continue;
    known++;
    for (let i = 0; i < width; i++) scores[i] += model.logLikelihood[row * width + i];
  }
  let best = 0;
  for (let i = 1; i < width; i++) if (scores[i] > scores[best]) best = i;
  const total = scores.reduce((sum, s) => sum + Math.exp(s - scores[best]), 0);
  return { label: model.labels[best], confidence: 1 / total, known };
}
