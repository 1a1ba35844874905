/**
 * Messages as data. Every error and issue Pinzhi produces carries a stable `code` and its
 * `params`; each feature keeps the zh-CN and English templates of its codes in one catalogue
 * (`<feature>.messages.ts`), and rendering is a pure function of catalogue, message and locale.
 * The domain keeps the English text too (`message`): logs, `Error.message` and the CLI use it.
 *
 * Templates name parameters in braces: `{limit}`. A suffix formats the value: `{values:json}`
 * (JSON text of each), `{path:path}` (a list joined with →), `{list:semi}` (joined with
 * semicolons), `{limit:s}` ("s" unless 1, English plurals); any other word looks the value up in
 * the catalogue as `<word>.<value>` — `{roles:role}` renders `role.admin` as 管理员 / admin. Lists
 * are joined with "、" or ", ", and a parameter that is itself a message is rendered in the same
 * language.
 */

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a parameter may hold: JSON values, and nested messages. */
export type ParamValue = string | number | boolean | null | MessageData | readonly ParamValue[] | { readonly [key: string]: unknown };
export type MessageParams = { readonly [name: string]: ParamValue };

/** What travels to a client: a stable code and its parameters. */
export interface MessageData {
  readonly code: string;
  readonly params: MessageParams;
}

/** A message as the domain makes it: code, parameters, and its English text. */
export interface Message extends MessageData {
  readonly message: string;
}

/** The two renderings of one code. */
export interface Templates {
  readonly 'zh-CN': string;
  readonly en: string;
}
export type Catalogue = { readonly [code: string]: Templates };

type NameOf<P extends string> = P extends `${infer N}:${string}` ? N : P;
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? NameOf<P> | Placeholders<Rest> : never;
/** The parameters a code's templates name (both languages), each required. */
export type ParamsOf<T extends Templates> = { readonly [K in Placeholders<T['en']> | Placeholders<T['zh-CN']>]: ParamValue } & MessageParams;

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** True for a nested message parameter ({ code, params }). */
export function isMessageData(value: unknown): value is MessageData {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && typeof (value as MessageData).code === 'string' && typeof (value as MessageData).params === 'object' && (value as MessageData).params !== null;
}

function formatParam(value: ParamValue | undefined, format: string | undefined, locale: Locale, catalogue: Catalogue): string {
  if (value === undefined) return '…';
  const separator = locale === 'en' ? ', ' : '、';
  if (format === 'json') return Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(value);
  if (format === 's') return value === 1 ? '' : 's';
  if (Array.isArray(value)) return value.map((v) => formatParam(v, format, locale, catalogue)).join(format === 'path' ? ' → ' : format === 'semi' ? (locale === 'en' ? '; ' : '；') : separator);
  if (isMessageData(value)) return renderMessage(catalogue, value, locale);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  if (format && format !== 'path' && format !== 'semi') {
    const word = `${format}.${String(value)}`;
    if (Object.hasOwn(catalogue, word)) return catalogue[word][locale];
  }
  return String(value);
}

/** Fills a template's placeholders with the parameters (missing ones show as "…"). */
export function renderTemplate(template: string, params: MessageParams, locale: Locale, catalogue: Catalogue = {}): string {
  return template.replace(PLACEHOLDER, (_m, name: string, format: string | undefined) => formatParam(params[name], format, locale, catalogue));
}

/**
 * A message in the reader's language. An unknown code falls back to the English text the message
 * carries, or to the code with its parameters, so nothing is lost and nothing throws.
 */
export function renderMessage(catalogue: Catalogue, message: MessageData & { message?: string }, locale: Locale): string {
  const templates = Object.hasOwn(catalogue, message.code) ? catalogue[message.code] : undefined;
  const params = (message.params ?? {}) as MessageParams;
  if (templates) return renderTemplate(templates[locale] ?? templates.en, params, locale, catalogue);
  if (typeof message.message === 'string' && message.message) return message.message;
  const values = Object.entries(params).map(([k, v]) => `${k}: ${formatParam(v, undefined, locale, catalogue)}`);
  return values.length > 0 ? `${message.code} (${values.join('; ')})` : message.code;
}

type Args<T extends Templates> = [Placeholders<T['en']> | Placeholders<T['zh-CN']>] extends [never] ? [params?: MessageParams] : [params: ParamsOf<T>];

/**
 * The typed constructor of a catalogue's messages: `make('standard.too_large', { bytes, limit })`
 * checks the code and the parameters its templates name, and keeps the English text.
 */
export function messageFactory<const C extends Catalogue>(catalogue: C): <K extends keyof C & string>(code: K, ...params: Args<C[K]>) => Message {
  return (code, ...[params]) => {
    const values = (params ?? {}) as MessageParams;
    return { code, params: values, message: renderTemplate(catalogue[code].en, values, 'en', catalogue) };
  };
}

/** Parameters as they travel to a client: nested messages as `{ code, params }`, without their English text. */
export function paramsData(params: MessageParams): MessageParams {
  const plain = (value: ParamValue): ParamValue => {
    if (Array.isArray(value)) return value.map(plain);
    if (isMessageData(value)) return { code: value.code, params: paramsData(value.params) };
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, plain(v)]));
}

/** Joins several catalogues into one; a code defined twice is a programming error. */
export function mergeCatalogues(...catalogues: Catalogue[]): Catalogue {
  const merged: Record<string, Templates> = {};
  for (const catalogue of catalogues) {
    for (const [code, templates] of Object.entries(catalogue)) {
      if (Object.hasOwn(merged, code) && merged[code] !== templates) throw new Error(`message code ${code} is defined twice`);
      merged[code] = templates;
    }
  }
  return merged;
}
