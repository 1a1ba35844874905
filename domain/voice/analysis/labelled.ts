import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_TYPES, type Intensity, type ModuleCode, type ProblemType, type Sentiment } from './types.ts';

/**
 * The shipped labelled set: resident feedback written for this product, one TSV file per theme in
 * `labelled/`. Columns: problemType (`-` for text that carries no feedback), sentiment
 * (pos/neu/neg/mix), intensity 0–3, touchpoint numbers (`156,050` → TP-156, TP-050; `-` for none),
 * text. The module is the problem type's module, so it is not a column of its own.
 */
export interface LabelledItem {
  text: string;
  problemType: ProblemType | null;
  module: ModuleCode | null;
  sentiment: Sentiment;
  intensity: Intensity;
  touchpoints: string[];
  /** file:line, to find an item again */
  source: string;
}

export const LABELLED_DIR = join(import.meta.dirname, 'labelled');

const SENTIMENT_CODES: Record<string, Sentiment> = { pos: 'positive', neu: 'neutral', neg: 'negative', mix: 'mixed' };

/** The files of the set, in name order (their order fixes the hash). */
function labelledFiles(): string[] {
  return readdirSync(LABELLED_DIR).filter((f) => f.endsWith('.tsv')).sort();
}

function parseLine(line: string, source: string): LabelledItem {
  const [type, sentiment, intensity, touchpoints, text, ...rest] = line.split('\t');
  const problemType = type === '-' ? null : (type as ProblemType);
  if (problemType !== null && !(problemType in PROBLEM_TYPES)) throw new Error(`${source}: unknown problem type ${type}`);
  if (!(sentiment in SENTIMENT_CODES)) throw new Error(`${source}: unknown sentiment ${sentiment}`);
  if (!/^[0-3]$/.test(intensity)) throw new Error(`${source}: intensity ${intensity} is not 0–3`);
  if (!text || rest.length > 0) throw new Error(`${source}: expected 5 tab-separated columns`);
  if (!/^(-|\d{3}(,\d{3})*)$/.test(touchpoints)) throw new Error(`${source}: bad touchpoints ${touchpoints}`);
  return {
    text,
    problemType,
    module: problemType === null ? null : PROBLEM_TYPES[problemType].module,
    sentiment: SENTIMENT_CODES[sentiment],
    intensity: Number(intensity) as Intensity,
    touchpoints: touchpoints === '-' ? [] : touchpoints.split(',').map((n) => `TP-${n}`),
    source,
  };
}

/** Cache of the parsed set and its hash: the files ship with the code and do not change while it runs. */
let cache: { items: LabelledItem[]; hash: string } | null = null;

function load(): { items: LabelledItem[]; hash: string } {
  if (cache) return cache;
  const hash = createHash('sha256');
  const items: LabelledItem[] = [];
  for (const file of labelledFiles()) {
    const content = readFileSync(join(LABELLED_DIR, file), 'utf8');
    hash.update(file).update('\0').update(content);
    content.split('\n').forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      items.push(parseLine(line, `${file}:${i + 1}`));
    });
  }
  cache = { items, hash: hash.digest('hex') };
  return cache;
}

/** Every labelled item, in file order. */
export function labelledItems(): LabelledItem[] {
  return load().items;
}

/** sha-256 of the set's files (names and contents): part of the model version. */
export function labelledSetHash(): string {
  return load().hash;
}
