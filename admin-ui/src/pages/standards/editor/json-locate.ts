/** Where a value stands in JSON text: from its key (for a member) or its first character, to its last. */
export interface Span {
  from: number;
  to: number;
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Maps every JSON Pointer of a JSON text to the span of its member (key and value) or array entry,
 * so an issue the server reports at a pointer can be marked where it is written. Text after a
 * syntax error is left out; what was read before it is still mapped.
 */
export function locatePointers(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i++; };
  const fail = (): never => { throw new SyntaxError(`at ${i}`); };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, from: number): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const keyFrom = i;
        const key = string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(`${path}/${escape(key)}`, keyFrom);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; break; }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else for (let n = 0; ; n++) {
        ws();
        value(`${path}/${n}`, i);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        fail();
      }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    }
    spans.set(path, { from, to: i });
  };
  try {
    ws();
    value('', i);
  } catch {
    // a syntax error: the spans read so far stand
  }
  return spans;
}

/** The span of `pointer`, or of its nearest ancestor written in the text (a missing member is marked on its parent). */
export function spanOf(spans: Map<string, Span>, pointer: string): Span | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const span = spans.get(p);
    if (span) return span;
    if (p === '') return undefined;
  }
}
