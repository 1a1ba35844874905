import type { JsonObject } from '../domain/shared/json.ts';
import type { LibraryFile } from '../domain/editions/library.ts';

const SEVERITIES = ['critical', 'major', 'minor'] as const;
const METHODS = ['目视', '测量', '查阅记录', '询问', '抽查'] as const;

function item(i: number, minimum: number): JsonObject {
  return {
    title: `第${i}号检查部位清洁次数`,
    description: `检查部位 ${i} 的日常清洁频次，按作业指导书执行。`,
    type: 'integer',
    minimum,
    'x-check': { tiers: i % 3 === 0 ? ['monthly'] : ['daily', 'monthly'], severity: SEVERITIES[i % 3], weight: 1 + (i % 5), method: METHODS[i % 5], evidence: 'photo-on-fail', touchpoints: [`TP-${String(1 + (i % 215)).padStart(3, '0')}`], rectifyWithinHours: 48, unit: '次/日' },
  };
}

/** Two versions of a synthetic instruction with `n` check items; the second has ~5 % edits. */
export function bigInstruction(n: number): [JsonObject, JsonObject] {
  const build = (edit: boolean): JsonObject => {
    const properties: JsonObject = {};
    for (let i = 0; i < n; i++) {
      if (edit && i % 97 === 0) continue; // removed
      properties[`item${i}`] = item(i, edit && i % 41 === 0 ? 4 : 3);
      if (edit && i % 53 === 0) (properties[`item${i}`] as JsonObject).title = `第${i}号检查部位每日清洁次数（含高峰时段）`;
    }
    if (edit) for (let i = n; i < n + 20; i++) properties[`item${i}`] = item(i, 2);
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:pinzhi:std:M01.P01.W001', title: '大型综合体公共区域保洁作业指导书',
      'x-standard': { kind: 'instruction', code: 'M01.P01.W001', parent: 'M01.P01', body: { purpose: edit ? '保持公共区域整洁，提升业主满意度。' : '保持公共区域整洁。' } },
      type: 'object', properties, required: Object.keys(properties).slice(0, 10),
    };
  };
  return [build(false), build(true)];
}

/** A synthetic library of `count` documents (modules → procedures → instructions) for load tests. */
export function libraryOf(count: number): LibraryFile[] {
  const files: LibraryFile[] = [];
  const std = (code: string, kind: string, props: JsonObject): LibraryFile => ({
    file: `${code}.json`,
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `urn:pinzhi:std:${code}`, title: `${kind} ${code}`,
      'x-standard': { kind, code, ...(code.includes('.') ? { parent: code.split('.').slice(0, -1).join('.') } : {}) },
      type: 'object', properties: props,
    },
  });
  let made = 0;
  for (let m = 1; made < count; m++) {
    const mc = `M${String(m).padStart(2, '0')}`;
    const procedures: JsonObject = {};
    for (let p = 1; p <= 4 && made < count; p++) {
      const pc = `${mc}.P${String(p).padStart(2, '0')}`;
      const instructions: JsonObject = {};
      for (let w = 1; w <= 8 && made < count - 2; w++) {
        const wc = `${pc}.W${String((p - 1) * 8 + w).padStart(3, '0')}`;
        files.push(std(wc, 'instruction', { a: item(w, 3), b: item(w + 1, 2) }));
        instructions[wc] = { $ref: `urn:pinzhi:std:${wc}` };
        made++;
      }
      files.push(std(pc, 'procedure', instructions));
      procedures[pc] = { $ref: `urn:pinzhi:std:${pc}` };
      made++;
    }
    files.push(std(mc, 'module', procedures));
    made++;
  }
  return files;
}
