// assess(): the one function the CLI, `check`, the interview and library users call. Pure.
import type { Case, Money } from './case/schema.js';
import type { DisputeType } from './case/enums.js';
import { flattenCase } from './case/facts.js';
import { deriveFacts } from './case/derive.js';
import { factRegistry } from './rules/fact-registry.js';
import type { RuleSet } from './rules/types.js';
import { evaluateRules } from './engine/evaluate.js';
import { evidenceSection, planSection, strategySection, unknownsSection } from './engine/sections.js';
import { relevantRuleIds } from './engine/relevance.js';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, NOT_LEGAL_ADVICE, type Assessment, type TradeAssuranceVerdict } from './engine/assessment.js';
import { SEVERITIES } from './case/enums.js';
import { compareText } from './engine/compare.js';
import { citedSources } from './rules/bibliography.js';

export interface AssessOptions {
  /** The date to assess for when the case has no `as_of` (the CLI passes today's date). */
  today: string;
  /** Overrides the case's own `as_of`. */
  asOf?: string;
  /** Keep every rule's trace in the result (for --explain). */
  explain?: boolean;
  file?: string;
}

/** Assess a validated case against a rule set. Same input, same output. */
export function assess(c: Case, rules: RuleSet, opts: AssessOptions): Assessment {
  const asOf = opts.asOf ?? c.as_of ?? opts.today;
  const facts = flattenCase({ ...c, as_of: asOf });
  deriveFacts(c, facts, rules.params, asOf);
  const ev = evaluateRules(facts, rules);
  const types = (c.dispute?.types ?? []) as DisputeType[];
  const registry = factRegistry();
  const money = (k: string) => ev.facts.get(k) as Money | undefined;
  const num = (k: string) => ev.facts.get(k) as number | undefined;
  const taBase = ev.programs.find((p) => p.program === 'trade_assurance') ?? { program: 'trade_assurance' as const, title: 'Trade Assurance', status: 'uncertain' as const, reasons: [], unknown_facts: [] };
  const ta: TradeAssuranceVerdict = { ...taBase };
  const windowEnd = ev.facts.get('derived.ta_window_end') as string | undefined;
  if (windowEnd) ta.window_end = windowEnd;
  if (num('derived.ta_days_left') !== undefined) ta.days_left = num('derived.ta_days_left')!;
  if (ta.status !== 'ineligible') {
    if (money('derived.ta_recoverable')) ta.recoverable = money('derived.ta_recoverable')!;
    if (money('derived.ta_uncovered')) ta.uncovered = money('derived.ta_uncovered')!;
  }
  const sev = (s: string) => SEVERITIES.indexOf(s as never);
  const byKind = (kind: string) => ev.findings.filter((f) => f.kind === kind).sort((a, b) => sev(b.severity) - sev(a.severity) || compareText(a.id, b.id));
  const summary: Assessment['case'] = { dispute_types: types };
  if (opts.file) summary.file = opts.file;
  if (c.supplier?.name) summary.supplier = c.supplier.name;
  if (c.order?.channel) summary.channel = c.order.channel;
  if (money('derived.amount_paid')) summary.amount_paid = money('derived.amount_paid')!;
  if (money('derived.loss')) summary.loss = money('derived.loss')!;
  const strategies = strategySection(ev, rules);
  // Unknown facts are listed only for rules that can still change the verdict (the interview asks the same).
  const relevant = relevantRuleIds({ programs: ev.programs, strategies, outcome: ev.outcome }, rules, types);
  const result: Assessment = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    notice: NOT_LEGAL_ADVICE,
    as_of: asOf,
    case: summary,
    trade_assurance: ta,
    programs: ev.programs.filter((p) => p.program !== 'trade_assurance'),
    evidence: evidenceSection(ev, rules, types),
    flags: byKind('flag'),
    advice: byKind('advice'),
    strategies,
    plan: planSection(ev, rules, asOf, new Set(strategies.filter((s) => s.excluded).map((s) => s.route))),
    unknowns: unknownsSection(ev, (f) => registry.get(f)?.description, relevant),
    findings: ev.findings,
    stats: { rules: ev.outcomes.length, fired: ev.findings.length, undecided: ev.undecided.length },
    sources: citedSources(ev.findings, rules.sources),
  };
  if (opts.explain) result.trace = ev.results;
  return result;
}
