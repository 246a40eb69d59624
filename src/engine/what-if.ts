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
import type { ActionRule, EligibilityRule, RuleSet } from '../rules/types.js';
import { ROUTES, type Route } from '../case/enums.js';
import { decideRules, evaluateRules, programStatus } from './evaluate.js';
import { planSection } from './sections.js';
import type { Alternative, Condition, PlanStep, ProgramVerdict, RankedStrategy } from './assessment.js';

/** A light assessment of one variant: programme verdicts, the top route and the plan. */
interface Variant {
  programs: Map<string, string>;
  open: Map<string, number>;
  top?: RankedStrategy;
  steps: Set<string>;
  plan(): PlanStep[];
}

/** Enums too long to try whole, with the answers worth trying. Issue 11: the dispute clause decides the forum, so
 * "If your contract names CIETAC arbitration: CIETAC arbitration" belongs in the strategy section while it is unknown. */
const TRIED: Readonly<Record<string, readonly FactValue[]>> = { 'order.dispute_clause': ['cietac', 'other_arbitration', 'court_china', 'none'] };

/** Answers tried for a fact: booleans both ways, small enums every value; payments as two typical ones. */
export function candidateValues(fact: string): FactValue[] | undefined {
  if (fact === 'order.payments') return ['checkout', 'direct'];
  if (TRIED[fact]) return [...TRIED[fact]];
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

/**
 * A variant decided cheaply: which rules fire (the compiled decision, no messages or traces), from which the
 * programme verdicts, the top route and the plan's step ids follow. The dated, worded plan is built only for
 * the few variants whose new steps are shown (`plan()`).
 */
function variant(c: Case, rules: RuleSet, asOf: string, flat?: Map<string, FactValue>): Variant {
  const facts = deriveFacts(c, flat ?? flattenCase({ ...c, as_of: asOf }), rules.params, asOf);
  const { outcomes } = decideRules(facts, rules);
  const at = (id: string) => outcomes[indexOf(rules).get(id)!]!;
  const programs = new Map<string, string>();
  const open = new Map<string, number>();
  for (const [program, list] of eligibilityOf(rules)) {
    programs.set(program, programStatus(list, at));
    open.set(program, list.filter((r) => at(r.id) === 'unknown').length);
  }
  const scores = new Map<string, { score: number; excluded: boolean }>();
  for (const r of rules.rules) {
    if (r.kind !== 'strategy' || at(r.id) !== 'true') continue;
    const x = scores.get(r.then.route) ?? { score: 0, excluded: false };
    if (r.then.exclude) x.excluded = true;
    else x.score += r.then.score ?? 0;
    scores.set(r.then.route, x);
  }
  let top: RankedStrategy | undefined;
  for (const route of ROUTES) {
    const x = scores.get(route);
    if (!x || x.excluded || x.score <= 0 || (top && top.score >= x.score)) continue;
    top = { route, title: rules.catalogue.routes[route]?.title ?? route, description: '', score: x.score, excluded: false, reasons: [] };
  }
  // As in the case's own plan, a step of a route the variant excludes is no step (issue 11: after a bank switch
  // no demand against the genuine supplier turns up as a conditional step).
  const excluded = new Set([...scores].filter(([, x]) => x.excluded).map(([route]) => route as Route));
  const given = rules.rules.filter((r): r is ActionRule => r.kind === 'action' && at(r.id) === 'true' && !(r.then.route && excluded.has(r.then.route)));
  const superseded = new Set(given.flatMap((r) => r.then.supersedes ?? []));
  const steps = new Set(given.filter((r) => !superseded.has(r.id)).map((r) => r.id));
  let plan: PlanStep[] | undefined;
  return { programs, open, steps, plan: () => (plan ??= planSection(evaluateRules(facts, rules), rules, asOf, excluded)), ...(top ? { top } : {}) };
}

const severityOf = (rules: RuleSet, id: string) => rules.rules[indexOf(rules).get(id)!]!.severity as string;

const indexes = new WeakMap<RuleSet, Map<string, number>>();
const indexOf = (rules: RuleSet) => {
  let m = indexes.get(rules);
  if (!m) indexes.set(rules, (m = new Map(rules.rules.map((r, i) => [r.id, i]))));
  return m;
};
const eligibility = new WeakMap<RuleSet, Map<string, EligibilityRule[]>>();
const eligibilityOf = (rules: RuleSet) => {
  let m = eligibility.get(rules);
  if (!m) {
    m = new Map();
    for (const r of rules.rules) if (r.kind === 'eligibility') m.set(r.then.program, [...(m.get(r.then.program) ?? []), r]);
    eligibility.set(rules, m);
  }
  return m;
};

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
const MAX_FACTS = 8;
/** At most this many of an uncertain programme's facts are answered to open it. */
const MAX_PROGRAM_FACTS = 5;

/** The case with one more answer, decided; a scalar answer reuses the case's flattened facts (flattening is
 * the costly part), and each (fact, answer) is decided once per analysis. */
function variantsOf(input: WhatIfInput): (c: Case, fact: string, value: FactValue, base: boolean) => Variant | undefined {
  const flat = flattenCase({ ...input.case, as_of: input.asOf });
  const memo = new Map<string, Variant | undefined>();
  return (current, fact, value, base) => {
    const key = `${fact}=${String(value)}`;
    if (base && memo.has(key)) return memo.get(key);
    const changed = withFact(current, fact, value);
    let v: Variant | undefined;
    if (contradictions(changed).length === 0) {
      const reuse = base && fact !== 'order.payments' ? new Map(flat).set(fact, value) : undefined;
      v = variant(changed, input.rules, input.asOf, reuse);
    }
    if (base) memo.set(key, v);
    return v;
  };
}

/** Vary each fact over its answers and compare with the case as it is. */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const decide = variantsOf(input);
  const impact = new Map<string, number>();
  const alternatives: Alternative[] = [];
  const steps = new Map<string, { step: PlanStep; weight: number }>();
  const baseSteps = new Set(input.plan.map((s) => s.rule));
  const baseStatus = new Map<string, string>(input.programs.map((p) => [p.program, p.status]));
  for (const fact of input.facts.filter((f) => candidateValues(f)).slice(0, MAX_FACTS)) {
    let score = 0;
    const perValue: { value: FactValue; v: Variant }[] = [];
    for (const value of candidateValues(fact)!) {
      const v = decide(input.case, fact, value, true);
      if (!v) continue;
      perValue.push({ value, v });
      if (v.top && v.top.route !== input.top?.route) score += 3;
      for (const [p, s] of v.programs) if (s !== baseStatus.get(p)) score += 2;
      score += [...v.steps].filter((id) => !baseSteps.has(id)).length;
    }
    impact.set(fact, score);
    const tops = new Set(perValue.map((x) => x.v.top?.route));
    if (tops.size > 1 || (perValue[0]?.v.top && perValue[0].v.top.route !== input.top?.route)) {
      for (const { value, v } of perValue) {
        if (!v.top || v.top.route === input.top?.route) continue;
        alternatives.push({
          fact,
          value: value as Alternative['value'],
          condition: input.phrase(fact, value),
          route: v.top.route as Route,
          title: v.top.title,
        });
      }
    }
    for (const { value, v } of perValue) {
      const serious = [...v.steps].filter((id) => !baseSteps.has(id) && ['high', 'critical'].includes(severityOf(input.rules, id)));
      if (serious.length === 0) continue;
      for (const s of v.plan().filter((x) => serious.includes(x.rule))) {
        const prev = steps.get(s.rule);
        if (prev && prev.weight >= score) continue;
        const condition: Condition = { fact, value: value as Condition['value'], text: input.phrase(fact, value) };
        steps.set(s.rule, { step: { ...s, condition }, weight: score });
      }
    }
  }
  for (const step of completions(input, baseStatus, decide)) if (!steps.has(step.rule)) steps.set(step.rule, { step, weight: 0 });
  const conditional = [...steps.values()].map((x) => x.step).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  return { impact, alternatives, conditional };
}

/**
 * For each programme still uncertain: the answers that would make it eligible, chosen one fact at a time (the
 * first answer that keeps it open, preferring one that decides it), and the plan steps it would then bring, each
 * under the condition of all those answers ("If you paid through Alibaba's checkout and ...: file the claim").
 */
function completions(input: WhatIfInput, baseStatus: ReadonlyMap<string, string>, decide: ReturnType<typeof variantsOf>): PlanStep[] {
  const out: PlanStep[] = [];
  const baseSteps = new Set(input.plan.map((s) => s.rule));
  for (const p of input.programs.filter((x) => x.status === 'uncertain')) {
    let current = input.case;
    const chosen: { fact: string; value: FactValue }[] = [];
    let last: Variant | undefined;
    for (const fact of p.unknown_facts.filter((f) => candidateValues(f)).slice(0, MAX_PROGRAM_FACTS)) {
      let best: { value: FactValue; v: Variant; c: Case } | undefined;
      for (const value of candidateValues(fact)!) {
        const v = decide(current, fact, value, chosen.length === 0);
        if (!v) continue;
        const c = withFact(current, fact, value);
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
    const parts = chosen.map((x) => input.phrase(x.fact, x.value));
    const text = parts.join(' and ');
    const [first, ...rest] = chosen;
    const condition: Condition = { fact: first!.fact, value: first!.value as Condition['value'], text };
    if (rest.length) Object.assign(condition, { and: rest.map((x) => ({ fact: x.fact, value: x.value as Condition['value'] })), parts });
    for (const s of last.plan().filter((x) => !baseSteps.has(x.rule))) out.push({ ...s, condition });
  }
  return out;
}
