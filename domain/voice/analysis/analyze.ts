import { issue, ValidationError } from '../../shared/errors.ts';
import { analysisMessage } from './analysis.messages.ts';
import { labelledSetHash } from './labelled.ts';
import { NO_FEEDBACK, predict, shippedModels, type Models } from './model.ts';
import { touchpointsOf } from './touchpoints.ts';
import { MAX_FEEDBACK_CHARS, PROBLEM_TYPES, type TextAnalysis, type UnclassifiedReason } from './types.ts';

/**
 * The analyser's version: the algorithm (bump `ALGORITHM` when features, model or rules change)
 * and the labelled set it was trained on. Stored with every analysed item, so a re-analysis can
 * tell which items an older model read.
 */
const ALGORITHM = 'nb-lr-1';
export const MODEL_VERSION = `${ALGORITHM}+${labelledSetHash().slice(0, 12)}`;

const CONTROL = /[\u0000-\u0008\u000e-\u001f\ufffd]/;
const HAN = /\p{Script=Han}/u;

function unclassified(reason: UnclassifiedReason): TextAnalysis {
  return { module: null, touchpoints: [], problemType: null, sentiment: 'neutral', intensity: 0, modelVersion: MODEL_VERSION, unclassified: reason };
}

/** Refuses text over MAX_FEEDBACK_CHARS (a typed error naming the length and the limit). */
export function assertAnalysable(text: string, pointer = '/text'): void {
  const length = [...text].length;
  if (length > MAX_FEEDBACK_CHARS) {
    throw new ValidationError(analysisMessage('analysis.too_long', { length, limit: MAX_FEEDBACK_CHARS }), [issue(pointer, analysisMessage('analysis.too_long_rule', { limit: MAX_FEEDBACK_CHARS }))]);
  }
}

/**
 * What a piece of resident feedback is about and how its writer feels: problem type (and its
 * module), touchpoints, sentiment and intensity. Synchronous; the first call trains the models
 * from the shipped labelled set (well under a second), later calls take a fraction of a
 * millisecond. Empty text is the caller's to refuse; over-long text throws a ValidationError;
 * binary text, text without Chinese and text that says nothing answer `unclassified` with the reason.
 */
export function analyzeText(text: string): TextAnalysis {
  assertAnalysable(text);
  return analyzeWith(shippedModels(), text);
}

/**
 * Loads the segmenter and trains the models now rather than on the first analysis (a server may
 * call it after start so that no request pays the half second).
 */
export function prepareAnalyzer(): void {
  shippedModels();
}

/** The analysis with given models (the accuracy evaluation passes models trained on part of the set). */
export function analyzeWith(models: Models, text: string): TextAnalysis {
  if (CONTROL.test(text)) return unclassified('binary');
  if (!HAN.test(text)) return unclassified('no_chinese');
  const output = predict(models, text);
  if (output.problemType === NO_FEEDBACK || output.known === 0) return unclassified('no_signal');
  return {
    module: PROBLEM_TYPES[output.problemType].module,
    touchpoints: touchpointsOf(text),
    problemType: output.problemType,
    sentiment: output.sentiment,
    intensity: output.intensity,
    modelVersion: MODEL_VERSION,
    unclassified: null,
  };
}
