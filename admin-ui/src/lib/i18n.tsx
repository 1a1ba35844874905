import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { renderMessage, type Catalogue, type MessageData } from '../../../domain/shared/messages.ts';
import { en, zh, type MessageKey } from './messages/catalogue.ts';
import { setLanguage } from './graphql.ts';

export type Lang = 'zh' | 'en';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'pinzhi.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /**
   * A word of the domain by its kind and value — `term('severity', 'major')` is 主要 — or the value
   * itself when the UI has no word for it (data from the server is never shown as a key).
   */
  term(kind: string, value: unknown): string;
  /** A message made in the browser by domain code (FEEL and timer checks), rendered from its code and parameters. */
  say(message: MessageData, catalogue: Catalogue): string;
  /** a date and time in the reader's language, China Standard Time */
  dateTime(value: string | Date | null | undefined): string;
  /** 0.934 → 93.4% */
  percent(value: number | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh' ? stored : 'zh';
}

const serverLocale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * Chinese by default; the choice of English is remembered in this browser. The server is asked to
 * write its messages in the same language (every request carries Accept-Language), so errors and
 * issues arrive in the reader's language without a second catalogue in the browser.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = initialLang();
    setLanguage(serverLocale(initial));
    return initial;
  });
  useEffect(() => {
    document.documentElement.lang = serverLocale(lang);
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguage(serverLocale(next));
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, vars) => {
      const text = dict[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
    };
    const term = (kind: string, v: unknown) => {
      const key = `${kind}.${String(v)}`;
      return Object.hasOwn(dict, key) ? dict[key as MessageKey] : String(v);
    };
    const say = (message: MessageData, catalogue: Catalogue) => renderMessage(catalogue, message, serverLocale(lang));
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const dateTime = (v: string | Date | null | undefined) => (v ? dtf.format(typeof v === 'string' ? new Date(v) : v) : '—');
    const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
    return { lang, setLang, t, term, say, dateTime, percent };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
