// Running a rule set over facts: eligibility first (its outcomes become facts), then every other rule.
import type { Facts, FactValue } from '../case/facts.js';
import type { Money } from '../case/schema.js';
import { PROGRAMS, type Eligibility, type Program } from '../case/enums.js';
import type { Citation, EligibilityRule, Rule, RuleSet } from '../rules/types.js';
import { evaluateCondition, missingFacts, unknownFacts, type Outcome, type Trace } from './conditions.js';
import { compiledRules, compiledSet, LayeredFacts } from './compile.js';
import { fillMessage } from './format-value.js';
import { caseInputs } from './case-inputs.js';
import type { Finding, ProgramVerdict, RuleResult } from './assessment.js';

export interface Evaluated {
  facts: Facts;
  /** Each rule's outcome, in rule-set order. */
  outcomes: readonly Outcome[];
  /** A rule's outcome by id; undefined for an id not in the rule set. */
  outcome(id: string): Outcome | undefined;
  /** A rule with its outcome, its trace (built when read) and the facts whose absence leaves it undecided
   * (`missingFacts(trace)`, worked out without the trace); undefined for an unknown id. */
  byId: { get(id: string): { rule: Rule; outcome: Outcome; trace: Trace; missing: Set<string> } | undefined };
  /** The rules left undecided, in rule-set order. */
  undecided: readonly Rule[];
  /** Every rule's result with its trace: made when read (--explain), not for every case. */
  readonly results: RuleResult[];
  programs: ProgramVerdict[];
  findings: Finding[];
}

/** Each rule set's rule index by id, made once. */
const indexes = new WeakMap<RuleSet, Map<string, number>>();
const indexOf = (set: RuleSet) => {
  let index = indexes.get(set);
  if (!index) indexes.set(set, (index = new Map(set.rules.map((r, i) => [r.id, i]))));
  return index;
};

/** Each programme with eligibility rules, and its rules (per rule set, made once). */
const programGroups = new WeakMap<RuleSet, [Program, EligibilityRule[]][]>();
function programRules(set: RuleSet): [Program, EligibilityRule[]][] {
  let groups = programGroups.get(set);
  if (!groups) {
    const eligibility = set.rules.filter((r): r is EligibilityRule => r.kind === 'eligibility');
    groups = PROGRAMS.map((p): [Program, EligibilityRule[]] => [p, eligibility.filter((r) => r.then.program === p)]).filter(([, rules]) => rules.length > 0);
    programGroups.set(set, groups);
  }
  return groups;
}

/** Evaluate every rule; returns per-rule outcomes, program verdicts and the fired findings. Outcomes come from
 * compiled conditions (decideRules); per case, only the fired rules (findings) and the undecided ones get objects
 * of their own, and a rule's trace is built only when it is read. */
export function evaluateRules(caseFacts: Facts, set: RuleSet): Evaluated {
  const decided = decideRules(caseFacts, set);
  const { outcomes, facts } = decided;
  const index = indexOf(set);
  const traces = new Map<number, Trace>();
  const envOf = (rule: Rule) => ({ facts: rule.kind === 'eligibility' ? caseFacts : facts, params: set.params });
  const trace = (i: number): Trace => {
    let t = traces.get(i);
    if (!t) traces.set(i, (t = evaluateCondition(set.rules[i]!.when, envOf(set.rules[i]!))));
    return t;
  };
  const outcome = (id: string) => {
    const i = index.get(id);
    return i === undefined ? undefined : outcomes[i];
  };
  const byId: Evaluated['byId'] = {
    get(id) {
      const i = index.get(id);
      if (i === undefined) return undefined;
      return {
        rule: set.rules[i]!,
        outcome: outcomes[i]!,
        get trace() {
          return trace(i);
        },
        get missing() {
          return traces.has(i) ? missingFacts(trace(i)) : unknownFacts(set.rules[i]!.when, envOf(set.rules[i]!));
        },
      };
    },
  };
  const findings: Finding[] = [];
  const undecided: Rule[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    if (outcomes[i] === 'true') findings.push(toFinding(set.rules[i]!, facts, set));
    else if (outcomes[i] === 'unknown') undecided.push(set.rules[i]!);
  }
  const programs = programRules(set).map(([p, rules]) => programVerdict(p, set, rules, byId, caseFacts));
  let results: RuleResult[] | undefined;
  return {
    facts,
    outcomes,
    outcome,
    byId,
    undecided,
    programs,
    findings,
    get results() {
      results ??= compiledRules(set).map(({ rule, origin }, i) => new LazyResult(rule, origin, outcomes[i]!, () => trace(i)));
      return results;
    },
  };
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
interface StatusGroup {
  key: string;
  at: number[];
  requires: boolean[];
  requirements: number;
}
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

/** A rule result whose trace is read on demand (and written out by JSON.stringify). */
class LazyResult implements RuleResult {
  readonly id: string;
  readonly kind: Rule['kind'];
  readonly source: Citation[];
  readonly #trace: () => Trace;
  constructor(
    rule: Rule,
    readonly origin: string,
    readonly outcome: Outcome,
    trace: () => Trace,
  ) {
    this.id = rule.id;
    this.kind = rule.kind;
    this.source = rule.source;
    this.#trace = trace;
  }
  get trace(): Trace {
    return this.#trace();
  }
  toJSON(): RuleResult {
    return { id: this.id, kind: this.kind, outcome: this.outcome, source: this.source, origin: this.origin, trace: this.trace };
  }
}

/** A fired rule as a finding, its message filled in. */
export function toFinding(r: Rule, facts: Facts, set: RuleSet): Finding {
  const f: Finding = { id: r.id, kind: r.kind, severity: r.severity, title: r.title, message: fillMessage(r.message, facts, set.params), source: r.source };
  if ((r.kind === 'flag' || r.kind === 'advice') && r.then?.category) f.category = r.then.category;
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
      for (const f of e.missing) for (const input of caseInputs(f, facts)) unknown.add(input);
      // Never the rule's title on its own: it would state as a fact what is not known (issue 11); the facts that
      // would decide it are the programme's unknown_facts.
      reasons.push({ rule: r.id, effect: 'unknown', message: `Not known whether "${r.title}" holds`, source: r.source });
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
  // Issue 12: an ineligible programme gives only what rules it out. A gate met beside it ("in time: nothing was
  // delivered" beside "refused as filed too late") reads as a contradiction, and it changes nothing.
  const shown = status === 'ineligible' ? reasons.filter((r) => r.effect !== 'met') : reasons;
  return {
    program,
    title: set.catalogue.programs[program]?.title ?? program,
    status,
    reasons: shown,
    unknown_facts: status === 'uncertain' ? [...unknown].sort() : [],
  };
}

export type { Money };
