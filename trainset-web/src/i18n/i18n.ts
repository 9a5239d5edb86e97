import { en, type MessageKey } from './en';
import { ko } from './ko';

export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];
/** The language names are shown in their own language, so they are not translated. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

const tables: Record<Language, Record<MessageKey, string>> = { en, ko };
const STORAGE_KEY = 'trainset.language';
let current: Language = initialLanguage();
const listeners = new Set<() => void>();

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ko') return stored;
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function language(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  if (lang === current) return;
  current = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  if (globalThis.document) document.documentElement.lang = lang;
  for (const l of listeners) l();
}

/** Called after every language change (the app re-renders the current page). */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message for {@code key} in the current language with {name} parameters filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name]!) : whole);
}

function formatParam(v: string | number): string {
  return typeof v === 'number' ? v.toLocaleString(current === 'ko' ? 'ko-KR' : 'en-US') : v;
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** The translated name of an annotation type; unknown types show their key. */
export function typeName(type: string): string {
  const key = `type.${type}`;
  return hasMessage(key) ? t(key) : type;
}
