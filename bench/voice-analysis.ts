import { performance } from 'node:perf_hooks';
import { analyzeText } from '../domain/voice/analysis/analyze.ts';
import { labelledItems } from '../domain/voice/analysis/labelled.ts';
import { segment } from '../domain/voice/analysis/segment.ts';

/**
 * The feedback analyser's throughput, same run: the full analysis (segmentation, features, three
 * models, touchpoints) of a month's comments (3,000) and of 100,000, each beside jieba segmentation
 * alone on the same texts — the floor any analysis of Chinese text pays. Texts are labelled items
 * varied deterministically (building and day, a lead-in, an ending, an emoji), so no two repeat.
 */
const LEAD_INS = ['', '', '你好，', '物业你好，', '我是业主，', '再反映一次：', '请问，'];
const ENDINGS = ['', '', '谢谢。', '请尽快处理。', '😡', '👍', '！！', '，麻烦看一下'];

/** A small deterministic generator (mulberry32), so every run measures the same texts. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchTexts(count: number, seed = 16): string[] {
  const pool = labelledItems().map((i) => i.text);
  const random = generator(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => `${pick(LEAD_INS)}${1 + (i % 30)}栋${pick(pool)}${pick(ENDINGS)}`.slice(0, 2000));
}

function perSecond(texts: readonly string[], work: (text: string) => unknown): number {
  const started = performance.now();
  for (const text of texts) work(text);
  return texts.length / ((performance.now() - started) / 1000);
}

export async function voiceAnalysisBenchmarks(line: (name: string, value: string, baseline: string, verdict: string) => void): Promise<void> {
  // wall time and CPU time: on a shared machine the CPU time is what the call itself costs
  const cpuBefore = process.cpuUsage();
  const firstStarted = performance.now();
  analyzeText('地库的灯坏了');
  const first = performance.now() - firstStarted;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  line('feedback analyser: first call (jieba + training)', `${first.toFixed(0)} ms`, `CPU ${cpuMs.toFixed(0)} ms; ${labelledItems().length} items`, `goal < 1000 ms ${first < 1000 ? 'MET' : 'MISSED'}`);
  for (const count of [3_000, 100_000]) {
    const texts = benchTexts(count);
    perSecond(texts.slice(0, 500), segment); // warm-up
    const segmentation = perSecond(texts, segment);
    const analysis = perSecond(texts, analyzeText);
    const seconds = count / analysis;
    line(`feedback analysis of ${count.toLocaleString('en')} comments`, `${analysis.toFixed(0)} /s`, `jieba alone: ${segmentation.toFixed(0)} /s`,
      `${(segmentation / analysis).toFixed(1)}× segmentation; all in ${seconds.toFixed(1)} s`);
  }
}
