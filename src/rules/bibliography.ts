// The bibliography as the report uses it: the sources the fired rules cite, numbered in the order they are
// first cited, each with the locators cited and the rules citing it.
import type { Rule, RuleSet, SourceEntry, SourceKind } from './types.js';

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

const byId = new WeakMap<RuleSet, Map<string, Rule>>();

/**
 * Number the sources cited by the rules `ruleIds` names, in that order (the order the report shows them),
 * each rule counted once. Ids of no rule and citations of no entry are skipped (the lint rejects both).
 */
export function citedSources(ruleIds: Iterable<string>, set: RuleSet): CitedSource[] {
  let rules = byId.get(set);
  if (!rules) byId.set(set, (rules = new Map(set.rules.map((r) => [r.id, r]))));
  const out = new Map<string, CitedSource>();
  const seen = new Set<string>();
  for (const id of ruleIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of rules.get(id)?.source ?? []) {
      const entry = set.sources[c.ref];
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

/** Rule id -> the reference numbers of the sources it cites, from an assessment's numbered sources. */
export function referenceNumbers(sources: readonly CitedSource[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of sources) for (const r of s.rules) out.set(r, [...(out.get(r) ?? []), s.n]);
  return out;
}

/** "Title", author (published), url: the one-line form of an entry. */
export function formatEntry(s: Pick<SourceEntry, 'title' | 'author' | 'url' | 'published' | 'retrieved'>): string {
  const date = s.published ? ` (${s.published})` : '';
  const seen = s.retrieved ? `, retrieved ${s.retrieved}` : '';
  return `${s.title}, ${s.author}${date}${s.url ? `, ${s.url}` : ''}${seen}`;
}
