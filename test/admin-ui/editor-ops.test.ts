import { instruction } from '../fixtures.ts';
import type { JsonObject } from '../../domain/shared/json.ts';
import { validateStandard } from '../../domain/standards/validate.ts';
import { addItem, freeKey, itemsOf, moveItem, newItem, removeItem, renameItem, setBodyField, setCheck, setInputKind, setKeyword } from '../../admin-ui/src/pages/standards/editor/schema-ops.ts';
import { reapply } from '../../admin-ui/src/pages/standards/editor/reapply.ts';

// The form editor's edits are pure functions on the JSON Schema; what they produce must stay a valid standard.
const doc = () => instruction('M09.P01.W001');
const keys = (d: JsonObject) => itemsOf(d).map(([k]) => k);

describe('the form editor\'s edits', () => {
  it('adds, moves, renames and removes items, keeping key order and `required` in step', () => {
    // given
    let d = addItem(doc(), freeKey(doc()), newItem('新检查项'));
    expect(keys(d)).toEqual(['cleaningsPerDay', 'panelDisinfected', 'floorCondition', 'newItem1']);
    expect(d.required).toEqual(['cleaningsPerDay', 'panelDisinfected', 'newItem1']);
    // when / then
    d = moveItem(d, 'newItem1', -1);
    expect(keys(d)).toEqual(['cleaningsPerDay', 'panelDisinfected', 'newItem1', 'floorCondition']);
    expect(moveItem(d, 'cleaningsPerDay', -1)).toBe(d);
    const renamed = renameItem(d, 'newItem1', 'handrailWiped') as JsonObject;
    expect(keys(renamed)).toEqual(['cleaningsPerDay', 'panelDisinfected', 'handrailWiped', 'floorCondition']);
    expect(renamed.required).toEqual(['cleaningsPerDay', 'panelDisinfected', 'handrailWiped']);
    expect(renameItem(renamed, 'handrailWiped', 'cleaningsPerDay')).toBe('taken');
    expect(renameItem(renamed, 'handrailWiped', '1st item')).toBe('malformed');
    const removed = removeItem(renamed, 'handrailWiped');
    expect(keys(removed)).toEqual(['cleaningsPerDay', 'panelDisinfected', 'floorCondition']);
    expect(removed.required).toEqual(['cleaningsPerDay', 'panelDisinfected']);
    expect(() => validateStandard(removed)).not.toThrow();
    expect(() => validateStandard(renamed)).not.toThrow();
  });

  it('changes how an item is answered, giving each kind valid keywords', () => {
    const item = (doc().properties as JsonObject).cleaningsPerDay as JsonObject;
    const asRating = setInputKind(item, 'choice');
    expect(asRating).toMatchObject({ title: '轿厢每日清洁次数', type: 'string', enum: ['优', '良'], 'x-check': { options: ['优', '良', '中', '差'] } });
    expect(asRating).not.toHaveProperty('minimum');
    expect(asRating['x-check']).not.toHaveProperty('unit');
    expect(Object.keys(asRating).at(-1)).toBe('x-check');
    for (const kind of ['boolean', 'integer', 'number', 'choice', 'text', 'photos'] as const) {
      const d = { ...doc(), properties: { ...(doc().properties as JsonObject), cleaningsPerDay: setInputKind(item, kind) } };
      expect(() => validateStandard(d)).not.toThrow();
    }
  });

  it('sets and clears keywords, x-check members and body text without touching the rest', () => {
    const item = (doc().properties as JsonObject).cleaningsPerDay as JsonObject;
    expect(setKeyword(item, 'maximum', 8)).toMatchObject({ minimum: 3, maximum: 8 });
    expect(setKeyword(item, 'minimum', undefined)).not.toHaveProperty('minimum');
    expect(setCheck(item, 'touchpoints', [])['x-check']).not.toHaveProperty('touchpoints');
    expect((setCheck(item, 'tiers', [])['x-check'] as JsonObject).tiers).toEqual([]);
    const withScope = setBodyField(doc(), 'scope', '全部客梯');
    expect(((withScope['x-standard'] as JsonObject).body as JsonObject).scope).toBe('全部客梯');
    expect(((setBodyField(withScope, 'steps', [])['x-standard'] as JsonObject).body as JsonObject)).not.toHaveProperty('steps');
  });
});

describe('reapplying an edit after someone else saved first', () => {
  it('puts the user\'s edit on top of theirs and names the places both changed', () => {
    // given: the user raised the minimum; the colleague reworded the title and also touched the minimum
    const base = doc();
    const mine = { ...base, properties: { ...(base.properties as JsonObject), cleaningsPerDay: setKeyword((base.properties as JsonObject).cleaningsPerDay as JsonObject, 'minimum', 4) } };
    const theirs: JsonObject = { ...base, title: '电梯轿厢清洁与消毒作业指导书' };
    // when
    const result = reapply(base, mine, theirs);
    // then
    expect(result).toMatchObject({ ok: true, overlaps: [] });
    if (!result.ok) return;
    expect(result.doc.title).toBe('电梯轿厢清洁与消毒作业指导书');
    expect(((result.doc.properties as JsonObject).cleaningsPerDay as JsonObject).minimum).toBe(4);
    const both = { ...theirs, properties: { ...(theirs.properties as JsonObject), cleaningsPerDay: setKeyword((base.properties as JsonObject).cleaningsPerDay as JsonObject, 'minimum', 5) } };
    expect(reapply(base, mine, both)).toMatchObject({ ok: true, overlaps: ['/properties/cleaningsPerDay/minimum'] });
  });

  it('fails, naming the path, when the user\'s edit concerns an item the colleague removed', () => {
    const base = doc();
    const mine = { ...base, properties: { ...(base.properties as JsonObject), floorCondition: setKeyword((base.properties as JsonObject).floorCondition as JsonObject, 'enum', ['优']) } };
    const theirs = removeItem(base, 'floorCondition');
    expect(reapply(base, mine, theirs)).toMatchObject({ ok: false, path: expect.stringContaining('/properties/floorCondition') });
  });
});
