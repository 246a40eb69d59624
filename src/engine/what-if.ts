// What-if (issue 12): deciding under uncertainty. For the unknown facts that still matter (relevance.ts), the
// case is re-assessed with each possible answer, so the report can say what each answer would change: the
// best route per answer ("If the supplier is still operating: ..."), plan steps that hold only under a
// condition (with their date), and how much each question changes the verdict (to order the questions).
// Pure: it only reads the case, the rules and a light evaluation of each variant.
import type { Case } from '../case/schema.js';
import type { FactValue } from '../case/facts.js';
import { flattenCase } from '../case/facts.js';
import { deriveFacts } from '../case/derive.js';
import { COUNTRY_CODES } from '../case/iso-codes.js';
import { factRegistry } from '../rules/fact-registry.js';
import { contradictions } from '../case/chronology.js';
import type { RuleSet } from '../rules/types.js';
import type { Route } from '../case/enums.js';
import { evaluateRules } from './evaluate.js';
import { planSection, strategySection } from './sections.js';
import type { Alternative, Condition, PlanStep, ProgramVerdict, RankedStrategy } from './assessment.js';

/** A light assessment of one variant: programme verdicts, the top route and the plan. */
interface Variant { programs: Map<string, string>; open: Map<string, number>; top?: RankedStrategy; plan: PlanStep[] }

/** Answers tried for a fact: booleans both ways, small enums every value; payments as two typical ones. */
export function candidateValues(fact: string): FactValue[] | undefined {
  if (fact === 'order.payments') return ['checkout', 'direct'];
  const info = factRegistry().get(fact);
  if (!info || fact.startsWith('derived.') || fact.startsWith('eligibility.') || fact === 'as_of') return undefined;
  if (info.kind === 'boolean') return [true, false];
  if (info.kind !== 'enum' || !info.values) return undefined;
  if (info.values.length === COUNTRY_CODES.length) return ['CN', 'HK'];
  if (fact.startsWith('evidence.')) return ['have', 'missing'];
  return info.values.length <= 8 ? [...info.values] : undefined;
}

/** The case with one fact set (a copy). `order.payments` takes a symbolic value: one payment at checkout or direct. */
export function withFact(c: Case, fact: string, value: FactValue): Case {
  const copy = structuredClone(c) as Record<string, unknown>;
  if (fact === 'order.payments') {
    const order = (copy.order ??= {}) as Record<string, unknown>;
    order.payments = [{ via: value === 'checkout' ? 'alibaba_checkout' : 'supplier_company_account' }];
    return copy as Case;
  }
  const parts = fact.split('.');
  let node = copy;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy as Case;
}

/** Programmes, top route and plan of a case, without unknowns or traces. */
function variant(c: Case, rules: RuleSet, asOf: string): Variant {
  const facts = deriveFacts(c, flattenCase({ ...c, as_of: asOf }), rules.params, asOf);
  const ev = evaluateRules(facts, rules);
  const strategies = strategySection(ev, rules);
  return {
    programs: new Map(ev.programs.map((p) => [p.program, p.status])),
    open: new Map(ev.programs.map((p) => [p.program, p.reasons.filter((r) => r.effect === 'unknown').length])),
    top: strategies.find((s) => s.rank === 1),
    plan: planSection(ev, rules, asOf),
  };
}

export interface WhatIfInput {
  case: Case;
  rules: RuleSet;
  asOf: string;
  programs: readonly ProgramVerdict[];
  top?: RankedStrategy;
  plan: readonly PlanStep[];
  /** The unknown case facts that still matter, most decisive first. */
  facts: readonly string[];
  phrase(fact: string, value: FactValue): string;
}

export interface WhatIfResult {
  /** How much each fact's answer changes the verdict (0: nothing visible). */
  impact: Map<string, number>;
  alternatives: Alternative[];
  /** Plan steps that hold only under a condition, each once, earliest first. */
  conditional: PlanStep[];
}

/** At most this many facts are varied (each costs a light evaluation per answer). */
const MAX_FACTS = 12;

/** Vary each fact over its answers and compare with the case as it is. */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const impact = new Map<string, number>();
  const alternatives: Alternative[] = [];
  const steps = new Map<string, { step: PlanStep; weight: number }>();
  const baseSteps = new Set(input.plan.map((s) => s.rule));
  const baseStatus = new Map<string, string>(input.programs.map((p) => [p.program, p.status]));
  for (const fact of input.facts.filter((f) => candidateValues(f)).slice(0, MAX_FACTS)) {
    let score = 0;
    const perValue: { value: FactValue; v: Variant }[] = [];
    for (const value of candidateValues(fact)!) {
      const changed = withFact(input.case, fact, value);
      if (contradictions(changed).length) continue;
      const v = variant(changed, input.rules, input.asOf);
      perValue.push({ value, v });
      if (v.top && v.top.route !== input.top?.route) score += 3;
      for (const [p, s] of v.programs) if (s !== baseStatus.get(p)) score += 2;
      score += v.plan.filter((s) => !baseSteps.has(s.rule)).length;
    }
    impact.set(fact, score);
    const tops = new Set(perValue.map((x) => x.v.top?.route));
    if (tops.size > 1 || (perValue[0]?.v.top && perValue[0].v.top.route !== input.top?.route)) {
      for (const { value, v } of perValue) {
        if (!v.top || v.top.route === input.top?.route) continue;
        alternatives.push({ fact, value: value as Alternative['value'], condition: input.phrase(fact, value), route: v.top.route as Route, title: v.top.title });
      }
    }
    for (const { value, v } of perValue) {
      for (const s of v.plan.filter((x) => !baseSteps.has(x.rule) && (x.severity === 'high' || x.severity === 'critical'))) {
        const prev = steps.get(s.rule);
        if (prev && prev.weight >= score) continue;
        const condition: Condition = { fact, value: value as Condition['value'], text: input.phrase(fact, value) };
        steps.set(s.rule, { step: { ...s, condition }, weight: score });
      }
    }
  }
  for (const step of completions(input, baseStatus)) if (!steps.has(step.rule)) steps.set(step.rule, { step, weight: 0 });
  const conditional = [...steps.values()].map((x) => x.step).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return { impact, alternatives, conditional };
}

/**
 * For each programme still uncertain: the answers that would make it eligible, chosen one fact at a time (the
 * first answer that keeps it open, preferring one that decides it), and the plan steps it would then bring, each
 * under the condition of all those answers ("If you paid through Alibaba's checkout and ...: file the claim").
 */
function completions(input: WhatIfInput, baseStatus: ReadonlyMap<string, string>): PlanStep[] {
  const out: PlanStep[] = [];
  const baseSteps = new Set(input.plan.map((s) => s.rule));
  for (const p of input.programs.filter((x) => x.status === 'uncertain')) {
    let current = input.case;
    const chosen: { fact: string; value: FactValue }[] = [];
    let last: Variant | undefined;
    for (const fact of p.unknown_facts.filter((f) => candidateValues(f))) {
      let best: { value: FactValue; v: Variant; c: Case } | undefined;
      for (const value of candidateValues(fact)!) {
        const c = withFact(current, fact, value);
        if (contradictions(c).length) continue;
        const v = variant(c, input.rules, input.asOf);
        const status = v.programs.get(p.program);
        if (status === 'ineligible') continue;
        // Prefer the answer that settles the most of the programme's open rules (eligible = none left open).
        if (!best || v.open.get(p.program)! < best.v.open.get(p.program)!) best = { value, v, c };
      }
      if (!best) break;
      current = best.c;
      chosen.push({ fact, value: best.value });
      last = best.v;
      if (last.programs.get(p.program) === 'eligible') break;
    }
    if (!last || last.programs.get(p.program) !== 'eligible' || chosen.length === 0 || baseStatus.get(p.program) === 'eligible') continue;
    const text = chosen.map((x) => input.phrase(x.fact, x.value)).join(' and ');
    const [first, ...rest] = chosen;
    const condition: Condition = { fact: first!.fact, value: first!.value as Condition['value'], text };
    if (rest.length) condition.and = rest.map((x) => ({ fact: x.fact, value: x.value as Condition['value'] }));
    for (const s of last.plan.filter((x) => !baseSteps.has(x.rule))) out.push({ ...s, condition });
  }
  return out;
}
