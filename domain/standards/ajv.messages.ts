import type { ErrorObject } from 'ajv';
import { messageFactory, renderTemplate, type Message, type MessageParams } from '../shared/messages.ts';

/**
 * Ajv's keyword errors as messages: the code is `ajv.<keyword>`, the parameters are Ajv's own
 * (`limit`, `comparison`, `missingProperty` …). The English follows Ajv's wording.
 */
export const AJV_MESSAGES = {
  'ajv.type': { en: 'must be {type}', 'zh-CN': '类型必须是 {type:json_type}' },
  'ajv.minimum': { en: 'must be {comparison} {limit}', 'zh-CN': '不能小于 {limit}' },
  'ajv.maximum': { en: 'must be {comparison} {limit}', 'zh-CN': '不能大于 {limit}' },
  'ajv.exclusiveMinimum': { en: 'must be {comparison} {limit}', 'zh-CN': '必须大于 {limit}' },
  'ajv.exclusiveMaximum': { en: 'must be {comparison} {limit}', 'zh-CN': '必须小于 {limit}' },
  'ajv.multipleOf': { en: 'must be multiple of {multipleOf}', 'zh-CN': '必须是 {multipleOf} 的整数倍' },
  'ajv.minLength': { en: 'must NOT have fewer than {limit} character{limit:s}', 'zh-CN': '不能少于 {limit} 个字符' },
  'ajv.maxLength': { en: 'must NOT have more than {limit} character{limit:s}', 'zh-CN': '不能多于 {limit} 个字符' },
  'ajv.pattern': { en: 'must match pattern "{pattern}"', 'zh-CN': '必须符合格式“{pattern}”' },
  'ajv.format': { en: 'must match format "{format}"', 'zh-CN': '必须符合 {format:json_format} 格式' },
  'ajv.minItems': { en: 'must NOT have fewer than {limit} item{limit:s}', 'zh-CN': '不能少于 {limit} 项' },
  'ajv.maxItems': { en: 'must NOT have more than {limit} item{limit:s}', 'zh-CN': '不能多于 {limit} 项' },
  'ajv.items': { en: 'must NOT have more than {limit} item{limit:s}', 'zh-CN': '不能多于 {limit} 项' },
  'ajv.additionalItems': { en: 'must NOT have more than {limit} item{limit:s}', 'zh-CN': '不能多于 {limit} 项' },
  'ajv.unevaluatedItems': { en: 'must NOT have more than {limit} item{limit:s}', 'zh-CN': '不能多于 {limit} 项' },
  'ajv.uniqueItems': { en: 'must NOT have duplicate items (items ## {j} and {i} are identical)', 'zh-CN': '不能有重复项（第 {j} 项与第 {i} 项相同）' },
  'ajv.minProperties': { en: 'must NOT have fewer than {limit} properties', 'zh-CN': '不能少于 {limit} 个属性' },
  'ajv.maxProperties': { en: 'must NOT have more than {limit} properties', 'zh-CN': '不能多于 {limit} 个属性' },
  'ajv.required': { en: '"{missingProperty}" is required', 'zh-CN': '缺少必填项“{missingProperty}”' },
  'ajv.additionalProperties': { en: 'unknown property "{additionalProperty}"', 'zh-CN': '未知属性“{additionalProperty}”' },
  'ajv.unevaluatedProperties': { en: 'unknown property "{unevaluatedProperty}"', 'zh-CN': '未知属性“{unevaluatedProperty}”' },
  'ajv.propertyNames': { en: 'property name "{propertyName}" is not allowed', 'zh-CN': '不允许的属性名“{propertyName}”' },
  'ajv.dependentRequired': { en: 'must have property {deps} when property {property} is present', 'zh-CN': '有属性 {property} 时必须有 {deps}' },
  'ajv.dependencies': { en: 'must have property {deps} when property {property} is present', 'zh-CN': '有属性 {property} 时必须有 {deps}' },
  'ajv.const': { en: 'must be equal to {allowedValue:json}', 'zh-CN': '必须等于 {allowedValue:json}' },
  'ajv.enum': { en: 'must be one of: {allowedValues:json}', 'zh-CN': '必须是以下之一：{allowedValues:json}' },
  'ajv.contains': { en: 'must contain at least {minContains} valid item{minContains:s}', 'zh-CN': '至少要有 {minContains} 项符合要求' },
  'ajv.not': { en: 'must NOT be valid', 'zh-CN': '不能符合被排除的模式' },
  'ajv.anyOf': { en: 'must match a schema in anyOf', 'zh-CN': '必须符合 anyOf 中的一个模式' },
  'ajv.oneOf': { en: 'must match exactly one schema in oneOf', 'zh-CN': '必须恰好符合 oneOf 中的一个模式' },
  'ajv.if': { en: 'must match "{failingKeyword}" schema', 'zh-CN': '必须符合“{failingKeyword}”模式' },
  'ajv.false_schema': { en: 'boolean schema is false', 'zh-CN': '此处不允许有值' },
  'json_type.string': { en: 'string', 'zh-CN': '文本' },
  'json_type.number': { en: 'number', 'zh-CN': '数字' },
  'json_type.integer': { en: 'integer', 'zh-CN': '整数' },
  'json_type.boolean': { en: 'boolean', 'zh-CN': '是/否' },
  'json_type.object': { en: 'object', 'zh-CN': '对象' },
  'json_type.array': { en: 'array', 'zh-CN': '数组' },
  'json_type.null': { en: 'null', 'zh-CN': '空值' },
  'json_format.date': { en: 'date', 'zh-CN': '日期（YYYY-MM-DD）' },
  'json_format.time': { en: 'time', 'zh-CN': '时间' },
  'json_format.date-time': { en: 'date-time', 'zh-CN': '日期时间' },
  'json_format.duration': { en: 'duration', 'zh-CN': 'ISO 8601 时长' },
  'json_format.email': { en: 'email', 'zh-CN': '电子邮件' },
  'json_format.uri': { en: 'uri', 'zh-CN': 'URI' },
  'json_format.uuid': { en: 'uuid', 'zh-CN': 'UUID' },
  'json_format.photo-id': { en: 'photo-id', 'zh-CN': '照片编号' },
  'json_format.re2-regex': { en: 're2-regex', 'zh-CN': 'RE2 正则表达式' },
} as const;

export const ajvMessage = messageFactory(AJV_MESSAGES);

/** The message of one Ajv error, by its keyword; a keyword without a template keeps Ajv's English. */
export function ajvErrorMessage(error: ErrorObject): Message {
  const code = `ajv.${error.keyword.replace(/\W+/g, '_')}`;
  const params = error.params as MessageParams;
  if (Object.hasOwn(AJV_MESSAGES, code)) {
    return { code, params, message: renderTemplate(AJV_MESSAGES[code as keyof typeof AJV_MESSAGES].en, params, 'en', AJV_MESSAGES) };
  }
  return { code, params, message: error.message ?? error.keyword };
}
