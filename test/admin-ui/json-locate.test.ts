import { locatePointers, spanOf } from '../../admin-ui/src/pages/standards/editor/json-locate.ts';
import { instruction } from '../fixtures.ts';

// The JSON tab marks the server's issues where they are written: pointers must map to the right text.
describe('locatePointers', () => {
  const text = JSON.stringify(instruction('M09.P01.W001'), null, 2);
  const spans = locatePointers(text);
  const at = (pointer: string) => { const s = spanOf(spans, pointer)!; return text.slice(s.from, s.to); };

  it('maps a member to its key and value', () => {
    expect(at('/properties/cleaningsPerDay/minimum')).toBe('"minimum": 3');
    expect(at('/x-standard/code')).toBe('"code": "M09.P01.W001"');
  });

  it('maps array entries and escaped keys', () => {
    expect(at('/required/1')).toBe('"panelDisinfected"');
    const oddText = '{"a/b": {"c~d": [1, {"e": null}]}}';
    const span = locatePointers(oddText).get('/a~1b/c~0d/1/e')!;
    expect(oddText.slice(span.from, span.to)).toBe('"e": null');
  });

  it('falls back to the nearest ancestor written in the text', () => {
    expect(at('/properties/cleaningsPerDay/maximum')).toMatch(/^"cleaningsPerDay": \{/);
    expect(spanOf(spans, '')).toEqual({ from: 0, to: text.length });
  });

  it('keeps what was read before a syntax error', () => {
    const broken = locatePointers('{"title": "x", "type": obj');
    expect(broken.get('/title')).toEqual({ from: 1, to: 13 });
    expect(broken.has('/type')).toBe(false);
  });
});
