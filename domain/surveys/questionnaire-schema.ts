/**
 * The questionnaire language. A questionnaire version is a JSON Schema 2020-12 object whose
 * `properties` are its questions, in the order asked; each question carries a Chinese `title` and
 * two annotations:
 *
 * - `x-role`: `"overall"` — overall satisfaction, an integer scale 1–5 or 1–10 (exactly one);
 *   `"nps"` — likelihood to recommend, an integer 0–10 (at most one; its answer fills
 *   `survey_response.nps`); `"driver"` — a key-driver question, an integer scale with declared
 *   `minimum` < `maximum`; `"comment"` — free text (a string, at most MAX_COMMENT_CHARS).
 * - `x-driver`: on driver questions only, the driver's short name (环境品质, 服务响应, 费用透明 …),
 *   unique within the questionnaire. Analytics (NPS, key drivers) read questions through
 *   `questionsOf`, never by property name.
 *
 * The order asked is the root's `x-order`, listing every question key once: the database keeps
 * schemas as jsonb, which does not keep the order of an object's keys. Without it, questions come
 * in the order the object holds them.
 *
 * Answers are an object question key → value, validated by the schema itself (Ajv, the one
 * instance of `domain/standards/ajv.ts`); unanswered optional questions are simply absent.
 * Pure rules: no database, no transport.
 */
import { ajv, compileCached } from '../standards/ajv.ts';
import { ajvIssues } from '../standards/validate.ts';
import { issue, type Issue } from '../shared/errors.ts';
import { isJsonObject, pointer, type JsonObject, type JsonValue } from '../shared/json.ts';
import { surveyMessage as m } from './survey.messages.ts';

export const QUESTION_ROLES = ['overall', 'nps', 'driver', 'comment'] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];
/** The longest free-text answer kept. */
export const MAX_COMMENT_CHARS = 2000;
/** The most questions a questionnaire may ask (a household answers on a phone). */
export const MAX_QUESTIONS = 60;

/** One question, as analytics and forms see it. */
export interface Question {
  /** the property name: the key of its answer */
  key: string;
  title: string;
  role: QuestionRole;
  /** driver questions: the driver's name */
  driver: string | null;
  /** scale questions: the lowest and highest answer; null for comments */
  minimum: number | null;
  maximum: number | null;
  required: boolean;
}

// The annotations are keywords of the shared Ajv instance (strict mode rejects unknown keywords),
// each with a schema of its own so a typo in a role is an error of the questionnaire.
if (!ajv.getKeyword('x-role')) ajv.addKeyword({ keyword: 'x-role', metaSchema: { enum: [...QUESTION_ROLES] } });
if (!ajv.getKeyword('x-driver')) ajv.addKeyword({ keyword: 'x-driver', metaSchema: { type: 'string', minLength: 1, maxLength: 32 } });
if (!ajv.getKeyword('x-order')) ajv.addKeyword({ keyword: 'x-order', metaSchema: { type: 'array', items: { type: 'string' }, uniqueItems: true } });

const isRole = (value: unknown): value is QuestionRole => (QUESTION_ROLES as readonly unknown[]).includes(value);

/** The questions of a schema in the order asked (assumes a schema that passed `questionnaireIssues`). */
export function questionsOf(schema: JsonObject): Question[] {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const order = Array.isArray(schema['x-order']) ? schema['x-order'].filter((k): k is string => typeof k === 'string' && k in properties) : [];
  const keys = [...order, ...Object.keys(properties).filter((k) => !order.includes(k))];
  return keys.map((key): [string, JsonValue] => [key, properties[key]]).filter(([, q]) => isJsonObject(q) && isRole(q['x-role'])).map(([key, q]) => {
    const question = q as JsonObject;
    return {
      key,
      title: typeof question.title === 'string' ? question.title : key,
      role: question['x-role'] as QuestionRole,
      driver: typeof question['x-driver'] === 'string' ? question['x-driver'] : null,
      minimum: typeof question.minimum === 'number' ? question.minimum : null,
      maximum: typeof question.maximum === 'number' ? question.maximum : null,
      required: required.includes(key),
    };
  });
}

/** The problems of one question against its role's rules. */
function questionIssues(key: string, q: JsonObject): Issue[] {
  const at = (...rest: string[]) => pointer('properties', key, ...rest);
  if (typeof q.title !== 'string' || q.title.trim() === '') return [issue(at('title'), m('survey.title_missing'))];
  const role = q['x-role'];
  if (!isRole(role)) return [issue(at('x-role'), m('survey.role_missing'))];
  if (role !== 'driver' && q['x-driver'] !== undefined) return [issue(at('x-driver'), m('survey.driver_only'))];
  if (role === 'comment') {
    const fits = q.type === 'string' && (q.maxLength === undefined || (typeof q.maxLength === 'number' && q.maxLength <= MAX_COMMENT_CHARS));
    return fits ? [] : [issue(at(), m('survey.comment_rule', { limit: MAX_COMMENT_CHARS }))];
  }
  const { minimum, maximum } = q;
  if (q.type !== 'integer' || typeof minimum !== 'number' || typeof maximum !== 'number' || minimum >= maximum) {
    return [issue(at(), m('survey.scale_bounds'))];
  }
  if (role === 'overall' && !(minimum === 1 && (maximum === 5 || maximum === 10))) {
    return [issue(at(), m('survey.scale_rule', { role, minimum: 1, maximum: '5 | 10' }))];
  }
  if (role === 'nps' && !(minimum === 0 && maximum === 10)) return [issue(at(), m('survey.scale_rule', { role, minimum: 0, maximum: 10 }))];
  if (role === 'driver' && (typeof q['x-driver'] !== 'string' || q['x-driver'].trim() === '')) return [issue(at('x-driver'), m('survey.driver_missing'))];
  return [];
}

/** The rules across questions: one overall, at most one NPS, drivers named once, `required` names questions. */
function questionnaireRules(schema: JsonObject, properties: JsonObject): Issue[] {
  const issues: Issue[] = [];
  const questions = Object.values(properties).filter(isJsonObject);
  const overall = questions.filter((q) => q['x-role'] === 'overall').length;
  if (overall !== 1) issues.push(issue('/properties', m('survey.overall_count', { count: overall })));
  const nps = questions.filter((q) => q['x-role'] === 'nps').length;
  if (nps > 1) issues.push(issue('/properties', m('survey.nps_count', { count: nps })));
  const drivers = new Set<string>();
  for (const [key, q] of Object.entries(properties)) {
    const driver = isJsonObject(q) && q['x-role'] === 'driver' ? q['x-driver'] : undefined;
    if (typeof driver !== 'string') continue;
    if (drivers.has(driver)) issues.push(issue(pointer('properties', key, 'x-driver'), m('survey.driver_repeated', { driver })));
    drivers.add(driver);
  }
  const order = schema['x-order'];
  if (order !== undefined && (!Array.isArray(order) || order.length !== Object.keys(properties).length || !order.every((k) => typeof k === 'string' && k in properties) || new Set(order).size !== order.length)) {
    issues.push(issue('/x-order', m('survey.order_rule')));
  }
  for (const [i, name] of (Array.isArray(schema.required) ? schema.required : []).entries()) {
    if (typeof name !== 'string' || !(name in properties)) issues.push(issue(pointer('required', i), m('survey.required_unknown', { name: String(name) })));
  }
  return issues;
}

/**
 * Everything wrong with a questionnaire schema, each at its JSON Pointer; empty when it can be
 * published. Checks JSON Schema validity (Ajv's meta-schema, strict mode) and the questionnaire rules.
 */
export function questionnaireIssues(schema: unknown): Issue[] {
  if (!isJsonObject(schema) || schema.type !== 'object' || !isJsonObject(schema.properties) || '$id' in schema || '$ref' in schema) {
    return [issue('', m('survey.schema_not_object'))];
  }
  if (!ajv.validateSchema(schema)) return ajvIssues(ajv.errors);
  const keys = Object.keys(schema.properties);
  if (keys.length === 0 || keys.length > MAX_QUESTIONS) return [issue('/properties', m('survey.no_questions'))];
  const issues = keys.flatMap((key) => {
    const question = (schema.properties as JsonObject)[key];
    return isJsonObject(question) ? questionIssues(key, question) : [issue(pointer('properties', key), m('survey.role_missing'))];
  });
  issues.push(...questionnaireRules(schema, schema.properties));
  if (issues.length > 0) return issues;
  try {
    compileCached(schema);
  } catch (error) {
    // strict mode's complaints (an unknown keyword, a misplaced one) name the problem in English
    return [issue('', m('survey.schema_rejected', { reason: (error as Error).message }))];
  }
  return [];
}

/** Everything wrong with answers to a (valid) questionnaire schema, each at its pointer in the answers. */
export function answerIssues(schema: JsonObject, answers: unknown): Issue[] {
  if (!isJsonObject(answers)) return [issue('', m('survey.answers_not_object'))];
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const unknown = Object.keys(answers).filter((key) => !(key in properties));
  if (unknown.length > 0) return unknown.map((name) => issue(pointer(name), m('survey.answer_unknown', { name })));
  const tooLong = questionsOf(schema).filter((q) => q.role === 'comment' && typeof answers[q.key] === 'string' && (answers[q.key] as string).length > MAX_COMMENT_CHARS);
  if (tooLong.length > 0) return tooLong.map((q) => issue(pointer(q.key), m('survey.comment_rule', { limit: MAX_COMMENT_CHARS })));
  const validate = compileCached(schema);
  return validate(answers) ? [] : ajvIssues(validate.errors);
}

/** The likelihood-to-recommend answer (0–10), or null when the questionnaire does not ask it or it was skipped. */
export function npsAnswer(schema: JsonObject, answers: JsonObject): number | null {
  const question = questionsOf(schema).find((q) => q.role === 'nps');
  const value = question ? answers[question.key] : undefined;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
