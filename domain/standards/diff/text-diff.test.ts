import fc from 'fast-check';
import { diffText, type TextSegment } from './text-diff.ts';

const side = (segments: TextSegment[], skip: TextSegment['op']): string =>
  segments.filter((s) => s.op !== skip).map((s) => s.text).join('');

describe('diffText', () => {
  it('diffs Chinese text character by character', () => {
    // when
    const segments = diffText('每日清洁3次', '每日清洁4次，高峰期加密');
    // then
    expect(segments).toEqual([
      { op: 'equal', text: '每日清洁' },
      { op: 'delete', text: '3' },
      { op: 'insert', text: '4' },
      { op: 'equal', text: '次' },
      { op: 'insert', text: '，高峰期加密' },
    ]);
  });

  it('returns one equal segment for equal texts and nothing for two empty ones', () => {
    expect(diffText('查阅记录', '查阅记录')).toEqual([{ op: 'equal', text: '查阅记录' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
  });

  it('rebuilds both texts, never splits a code point and never has two runs of one kind in a row', () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const segments = diffText(before, after);
        expect(side(segments, 'insert')).toBe(before);
        expect(side(segments, 'delete')).toBe(after);
        for (const [i, s] of segments.entries()) {
          expect(s.text).not.toBe('');
          expect(s.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
          if (i > 0) expect(segments[i - 1].op).not.toBe(s.op);
        }
      }),
      { numRuns: 300 },
    );
  });
});
