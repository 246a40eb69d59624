// The bibliography as the report uses it: the sources the fired rules cite, numbered in the order they are
// first cited, each with the locators cited and the rules citing it.
import type { Citation, SourceEntry, SourceKind } from './types.js';

/** One numbered reference of an assessment. */
export interface CitedSource {
  /** The reference number, from 1, in order of first citation. */
  n: number;
  id: string;
  title: string;
  author: string;
  url?: string;
  kind: SourceKind;
  published?: string;
  retrieved?: string;
  note?: string;
  /** The locators cited (section, article, heading), each once, in order of first citation. */
  at: string[];
  /** The rules that cite it. */
  rules: string[];
}

/** Number the sources cited by `cited` (rule id and citations, in report order). Unknown ids are skipped (the lint rejects them). */
export function citedSources(cited: readonly { id: string; source: readonly Citation[] }[], bibliography: Readonly<Record<string, SourceEntry>>): CitedSource[] {
  const out = new Map<string, CitedSource>();
  for (const { id, source } of cited) {
    for (const c of source) {
      const entry = bibliography[c.ref];
      if (!entry) continue;
      let s = out.get(c.ref);
      if (!s) {
        s = { n: out.size + 1, id: c.ref, ...entry, at: [], rules: [] };
        out.set(c.ref, s);
      }
      if (c.at && !s.at.includes(c.at)) s.at.push(c.at);
      if (!s.rules.includes(id)) s.rules.push(id);
    }
  }
  return [...out.values()];
}

/** "Title", author (published), url: the one-line form of an entry. */
export function formatEntry(s: Pick<SourceEntry, 'title' | 'author' | 'url' | 'published' | 'retrieved'>): string {
  const date = s.published ? ` (${s.published})` : '';
  const seen = s.retrieved ? `, retrieved ${s.retrieved}` : '';
  return `${s.title}, ${s.author}${date}${s.url ? `, ${s.url}` : ''}${seen}`;
}
