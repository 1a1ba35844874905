import type { Locale } from '../../domain/shared/messages.ts';

/** The language messages are rendered in when a request names none Pinzhi speaks. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * The locale of a request from its `Accept-Language` header (RFC 9110): languages by descending
 * q-value (q=0 means "not this one"), the first Pinzhi speaks wins — any `zh` (zh-CN, zh-Hans,
 * zh-TW …) is Chinese, any `en` English; `*` or nothing usable gives the default, Chinese.
 */
export function localeFromAcceptLanguage(header: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!header) return fallback;
  const ranges = header.split(',').slice(0, 32).map((part, index) => {
    const [tag, ...attributes] = part.trim().split(';');
    const q = attributes.map((a) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(a)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
  }).filter((r) => r.tag && r.q > 0);
  ranges.sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === '*') return fallback;
  }
  return fallback;
}

/** The locale a command-line `--lang` names (en, zh, zh-CN …); English by default. */
export function localeFromFlag(flag: string | undefined): Locale {
  return flag ? localeFromAcceptLanguage(flag, 'en') : 'en';
}
