import { validateStandard } from './validate.ts';
import { ValidationError } from '../shared/errors.ts';
import { instruction } from '../../test/fixtures.ts';
import { describeChanges } from './diff/semantic-diff.ts';
import type { JsonObject } from '../shared/json.ts';

function issuesOf(doc: unknown) {
  try {
    validateStandard(doc);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => ({ pointer: i.pointer, code: i.code }));
    throw error;
  }
  return [];
}

const withItem = (item: Record<string, unknown>) => {
  const doc = instruction('M01.P01.W001');
  (doc.properties as Record<string, unknown>).extra = { title: '额外检查项', 'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视' }, ...item };
  return doc;
};

describe('criteria no answer can meet', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['minimum 75 above maximum 10', { type: 'number', minimum: 75, maximum: 10 }, '/properties/extra/maximum', 'standard.maximum_below_minimum'],
    ['exclusiveMinimum equal to maximum', { type: 'number', exclusiveMinimum: 10, maximum: 10 }, '/properties/extra/maximum', 'standard.bounds_exclude_all'],
    ['minimum equal to exclusiveMaximum', { type: 'number', minimum: 5, exclusiveMaximum: 5 }, '/properties/extra/exclusiveMaximum', 'standard.bounds_exclude_all'],
    ['exclusive bounds crossed', { type: 'number', exclusiveMinimum: 8, exclusiveMaximum: 3 }, '/properties/extra/exclusiveMaximum', 'standard.bounds_exclude_all'],
    ['no whole number between 1.2 and 1.8', { type: 'integer', minimum: 1.2, maximum: 1.8 }, '/properties/extra/maximum', 'standard.no_integer_in_range'],
    ['no whole number strictly between 1 and 2', { type: 'integer', exclusiveMinimum: 1, exclusiveMaximum: 2 }, '/properties/extra/exclusiveMaximum', 'standard.no_integer_in_range'],
    ['minLength above maxLength', { type: 'string', minLength: 10, maxLength: 2 }, '/properties/extra/maxLength', 'standard.max_length_below_min'],
    ['minItems above maxItems', { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 1 }, '/properties/extra/maxItems', 'standard.max_items_below_min'],
    ['minProperties above maxProperties', { type: 'object', minProperties: 2, maxProperties: 1 }, '/properties/extra/maxProperties', 'standard.max_properties_below_min'],
    ['minContains above maxContains', { type: 'array', contains: { const: 'x' }, minContains: 3, maxContains: 2 }, '/properties/extra/maxContains', 'standard.max_contains_below_min'],
    ['an empty enum', { type: 'string', enum: [] }, '/properties/extra/enum', 'standard.enum_empty'],
    ['a const outside the enum', { type: 'string', enum: ['优', '良'], const: '差' }, '/properties/extra/const', 'standard.const_not_in_enum'],
    ['a const of the wrong type', { type: 'boolean', const: 'yes' }, '/properties/extra/const', 'standard.const_impossible'],
    ['a const outside its own range', { type: 'integer', minimum: 3, const: 1 }, '/properties/extra/const', 'standard.const_impossible'],
    ['a const longer than allowed', { type: 'string', maxLength: 2, const: '很长的答案' }, '/properties/extra/const', 'standard.const_impossible'],
    ['an enum none of whose values has the type', { type: 'integer', enum: ['1', '2'] }, '/properties/extra/enum', 'standard.enum_impossible'],
  ])('refuses %s, pointing at the keyword inside the item', (_name, item, pointer, code) => {
    expect(issuesOf(withItem(item))).toEqual([{ pointer, code }]);
  });

  it('finds them in nested schemas too', () => {
    const doc = withItem({ type: 'array', items: { type: 'number', minimum: 9, maximum: 1 } });
    expect(issuesOf(doc)).toEqual([{ pointer: '/properties/extra/items/maximum', code: 'standard.maximum_below_minimum' }]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a range of one value', { type: 'integer', minimum: 5, maximum: 5 }],
    ['touching exclusive and inclusive bounds on numbers', { type: 'number', exclusiveMinimum: 1, maximum: 1.5 }],
    ['a const inside its enum and range', { type: 'integer', minimum: 0, enum: [1, 2], const: 2 }],
    ['an enum with one passing value among failing ones', { type: 'integer', maximum: 5, enum: [3, 9] }],
    ['a tighter exclusive bound beside a looser inclusive one', { type: 'number', minimum: 0, exclusiveMinimum: 2, maximum: 3 }],
  ])('accepts %s', (_name, item) => {
    expect(issuesOf(withItem(item))).toEqual([]);
  });

  it('does not call an impossible range tightened in the diff', () => {
    // given an item with minimum 75 and no maximum
    const from = withItem({ type: 'number', minimum: 75 });
    const to = withItem({ type: 'number', minimum: 75, maximum: 10 });
    const sane = withItem({ type: 'number', minimum: 75, maximum: 100 });
    // when a maximum below the minimum is added / a sane one is added
    const impossible = describeChanges(from as JsonObject, to as JsonObject);
    const possible = describeChanges(from as JsonObject, sane as JsonObject);
    // then the impossible one is a change, not a tightening, in either language
    expect(impossible.map((c) => c.kind)).toEqual(['constraint-changed']);
    expect(impossible[0].summaryZh).not.toContain('收紧');
    expect(possible.map((c) => c.kind)).toEqual(['constraint-tightened']);
  });
});
