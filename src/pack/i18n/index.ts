// Looking up the pack's words in a language and filling in their {placeholders}.
import { EN, type Key } from './en.js';
import { ZH } from './zh.js';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export type { Key };

export const DICTIONARIES: Record<Lang, Record<Key, string>> = { en: EN, zh: ZH };

/** A translator for one language: `t('letter.date', { date })`. */
export type T = (key: Key, vars?: Record<string, string | number>) => string;

/** The translator for a language; a {name} without a value is left visible rather than emptied. */
export function translator(lang: Lang): T {
  const dict = DICTIONARIES[lang];
  return (key, vars = {}) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A vocabulary word, such as `route.ta_claim`, when the key exists (ids come from the case and the rules). */
export function word(lang: Lang, prefix: string, id: string): string | undefined {
  const key = `${prefix}.${id}`;
  return key in DICTIONARIES[lang] ? DICTIONARIES[lang][key as Key] : undefined;
}
