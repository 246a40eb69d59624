// The question planner (pure): given the case so far and the loaded rules, which fact to ask next and when
// to stop. It asks only for facts that would decide a rule whose outcome still matters, grouped the way the
// source texts reason (what happened, counterparty, supplier status, evidence, options), most decisive first.
import { assess } from '../assess.js';
import type { Case } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { RuleSet } from '../rules/types.js';
export { VERDICT } from '../engine/relevance.js';
import { relevantRuleIds } from '../engine/relevance.js';
import { factRegistry } from '../rules/fact-registry.js';
import { GROUPS } from './groups.js';
import { bundleQuestion, questionFor, type Question } from './catalogue.js';
import { bundleOf } from './bundles.js';
import { paymentsAskable } from './payments.js';
import {
  BASICS,
  EVENTS,
  EVENTS_ASKED,
  EVIDENCE_CHECKLIST,
  evidenceChecklist,
  HOMEWORK,
  isEventsHost,
  isHomework,
  narrowed,
  stillOpen,
  withEvents,
} from './agenda.js';
import { valueAt } from './values.js';
import { ValueOfInformation } from './value.js';

export interface PlanOptions {
  today: string;
  asOf?: string;
  /** Facts already asked in this session (answered or "I don't know"): never asked again. */
  skipped?: ReadonlySet<string>;
  /** Ask the research homework too (on resume, when the buyer has done it); otherwise it is listed in `homework`. */
  homework?: boolean;
}

/** A fact worth asking, with the undecided rules it would help decide. */
export interface Candidate {
  question: Question;
  rules: string[];
  weight: number;
}

export interface Plan {
  /** The next question; undefined when nothing left unknown would change the verdict. */
  next?: Candidate;
  /** All questions still worth asking, in the order they would be asked. */
  candidates: Candidate[];
  /** Research that would still matter, not asked now (see HOMEWORK in agenda.ts), in catalogue order. */
  homework: Candidate[];
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
  for (const path of BASICS) if (!byPath.has(path) && valueAt(c, path) === undefined) add(path, '(the basics)');
  // An event ticked in the checklist (offered, not settled as "did not happen") is followed up, whatever the rules read.
  const ticked = opts.skipped?.has(EVENTS_ASKED) ? Object.keys(EVENTS).filter((p) => !opts.skipped!.has(p) && valueAt(c, p) === undefined) : [];
  for (const path of ticked) if (!byPath.has(path)) add(path, '(an event you ticked)');
  const followUp = followUpOf(ticked);
  for (const [path, rules] of [...byPath]) {
    const b = bundleOf(path);
    if (!b || opts.skipped?.has(path)) continue;
    byPath.delete(path);
    if (!stillOpen(path, c)) continue;
    if (!byPath.has(b.id)) byPath.set(b.id, new Set());
    for (const r of rules) byPath.get(b.id)!.add(r);
  }
  const candidates: Candidate[] = [];
  const homework: Candidate[] = [];
  const voi = new ValueOfInformation(c, set, a.as_of, relevant);
  // Questions no answer of which changes the verdict alone: asked only if one does together with another open question.
  const idle: Candidate[] = [];
  for (const [path, rules] of byPath) {
    const found = bundleQuestion(path) ?? questionFor(path, set);
    const question = found && narrowed(found, c);
    if (!question || opts.skipped?.has(path) || question.askIf?.(c) === false || !stillOpen(path, c)) continue;
    if (path === 'order.payments' && !paymentsAskable(c)) continue;
    const candidate = { question, rules: [...rules].sort(), weight: rules.size };
    if (!alwaysAsked(path) && !ticked.includes(path) && voi.worthAsking(question) === false) {
      idle.push(candidate);
      continue;
    }
    if (isHomework(path) && !opts.homework) homework.push(candidate);
    else candidates.push(candidate);
  }
  // Weighed in pairs only up to the next question (each plan weighs again): homework all, the rest while it would come first.
  const open = [...candidates, ...homework, ...idle];
  candidates.sort(byGroupThenWeight);
  idle.sort(byGroupThenWeight);
  const first = candidates[0];
  for (const x of idle) {
    const home = isHomework(x.question.path) && !opts.homework;
    if (!home && first && byGroupThenWeight(x, first) > 0) continue;
    const shared = (y: Candidate) => y.rules.filter((r) => x.rules.includes(r)).length;
    const partners = open
      .filter((y) => y !== x && shared(y) > 0)
      .sort((p, q) => shared(q) - shared(p))
      .slice(0, PARTNERS);
    if (!partners.some((y) => voi.worthAskingWith(x.question, y.question))) continue;
    (home ? homework : candidates).push(x);
  }
  mergeEvidence(candidates, opts.skipped);
  if (!opts.skipped?.has(EVENTS_ASKED)) mergeEvents(candidates, openEvents(c, opts.skipped));
  // A ticked event's follow-up comes right after the checklist, while the buyer has it in mind.
  candidates.sort((x, y) => Number(followUp(y)) - Number(followUp(x)) || byGroupThenWeight(x, y));
  homework.sort((a, b) => HOMEWORK.findIndex((h) => h.path === a.question.path) - HOMEWORK.findIndex((h) => h.path === b.question.path));
  return candidates[0] ? { next: candidates[0], candidates, homework } : { candidates, homework };
}

/** Whether a candidate follows up a ticked event (not a basic). */
const followUpOf = (ticked: readonly string[]) => (x: Candidate) => ticked.includes(x.question.path) && !BASICS.includes(x.question.path);

/** At most this many other open questions (those sharing the most rules) are weighed with a question of no value alone. */
const PARTNERS = 6;

/** The basics and the evidence are asked whenever unknown; every other question only while its answer can change the verdict. */
const alwaysAsked = (path: string) => BASICS.includes(path) || path.startsWith('evidence.');

/** Two or more evidence items still to ask become one checklist ("which of these do you have?"). */
function mergeEvidence(candidates: Candidate[], skipped?: ReadonlySet<string>): void {
  const items = candidates.filter((x) => x.question.path.startsWith('evidence.') && x.question.kind === 'enum');
  if (items.length < 2 || skipped?.has(EVIDENCE_CHECKLIST)) return;
  items.sort((a, b) => a.question.order - b.question.order);
  const title = (p: string) => items.find((x) => x.question.path === p)!.question.text.replace(/^Do you have this evidence: (.*)\?$/, '$1');
  const question = evidenceChecklist(
    items.map((x) => x.question.path),
    title,
    items[0]!.question.order,
  );
  const rules = new Set(items.flatMap((x) => x.rules));
  for (const x of items) candidates.splice(candidates.indexOf(x), 1);
  candidates.push({ question, rules: [...rules].sort(), weight: rules.size });
}

/** The events not yet offered, not known and still possible. */
function openEvents(c: Case, skipped?: ReadonlySet<string>): string[] {
  return Object.keys(EVENTS).filter((p) => !skipped?.has(p) && valueAt(c, p) === undefined && stillOpen(p, c));
}

/**
 * The rare events join the warning-signs checklist (or make one of their own when two or more are worth asking),
 * once (never after the checklist was asked): every event still possible is offered with them, so that an
 * unticked one is settled for good.
 */
function mergeEvents(candidates: Candidate[], open: readonly string[]): void {
  const events = candidates.filter((x) => x.question.path in EVENTS);
  const host = candidates.find((x) => isEventsHost(x.question.path));
  if (!host && events.length < 2) return;
  const merged = withEvents(host?.question, host ? open : events.map((x) => x.question.path));
  if (!merged) return;
  const rules = new Set([...(host?.rules ?? []), ...events.flatMap((x) => x.rules)]);
  for (const x of [...events, ...(host ? [host] : [])]) candidates.splice(candidates.indexOf(x), 1);
  const order = Math.min(host?.question.order ?? Infinity, ...events.map((x) => x.question.order));
  candidates.push({ question: { ...merged.question, order }, rules: [...rules].sort(), weight: rules.size });
}

/** The basics first (in BASICS order), then by group, pin, weight and catalogue order. */
function byGroupThenWeight(a: Candidate, b: Candidate): number {
  const qa = a.question;
  const qb = b.question;
  const basic = (q: Question) => (BASICS.includes(q.path) ? BASICS.indexOf(q.path) : BASICS.length);
  return (
    basic(qa) - basic(qb) ||
    GROUPS.indexOf(qa.group) - GROUPS.indexOf(qb.group) ||
    (qa.pin ?? Infinity) - (qb.pin ?? Infinity) ||
    b.weight - a.weight ||
    qa.order - qb.order ||
    qa.path.localeCompare(qb.path)
  );
}

/** Rules whose outcome can still change the verdict (see src/engine/relevance.ts). */
export function relevantRules(a: Assessment, set: RuleSet, c: Case): Set<string> {
  const outcome = new Map((a.trace ?? []).map((r) => [r.id, r.outcome]));
  return relevantRuleIds({ programs: [a.trade_assurance, ...a.programs], strategies: a.strategies, outcome: (id) => outcome.get(id) }, set, c.dispute?.types);
}
