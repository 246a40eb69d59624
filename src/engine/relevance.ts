// Which rules still matter to the verdict: what a buyer acts on. The report's list of unknown facts and the
// interview's questions both come from it, so the tool asks for exactly the facts it says it is missing.
import { SEVERITIES, type DisputeType, type Severity } from '../case/enums.js';
import type { RuleSet } from '../rules/types.js';
import type { Outcome } from './conditions.js';
import type { ProgramVerdict, RankedStrategy } from './assessment.js';

/** What counts as the verdict: findings from this severity up, and the routes that can reach these ranks. */
export const VERDICT = { minSeverity: 'high' as Severity, topRoutes: 3 };

export interface RelevanceInput {
  programs: readonly ProgramVerdict[];
  strategies: readonly RankedStrategy[];
  outcome: (ruleId: string) => Outcome | undefined;
}

/**
 * Rules whose outcome can still change the verdict: eligibility of programmes not yet ruled out; required
 * evidence for the case's dispute types; flags, advice and plan steps of high severity or more; strategy rules
 * of routes that could still reach the top three (their score range, over the undecided rules, overlaps it).
 */
export function relevantRuleIds(input: RelevanceInput, set: RuleSet, types?: readonly DisputeType[]): Set<string> {
  const blocked = new Set(input.programs.filter((p) => p.status === 'ineligible').map((p) => p.program));
  const excluded = new Set(input.strategies.filter((s) => s.excluded).map((s) => s.route));
  const contenders = contendingRoutes(input, set, excluded);
  const serious = (sev: Severity) => SEVERITIES.indexOf(sev) >= SEVERITIES.indexOf(VERDICT.minSeverity);
  const out = new Set<string>();
  for (const r of set.rules) {
    if (r.kind === 'eligibility' && blocked.has(r.then.program)) continue;
    if (r.kind === 'checklist' && (r.then.level !== 'required' || (types && !r.then.for.some((t) => types.includes(t))))) continue;
    if ((r.kind === 'flag' || r.kind === 'advice' || r.kind === 'action') && !serious(r.severity)) continue;
    const route = r.kind === 'strategy' || r.kind === 'action' || r.kind === 'advice' ? r.then?.route : undefined;
    if (route && excluded.has(route)) continue;
    if (r.kind === 'strategy' && !contenders.has(r.then.route)) continue;
    out.add(r.id);
  }
  return out;
}

/** Routes whose best possible score (every undecided positive rule firing) could place them in the top ranks. */
function contendingRoutes(input: RelevanceInput, set: RuleSet, excluded: ReadonlySet<string>): Set<string> {
  const range = new Map<string, { min: number; max: number }>();
  for (const r of set.rules) {
    if (r.kind !== 'strategy' || excluded.has(r.then.route)) continue;
    const x = range.get(r.then.route) ?? { min: 0, max: 0 };
    const o = input.outcome(r.id);
    const score = r.then.exclude ? 0 : (r.then.score ?? 0);
    if (o === 'true') {
      x.min += score;
      x.max += score;
    } else if (o === 'unknown') {
      if (score > 0) x.max += score;
      else x.min += score;
    }
    range.set(r.then.route, x);
  }
  const floor = [...range.values()].map((x) => x.min).sort((p, q) => q - p)[VERDICT.topRoutes - 1] ?? -Infinity;
  return new Set([...range].filter(([, x]) => x.max > 0 && x.max >= floor).map(([route]) => route));
}
