import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './messages.zh.ts';
import { en } from './messages.en.ts';

export type Lang = 'zh' | 'en';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'pinzhi.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
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

/** Chinese by default; the choice of English is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, vars) => {
      const text = dict[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
    };
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const dateTime = (v: string | Date | null | undefined) => (v ? dtf.format(typeof v === 'string' ? new Date(v) : v) : '—');
    const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
    return { lang, setLang, t, dateTime, percent };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
