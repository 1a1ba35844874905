import { RE2JS } from 're2js';

/**
 * The regular-expression engine behind every `pattern` Ajv evaluates: RE2 semantics (re2js),
 * so matching is linear in the input and a pattern such as `^(a+)+$` cannot backtrack
 * catastrophically. Patterns RE2 cannot express (back-references, look-around) are rejected
 * when the document is validated, through the `re2-regex` format.
 */
export function re2RegExp(pattern: string, flags = ''): { test: (s: string) => boolean; toString(): string } {
  const compiled = RE2JS.compile(pattern);
  // Ajv keys its compiled-pattern cache by toString(), so it must name the pattern.
  return { test: (s: string) => compiled.test(s), toString: () => `/${pattern}/${flags}` };
}
re2RegExp.code = 're2js';

/** True when RE2 can compile the pattern. */
export function isRe2Pattern(pattern: string): boolean {
  try {
    RE2JS.compile(pattern);
    return true;
  } catch {
    return false;
  }
}
