// Running a rule set over facts: eligibility first (its outcomes become facts), then every other rule.
import type { Facts, FactValue } from '../case/facts.js';
import type { Money } from '../case/schema.js';
import { PROGRAMS, type Program } from '../case/enums.js';
import type { EligibilityRule, Rule, RuleSet } from '../rules/types.js';
import { evaluateCondition, missingFacts, type Outcome, type Trace } from './conditions.js';
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

/** Evaluate every rule; returns per-rule outcomes, program verdicts and the fired findings. */
export function evaluateRules(caseFacts: Facts, set: RuleSet): Evaluated {
  const env = { facts: caseFacts, params: set.params };
  const byId = new Map<string, { rule: Rule; outcome: Outcome; trace: Trace }>();
  const run = (rule: Rule, facts: Facts) => {
    const trace = evaluateCondition(rule.when, { ...env, facts });
    byId.set(rule.id, { rule, outcome: trace.outcome, trace });
  };
  const eligibility = set.rules.filter((r): r is EligibilityRule => r.kind === 'eligibility');
  for (const r of eligibility) run(r, caseFacts);
  const programs = PROGRAMS.filter((p) => eligibility.some((r) => r.then.program === p)).map((p) =>
    programVerdict(p, set, eligibility.filter((r) => r.then.program === p), byId, caseFacts),
  );
  const facts = new Map<string, FactValue>(caseFacts);
  // An uncertain programme is an unknown fact, so rules on it stay undecided until it is settled.
  for (const p of programs) if (p.status !== 'uncertain') facts.set(`eligibility.${p.program}`, p.status);
  for (const r of set.rules) if (r.kind !== 'eligibility') run(r, facts);
  const results: RuleResult[] = set.rules.map((r) => {
    const e = byId.get(r.id)!;
    return { id: r.id, kind: r.kind, outcome: e.outcome, source: r.source, origin: `${r.origin.file}:${r.origin.line}:${r.origin.column}`, trace: e.trace };
  });
  const findings = set.rules.filter((r) => byId.get(r.id)!.outcome === 'true').map((r) => toFinding(r, facts, set));
  return { facts, results, byId, programs, findings };
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
  let blocked = false;
  let undecided = false;
  let requirements = 0;
  for (const r of rules) {
    const { outcome, trace } = byId.get(r.id)!;
    const msg = (text: string) => fillMessage(text, facts, set.params);
    if (r.then.effect === 'requires') requirements++;
    if (outcome === 'unknown') {
      undecided = true;
      for (const f of missingFacts(trace)) for (const input of caseInputs(f, facts)) unknown.add(input);
      reasons.push({ rule: r.id, effect: 'unknown', message: r.title });
    } else if (r.then.effect === 'excludes' && outcome === 'true') {
      blocked = true;
      reasons.push({ rule: r.id, effect: 'excluded', message: msg(r.message) });
    } else if (r.then.effect === 'requires' && outcome === 'false') {
      blocked = true;
      reasons.push({ rule: r.id, effect: 'unmet', message: msg(r.then.unmet ?? `Not met: ${r.title}`) });
    } else if (r.then.effect === 'requires' && outcome === 'true') {
      reasons.push({ rule: r.id, effect: 'met', message: msg(r.message) });
    }
  }
  const status = blocked ? 'ineligible' : undecided || requirements === 0 ? 'uncertain' : 'eligible';
  const order = { excluded: 0, unmet: 1, unknown: 2, met: 3 } as const;
  reasons.sort((a, b) => order[a.effect] - order[b.effect]);
  return { program, title: set.catalogue.programs[program]?.title ?? program, status, reasons, unknown_facts: status === 'uncertain' ? [...unknown].sort() : [] };
}

export type { Money };
