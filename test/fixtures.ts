import type { JsonObject } from '../domain/shared/json.ts';

const check = (extra: JsonObject = {}): JsonObject => ({ tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'photo-on-fail', touchpoints: ['TP-041'], rectifyWithinHours: 48, ...extra });

/** A small, valid work instruction (电梯轿厢清洁) for tests. */
export function instruction(code = 'M09.P01.W001', overrides: JsonObject = {}): JsonObject {
  const parent = code.split('.').slice(0, 2).join('.');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:pinzhi:std:${code}`,
    title: '电梯轿厢清洁作业指导书',
    'x-standard': { kind: 'instruction', code, parent, clauses: ['GB/T 19001-2016 8.5.1'], body: { purpose: '保持电梯轿厢整洁卫生。', steps: ['先除尘后湿擦', '按钮面板每日消毒'] } },
    type: 'object',
    properties: {
      cleaningsPerDay: { title: '轿厢每日清洁次数', type: 'integer', minimum: 3, 'x-check': check({ unit: '次/日' }) },
      panelDisinfected: { title: '按钮面板已消毒', type: 'boolean', const: true, 'x-check': check({ severity: 'major' }) },
      floorCondition: { title: '地面状况', type: 'string', enum: ['优', '良'], 'x-check': check({ tiers: ['monthly'] }) },
    },
    required: ['cleaningsPerDay', 'panelDisinfected'],
    ...overrides,
  };
}

/** A procedure whose check items are references to its instructions. */
export function procedure(code: string, children: string[]): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:pinzhi:std:${code}`,
    title: '公共区域保洁服务规程',
    'x-standard': { kind: 'procedure', code, parent: code.split('.')[0], clauses: ['GB/T 19001-2016 8.5.1'] },
    type: 'object',
    properties: Object.fromEntries(children.map((c) => [c, { $ref: `urn:pinzhi:std:${c}` }])),
  };
}

export function moduleDoc(code: string, children: string[]): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:pinzhi:std:${code}`,
    title: '环境保洁',
    'x-standard': { kind: 'module', code },
    type: 'object',
    properties: Object.fromEntries(children.map((c) => [c, { $ref: `urn:pinzhi:std:${c}` }])),
  };
}
