// The question planner (pure): given the case so far and the loaded rules, which fact to ask next and when
// to stop. It asks only for facts that would decide a rule whose outcome still matters, grouped the way the
// source texts reason (what happened, counterparty, supplier status, evidence, options), most decisive first.
import { assess } from '../assess.js';
import type { Case } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { RuleSet } from '../rules/types.js';
import { SEVERITIES, type Severity } from '../case/enums.js';
import { factRegistry } from '../rules/fact-registry.js';
import { GROUPS } from './groups.js';
import { bundleQuestion, questionFor, type Question } from './catalogue.js';
import { bundleOf } from './bundles.js';
import { paymentsAskable } from './payments.js';

export interface PlanOptions {
  today: string;
  asOf?: string;
  /** Facts already asked in this session (answered or "I don't know"): never asked again. */
  skipped?: ReadonlySet<string>;
}

/** A fact worth asking, with the undecided rules it would help decide. */
export interface Candidate { question: Question; rules: string[]; weight: number }

export interface Plan {
  /** The next question; undefined when nothing left unknown would change the verdict. */
  next?: Candidate;
  /** All questions still worth asking, in the order they would be asked. */
  candidates: Candidate[];
}

/** Plan the rest of the interview for a partial case. */
export function planInterview(c: Case, set: RuleSet, opts: PlanOptions): Plan {
  const a = assess(c, set, { today: opts.today, explain: true, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  const relevant = relevantRules(a, set, c);
  const byPath = new Map<string, Set<string>>();
  const add = (fact: string, rule: string) => {
    const parent = fact.replace(/\.(amount|currency)$/, '');
    const path = parent !== fact && factRegistry().get(parent)?.kind === 'money' ? parent : fact;
    if (!byPath.has(path)) byPath.set(path, new Set());
    byPath.get(path)!.add(rule);
  };
  for (const u of a.unknowns) for (const r of u.rules) if (relevant.has(r)) add(u.fact, r);
  for (const g of a.evidence) for (const i of g.items) if (i.status === 'unknown' && i.level === 'required') add(`evidence.${i.kind}`, i.rule);
  if (c.dispute?.types === undefined) add('dispute.types', '(evidence checklist)');
  for (const [path, rules] of [...byPath]) {
    const b = bundleOf(path);
    if (!b || opts.skipped?.has(path)) continue;
    byPath.delete(path);
    if (!byPath.has(b.id)) byPath.set(b.id, new Set());
    for (const r of rules) byPath.get(b.id)!.add(r);
  }
  const candidates: Candidate[] = [];
  for (const [path, rules] of byPath) {
    const question = bundleQuestion(path) ?? questionFor(path, set);
    if (!question || opts.skipped?.has(path) || question.askIf?.(c) === false) continue;
    if (path === 'order.payments' && !paymentsAskable(c)) continue;
    candidates.push({ question, rules: [...rules].sort(), weight: rules.size });
  }
  candidates.sort(byGroupThenWeight);
  return candidates[0] ? { next: candidates[0], candidates } : { candidates };
}

function byGroupThenWeight(a: Candidate, b: Candidate): number {
  const qa = a.question;
  const qb = b.question;
  return GROUPS.indexOf(qa.group) - GROUPS.indexOf(qb.group) || (qa.pin ?? Infinity) - (qb.pin ?? Infinity) || b.weight - a.weight || qa.order - qb.order || qa.path.localeCompare(qb.path);
}

/** What the interview treats as the verdict: what a buyer acts on. */
export const VERDICT = { minSeverity: 'high' as Severity, topRoutes: 3 };

/**
 * Rules whose outcome can still change the verdict: eligibility of programmes not yet ruled out; required
 * evidence for the case's dispute types; flags, advice and plan steps of high severity or more; strategy rules
 * of routes that could still reach the top three (their score range, over the undecided rules, overlaps it).
 */
export function relevantRules(a: Assessment, set: RuleSet, c: Case): Set<string> {
  const blocked = new Set([a.trade_assurance, ...a.programs].filter((p) => p.status === 'ineligible').map((p) => p.program));
  const excluded = new Set(a.strategies.filter((s) => s.excluded).map((s) => s.route));
  const contenders = contendingRoutes(a, set, excluded);
  const types = c.dispute?.types;
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
function contendingRoutes(a: Assessment, set: RuleSet, excluded: ReadonlySet<string>): Set<string> {
  const outcome = new Map((a.trace ?? []).map((r) => [r.id, r.outcome]));
  const range = new Map<string, { min: number; max: number }>();
  for (const r of set.rules) {
    if (r.kind !== 'strategy' || excluded.has(r.then.route)) continue;
    const x = range.get(r.then.route) ?? { min: 0, max: 0 };
    const o = outcome.get(r.id);
    const score = r.then.exclude ? 0 : (r.then.score ?? 0);
    if (o === 'true') { x.min += score; x.max += score; }
    else if (o === 'unknown') { if (score > 0) x.max += score; else x.min += score; }
    range.set(r.then.route, x);
  }
  const floor = [...range.values()].map((x) => x.min).sort((p, q) => q - p)[VERDICT.topRoutes - 1] ?? -Infinity;
  return new Set([...range].filter(([, x]) => x.max > 0 && x.max >= floor).map(([route]) => route));
}
