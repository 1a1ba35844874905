/**
 * Codes of the shared baseline library and of organisations' own additions. Baseline codes are
 * `M03`, `M03.P01`, `M03.P01.W002`; an organisation's additions carry its prefix, `JH-M03.P01.W101`
 * (under a baseline procedure) or `JH-M08` (a module of its own), so no addition can take a code the
 * baseline will ever use, nor another organisation's.
 */

/** A standard code in any namespace: an optional `<PREFIX>-` then the baseline shape. */
export const STANDARD_CODE = /^([A-Z][A-Z0-9]{1,9}-)?M[0-9]{2}(\.P[0-9]{2}(\.W[0-9]{3})?)?$/;

/** The namespace prefix of a code (`JH` of `JH-M03.P01.W101`), null for a baseline code. */
export function namespaceOf(code: string): string | null {
  const m = /^([A-Z][A-Z0-9]{1,9})-/.exec(code);
  return m ? m[1] : null;
}

/** The code without its namespace (`M03.P01.W101`): where the document sits in the module tree. */
export function treeCode(code: string): string {
  const prefix = namespaceOf(code);
  return prefix ? code.slice(prefix.length + 1) : code;
}

/** The namespace prefix an organisation's additions use, from its code (`jinghua` → `JINGHUA`, `2nd-co` → `O2NDCO`). */
export function prefixOf(organisationCode: string): string {
  const letters = organisationCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const prefix = /^[A-Z]/.test(letters) ? letters : `O${letters}`;
  return prefix.padEnd(2, 'X').slice(0, 10);
}

/**
 * The parents a document of this code may have: the code one level up, and for an addition the
 * baseline document of that code too (an organisation's instruction under a baseline procedure).
 */
export function allowedParents(code: string): string[] {
  const segments = code.split('.');
  if (segments.length === 1) return [];
  const parent = segments.slice(0, -1).join('.');
  return namespaceOf(code) ? [parent, treeCode(parent)] : [parent];
}
