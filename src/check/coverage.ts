// Rule coverage over the fixtures: per rule, how many assessed fixtures fired it and how many decided it.
import type { Rule, RuleKind, RuleSet } from '../rules/types.js';
import type { FixtureResult } from './run-fixture.js';

export interface RuleCoverage {
  id: string;
  kind: RuleKind;
  /** file:line:column of the rule. */
  origin: string;
  /** Fixtures in which the rule fired (its condition was true). */
  fired: number;
  /** Fixtures in which its condition was decided, true or false (not unknown). */
  decided: number;
}

export interface Coverage {
  /** Which rules are counted: all of the set, or only those added with --rules next to the built-in packs. */
  scope: 'all' | 'added';
  /** Fixtures that produced an assessment (bad-input fixtures do not). */
  assessed: number;
  rules: RuleCoverage[];
  total: number;
  /** Rules fired by at least one fixture. */
  covered: number;
  /** covered / total, in percent (100 when there are no rules). */
  percent: number;
  never_fired: string[];
  /** Rules left undecided (unknown) by every fixture: no fixture even states the facts they need. */
  never_decided: string[];
}

/** Count, for each rule of the set (or those `only` selects), the fixtures that fired or decided it. */
export function computeCoverage(set: RuleSet, results: readonly FixtureResult[], only?: (rule: Rule) => boolean): Coverage {
  const assessed = results.filter((r) => r.assessed);
  const count = (key: 'fired' | 'decided') => {
    const m = new Map<string, number>();
    for (const r of assessed) for (const id of new Set(r[key])) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  };
  const fired = count('fired');
  const decided = count('decided');
  const rules = set.rules
    .filter((r) => !only || only(r))
    .map((r): RuleCoverage => ({
      id: r.id,
      kind: r.kind,
      origin: `${r.origin.file}:${r.origin.line}:${r.origin.column}`,
      fired: fired.get(r.id) ?? 0,
      decided: decided.get(r.id) ?? 0,
    }));
  const covered = rules.filter((r) => r.fired > 0).length;
  return {
    scope: only ? 'added' : 'all',
    assessed: assessed.length,
    rules,
    total: rules.length,
    covered,
    percent: rules.length === 0 ? 100 : (covered * 100) / rules.length,
    never_fired: rules.filter((r) => r.fired === 0).map((r) => r.id),
    never_decided: rules.filter((r) => r.decided === 0).map((r) => r.id),
  };
}

/** Whether coverage reaches a minimum percentage (exact: no rounding lets 99.96 pass as 100). */
export function meetsMinimum(c: Coverage, min: number): boolean {
  return c.total === 0 || c.covered * 100 >= min * c.total;
}

/** A percentage for display, rounded down to one decimal so it never overstates. */
export function formatPercent(p: number): string {
  return `${(Math.floor(p * 10 + 1e-9) / 10).toFixed(1)}%`;
}
