// Comparing an assessment (or the diagnostics of a bad-input fixture) with a fixture's expectations.
import type { Expectations } from '../case/expect-schema.js';
import type { Money } from '../case/schema.js';
import { SEVERITIES } from '../case/enums.js';
import type { Assessment } from '../engine/assessment.js';
import { missingFacts } from '../engine/conditions.js';
import type { Diagnostic } from '../source/diagnostics.js';
import { matchDiagnostics } from './match-diagnostics.js';

/** Keys of the expectations that need an assessment (not a bad-input outcome). */
export const ASSESSMENT_KEYS = [
  'trade_assurance',
  'programs',
  'top_strategy',
  'ranked_above',
  'not_ranked_above',
  'recommended',
  'not_recommended',
  'findings',
  'no_findings',
  'evidence_strength',
  'unknowns',
  'recommendation',
  'alternatives',
  'conditional_steps',
  'dated_steps',
] as const satisfies readonly (keyof Expectations)[];

/** One failed expectation: what was expected, what came out, and the rules involved. */
export interface Mismatch {
  what: string;
  expected: string;
  got: string;
  rules: string[];
}

export type Push = (what: string, expected: unknown, got: unknown, rules?: string[]) => void;

/** What came out of running a fixture: an assessment, or the diagnostics that stopped it. */
export interface FixtureOutcome {
  assessment?: Assessment;
  diagnostics?: Diagnostic[];
  exitCode: number;
}

/** Every expectation the outcome does not meet ([] = pass). */
export function matchExpectations(exp: Expectations, got: FixtureOutcome): Mismatch[] {
  const out: Mismatch[] = [];
  const push: Push = (what, expected, actual, rules = []) => out.push({ what, expected: show(expected), got: show(actual), rules: [...new Set(rules)] });
  if (exp.exit_code !== undefined && exp.exit_code !== got.exitCode) push('exit code', exp.exit_code, got.exitCode, failing(exp, got.assessment));
  if (exp.diagnostics) matchDiagnostics(exp.diagnostics, got.diagnostics ?? [], push);
  const a = got.assessment;
  if (!a) {
    if (ASSESSMENT_KEYS.some((k) => exp[k] !== undefined))
      push('assessment', 'an assessment', (got.diagnostics ?? []).map((d) => `${d.code} at line ${d.line}`).join(', ') || 'none');
    return out;
  }
  matchTradeAssurance(exp, a, push);
  matchStrategies(exp, a, push);
  matchFindings(exp, a, push);
  for (const [type, strength] of Object.entries(exp.evidence_strength ?? {})) {
    const g = a.evidence.find((e) => e.dispute_type === type);
    if (g?.strength !== strength)
      push(`evidence_strength.${type}`, strength, g?.strength ?? 'no such dispute type in the case', g?.items.map((i) => i.rule) ?? []);
  }
  const unknown = new Set(a.unknowns.map((u) => u.fact));
  for (const f of exp.unknowns ?? []) if (!unknown.has(f)) push(`unknown ${f}`, 'listed as unknown', 'not listed');
  matchUncertainty(exp, a, push);
  return out;
}

/** Issue 12: the recommendation, the alternatives per unknown, conditional and dated plan steps. */
function matchUncertainty(exp: Expectations, a: Assessment, push: Push): void {
  const rec = a.recommendation;
  if (exp.recommendation && rec?.route !== exp.recommendation) push('recommendation', exp.recommendation, rec?.route ?? 'none');
  for (const [fact, route] of exp.alternatives ?? []) {
    if (!rec?.alternatives.some((x) => x.fact === fact && x.route === route))
      push(`alternative ${fact}`, route, rec?.alternatives.map((x) => `${x.fact}=${String(x.value)}: ${x.route}`).join(', ') || 'none');
  }
  for (const [rule, fact] of exp.conditional_steps ?? []) {
    const s = a.plan.find((p) => p.rule === rule);
    const on = s?.condition ? [s.condition.fact, ...(s.condition.and ?? []).map((x) => x.fact)] : [];
    if (!on.includes(fact))
      push(`conditional step ${rule}`, `on ${fact}`, s ? (s.condition ? `on ${s.condition.fact}` : 'unconditional') : 'not in the plan', [rule]);
  }
  for (const rule of exp.dated_steps ?? []) {
    const s = a.plan.find((p) => p.rule === rule);
    if (!s?.date) push(`dated step ${rule}`, 'in the plan with a date', s ? 'without a date' : 'not in the plan', [rule]);
  }
}

/** The findings that reach fail_on (what makes the exit code 1). */
function failing(exp: Expectations, a: Assessment | undefined): string[] {
  if (!a || !exp.fail_on) return [];
  const min = SEVERITIES.indexOf(exp.fail_on);
  return a.findings.filter((f) => SEVERITIES.indexOf(f.severity) >= min).map((f) => f.id);
}

function matchTradeAssurance(exp: Expectations, a: Assessment, push: Push): void {
  const ta = a.trade_assurance;
  const rules = ta.reasons.map((r) => r.rule);
  const want = typeof exp.trade_assurance === 'string' ? { status: exp.trade_assurance } : (exp.trade_assurance ?? {});
  if (want.status && want.status !== ta.status) push('trade_assurance', want.status, ta.status, rules);
  if (want.window_end && want.window_end !== ta.window_end) push('trade_assurance.window_end', want.window_end, ta.window_end ?? 'unknown', rules);
  if (want.days_left !== undefined && want.days_left !== ta.days_left) push('trade_assurance.days_left', want.days_left, ta.days_left ?? 'unknown', rules);
  if (want.recoverable && !sameMoney(want.recoverable, ta.recoverable))
    push('trade_assurance.recoverable', money(want.recoverable), money(ta.recoverable), rules);
  if (want.uncovered && !sameMoney(want.uncovered, ta.uncovered)) push('trade_assurance.uncovered', money(want.uncovered), money(ta.uncovered), rules);
  for (const [program, status] of Object.entries(exp.programs ?? {})) {
    const p = [ta, ...a.programs].find((x) => x.program === program);
    if ((p?.status ?? 'uncertain') !== status) push(`programs.${program}`, status, p?.status ?? 'no rules for it', p?.reasons.map((r) => r.rule) ?? []);
  }
}

function matchStrategies(exp: Expectations, a: Assessment, push: Push): void {
  const ranked = a.strategies.filter((s) => s.rank !== undefined);
  const rankOf = (r: string) => ranked.find((s) => s.route === r)?.rank ?? Infinity;
  const reasons = (...routes: string[]) => routes.flatMap((r) => a.strategies.find((s) => s.route === r)?.reasons.map((x) => x.rule) ?? []);
  const ranking = ranked.map((s) => `${s.route}(${s.score})`).join(' > ') || 'no route recommended';
  const top = ranked[0]?.route;
  if (exp.top_strategy && top !== exp.top_strategy) push('top_strategy', exp.top_strategy, ranking, reasons(exp.top_strategy, ...(top ? [top] : [])));
  for (const [hi, lo] of exp.ranked_above ?? [])
    if (!(rankOf(hi) < rankOf(lo))) push(`ranked_above ${hi} > ${lo}`, `${hi} ranked above ${lo}`, ranking, reasons(hi, lo));
  for (const [hi, lo] of exp.not_ranked_above ?? [])
    if (rankOf(hi) < rankOf(lo)) push(`not_ranked_above ${hi} > ${lo}`, `${hi} not ranked above ${lo}`, ranking, reasons(hi, lo));
  for (const r of exp.recommended ?? []) if (rankOf(r) === Infinity) push(`recommended ${r}`, 'recommended', notRecommended(a, r), reasons(r));
  for (const r of exp.not_recommended ?? [])
    if (rankOf(r) !== Infinity) push(`not_recommended ${r}`, 'not recommended', `rank ${rankOf(r)} of ${ranked.length}`, reasons(r));
}

function notRecommended(a: Assessment, route: string): string {
  const s = a.strategies.find((x) => x.route === route);
  if (!s) return 'not recommended (no strategy rule for it fired)';
  return s.excluded ? 'excluded' : `not recommended (score ${s.score})`;
}

function matchFindings(exp: Expectations, a: Assessment, push: Push): void {
  const fired = new Set(a.findings.map((f) => f.id));
  for (const id of exp.findings ?? []) if (!fired.has(id)) push(`finding ${id}`, 'fired', ruleState(a, id), [id]);
  for (const id of exp.no_findings ?? []) {
    if (fired.has(id)) push(`no finding ${id}`, 'not fired', 'fired', [id]);
    else if (a.trace && !a.trace.some((r) => r.id === id)) push(`no finding ${id}`, 'not fired', ruleState(a, id), [id]);
  }
}

/** How a rule came out, for a diff: fired, false, or undecided with the facts it lacked. */
export function ruleState(a: Assessment, id: string): string {
  const r = a.trace?.find((t) => t.id === id);
  if (!r) return a.trace ? 'no such rule in the rule set' : 'not fired';
  if (r.outcome === 'true') return 'fired';
  if (r.outcome === 'false') return 'not fired (its condition is false)';
  return `not fired (undecided; unknown: ${[...missingFacts(r.trace)].join(', ')})`;
}

const sameMoney = (a: Money, b: Money | undefined) => b !== undefined && a.currency === b.currency && Math.abs(a.amount - b.amount) < 0.005;
const money = (m: Money | undefined) => (m ? `${m.currency} ${m.amount.toFixed(2)}` : 'unknown');

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
