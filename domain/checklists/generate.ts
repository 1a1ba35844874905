import { createHash } from 'node:crypto';
import { issue, ValidationError } from '../shared/errors.ts';
import { checklistMessage } from './checklist.messages.ts';
import { escapePointerToken, isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import { answerTypeSchema, describeCriterion, inputKind, type Criterion, type InputKind } from './criterion.ts';
import { stratifiedSample } from './sampling.ts';
import { treeCode } from '../standards/namespace.ts';
import type { Layer } from '../standards/diff/change.ts';

/** The routine supervision tiers (scheduled rounds). */
export type RoutineTier = 'daily' | 'monthly' | 'quarterly';
/** Assessment kinds: a scenario assessment (情景模拟考核) or a mystery-customer audit (神秘客户暗访), each on its tagged items. */
export type AssessmentTier = 'scenario' | 'mystery';
export type Tier = RoutineTier | AssessmentTier;
export const TIERS: Tier[] = ['daily', 'monthly', 'quarterly', 'scenario', 'mystery'];
export const ROUTINE_TIERS: RoutineTier[] = ['daily', 'monthly', 'quarterly'];
export const ASSESSMENT_TIERS: AssessmentTier[] = ['scenario', 'mystery'];

/** Whether a tier is an assessment kind (scenario or mystery) rather than a routine round. */
export function isAssessmentTier(tier: string): tier is AssessmentTier {
  return tier === 'scenario' || tier === 'mystery';
}

/** One check item as an inspector's phone shows it. */
export interface ChecklistItem {
  /** `<code>@<version>#<json-pointer>`: the standard version and the item it came from */
  id: string;
  code: string;
  version: number;
  key: string;
  module: string;
  procedure: string;
  instructionTitle: string;
  title: string;
  description: string | null;
  criterion: Criterion;
  input: InputKind;
  unit: string | null;
  /** every answer a rating offers, in order (for choice items) */
  options: string[] | null;
  evidence: string;
  severity: string;
  weight: number;
  method: string;
  tiers: string[];
  touchpoints: string[];
  /** the kind of place the item is checked at (`x-check.place`: lobby, lift, car-park …), null when the standard names none */
  place: string | null;
  rectifyWithinHours: number | null;
  hint: string | null;
  /** the pass criterion as JSON Schema: an answer that validates passes */
  schema: JsonObject;
  /** the layer of the library the criterion comes from: the shared baseline, the organisation's overlay or addition, or the project profile's variant */
  layer: Layer;
}

/** A pinned work instruction as the checklist reads it (the variant already applied). */
export interface PinnedInstruction {
  code: string;
  version: number;
  title: string;
  schema: JsonObject;
  /** the layer each item's criterion comes from, by item key (baseline when absent) */
  layers?: Record<string, Layer>;
}

/** What an organisation's layer added to a checklist: its edition (if one pinned it) and the overlay and addition versions applied. */
export interface ChecklistLayers {
  organisationEdition: string | null;
  overlays: string[];
  additions: string[];
}

export interface ChecklistRequest {
  projectId: number;
  /** the project's code (e.g. HD01): with the month, it seeds the monthly sample */
  projectCode: string;
  tier: Tier;
  /** a module, procedure or instruction code, or '' for the whole library */
  scope: string;
  edition: string;
  /** the day the checklist is for (YYYY-MM-DD); monthly samples are drawn per month */
  date: string;
  variant: { profile: string; version: number } | null;
  /** the organisation's layer, when it changes anything */
  organisation?: ChecklistLayers | null;
}

export interface Checklist {
  id: string;
  projectId: number;
  projectCode: string;
  tier: Tier;
  scope: string;
  edition: string;
  /** what the content depends on besides the edition: the month of a monthly sample, else null */
  period: string | null;
  variant: { profile: string; version: number } | null;
  organisation?: ChecklistLayers;
  itemCount: number;
  items: ChecklistItem[];
  /** JSON Schema of a well-formed submission's `answers` object, for offline validation */
  answerSchema: JsonObject;
}

const PASS_KEYWORDS = ['type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'items', 'minItems', 'maxItems', 'uniqueItems'];

/** The part of an item's schema that decides pass or fail. */
function passSchema(item: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(item).filter(([k]) => PASS_KEYWORDS.includes(k)));
}

/** Keywords the standards language allows on an item that checklists cannot yet judge or put into words. */
const UNSUPPORTED_ON_ITEMS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'contains', 'prefixItems', 'properties', 'patternProperties', 'additionalProperties'];

function checklistItem(doc: PinnedInstruction, key: string, item: JsonObject): ChecklistItem {
  const unsupported = UNSUPPORTED_ON_ITEMS.filter((k) => k in item);
  if (unsupported.length > 0 || Array.isArray(item.type)) {
    // Refuse rather than judge by a simplified criterion.
    throw new ValidationError(checklistMessage('checklist.item_unsupported', { code: doc.code, version: doc.version, key }), [issue(`/properties/${escapePointerToken(key)}`, unsupported.length ? checklistMessage('checklist.item_keywords_unsupported', { keywords: unsupported }) : checklistMessage('checklist.item_type_list_unsupported'))]);
  }
  const check = isJsonObject(item['x-check']) ? item['x-check'] : {};
  const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : null);
  return {
    id: `${doc.code}@${doc.version}#/properties/${escapePointerToken(key)}`,
    code: doc.code,
    version: doc.version,
    key,
    module: treeCode(doc.code).slice(0, 3),
    procedure: treeCode(doc.code).slice(0, 7),
    instructionTitle: doc.title,
    title: str(item.title) ?? key,
    description: str(item.description),
    criterion: describeCriterion(item),
    input: inputKind(item),
    unit: str(check.unit),
    options: Array.isArray(check.options) ? check.options.map(String) : inputKind(item) === 'choice' ? (item.enum as JsonValue[]).map(String) : null,
    evidence: str(check.evidence) ?? 'none',
    severity: String(check.severity),
    weight: Number(check.weight),
    method: String(check.method),
    tiers: (check.tiers as string[]) ?? [],
    touchpoints: (check.touchpoints as string[]) ?? [],
    place: str(check.place),
    rectifyWithinHours: typeof check.rectifyWithinHours === 'number' ? check.rectifyWithinHours : null,
    hint: str(check.hint),
    schema: passSchema(item),
    layer: doc.layers?.[key] ?? 'baseline',
  };
}

/** The JSON Schema of a submission's answers: one entry per item, a value of the right type or N/A with a reason. */
function answerSchema(items: ChecklistItem[]): JsonObject {
  const properties: JsonObject = {};
  for (const item of items) {
    properties[item.id] = {
      type: 'object',
      properties: {
        value: answerTypeSchema(item),
        notApplicable: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
        photos: { type: 'array', items: { type: 'string', pattern: '^[0-9a-f]{64}$' }, maxItems: 20, uniqueItems: true },
        remark: { type: 'string', maxLength: 2000 },
      },
      oneOf: [{ properties: { value: true }, required: ['value'] }, { properties: { notApplicable: true }, required: ['notApplicable'] }],
      additionalProperties: false,
    };
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties, required: items.map((i) => i.id), additionalProperties: false };
}

/** The month a monthly sample is drawn for, from YYYY-MM-DD. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * Generates a checklist from pinned instructions: `daily` (project patrol) takes the items tagged
 * daily, `monthly` (regional flying inspection) a stratified random sample per module of the items
 * tagged monthly, seeded by project and month, `quarterly` (HQ audit) every item in scope, `scenario`
 * and `mystery` (assessments) every item tagged for them. The id is
 * the sha256 of the content, so the same request always gives the same checklist and id.
 */
export function generateChecklist(request: ChecklistRequest, instructions: PinnedInstruction[]): Checklist {
  return generateChecklistJson(request, instructions).checklist;
}

/**
 * `generateChecklist`, with the checklist's JSON text as well (what is stored and served by id).
 * The content is built in a fixed order, so its JSON text is deterministic and its sha256 is the id.
 */
export function generateChecklistJson(request: ChecklistRequest, instructions: PinnedInstruction[]): { checklist: Checklist; json: string } {
  const all: ChecklistItem[] = [];
  for (const doc of [...instructions].sort((a, b) => a.code.localeCompare(b.code))) {
    const tree = treeCode(doc.code);
    if (request.scope && tree !== request.scope && !tree.startsWith(`${request.scope}.`)) continue;
    for (const [key, item] of Object.entries((doc.schema.properties ?? {}) as JsonObject)) {
      if (!isJsonObject(item)) continue;
      const entry = checklistItem(doc, key, item);
      all.push(entry);
    }
  }
  const period = request.tier === 'monthly' ? monthOf(request.date) : null;
  const items = request.tier === 'quarterly' ? all
    : request.tier !== 'monthly' ? all.filter((i) => i.tiers.includes(request.tier))
      : stratifiedSample(all.filter((i) => i.tiers.includes('monthly')), (i) => i.module, `${request.projectCode}|${period}`);
  const content = { projectId: request.projectId, projectCode: request.projectCode, tier: request.tier, scope: request.scope, edition: request.edition, period, variant: request.variant, ...(request.organisation ? { organisation: request.organisation } : {}), itemCount: items.length, items, answerSchema: answerSchema(items) };
  const body = JSON.stringify(content);
  const id = createHash('sha256').update(body).digest('hex');
  return { checklist: { id, ...content }, json: `{"id":"${id}",${body.slice(1)}` };
}
