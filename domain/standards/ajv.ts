import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isRe2Pattern, re2RegExp } from './regex-engine.ts';
import type { JsonObject } from '../shared/json.ts';
import { contentHash } from './content-hash.ts';

// ajv and ajv-formats are CommonJS: their default export sits one level down under ESM.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

const schemaDir = new URL('../../schema/', import.meta.url);
const loadSchema = (name: string): JsonObject => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8'));

export const META_SCHEMA_ID = 'urn:pinzhi:meta:standard';
export const X_STANDARD_ID = 'urn:pinzhi:vocab:x-standard';
export const X_CHECK_ID = 'urn:pinzhi:vocab:x-check';

/**
 * The one Ajv instance of Pinzhi (JSON Schema 2020-12, strict mode, all errors). It knows the
 * standards language — the meta-schema and the `x-standard` / `x-check` vocabularies, declared as
 * keywords with their own schemas so a typo inside them is an error — and evaluates patterns with
 * RE2. No other module constructs an Ajv; nothing is ever fetched (`loadSchema` is not set).
 */
export const ajv = new Ajv2020({
  strict: true,
  allErrors: true,
  allowUnionTypes: true,
  // decimal limits such as multipleOf 0.1 judged without binary rounding errors
  multipleOfPrecision: 9,
  code: { regExp: re2RegExp },
});
addFormats(ajv, ['date', 'time', 'date-time', 'duration', 'email', 'uri', 'uuid']);
ajv.addFormat('re2-regex', { type: 'string', validate: isRe2Pattern });
// a photo uploaded with uploadPhoto, named by its sha256 (workflow forms use it for evidence photos)
ajv.addFormat('photo-id', { type: 'string', validate: /^[0-9a-f]{64}$/ });

const xStandard = loadSchema('x-standard.schema.json');
const xCheck = loadSchema('x-check.schema.json');
ajv.addSchema(xStandard);
ajv.addSchema(xCheck);
ajv.addKeyword({ keyword: 'x-standard', metaSchema: { $ref: X_STANDARD_ID } });
ajv.addKeyword({ keyword: 'x-check', metaSchema: { $ref: X_CHECK_ID } });
// Added as ordinary schemas, not meta-schemas: Ajv does not evaluate formats (re2-regex) in meta-schemas.
ajv.addSchema(loadSchema('schema.meta.json'));
ajv.addSchema(loadSchema('standard.meta.json'));

/** Validates a document against the standards meta-schema. */
export const validateMeta: ValidateFunction = ajv.getSchema(META_SCHEMA_ID)!;

/** Cache of compiled validators by the schema's canonical JSON (forms and answer schemas repeat). */
const compiled = new Map<string, ValidateFunction>();

/**
 * Compiles a schema once per content hash. Schemas compiled here must not carry an `$id` that is
 * already registered; callers register pinned versions under `urn:pinzhi:std:<code>@<version>`.
 */
export function compileCached(schema: JsonObject): ValidateFunction {
  const hash = contentHash(schema);
  let validate = compiled.get(hash);
  if (!validate) {
    validate = ajv.compile(schema) as ValidateFunction;
    compiled.set(hash, validate);
  }
  return validate;
}

export type { ErrorObject };
