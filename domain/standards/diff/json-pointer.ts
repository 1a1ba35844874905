/**
 * Splits a JSON Pointer (RFC 6901) into its unescaped reference tokens.
 * Returns `undefined` when the pointer is malformed (no leading `/`, or a `~` not followed by 0 or 1).
 */
export function parsePointer(ptr: string): string[] | undefined {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) return undefined;
  const tokens = ptr.slice(1).split('/');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.includes('~')) continue;
    if (/~(?![01])/.test(token)) return undefined;
    // `~1` first, then `~0`, so that `~01` decodes to `~1` and not to `/`.
    tokens[i] = token.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return tokens;
}

/**
 * Reads an array index token: a canonical non-negative integer (no sign, no leading zeros).
 * Returns `undefined` for anything else, including `-`.
 */
export function parseArrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}
