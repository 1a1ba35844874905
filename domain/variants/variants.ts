import { issue, ValidationError, type Issue } from '../shared/errors.ts';
import { sharedMessage } from '../shared/shared.messages.ts';
import { variantMessage } from './variant.messages.ts';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { validateStandard } from '../standards/validate.ts';
import { DEFAULT_LIMITS, type DocumentLimits } from '../shared/limits.ts';

/** One variant's change to one base document: a JSON Merge Patch (RFC 7386) and why. */
export interface Overlay {
  code: string;
  note: string;
  patch: JsonObject;
}

/** A project profile's variant of the library, e.g. `platinum` (白金服务标准) for commercial complexes. */
export interface Variant {
  profile: string;
  title: string;
  description: string;
  overlays: Overlay[];
}

/** RFC 7386 JSON Merge Patch: objects merge member by member, `null` removes, anything else replaces. */
export function mergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

const PROFILE = /^[a-z][a-z0-9-]{0,31}$/;

/** Parts of a standard an overlay may not touch: what the document is, not what it requires. */
const IDENTITY_FIELDS = ['$schema', '$id', 'x-standard'];

/**
 * Applies an overlay to its base document and checks that the result is still a valid standard
 * with the same identity. Throws a ValidationError locating each problem in the patch.
 */
export function applyOverlay(base: JsonObject, overlay: Overlay, limits: DocumentLimits = DEFAULT_LIMITS): JsonObject {
  const issues: Issue[] = IDENTITY_FIELDS.filter((f) => f in overlay.patch).map((f) => issue(pointer(f), variantMessage('variant.overlay_field_fixed', { field: f })));
  if (issues.length > 0) throw new ValidationError(variantMessage('variant.overlay_identity', { code: overlay.code }), issues);
  const result = mergePatch(base, overlay.patch) as JsonObject;
  try {
    validateStandard(result, limits);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(variantMessage('variant.overlay_invalid', { code: overlay.code }), error.issues);
    throw error;
  }
  return result;
}

/**
 * Checks a variant's shape (profile name, one overlay per document, notes present) and returns it
 * typed. Whether each overlay applies is checked against base documents by `applyOverlay`.
 */
export function parseVariant(input: unknown): Variant {
  const issues: Issue[] = [];
  if (!isJsonObject(input as JsonValue)) throw new ValidationError(variantMessage('variant.not_object'), [issue('', sharedMessage('value.must_be_object'))]);
  const v = input as JsonObject;
  if (typeof v.profile !== 'string' || !PROFILE.test(v.profile)) issues.push(issue('/profile', variantMessage('variant.profile_rule')));
  for (const f of ['title', 'description'] as const) if (typeof v[f] !== 'string' || v[f] === '') issues.push(issue(pointer(f), sharedMessage('value.non_empty_string')));
  const overlays = Array.isArray(v.overlays) ? v.overlays : [];
  if (!Array.isArray(v.overlays)) issues.push(issue('/overlays', sharedMessage('value.must_be_array')));
  const seen = new Set<string>();
  overlays.forEach((o, i) => {
    if (!isJsonObject(o)) return void issues.push(issue(pointer('overlays', i), sharedMessage('value.must_be_object')));
    if (typeof o.code !== 'string') issues.push(issue(pointer('overlays', i, 'code'), variantMessage('variant.code_rule')));
    else if (seen.has(o.code)) issues.push(issue(pointer('overlays', i, 'code'), variantMessage('variant.overlay_twice', { code: o.code })));
    else seen.add(o.code);
    if (typeof o.note !== 'string' || o.note === '') issues.push(issue(pointer('overlays', i, 'note'), variantMessage('variant.note_rule')));
    if (!isJsonObject(o.patch)) issues.push(issue(pointer('overlays', i, 'patch'), variantMessage('variant.patch_rule')));
  });
  if (issues.length > 0) throw new ValidationError(variantMessage('variant.invalid'), issues);
  return v as unknown as Variant;
}

/** A customer touchpoint (客户触点): a moment and place where a resident meets the service. */
export interface Touchpoint {
  code: string;
  name: string;
  stage: string;
  place: string;
}
