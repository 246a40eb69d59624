// assess(): the one function the CLI, `check`, the interview and library users call. Pure.
import type { Case, Money } from './case/case-type.generated.js';
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
import { applyImplications } from './case/derived/implied.js';
import { whatIf } from './engine/what-if.js';
import { questionFor } from './interview/catalogue.js';
import { homeworkFor } from './interview/homework.js';
import { conditionText } from './interview/catalogue-conditions.js';
import type { RankedStrategy, Recommendation, Unknown } from './engine/assessment.js';
import type { Route } from './case/enums.js';
import { citedSources } from './rules/bibliography.js';
import { reportOrder } from './engine/report-order.js';

export interface AssessOptions {
  /** The date to assess for when the case has no `as_of` (the CLI passes today's date). */
  today: string;
  /** Overrides the case's own `as_of`. */
  asOf?: string;
  /** Keep every rule's trace in the result (for --explain). */
  explain?: boolean;
  file?: string;
  /** Re-assess each answer to the deciding unknowns (issue 12): alternatives per answer, conditional plan steps and
   * unknowns ordered by how much their answer changes the verdict. A few ms per case; the CLI does it for single cases. */
  whatIf?: boolean;
}

/** Assess a validated case against a rule set. Same input, same output. */
export function assess(c: Case, rules: RuleSet, opts: AssessOptions): Assessment {
  const asOf = opts.asOf ?? c.as_of ?? opts.today;
  const facts = flattenCase({ ...c, as_of: asOf });
  const implied = applyImplications(c, facts);
  deriveFacts(c, facts, rules.params, asOf);
  const ev = evaluateRules(facts, rules);
  const types = (c.dispute?.types ?? []) as DisputeType[];
  const registry = factRegistry();
  const money = (k: string) => ev.facts.get(k) as Money | undefined;
  const num = (k: string) => ev.facts.get(k) as number | undefined;
  const taBase = ev.programs.find((p) => p.program === 'trade_assurance') ?? {
    program: 'trade_assurance' as const,
    title: 'Trade Assurance',
    status: 'uncertain' as const,
    reasons: [],
    unknown_facts: [],
  };
  const ta: TradeAssuranceVerdict = { ...taBase };
  const windowEnd = ev.facts.get('derived.ta_window_end') as string | undefined;
  if (windowEnd) ta.window_end = windowEnd;
  if (num('derived.ta_days_left') !== undefined) ta.days_left = num('derived.ta_days_left')!;
  if (ta.status !== 'ineligible') {
    if (money('derived.ta_recoverable')) ta.recoverable = money('derived.ta_recoverable')!;
    if (money('derived.ta_uncovered')) ta.uncovered = money('derived.ta_uncovered')!;
  }
  const sev = (s: string) => SEVERITIES.indexOf(s as never);
  const summary: Assessment['case'] = { dispute_types: types };
  if (opts.file) summary.file = opts.file;
  if (c.supplier?.name) summary.supplier = c.supplier.name;
  if (c.order?.channel) summary.channel = c.order.channel;
  if (money('derived.amount_paid')) summary.amount_paid = money('derived.amount_paid')!;
  if (money('derived.loss')) summary.loss = money('derived.loss')!;
  const strategies = strategySection(ev, rules);
  // Unknown facts are listed only for rules that can still change the verdict (the interview asks the same).
  const relevant = relevantRuleIds({ programs: ev.programs, strategies, outcome: ev.outcome }, rules, types);
  const excluded = new Set(strategies.filter((s) => s.excluded).map((s) => s.route));
  const ranks = new Map(strategies.filter((s) => s.rank !== undefined).map((s) => [s.route, s.rank!] as const));
  const plan = planSection(ev, rules, asOf, excluded, ranks);
  const inPlan = new Set(plan.map((s) => s.rule));
  // Advice of a route the strategy section rules out is not given, nor a step the plan leaves out (an excluded
  // route's, or one another step supersedes): the findings say what the report says.
  const given = (f: { id: string; kind: string; route?: Route }) =>
    f.kind === 'action' ? inPlan.has(f.id) : !(f.kind === 'advice' && f.route && excluded.has(f.route));
  const result: Assessment = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    notice: NOT_LEGAL_ADVICE,
    as_of: asOf,
    case: summary,
    trade_assurance: ta,
    programs: ev.programs.filter((p) => p.program !== 'trade_assurance'),
    evidence: evidenceSection(ev, rules, types),
    strategies,
    plan,
    unknowns: asQuestions(
      unknownsSection(ev, (f) => registry.get(f)?.description, relevant),
      rules,
    ),
    // Every fired rule once, the most severe first (flags and advice are the findings of those kinds).
    findings: ev.findings.filter(given).sort((a, b) => sev(b.severity) - sev(a.severity) || compareText(a.id, b.id)),
    stats: { rules: ev.outcomes.length, fired: ev.findings.length, undecided: ev.undecided.length },
    sources: [],
  };
  const homework = homeworkFor(result.unknowns.map((u) => u.fact));
  if (homework.length) result.homework = homework;
  if (implied.length) result.implied = implied.map((i) => ({ fact: i.fact, value: i.value as string | number | boolean, reason: i.reason }));
  if (opts.whatIf) addWhatIf(result, c, rules, asOf);
  // References are numbered in the order the text report cites them (engine/report-order.ts); --explain adds the rest.
  result.sources = citedSources(reportOrder(result, opts.explain ? ev.results.map((r) => r.id) : []), rules);
  if (opts.explain) result.trace = ev.results;
  return result;
}

/**
 * The route to start with on what is known: the top-ranked one; when none ranks yet but a dispute or a loss is
 * known, a step the plan already sets for today outside negotiation (basis plan_step), else a written demand
 * (negotiation), the first step of every recovery (Zhang & Partners, step 4 (1)), unless a rule excluded it; then the
 * plan's first dated step. Nothing when nothing is known.
 */
function recommended(a: Assessment, top: RankedStrategy | undefined): { route?: Route; title?: string; basis?: Recommendation['basis'] } {
  if (top) return { route: top.route, title: top.title, basis: 'ranked' };
  const known = a.case.dispute_types.length > 0 || (a.case.loss !== undefined && a.case.loss.amount > 0);
  const neg = a.strategies.find((s) => s.route === 'negotiation');
  if (!known) return {};
  // A step the case already calls for today (Alibaba decided and has not paid) comes before a generic demand.
  const now = a.plan.find((s) => !s.condition && s.date !== undefined && s.date <= a.as_of);
  if (now && now.route !== 'negotiation') return { title: now.title ?? now.action, basis: 'plan_step' };
  if (neg?.excluded || (neg && neg.score < 0)) {
    // No demand either (a fraud with nothing paid, a supplier gone): the plan's first dated step, when there is one.
    const step = a.plan.find((s) => !s.condition && s.date);
    return step ? { title: step.title ?? step.action, basis: 'plan_step' } : {};
  }
  return { route: 'negotiation', title: rulesTitle(a, 'negotiation'), basis: 'first_step' };
}

const ROUTE_TITLES: Partial<Record<Route, string>> = { negotiation: 'Negotiation and demand letter' };
const rulesTitle = (a: Assessment, route: Route) => a.strategies.find((s) => s.route === route)?.title ?? ROUTE_TITLES[route] ?? route;

/** Each unknown fact with the interview's question and its hint on how to find the answer. */
function asQuestions(list: Unknown[], rules: RuleSet): Unknown[] {
  for (const u of list) {
    const q = questionFor(u.fact, rules);
    if (!q) continue;
    u.question = q.text;
    u.how = q.hint;
  }
  return list;
}

/** Alternatives per deciding unknown, conditional plan steps, and the unknowns ordered by what their answer changes. */
function addWhatIf(a: Assessment, c: Case, rules: RuleSet, asOf: string): void {
  const top = a.strategies.find((s) => s.rank === 1);
  const start = recommended(a, top);
  // The route to compare answers with: the top one, or the first step when none ranks yet.
  const base =
    top ??
    a.strategies.find((s) => s.route === start.route) ??
    (start.route ? { route: start.route, title: start.title ?? start.route, description: '', score: 0, excluded: false, reasons: [] } : undefined);
  // Facts that settle an uncertain programme first: they open or close whole routes.
  const programFacts = [a.trade_assurance, ...a.programs].filter((p) => p.status === 'uncertain').flatMap((p) => p.unknown_facts);
  const facts = [...new Set([...programFacts.filter((f) => a.unknowns.some((u) => u.fact === f)), ...a.unknowns.map((u) => u.fact)])];
  const w = whatIf({
    case: c,
    rules,
    asOf,
    programs: [a.trade_assurance, ...a.programs],
    plan: a.plan,
    facts,
    phrase: conditionText,
    ...(base ? { top: base } : {}),
  });
  for (const u of a.unknowns) if (w.impact.has(u.fact)) u.impact = w.impact.get(u.fact)!;
  a.unknowns.sort((x, y) => (y.impact ?? -1) - (x.impact ?? -1));
  a.plan = [...a.plan, ...w.conditional].sort((x, y) => compareText(x.date ?? '9999', y.date ?? '9999'));
  a.recommendation = { alternatives: w.alternatives, ...start };
}
