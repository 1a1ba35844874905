import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, MODEL_VERSION } from './analyze.ts';
import { labelledItems, labelledSetHash } from './labelled.ts';
import { predict, trainModels } from './model.ts';
import { touchpointsOf } from './touchpoints.ts';
import { TOUCHPOINT_CUES } from './touchpoint-cues.ts';
import { segment } from './segment.ts';
import { MAX_FEEDBACK_CHARS, MODULES, PROBLEM_TYPE_CODES } from './types.ts';
import fc from 'fast-check';
import { ValidationError } from '../../shared/errors.ts';
import { PROBLEM_TYPES, SENTIMENTS } from './types.ts';

const LIBRARY_TOUCHPOINTS = new Set((JSON.parse(readFileSync(join(import.meta.dirname, '../../../library/shipped/touchpoints.json'), 'utf8')) as { code: string }[]).map((t) => t.code));

describe('the shipped labelled set', () => {
  const items = labelledItems();

  it('holds at least 1,500 distinct items covering every problem type, module, sentiment and intensity', () => {
    expect(items.length).toBeGreaterThanOrEqual(1500);
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.problemType))).toEqual(new Set([...PROBLEM_TYPE_CODES, null]));
    expect(new Set(items.map((i) => i.module))).toEqual(new Set([...MODULES, null]));
    expect(new Set(items.map((i) => i.sentiment))).toEqual(new Set(['positive', 'neutral', 'negative', 'mixed']));
    expect(new Set(items.map((i) => i.intensity))).toEqual(new Set([0, 1, 2, 3]));
    // every module has a fair share, not a token item
    for (const module of MODULES) expect(items.filter((i) => i.module === module).length).toBeGreaterThanOrEqual(100);
  });

  it('names only touchpoints of the library, and so do the matcher\'s cues', () => {
    for (const item of items) for (const tp of item.touchpoints) expect(LIBRARY_TOUCHPOINTS.has(tp) ? tp : `${item.source}: ${tp}`).toBe(tp);
    for (const [code] of TOUCHPOINT_CUES) expect(LIBRARY_TOUCHPOINTS.has(code) ? code : `cue ${code}`).toBe(code);
  });
});

describe('segmentation with the product dictionary', () => {
  it('keeps the product\'s own terms whole', () => {
    expect(segment('物业费又涨了，地库的充电桩也坏了，二次供水有味道')).toEqual(expect.arrayContaining(['物业费', '地库', '充电桩', '二次供水']));
    expect(segment('楼上装修堵了单元门')).toEqual(expect.arrayContaining(['装修', '单元门']));
  });
});

describe('analyzeText', () => {
  it('reads a sarcastic complaint as a negative facility fault at the underground car park lighting', () => {
    const a = analyzeText('物业真是太“负责”了，地库的灯坏了一个月');
    expect(a).toMatchObject({ problemType: 'facility_fault', module: 'M05', sentiment: 'negative', unclassified: null, modelVersion: MODEL_VERSION });
    expect(a.intensity).toBeGreaterThanOrEqual(2);
    expect(a.touchpoints[0]).toBe('TP-156');
  });

  it('grades intensity: a threat to escalate is strong, a polite note mild', () => {
    expect(analyzeText('楼上装修天天早上七点电钻，说了十次没人管，再不处理我就打12345投诉！！').intensity).toBe(3);
    expect(analyzeText('楼道里有点灰，麻烦保洁有空来擦一下').intensity).toBeLessThanOrEqual(1);
  });

  it('tells praise (positive, no intensity), suggestions (neutral) and mixed feedback apart', () => {
    expect(analyzeText('谢谢维修师傅，半夜赶来修好了水管，太专业了')).toMatchObject({ problemType: 'praise', module: null, sentiment: 'positive', intensity: 0 });
    expect(analyzeText('建议在中心花园多放几张长椅')).toMatchObject({ problemType: 'suggestion', sentiment: 'neutral' });
    expect(analyzeText('保洁阿姨人很好，但是垃圾桶总是满了没人清')).toMatchObject({ problemType: 'cleanliness', sentiment: 'mixed' });
  });

  it('understands dialect and typos', () => {
    expect(analyzeText('部电梯又坏咗，今个礼拜第二次')).toMatchObject({ problemType: 'facility_fault' });
    expect(analyzeText('车位又遭别个占了，保安也不管')).toMatchObject({ problemType: 'parking', module: 'M06' });
    expect(analyzeText('拉级桶臭死了没人清')).toMatchObject({ problemType: 'cleanliness', module: 'M03' });
  });

  it('answers unclassified with the reason instead of guessing', () => {
    expect(analyzeText('the lift is broken again')).toMatchObject({ unclassified: 'no_chinese', problemType: null, module: null, touchpoints: [], sentiment: 'neutral', intensity: 0 });
    expect(analyzeText('\u0000\u0001PK\u0003\u0004物业')).toMatchObject({ unclassified: 'binary', problemType: null });
    expect(analyzeText('在吗')).toMatchObject({ unclassified: 'no_signal', problemType: null });
    // Chinese, but not a word or character pair the models have seen: nothing to go on
    expect(analyzeText('龘靐齉！')).toMatchObject({ unclassified: 'no_signal', problemType: null });
    expect(analyzeText('😀😀😀')).toMatchObject({ unclassified: 'no_chinese' });
  });

  it('never crashes on arbitrary text within the limit, and always answers a consistent analysis', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.oneof(han, fc.constantFrom('！', '？', '“', '”', '😡', '👍', ' ', '\u0000')), maxLength: 200 }));
    fc.assert(fc.property(text, (t) => {
      const a = analyzeText(t);
      expect(SENTIMENTS).toContain(a.sentiment);
      expect([0, 1, 2, 3]).toContain(a.intensity);
      if (a.unclassified !== null) expect(a).toMatchObject({ problemType: null, module: null, touchpoints: [] });
      else expect(a.module).toBe(PROBLEM_TYPES[a.problemType!].module);
    }), { numRuns: 300, seed: 16 });
  });

  it('refuses text over the limit with a typed error naming the length, and accepts the limit itself', () => {
    const long = '电梯坏了'.repeat(MAX_FEEDBACK_CHARS / 4);
    expect(analyzeText(long).problemType).toBe('facility_fault');
    let error: unknown;
    try { analyzeText(`${long}！`); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'analysis.too_long', params: { length: MAX_FEEDBACK_CHARS + 1, limit: MAX_FEEDBACK_CHARS }, issues: [{ pointer: '/text', code: 'analysis.too_long_rule' }] });
  });

  it('names its model: algorithm and the labelled set\'s hash', () => {
    expect(MODEL_VERSION).toBe(`nb-lr-1+${labelledSetHash().slice(0, 12)}`);
  });

  it('trains deterministically: two trainings give the same weights and read every text alike', () => {
    const items = labelledItems().filter((_, i) => i % 3 === 0);
    const [a, b] = [trainModels(items), trainModels(items)];
    expect(a).toEqual(b);
    for (const text of ['电梯坏了', '保安态度差', '谢谢保洁阿姨', '物业费太贵了']) expect(predict(a, text)).toEqual(predict(b, text));
    // and what it learnt depends on what it was shown
    expect(trainModels(labelledItems().filter((_, i) => i % 3 === 1)).sentiment.weights).not.toEqual(a.sentiment.weights);
  });
});

describe('touchpoints', () => {
  it('matches the places and objects residents name, most prominent first, and nothing for unrelated text', () => {
    expect(touchpointsOf('车库黑漆漆的灯全坏了')).toEqual(['TP-156']);
    expect(touchpointsOf('充电桩坏了，充电车位还被油车占了')).toEqual(['TP-184', 'TP-183']);
    expect(touchpointsOf('楼上天天往下扔垃圾')).toEqual(['TP-055']);
    expect(touchpointsOf('今天天气不错')).toEqual([]);
  });
});
