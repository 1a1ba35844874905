import { evaluate } from './evaluate.ts';
import { MODEL_VERSION } from './analyze.ts';

/** `npm run voice:accuracy`: the analyser's accuracy on the held-out fifth of the labelled set. */
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const e = evaluate();
console.log(`Customer voice analyser ${MODEL_VERSION}: trained on ${e.trained}, evaluated on ${e.heldOut} held-out items\n`);
console.log('| field | accuracy |\n|---|---|');
for (const [field, value] of [
  ['problem type', e.problemType], ['module', e.module], ['sentiment', e.sentiment],
  ['intensity (exact)', e.intensityExact], ['intensity (±1)', e.intensityWithinOne],
  ['touchpoints precision', e.touchpointPrecision], ['touchpoints recall', e.touchpointRecall],
] as const) console.log(`| ${field} | ${pct(value)} |`);
console.log('\nMost frequent problem-type confusions (expected → predicted: count):');
for (const c of e.typeConfusions) console.log(`  ${c.expected} → ${c.predicted}: ${c.count}`);
console.log('\nSentiment (rows expected, columns predicted):');
const sentiments = ['positive', 'neutral', 'negative', 'mixed'];
console.log(`  ${''.padEnd(9)}${sentiments.map((s) => s.padStart(9)).join('')}`);
for (const row of sentiments) console.log(`  ${row.padEnd(9)}${sentiments.map((col) => String(e.sentimentConfusion[row]?.[col] ?? 0).padStart(9)).join('')}`);
