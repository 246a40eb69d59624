// The case pack: every document, as file names and contents. Pure; src/cli/commands/pack.ts writes them.
import type { Lang } from './i18n/index.js';
import type { PackInput } from './model.js';
import { words } from './words.js';
import { brief, briefMarkdown } from './brief.js';
import { briefHtml } from './html.js';
import { evidenceIndexMarkdown } from './evidence-index.js';
import { letterMarkdown } from './letter.js';
import { platformTextMarkdown } from './platform-text.js';

export interface PackFile {
  name: string;
  content: string;
}

/** The files of the pack, in the order a reader needs them. The brief is in `lang`; the letter in both languages. */
export function buildPack(input: PackInput, lang: Lang = 'en'): PackFile[] {
  const en = words('en', input.catalogue);
  const zh = words('zh', input.catalogue);
  const mine = lang === 'zh' ? zh : en;
  return [
    { name: 'brief.md', content: briefMarkdown(input, mine) },
    { name: 'brief.html', content: briefHtml(brief(input, mine), lang) },
    { name: 'evidence-index.md', content: evidenceIndexMarkdown(input, mine) },
    { name: 'letter-en.md', content: letterMarkdown(input, en) },
    { name: 'letter-zh.md', content: letterMarkdown(input, zh) },
    { name: 'platform-text.md', content: platformTextMarkdown(input, en) },
  ];
}

export { evidencePaths, type FileFact, type PackInput } from './model.js';
export { LANGS, type Lang } from './i18n/index.js';
