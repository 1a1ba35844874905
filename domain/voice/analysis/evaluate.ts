import { createHash } from 'node:crypto';
import { analyzeWith } from './analyze.ts';
import { labelledItems, type LabelledItem } from './labelled.ts';
import { trainModels } from './model.ts';

/**
 * How well the analyser does on text it was not trained on: the labelled set split 80/20 by a
 * hash of each text, stratified by problem type (within each type, items ordered by hash, every
 * fifth held out), models trained on the 80 %, every field compared on the 20 %.
 */
export interface Evaluation {
  trained: number;
  heldOut: number;
  problemType: number;
  module: number;
  sentiment: number;
  intensityExact: number;
  intensityWithinOne: number;
  touchpointPrecision: number;
  touchpointRecall: number;
  /** the most frequent mistakes of the problem type: expected → predicted */
  typeConfusions: { expected: string; predicted: string; count: number }[];
  /** sentiment confusion: expected → predicted → count */
  sentimentConfusion: Record<string, Record<string, number>>;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The deterministic stratified split. */
export function splitLabelled(items: readonly LabelledItem[]): { train: LabelledItem[]; test: LabelledItem[] } {
  const byType = new Map<string, LabelledItem[]>();
  for (const item of items) {
    const key = item.problemType ?? '-';
    byType.set(key, [...(byType.get(key) ?? []), item]);
  }
  const train: LabelledItem[] = [];
  const test: LabelledItem[] = [];
  for (const key of [...byType.keys()].sort()) {
    const group = byType.get(key)!.map((item) => ({ item, hash: hashOf(item.text) })).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    group.forEach(({ item }, i) => (i % 5 === 2 ? test : train).push(item));
  }
  return { train, test };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Trains on the 80 % and compares every field of the analysis with the labels of the held-out 20 %. */
export function evaluate(items: readonly LabelledItem[] = labelledItems()): Evaluation {
  const { train, test } = splitLabelled(items);
  const models = trainModels(train);
  let type = 0, module = 0, sentiment = 0, exact = 0, withinOne = 0, tpHit = 0, tpPredicted = 0, tpExpected = 0;
  const confusions = new Map<string, number>();
  const sentimentConfusion: Record<string, Record<string, number>> = {};
  for (const item of test) {
    const analysis = analyzeWith(models, item.text);
    const expectedType = item.problemType ?? '-';
    const predictedType = analysis.problemType ?? '-';
    if (expectedType === predictedType) type++;
    else confusions.set(`${expectedType}\t${predictedType}`, (confusions.get(`${expectedType}\t${predictedType}`) ?? 0) + 1);
    if (item.module === analysis.module) module++;
    if (item.sentiment === analysis.sentiment) sentiment++;
    (sentimentConfusion[item.sentiment] ??= {})[analysis.sentiment] = (sentimentConfusion[item.sentiment]?.[analysis.sentiment] ?? 0) + 1;
    if (item.intensity === analysis.intensity) exact++;
    if (Math.abs(item.intensity - analysis.intensity) <= 1) withinOne++;
    tpPredicted += analysis.touchpoints.length;
    tpExpected += item.touchpoints.length;
    tpHit += analysis.touchpoints.filter((tp) => item.touchpoints.includes(tp)).length;
  }
  const n = test.length;
  return {
    trained: train.length,
    heldOut: n,
    problemType: type / n,
    module: module / n,
    sentiment: sentiment / n,
    intensityExact: exact / n,
    intensityWithinOne: withinOne / n,
    touchpointPrecision: ratio(tpHit, tpPredicted),
    touchpointRecall: ratio(tpHit, tpExpected),
    typeConfusions: [...confusions].map(([k, count]) => ({ expected: k.split('\t')[0], predicted: k.split('\t')[1], count }))
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted)).slice(0, 10),
    sentimentConfusion,
  };
}
