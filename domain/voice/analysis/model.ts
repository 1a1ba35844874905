import { featuresOf } from './features.ts';
import { labelledItems, type LabelledItem } from './labelled.ts';
import { predictLogistic, trainLogistic, type Logistic } from './logistic.ts';
import { predictNaiveBayes, trainNaiveBayes, type NaiveBayes } from './naive-bayes.ts';
import type { Intensity, ProblemType, Sentiment } from './types.ts';

/** The label of texts that carry no feedback (greetings, tests, "无"). */
export const NO_FEEDBACK = '-';
type TypeLabel = ProblemType | typeof NO_FEEDBACK;
type IntensityLabel = '0' | '1' | '2' | '3';

/**
 * The three classifiers, trained on the same features: naive Bayes for the fifteen problem types
 * (as good as logistic regression there on this set, and several times faster to train), logistic
 * regression for sentiment and intensity (3–4 points better than naive Bayes: the cues that grade
 * feeling — threats, exclamations, sarcasm, contrast — interact with the words).
 */
export interface Models {
  problemType: NaiveBayes<TypeLabel>;
  sentiment: Logistic<Sentiment>;
  intensity: Logistic<IntensityLabel>;
}

export interface ModelOutput {
  problemType: TypeLabel;
  sentiment: Sentiment;
  intensity: Intensity;
  /** words and bigrams of the text the type model knows (cues aside): 0 means nothing to go on */
  known: number;
}

/** Trains the classifiers on labelled items (deterministic: same items, same models). */
export function trainModels(items: readonly LabelledItem[]): Models {
  const featured = items.map((item) => ({ item, features: featuresOf(item.text) }));
  return {
    problemType: trainNaiveBayes(featured.map(({ item, features }) => ({ features, label: item.problemType ?? NO_FEEDBACK }))),
    sentiment: trainLogistic(featured.map(({ item, features }) => ({ features, label: item.sentiment }))),
    intensity: trainLogistic(featured.map(({ item, features }) => ({ features, label: String(item.intensity) as IntensityLabel }))),
  };
}

/**
 * The models' reading of a text. Praise is positive and asks for nothing (intensity 0) whatever
 * the other two models say; a complaint is never read as positive.
 */
export function predict(models: Models, text: string): ModelOutput {
  const features = featuresOf(text);
  const type = predictNaiveBayes(models.problemType, features);
  let sentiment = predictLogistic(models.sentiment, features).label;
  let intensity = Number(predictLogistic(models.intensity, features).label) as Intensity;
  if (type.label === 'praise') {
    sentiment = 'positive';
    intensity = 0;
  } else if (type.label === NO_FEEDBACK) {
    sentiment = 'neutral';
    intensity = 0;
  } else if (type.label !== 'suggestion' && sentiment === 'positive') {
    sentiment = 'mixed';
  }
  const known = features.filter((f) => !f.startsWith('c:') && models.problemType.vocabulary.has(f)).length;
  return { problemType: type.label, sentiment, intensity, known };
}

/** Cache of the models trained on the shipped set (the set is part of the code: trained once per process). */
let shipped: Models | null = null;

/** The models trained on the whole shipped set, once per process. */
export function shippedModels(): Models {
  shipped ??= trainModels(labelledItems());
  return shipped;
}
