import { jest } from '@jest/globals';
import { validateStandard } from './validate.ts';
import { ajv } from './ajv.ts';
import { ValidationError } from '../shared/errors.ts';
import { instruction } from '../../test/fixtures.ts';
import { readFileSync } from 'node:fs';
import { PLACE_KINDS } from './place-kinds.ts';

function issuesOf(doc: unknown, limits?: { maxBytes: number; maxDepth: number }) {
  try {
    validateStandard(doc, limits);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

const withItem = (item: Record<string, unknown>) => {
  const doc = instruction('M01.P01.W001');
  (doc.properties as Record<string, unknown>).extra = { title: '额外检查项', 'x-check': { tiers: ['daily'], severity: 'minor', weight: 1, method: '目视' }, ...item };
  return doc;
};

describe('the standards language', () => {
  it('accepts a valid work instruction', () => {
    expect(validateStandard(instruction('M01.P01.W001'))).toEqual({ code: 'M01.P01.W001', kind: 'instruction', parent: 'M01.P01', title: '电梯轿厢清洁作业指导书' });
  });

  it('names the pointer of a wrong type name', () => {
    expect(issuesOf(withItem({ type: 'integr' }))).toMatchObject([{ pointer: '/properties/extra/type', message: expect.stringContaining('must be one of') }]);
  });

  it('rejects an unknown keyword (a typo) where it stands', () => {
    expect(issuesOf(withItem({ type: 'integer', minimun: 3 }))).toMatchObject([{ pointer: '/properties/extra/minimun', message: 'unknown or forbidden keyword "minimun"' }]);
  });

  it('rejects a typo inside the x-check vocabulary', () => {
    const doc = withItem({ type: 'boolean' });
    ((doc.properties as any).extra['x-check']).severty = 'major';
    expect(issuesOf(doc)).toMatchObject([{ pointer: '/properties/extra/x-check/severty', message: 'unknown property "severty"' }]);
  });

  it('rejects default answers', () => {
    expect(issuesOf(withItem({ type: 'boolean', default: true }))).toMatchObject([{ pointer: '/properties/extra/default', message: 'unknown or forbidden keyword "default"' }]);
  });

  it('rejects a $ref to an http URL without fetching it', () => {
    const fetched = jest.spyOn(globalThis, 'fetch');
    expect(issuesOf(withItem({ $ref: 'http://example.com/evil.json' }))).toMatchObject([{ pointer: '/properties/extra/$ref', message: expect.stringContaining('$ref may only point at urn:pinzhi:std:') }]);
    expect(fetched).not.toHaveBeenCalled();
    fetched.mockRestore();
  });

  it('rejects a $ref to itself as a cycle', () => {
    expect(issuesOf(withItem({ $ref: 'urn:pinzhi:std:M01.P01.W001' }))).toMatchObject([{ pointer: '/properties/extra/$ref', message: '$ref cycle: M01.P01.W001 refers to itself' }]);
  });

  it('rejects a 10 MB document before parsing it as a schema', () => {
    const doc = withItem({ type: 'string', description: '很'.repeat(3_500_000) });
    expect(issuesOf(doc)).toMatchObject([{ pointer: '', message: expect.stringMatching(/^document too large: \d+ bytes \(limit 2097152\)$/) }]);
  });

  it('rejects nesting 1,000 deep at the place it gets too deep', () => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < 1000; i++) node = (node.not = {}) as Record<string, unknown>;
    const [issue] = issuesOf(withItem({ allOf: [root] }));
    expect(issue.message).toBe('nested deeper than 32 levels');
    expect(issue.pointer.startsWith('/properties/extra/allOf/0/not/not')).toBe(true);
  });

  it('rejects a pattern RE2 cannot run in linear time', () => {
    expect(issuesOf(withItem({ type: 'string', pattern: '^(a)\\1$' }))).toMatchObject([{ pointer: '/properties/extra/pattern', message: expect.stringContaining('RE2') }]);
    expect(issuesOf(withItem({ type: 'string', pattern: '(?=a)b' }))).toHaveLength(1);
  });

  it('evaluates a backtracking-prone pattern in linear time', () => {
    // given a pattern that hangs a backtracking engine on "aaaa…!"
    const doc = withItem({ type: 'string', pattern: '^(a+)+$' });
    expect(issuesOf(doc)).toMatchObject([]);
    const validate = ajv.compile({ type: 'string', pattern: '^(a+)+$' });
    // when
    const started = process.hrtime.bigint();
    const ok = validate(`${'a'.repeat(50_000)}!`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // then it answers (a backtracking engine would need ~2^50000 steps)
    expect(ok).toBe(false);
    expect(ms).toBeLessThan(5000);
  });

  it('reports a strict-mode problem (a keyword for the wrong type)', () => {
    expect(issuesOf(withItem({ type: 'integer', minLength: 3 }))).toMatchObject([{ pointer: '/properties/extra', message: expect.stringContaining('strictTypes') }]);
  });

  it('checks identity: $id, kind and parent follow the code', () => {
    const doc = instruction('M01.P01.W001', { $id: 'urn:pinzhi:std:M01.P01.W002' });
    expect(issuesOf(doc)).toMatchObject([{ pointer: '/$id', message: 'must be "urn:pinzhi:std:M01.P01.W001" (the x-standard code)' }]);
    const wrongParent = instruction('M01.P01.W001');
    (wrongParent['x-standard'] as any).parent = 'M01.P02';
    expect(issuesOf(wrongParent)).toMatchObject([{ pointer: '/x-standard/parent', message: 'the parent of M01.P01.W001 is M01.P01' }]);
  });

  it('requires x-check on every check item, and only there', () => {
    const doc = withItem({ type: 'boolean' });
    delete (doc.properties as any).extra['x-check'];
    expect(issuesOf(doc)).toMatchObject([{ pointer: '/properties/extra/x-check', message: expect.stringContaining('needs x-check') }]);
  });

  it('keeps a rating\'s passing answers among its options', () => {
    const rating = (passing: string[] | undefined) => {
      const doc = withItem({ type: 'string', ...(passing ? { enum: passing } : {}) });
      ((doc.properties as any).extra['x-check']).options = ['优', '良', '中', '差'];
      return doc;
    };
    expect(issuesOf(rating(['优', '良']))).toMatchObject([]);
    expect(issuesOf(rating(['优', '好']))).toMatchObject([{ pointer: '/properties/extra/enum/1', message: '"好" passes but is not one of the options' }]);
    expect(issuesOf(rating(undefined))).toMatchObject([{ pointer: '/properties/extra/x-check/options', message: 'options belong to a rating: the item needs an enum of the options that pass' }]);
  });

  it('accepts the place an item is checked at, one kind of the list', () => {
    // given an item checked in the lift, and one without a place
    const inLift = withItem({ type: 'boolean' });
    ((inLift.properties as any).extra['x-check']).place = 'lift';
    // when validated / then both are standards (the place is optional)
    expect(issuesOf(inLift)).toEqual([]);
    expect(issuesOf(withItem({ type: 'boolean' }))).toEqual([]);
    for (const { kind } of PLACE_KINDS) {
      ((inLift.properties as any).extra['x-check']).place = kind;
      expect({ kind, issues: issuesOf(inLift) }).toEqual({ kind, issues: [] });
    }
  });

  it('refuses a place that is not a kind of the list, pointing at it', () => {
    // given an item checked at a place the language does not know, and one whose place is not a string
    const kitchen = withItem({ type: 'boolean' });
    ((kitchen.properties as any).extra['x-check']).place = 'kitchen';
    const list = withItem({ type: 'boolean' });
    ((list.properties as any).extra['x-check']).place = ['lobby', 'lift'];
    // when validated / then the issue names the place and the kinds allowed
    expect(issuesOf(kitchen)).toEqual([{
      pointer: '/properties/extra/x-check/place', code: 'ajv.enum', params: { allowedValues: PLACE_KINDS.map((p) => p.kind) },
      message: expect.stringMatching(/^must be one of: "lobby", "corridor", "lift", "car-park", .*"public-area"$/),
    }]);
    expect(issuesOf(list)).toMatchObject([{ pointer: '/properties/extra/x-check/place', code: 'ajv.enum' }]);
  });

  it('documents each kind of place in the x-check vocabulary with its Chinese and English name', () => {
    // given the vocabulary's schema / then its enum is the list of kinds, each named in both languages
    const place = (JSON.parse(readFileSync(new URL('../../schema/x-check.schema.json', import.meta.url), 'utf8')).properties.place) as { enum: string[]; description: string };
    expect(place.enum).toEqual(PLACE_KINDS.map((p) => p.kind));
    expect(place.enum.length).toBeLessThanOrEqual(16);
    for (const p of PLACE_KINDS) expect(place.description).toContain(`${p.kind} ${p.zh} / ${p.en} (`);
  });

  it('gives every issue a stable code with its parameters', () => {
    // given limits that contradict each other, a typo and a wrong type
    // when validated / then each issue names its code and what the message is made of
    expect(issuesOf(withItem({ type: 'integer', minimum: 5, maximum: 3 }))).toEqual([
      { pointer: '/properties/extra/maximum', code: 'standard.maximum_below_minimum', params: { pointer: '/properties/extra/maximum', minimum: 5, maximum: 3 }, message: 'maximum 3 is below minimum 5' },
    ]);
    expect(issuesOf(withItem({ type: 'integer', minimun: 3 }))).toEqual([{ pointer: '/properties/extra/minimun', code: 'standard.keyword_unknown', params: { keyword: 'minimun' }, message: 'unknown or forbidden keyword "minimun"' }]);
    const doc = withItem({ type: 'integer' });
    ((doc.properties as Record<string, Record<string, unknown>>).extra['x-check'] as Record<string, unknown>).weight = 'heavy';
    expect(issuesOf(doc)).toEqual([{ pointer: '/properties/extra/x-check/weight', code: 'ajv.type', params: { type: 'number' }, message: 'must be number' }]);
  });

  it('rejects input that is not an object', () => {
    expect(issuesOf('not a schema')).toMatchObject([{ pointer: '', message: 'must be an object' }]);
    expect(issuesOf([1, 2])).toMatchObject([{ pointer: '', message: 'must be an object' }]);
  });
});
