// The bibliography as the report uses it: the sources cited by the rules whose messages the report shows,
// numbered in the order they are first cited.
import type { Rule, RuleSet, SourceEntry } from './types.js';

/** One numbered reference of an assessment: the bibliography entry with its number. Findings and programme
 * reasons cite it by `id` (with `at`, where in it); the JSON carries each entry once. */
export interface CitedSource extends SourceEntry {
  /** The reference number, from 1, in the order the report first cites it. */
  n: number;
  id: string;
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
      if (entry && !out.has(c.ref)) out.set(c.ref, { n: out.size + 1, id: c.ref, ...entry });
    }
  }
  return [...out.values()];
}
