// Running a rule set over facts: eligibility first (its outcomes become facts), then every other rule.
import type { Facts, FactValue } from '../case/facts.js';
import type { Money } from '../case/schema.js';
import { PROGRAMS, type Eligibility, type Program } from '../case/enums.js';
import type { Citation, EligibilityRule, Rule, RuleSet } from '../rules/types.js';
import { evaluateCondition, missingFacts, type Outcome, type Trace } from './conditions.js';
import { compiledRules, compiledSet, LayeredFacts } from './compile.js';
import { fillMessage } from './format-value.js';
import { caseInputs } from './case-inputs.js';
import type { Finding, ProgramVerdict, RuleResult } from './assessment.js';

export interface Evaluated {
  facts: Facts;
  results: RuleResult[];
  byId: Map<string, { rule: Rule; outcome: Outcome; trace: Trace }>;
  programs: ProgramVerdict[];
  findings: Finding[];
}

/** Evaluate every rule; returns per-rule outcomes, program verdicts and the fired findings.
 * Outcomes come from compiled conditions (decideRules); a rule's trace is built only when it is read. */
export function evaluateRules(caseFacts: Facts, set: RuleSet): Evaluated {
  const decided = decideRules(caseFacts, set);
  const byId = new Map<string, { rule: Rule; outcome: Outcome; trace: Trace }>();
  const compiled = compiledRules(set);
  compiled.forEach((c, i) => byId.set(c.rule.id, new Evaluation(c.rule, decided.outcomes[i]!, c.rule.kind === 'eligibility' ? caseFacts : decided.facts, set.params)));
  const eligibility = set.rules.filter((r): r is EligibilityRule => r.kind === 'eligibility');
  const programs = PROGRAMS.filter((p) => eligibility.some((r) => r.then.program === p)).map((p) =>
    programVerdict(p, set, eligibility.filter((r) => r.then.program === p), byId, caseFacts),
  );
  const results: RuleResult[] = compiled.map(({ rule, origin }) => new LazyResult(rule, origin, byId.get(rule.id) as Evaluation));
  const findings = set.rules.filter((r) => byId.get(r.id)!.outcome === 'true').map((r) => toFinding(r, decided.facts, set));
  return { facts: decided.facts, results, byId, programs, findings };
}

/** Which rules fire, and nothing more: each rule's outcome (in rule-set order), eligibility rules first, their
 * programmes' outcomes then added as facts (eligibility.<program>) for every other rule. */
export function decideRules(caseFacts: Facts, set: RuleSet): { outcomes: Outcome[]; facts: Facts } {
  let statuses: ReadonlyMap<string, FactValue> = new Map();
  const outcomes = compiledSet(set).decide(caseFacts, (first) => {
    statuses = programStatuses(set, first);
    return statuses;
  });
  return { outcomes, facts: new LayeredFacts(caseFacts, statuses) };
}

/** Per programme: its fact name, and its eligibility rules as (index in the rule set, effect). */
interface StatusGroup { key: string; at: number[]; requires: boolean[]; requirements: number }
const plans = new WeakMap<RuleSet, StatusGroup[]>();

/** eligibility.<program> for each programme with eligibility rules, from those rules' outcomes (as numbers:
 * 0 false, 1 unknown, 2 true). Same decision as programStatus. */
function programStatuses(set: RuleSet, outcomes: readonly number[]): Map<string, FactValue> {
  let groups = plans.get(set);
  if (!groups) {
    const index = new Map(set.rules.map((r, i) => [r.id, i]));
    const eligibility = set.rules.filter((r): r is EligibilityRule => r.kind === 'eligibility');
    groups = PROGRAMS.map((p) => eligibility.filter((r) => r.then.program === p))
      .filter((rules) => rules.length > 0)
      .map((rules) => ({
        key: `eligibility.${rules[0]!.then.program}`,
        at: rules.map((r) => index.get(r.id)!),
        requires: rules.map((r) => r.then.effect === 'requires'),
        requirements: rules.filter((r) => r.then.effect === 'requires').length,
      }));
    plans.set(set, groups);
  }
  const out = new Map<string, FactValue>();
  // An uncertain programme is an unknown fact, so rules on it stay undecided until it is settled.
  for (const g of groups) {
    let blocked = false;
    let undecided = false;
    for (let k = 0; k < g.at.length; k++) {
      const o = outcomes[g.at[k]!]!;
      if (o === 1) undecided = true;
      else if (o === (g.requires[k] ? 0 : 2)) blocked = true;
    }
    if (blocked) out.set(g.key, 'ineligible');
    else if (!undecided && g.requirements > 0) out.set(g.key, 'eligible');
  }
  return out;
}

/** A programme's eligibility from its rules' outcomes: ineligible if an `excludes` rule is true or a `requires`
 * rule false; else uncertain if a rule is undecided or nothing is required; else eligible. */
export function programStatus(rules: readonly EligibilityRule[], outcome: (id: string) => Outcome): Eligibility {
  let blocked = false;
  let undecided = false;
  let requirements = 0;
  for (const r of rules) {
    const o = outcome(r.id);
    if (r.then.effect === 'requires') requirements++;
    if (o === 'unknown') undecided = true;
    else if ((r.then.effect === 'excludes' && o === 'true') || (r.then.effect === 'requires' && o === 'false')) blocked = true;
  }
  return blocked ? 'ineligible' : undecided || requirements === 0 ? 'uncertain' : 'eligible';
}

/** A rule's outcome; its trace is computed on first read (then kept). */
class Evaluation {
  #trace: Trace | undefined;
  readonly #facts: Facts;
  readonly #params: RuleSet['params'];
  constructor(readonly rule: Rule, readonly outcome: Outcome, facts: Facts, params: RuleSet['params']) {
    this.#facts = facts;
    this.#params = params;
  }
  get trace(): Trace {
    this.#trace ??= evaluateCondition(this.rule.when, { facts: this.#facts, params: this.#params });
    return this.#trace;
  }
}

/** A rule result whose trace is read from its evaluation (and written out by JSON.stringify). */
class LazyResult implements RuleResult {
  readonly id: string;
  readonly kind: Rule['kind'];
  readonly outcome: Outcome;
  readonly source: Citation[];
  readonly #evaluation: Evaluation;
  constructor(rule: Rule, readonly origin: string, evaluation: Evaluation) {
    this.id = rule.id;
    this.kind = rule.kind;
    this.outcome = evaluation.outcome;
    this.source = rule.source;
    this.#evaluation = evaluation;
  }
  get trace(): Trace {
    return this.#evaluation.trace;
  }
  toJSON(): RuleResult {
    return { id: this.id, kind: this.kind, outcome: this.outcome, source: this.source, origin: this.origin, trace: this.trace };
  }
}

/** A fired rule as a finding, its message filled in. */
export function toFinding(r: Rule, facts: Facts, set: RuleSet): Finding {
  const f: Finding = { id: r.id, kind: r.kind, severity: r.severity, title: r.title, message: fillMessage(r.message, facts, set.params), source: r.source };
  if (r.kind === 'flag' && r.then?.category) f.category = r.then.category;
  if ((r.kind === 'strategy' || r.kind === 'action' || r.kind === 'advice') && r.then?.route) f.route = r.then.route;
  return f;
}

function programVerdict(program: Program, set: RuleSet, rules: EligibilityRule[], byId: Evaluated['byId'], facts: Facts): ProgramVerdict {
  const reasons: ProgramVerdict['reasons'] = [];
  const unknown = new Set<string>();
  for (const r of rules) {
    const e = byId.get(r.id)!;
    const outcome = e.outcome;
    const msg = (text: string) => fillMessage(text, facts, set.params);
    if (outcome === 'unknown') {
      for (const f of missingFacts(e.trace)) for (const input of caseInputs(f, facts)) unknown.add(input);
      reasons.push({ rule: r.id, effect: 'unknown', message: r.title, source: r.source });
    } else if (r.then.effect === 'excludes' && outcome === 'true') {
      reasons.push({ rule: r.id, effect: 'excluded', message: msg(r.message), source: r.source });
    } else if (r.then.effect === 'requires' && outcome === 'false') {
      reasons.push({ rule: r.id, effect: 'unmet', message: msg(r.then.unmet ?? `Not met: ${r.title}`), source: r.source });
    } else if (r.then.effect === 'requires' && outcome === 'true') {
      reasons.push({ rule: r.id, effect: 'met', message: msg(r.message), source: r.source });
    }
  }
  const status = programStatus(rules, (id) => byId.get(id)!.outcome);
  const order = { excluded: 0, unmet: 1, unknown: 2, met: 3 } as const;
  reasons.sort((a, b) => order[a.effect] - order[b.effect]);
  return { program, title: set.catalogue.programs[program]?.title ?? program, status, reasons, unknown_facts: status === 'uncertain' ? [...unknown].sort() : [] };
}

export type { Money };
