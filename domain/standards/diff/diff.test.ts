import type { JsonObject, JsonValue } from '../../shared/json.ts';
import { diffVersions } from './diff.ts';
import { applyPatch } from './json-patch.ts';
import { cloneJson } from './json-tree.ts';
import { describeChanges } from './semantic-diff.ts';

/** A work instruction with `count` check items of mixed shapes (deterministic). */
function largeInstruction(count: number): JsonObject {
  const properties: JsonObject = {};
  for (let i = 0; i < count; i++) {
    const constraint: JsonObject = i % 3 === 0
      ? { type: 'string', enum: ['优', '良', '中', '差'] }
      : { type: 'integer', minimum: i % 7, maximum: 100 + (i % 11) };
    properties[`item${i}`] = {
      title: `检查项目${i}：公共区域第${i % 40}层清洁状况`,
      description: `按作业指导书第${i % 9}条执行，发现问题当场整改并拍照留存。`,
      ...constraint,
      'x-check': {
        tiers: i % 2 ? ['daily', 'monthly'] : ['weekly'], severity: i % 5 ? 'minor' : 'major', weight: 1 + (i % 4),
        method: '现场查看', evidence: 'photo-on-fail', touchpoints: [`TP-${i % 215}`], rectifyWithinHours: 24 * (1 + (i % 3)),
      },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:pinzhi:std:M03.P05.W999', title: '大型作业指导书',
    'x-standard': { kind: 'instruction', code: 'M03.P05.W999', parent: 'M03.P05', clauses: ['GB/T 19001-2016 8.5.1'], body: { purpose: '测试', steps: ['一', '二'] } },
    type: 'object', properties, required: Object.keys(properties).filter((_, i) => i % 4 === 0),
  };
}

/** `edits` edits spread over the items: bounds, enums, texts, x-check fields, additions, removals. */
function revise(doc: JsonObject, edits: number): JsonObject {
  const next = cloneJson(doc) as JsonObject;
  const items = next.properties as Record<string, Record<string, JsonValue>>;
  const keys = Object.keys(items);
  const step = Math.floor(keys.length / edits);
  for (let e = 0; e < edits; e++) {
    const key = keys[e * step];
    const item = items[key];
    switch (e % 6) {
      case 0: if (typeof item.minimum === 'number') item.minimum += 1; else item.enum = ['优', '良', '中']; break;
      case 1: item.title = `${String(item.title)}（修订）`; break;
      case 2: (item['x-check'] as JsonObject).severity = 'critical'; break;
      case 3: (item['x-check'] as JsonObject).tiers = ['daily']; break;
      case 4: delete items[key]; break;
      case 5: items[`${key}-new`] = { title: '新增项', type: 'boolean' }; break;
    }
  }
  return next;
}


describe('diffVersions', () => {
  it('returns a patch that rebuilds `to` and the changes people read', () => {
    // given
    const from = largeInstruction(20);
    const to = revise(from, 6);
    // when
    const { patch, changes } = diffVersions(from, to);
    // then
    expect(applyPatch(from, patch)).toEqual(to);
    expect(changes).toEqual(describeChanges(from, to));
    expect(changes.map((c) => c.kind)).toEqual([
      'constraint-tightened', 'text-changed', 'severity-changed', 'tiers-changed', 'item-added', 'item-removed',
    ]);
  });

  it('handles a 2,000-item instruction with 100 edits with a small patch (speed is measured by npm run bench)', () => {
    // given
    const from = largeInstruction(2000);
    const to = revise(from, 100);
    // when
    const { patch, changes } = diffVersions(from, to);
    // then: about one operation and one change per edit (plus required flags of removed items)
    expect(applyPatch(from, patch)).toEqual(to);
    expect(patch.length).toBeLessThanOrEqual(120);
    expect(changes.length).toBeGreaterThanOrEqual(100);
    expect(changes.length).toBeLessThanOrEqual(110);
  });
});
