// Names of things in the pack's language: routes, programmes and evidence from the catalogue (English) or the
// translations (Chinese), and the vocabulary of the case file.
import type { Money } from '../case/schema.js';
import { formatMoney } from '../case/money.js';
import type { Catalogue } from '../rules/types.js';
import { translator, word, type Lang, type T } from './i18n/index.js';

export interface Words {
  lang: Lang;
  t: T;
  /** A vocabulary word (`dispute`, `status`, `via`...), or the id itself with underscores as spaces. */
  w: (prefix: string, id: string) => string;
  route: (id: string) => string;
  program: (id: string) => string;
  evidence: (id: string) => string;
  money: (m: Money | undefined) => string | undefined;
}

/** The words for a language; English names of catalogue entries come from the catalogue itself. */
export function words(lang: Lang, catalogue: Catalogue): Words {
  const w = (prefix: string, id: string) => word(lang, prefix, id) ?? id.replace(/_/g, ' ');
  const named = (prefix: string, entries: Record<string, { title: string }>) => (id: string) =>
    (lang === 'en' ? entries[id]?.title : word(lang, prefix, id)) ?? w(prefix, id);
  return {
    lang,
    t: translator(lang),
    w,
    route: named('route', catalogue.routes),
    program: named('program', catalogue.programs),
    evidence: named('evidence', catalogue.evidence),
    money: (m) => (m ? formatMoney(m) : undefined),
  };
}
