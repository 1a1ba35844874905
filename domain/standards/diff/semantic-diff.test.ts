import type { JsonObject, JsonValue } from '../../shared/json.ts';
import { cloneJson } from './json-tree.ts';
import { describeChanges, type Change } from './semantic-diff.ts';

/** A small work instruction; `edit` mutates a copy of it. */
function instruction(): JsonObject {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:pinzhi:std:M03.P05.W021',
    title: '电梯轿厢清洁作业指导书',
    'x-standard': {
      kind: 'instruction', code: 'M03.P05.W021', parent: 'M03.P05', clauses: ['GB/T 19001-2016 8.5.1'],
      body: { purpose: '保持轿厢清洁', scope: '适用于所有客梯', steps: ['擦拭按钮', '拖地'], records: ['清洁记录表'] },
    },
    type: 'object',
    properties: {
      cleaningsPerDay: {
        title: '轿厢每日清洁次数', type: 'integer', minimum: 3, description: '每日清洁3次',
        'x-check': {
          tiers: ['daily', 'monthly'], severity: 'minor', weight: 2, method: '查阅记录', evidence: 'photo-on-fail',
          touchpoints: ['TP-041'], rectifyWithinHours: 48, unit: '次/日',
        },
      },
      floorCondition: { title: '地面状况', type: 'string', enum: ['优', '良', '差'] },
      readings: { title: '读数', type: 'array', items: { type: 'number', minimum: 0 }, maxItems: 10 },
    },
    required: ['cleaningsPerDay'],
  };
}

type Props = Record<string, Record<string, JsonValue>>;
function edit(change: (doc: JsonObject, items: Props) => void): JsonObject {
  const doc = cloneJson(instruction()) as JsonObject;
  change(doc, doc.properties as Props);
  return doc;
}
const changesAfter = (change: (doc: JsonObject, items: Props) => void): Change[] => describeChanges(instruction(), edit(change));
const kinds = (changes: Change[]): string[] => changes.map((c) => `${c.kind} ${c.pointer}`);

describe('describeChanges', () => {
  it('returns nothing for equal documents, whatever their key order', () => {
    const reordered = Object.fromEntries(Object.entries(instruction()).reverse());
    expect(describeChanges(instruction(), reordered)).toEqual([]);
  });

  it('reports minimum 3 → 4 as tightened, in English and Chinese', () => {
    expect(changesAfter((_, items) => { items.cleaningsPerDay.minimum = 4; })).toEqual([{
      kind: 'constraint-tightened', pointer: '/properties/cleaningsPerDay/minimum', item: 'cleaningsPerDay',
      field: 'minimum', before: 3, after: 4,
      summary: 'Check item "轿厢每日清洁次数": minimum 3 → 4 (tightened)',
      summaryZh: '检查项「轿厢每日清洁次数」：最小值 3 → 4（收紧）',
    }]);
  });

  const bounds: [string, 'lower' | 'upper'][] = [
    ['minimum', 'lower'], ['exclusiveMinimum', 'lower'], ['minLength', 'lower'], ['minItems', 'lower'],
    ['minProperties', 'lower'], ['minContains', 'lower'], ['maximum', 'upper'], ['exclusiveMaximum', 'upper'],
    ['maxLength', 'upper'], ['maxItems', 'upper'], ['maxProperties', 'upper'], ['maxContains', 'upper'],
  ];
  it.each(bounds)('judges %s (%s bound) by direction, presence and absence', (keyword, bound) => {
    // given an item with the keyword at 5
    // (without its enum: a minLength of 5 or 6 would leave none of the one-character ratings passing)
    const from = edit((_, items) => { delete items.floorCondition.enum; items.floorCondition[keyword] = 5; });
    const at = (value: number | undefined) => edit((_, items) => {
      delete items.floorCondition.enum;
      if (value === undefined) delete items.floorCondition[keyword];
      else items.floorCondition[keyword] = value;
    });
    const kindOf = (to: JsonObject) => describeChanges(from, to).map((c) => c.kind);
    // then
    expect(kindOf(at(6))).toEqual([bound === 'lower' ? 'constraint-tightened' : 'constraint-loosened']);
    expect(kindOf(at(4))).toEqual([bound === 'lower' ? 'constraint-loosened' : 'constraint-tightened']);
    expect(kindOf(at(undefined))).toEqual(['constraint-loosened']);
    expect(describeChanges(at(undefined), from).map((c) => c.kind)).toEqual(['constraint-tightened']);
  });

  it.each<[string, JsonValue, JsonValue]>([
    ['pattern', '^[0-9]+$', '^[0-9]{2}$'],
    ['format', 'date', 'date-time'],
    ['const', '优', '良'],
    ['multipleOf', 2, 4],
    ['enum', ['优', '良', '差'], ['优', '良']],
  ])('treats %s as tightening when added, loosening when removed, and changed when replaced', (keyword, value, other) => {
    const without = edit((_, items) => { delete items.floorCondition[keyword]; });
    const withValue = edit((_, items) => { items.floorCondition[keyword] = value; });
    const withOther = edit((_, items) => { items.floorCondition[keyword] = other; });
    expect(describeChanges(without, withValue)[0]).toMatchObject({ kind: 'constraint-tightened', field: keyword, after: value });
    expect(describeChanges(withValue, without)[0]).toMatchObject({ kind: 'constraint-loosened', field: keyword, before: value });
    if (keyword !== 'enum') expect(describeChanges(withValue, withOther)[0].kind).toBe('constraint-changed');
  });

  it('tightens when enum values are removed, loosens when added, and changes when both', () => {
    const removed = changesAfter((_, items) => { items.floorCondition.enum = ['优', '良']; });
    expect(removed).toMatchObject([{ kind: 'constraint-tightened', field: 'enum', before: ['优', '良', '差'], after: ['优', '良'] }]);
    expect(removed[0].summaryZh).toBe('检查项「地面状况」：枚举选项删除 差（收紧）');
    expect(changesAfter((_, items) => { items.floorCondition.enum = ['优', '良', '中', '差']; })[0].kind).toBe('constraint-loosened');
    const both = changesAfter((_, items) => { items.floorCondition.enum = ['优', '良', '中']; });
    expect(both[0].kind).toBe('constraint-changed');
    expect(both[0].summary).toBe('Check item "地面状况": enum: added 中; removed 差 (changed)');
    expect(changesAfter((_, items) => { items.floorCondition.enum = ['差', '良', '优']; })[0].kind).toBe('constraint-changed');
  });

  it.each<[JsonValue, JsonValue, string]>([
    [['integer', 'null'], 'integer', 'constraint-tightened'],
    ['number', 'integer', 'constraint-tightened'],
    ['integer', ['integer', 'string'], 'constraint-loosened'],
    ['integer', 'number', 'constraint-loosened'],
    ['integer', 'string', 'constraint-changed'],
    [['integer', 'null'], ['string', 'null'], 'constraint-changed'],
  ])('judges type %j → %j as %s', (before, after, kind) => {
    const from = edit((_, items) => { items.cleaningsPerDay.type = before; });
    const to = edit((_, items) => { items.cleaningsPerDay.type = after; });
    expect(describeChanges(from, to)).toMatchObject([{ kind, field: 'type', before, after }]);
  });

  it('reports items becoming required as tightened and no longer required as loosened', () => {
    const changes = changesAfter((doc) => { doc.required = ['floorCondition']; });
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'constraint-loosened', item: 'cleaningsPerDay', field: 'required', pointer: '/required/0', before: true, after: false, summaryZh: '检查项「轿厢每日清洁次数」：改为非必填（放宽）' }),
      expect.objectContaining({ kind: 'constraint-tightened', item: 'floorCondition', field: 'required', pointer: '/required/0', before: false, after: true, summary: 'Check item "地面状况": now required (tightened)' }),
    ]);
  });

  it('looks inside nested items and properties, naming the nested place', () => {
    const changes = changesAfter((_, items) => {
      (items.readings.items as JsonObject).minimum = 1;
      items.floorCondition.properties = { note: { type: 'string', maxLength: 10 } };
    });
    const to = edit((_, items) => { items.floorCondition.properties = { note: { type: 'string', maxLength: 5 } }; });
    expect(changes).toMatchObject([
      { kind: 'constraint-changed', pointer: '/properties/floorCondition/properties/note', field: 'properties' },
      { kind: 'constraint-tightened', pointer: '/properties/readings/items/minimum', field: 'minimum', summary: 'Check item "读数": items/minimum 0 → 1 (tightened)' },
    ]);
    const nested = describeChanges(edit((_, items) => { items.floorCondition.properties = { note: { type: 'string', maxLength: 10 } }; }), to);
    expect(nested).toMatchObject([{ kind: 'constraint-tightened', pointer: '/properties/floorCondition/properties/note/maxLength', summaryZh: '检查项「地面状况」：properties/note/最长长度 10 → 5（收紧）' }]);
  });

  it('reports a renamed key as one item-renamed, plus a title change when the title moved too', () => {
    const rename = (title?: string) => changesAfter((doc, items) => {
      const { floorCondition, ...rest } = items;
      doc.properties = { ...rest, floorState: title ? { ...floorCondition, title } : floorCondition };
    });
    expect(rename()).toEqual([{
      kind: 'item-renamed', pointer: '/properties/floorState', item: 'floorState', before: 'floorCondition', after: 'floorState',
      summary: 'Check item "地面状况" renamed: floorCondition → floorState', summaryZh: '重命名检查项「地面状况」：floorCondition → floorState',
    }]);
    expect(kinds(rename('地面清洁状况'))).toEqual(['item-renamed /properties/floorState', 'text-changed /properties/floorState/title']);
  });

  it('reports added and removed items, document first, items in to-order, removals last', () => {
    const changes = changesAfter((doc, items) => {
      doc.title = '电梯轿厢清洁作业指导书（修订）';
      delete items.cleaningsPerDay;
      items.newItem = { title: '新检查项', type: 'boolean' };
      items.readings.maxItems = 20;
      doc.required = [];
    });
    expect(kinds(changes)).toEqual([
      'text-changed /title',
      'constraint-loosened /properties/readings/maxItems',
      'item-added /properties/newItem',
      'item-removed /properties/cleaningsPerDay',
    ]);
    expect(changes[2]).toMatchObject({ after: { title: '新检查项', type: 'boolean' }, summaryZh: '新增检查项「新检查项」' });
    expect(changes[2]).not.toHaveProperty('before');
    expect(changes[3]).toMatchObject({ summary: 'Check item "轿厢每日清洁次数" removed', summaryZh: '删除检查项「轿厢每日清洁次数」' });
    expect(changes[3]).not.toHaveProperty('after');
  });

  it('reports x-check severity, weight, tiers and other fields by kind', () => {
    const changes = changesAfter((_, items) => {
      const check = items.cleaningsPerDay['x-check'] as JsonObject;
      Object.assign(check, { severity: 'major', weight: 3, tiers: ['daily'], method: '现场查看', rectifyWithinHours: 24 });
      delete check.unit;
    });
    expect(changes).toMatchObject([
      { kind: 'tiers-changed', field: 'x-check/tiers', before: ['daily', 'monthly'], after: ['daily'], summaryZh: '检查项「轿厢每日清洁次数」：检查层级 [日常巡检, 月度飞行检查] → [日常巡检]' },
      { kind: 'severity-changed', field: 'x-check/severity', before: 'minor', after: 'major', summaryZh: '检查项「轿厢每日清洁次数」：严重程度 一般 → 主要' },
      { kind: 'weight-changed', field: 'x-check/weight', before: 2, after: 3 },
      { kind: 'check-changed', field: 'x-check/method', pointer: '/properties/cleaningsPerDay/x-check/method', after: '现场查看' },
      { kind: 'check-changed', field: 'x-check/rectifyWithinHours', after: 24, summary: 'Check item "轿厢每日清洁次数": rectification hours 48 → 24', summaryZh: '检查项「轿厢每日清洁次数」：整改时限（小时） 48 → 24' },
      { kind: 'check-changed', field: 'x-check/unit', before: '次/日' },
    ]);
  });

  it('names the place an item is checked at in words, in both languages', () => {
    // given an item that gains a place, and then moves to another
    const placed = edit((_, items) => { (items.cleaningsPerDay['x-check'] as JsonObject).place = 'lift'; });
    const moved = cloneJson(placed) as JsonObject;
    ((moved.properties as Props).cleaningsPerDay['x-check'] as JsonObject).place = 'car-park';
    // when diffed / then each change names the kind of place as readers call it
    expect(describeChanges(instruction(), placed)).toEqual([{
      kind: 'check-changed', pointer: '/properties/cleaningsPerDay/x-check/place', item: 'cleaningsPerDay', field: 'x-check/place', after: 'lift',
      summary: 'Check item "轿厢每日清洁次数": place none → Lift', summaryZh: '检查项「轿厢每日清洁次数」：检查地点 无 → 电梯',
    }]);
    expect(describeChanges(placed, moved)).toMatchObject([{
      kind: 'check-changed', field: 'x-check/place', before: 'lift', after: 'car-park',
      summary: 'Check item "轿厢每日清洁次数": place Lift → Car park', summaryZh: '检查项「轿厢每日清洁次数」：检查地点 电梯 → 停车场',
    }]);
    // a value outside the list (an older or hand-made document) is shown as it is
    ((moved.properties as Props).cleaningsPerDay['x-check'] as JsonObject).place = 'kitchen';
    expect(describeChanges(placed, moved)).toMatchObject([{ summary: 'Check item "轿厢每日清洁次数": place Lift → kitchen', summaryZh: '检查项「轿厢每日清洁次数」：检查地点 电梯 → kitchen' }]);
  });

  it('reports text changes of titles, descriptions and body texts with character segments', () => {
    const changes = changesAfter((doc, items) => {
      items.cleaningsPerDay.description = '每日清洁4次，高峰期加密';
      items.floorCondition.title = '地面清洁状况';
      const body = (doc['x-standard'] as JsonObject).body as JsonObject;
      body.purpose = '保持轿厢干净整洁';
      body.steps = ['擦拭按钮', '拖地', '消毒'];
      body.definitions = ['轿厢：电梯载人的箱体'];
    });
    expect(changes).toMatchObject([
      { kind: 'text-changed', field: 'x-standard/body/purpose', pointer: '/x-standard/body/purpose' },
      { kind: 'text-changed', field: 'x-standard/body/steps', before: ['擦拭按钮', '拖地'], after: ['擦拭按钮', '拖地', '消毒'], segments: [{ op: 'equal', text: '擦拭按钮\n拖地' }, { op: 'insert', text: '\n消毒' }] },
      // every body section by its name, never by its key (正文/definitions)
      { kind: 'text-changed', field: 'x-standard/body/definitions', summary: 'Standard: body/definitions text changed', summaryZh: '标准：正文/术语定义文本修改' },
      {
        kind: 'text-changed', item: 'cleaningsPerDay', field: 'description', pointer: '/properties/cleaningsPerDay/description',
        segments: [
          { op: 'equal', text: '每日清洁' }, { op: 'delete', text: '3' }, { op: 'insert', text: '4' },
          { op: 'equal', text: '次' }, { op: 'insert', text: '，高峰期加密' },
        ],
        summaryZh: '检查项「轿厢每日清洁次数」：说明文本修改：「每日清洁3次」→「每日清洁4次，高峰期加密」',
      },
      { kind: 'text-changed', item: 'floorCondition', field: 'title', before: '地面状况', after: '地面清洁状况', summary: 'Check item "地面清洁状况": title text changed: "地面状况" → "地面清洁状况"' },
    ]);
  });

  it('reports other x-standard fields and other document keywords as document changes', () => {
    const changes = changesAfter((doc) => {
      Object.assign(doc['x-standard'] as JsonObject, { clauses: ['GB/T 19001-2016 8.5.1', '8.5.2'], parent: 'M03.P06' });
      doc.$id = 'urn:pinzhi:std:M03.P06.W021';
      doc.additionalProperties = false;
    });
    expect(changes).toMatchObject([
      { kind: 'document-changed', field: '$id', pointer: '/$id' },
      { kind: 'document-changed', field: 'x-standard/parent', before: 'M03.P05', after: 'M03.P06', summaryZh: '标准：上级 M03.P05 → M03.P06（变更）' },
      { kind: 'document-changed', field: 'x-standard/clauses', after: ['GB/T 19001-2016 8.5.1', '8.5.2'] },
      { kind: 'document-changed', field: 'additionalProperties', after: false },
    ]);
  });

  it('reports anything else on an item as constraint-changed, escaping keys in pointers', () => {
    const from = edit((_, items) => { items['a/b~c'] = { type: 'string', default: '优' }; });
    const to = edit((_, items) => { items['a/b~c'] = { type: 'string', default: '良' }; });
    expect(describeChanges(from, to)).toMatchObject([
      { kind: 'constraint-changed', pointer: '/properties/a~1b~0c/default', item: 'a/b~c', field: 'default', before: '优', after: '良' },
    ]);
  });

  it('never drops a difference, even in odd shapes', () => {
    expect(kinds(changesAfter((doc) => { doc.properties = []; }))).toEqual(['document-changed /properties']);
    expect(kinds(changesAfter((doc) => { doc.required = 'cleaningsPerDay'; }))).toEqual(['document-changed /required']);
    expect(kinds(changesAfter((_, items) => { items.floorCondition['x-check'] = {}; }))).toEqual(['check-changed /properties/floorCondition/x-check']);
    expect(kinds(changesAfter((_, items) => { items.floorCondition = true as never; }))).toEqual(['constraint-changed /properties/floorCondition']);
  });
});
