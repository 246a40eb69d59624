// The interview's agenda (issue 15), asked like an expert would: the basics first, always; research a buyer
// cannot do on the spot kept as homework; and no question whose premise an answer (or an implied fact) ruled out.
// Pure: the planner reads these; the terminal session writes the homework into the saved file.
import type { Case } from '../case/schema.js';
import { ARRIVAL_TYPES, IMPLICATIONS, impliedDelivery } from '../case/derived/implied.js';
import wrapAnsi from 'wrap-ansi';
import { valueAt } from './values.js';
import type { Question } from './catalogue.js';
import { HOMEWORK } from './homework.js';

/**
 * Asked first, in this order, whenever still unknown: what went wrong, who you are (your country settles which
 * dollar "$" is, before any amount), what you ordered, how you ordered and paid, and what was agreed.
 */
export const BASICS: readonly string[] = [
  'dispute.types',
  'buyer.country',
  'order.goods',
  'order.channel',
  'order.payments',
  'dispute.amount_claimed',
  'order.date',
  'order.delivery.expected_date',
];

export { HOMEWORK, type Homework } from './homework.js';
const HOMEWORK_PATHS = new Set(HOMEWORK.map((h) => h.path));

/** Whether a question (fact path or bundle id) is research homework rather than something the buyer knows. */
export const isHomework = (path: string): boolean => HOMEWORK_PATHS.has(path);

const arrived = (c: Case) => (c.order?.delivery?.status ?? impliedDelivery(c)) !== 'none';
const paidOnlyOutsideChina = (c: Case) => {
  const ps = c.order?.payments ?? [];
  return ps.length > 0 && ps.every((p) => p.via === 'hong_kong_account' || p.via === 'offshore_account');
};

/** Every payment known went to Alibaba (its checkout or the designated account on the order page). */
const paidOnlyToAlibaba = (c: Case) => {
  const ps = c.order?.payments ?? [];
  return ps.length > 0 && ps.every((p) => p.via === 'alibaba_checkout' || p.via === 'alibaba_designated_account');
};
/** An order placed on Alibaba.com (Trade Assurance or checkout): its contracting party is the supplier named on it. */
const platformOrder = (c: Case) => c.order?.channel === 'trade_assurance' || c.order?.channel === 'wholesale_checkout';

/** Nothing was paid (the buyer said so). */
const paidNothing = (c: Case) => c.order?.payments?.length === 0;
/** Only an IP complaint, about a supplier the buyer paid nothing (a copier, not a seller): no order to ask about. */
const ipOnly = (c: Case) => {
  const t = c.dispute?.types ?? [];
  return t.length > 0 && t.every((x) => x === 'ip_infringement');
};
const noOrder = (c: Case) => ipOnly(c) && paidNothing(c);
/** Asked about an order or a payment: not when there is none. */
const ORDER_QUESTIONS =
  /^(order\.(?!payments$)|supplier\.payee\.|customs\.|dispute\.(offer|subjective_quality|supplier_notified|platform_dispute)|supplier\.contracting_party$)/;
const bothNames = (c: Case) => c.supplier?.payee?.name !== undefined && c.supplier?.contracting_party !== undefined;

/** Questions whose premise an answer can rule out: asked only while the premise may still hold. */
const PREMISES: Record<string, (c: Case) => boolean> = {
  // An IP complaint: what was paid comes first; how the order was placed only if there was one.
  'order.channel': (c) => !ipOnly(c) || (c.order?.payments?.length ?? 0) > 0,
  'order.goods': (c) => !ipOnly(c) || (c.order?.payments?.length ?? 0) > 0,
  // The two names settle whether the account is the contracting party's; "the same company" settles the payee's name.
  'supplier.payee.same_as_contracting_party': (c) => !paidOnlyToAlibaba(c) && !paidNothing(c) && !bothNames(c) && c.supplier?.contracting_party !== undefined,
  // Whose account the money went to: nobody's but Alibaba's when every payment was made to Alibaba.
  'supplier.payee.name': (c) => !paidOnlyToAlibaba(c) && !paidNothing(c) && c.supplier?.payee?.same_as_contracting_party !== true,
  'supplier.payee.country': (c) => !paidOnlyToAlibaba(c) && !paidNothing(c),
  'supplier.payee.account_type': (c) => !paidOnlyToAlibaba(c) && !paidNothing(c),
  // The company on the contract: the order on Alibaba.com names it.
  'supplier.contracting_party': (c) => !platformOrder(c),
  'dispute.subjective_quality': arrived,
  'order.delivery.shipped_date': arrived,
  'order.delivery.receipt_confirmed_date': arrived,
  'order.quantity_delivered': arrived,
  'dispute.supplier_notified': (c) => c.dispute?.supplier_notified_date === undefined,
  'dispute.supplier_notified_date': (c) => c.dispute?.supplier_notified !== false,
  // The supplier's assets "in China": not the account paid when every payment went to Hong Kong or offshore.
  'assets.bank_accounts': (c) => !paidOnlyOutsideChina(c),
};

/**
 * Answers that an earlier answer already gives, recorded by the interview instead of asked (each only while
 * the fact is unstated): the buyer said it already, in other words.
 */
export const ANSWERED_BY: readonly { fact: string; reason: string; value(c: Case): string | undefined }[] = [
  {
    fact: 'supplier.payee.country',
    reason: 'every payment went to an account in Hong Kong',
    value: (c) => (c.order?.payments?.length && c.order.payments.every((p) => p.via === 'hong_kong_account') ? 'HK' : undefined),
  },
  {
    fact: 'supplier.payee.country',
    reason: 'the account is a company account in mainland China, or in Hong Kong',
    value: (c) => (({ company_in_china: 'CN', hong_kong_company: 'HK' }) as Record<string, string>)[c.supplier?.payee?.account_type ?? ''],
  },
  {
    fact: 'supplier.payee.account_type',
    reason: "every payment went to a person's private account",
    value: (c) => (c.order?.payments?.length && c.order.payments.every((p) => p.via === 'personal_account') ? 'personal' : undefined),
  },
  {
    fact: 'order.delivery.status',
    reason: 'a short shipment: part of the goods arrived',
    value: (c) => (c.dispute?.types?.includes('short_shipment') && impliedDelivery(c) === undefined ? 'partial' : undefined),
  },
  {
    fact: 'supplier.activity.responsive',
    reason: 'the supplier does not answer (its position)',
    value: (c) => (c.dispute?.supplier_position === 'silent' ? 'unresponsive' : undefined),
  },
];

/** The answers earlier answers give that the case does not state yet: [fact path, value]. */
export function answeredByEarlier(c: Case): [string, string][] {
  const out: [string, string][] = [];
  for (const a of ANSWERED_BY) {
    const v = a.value(c);
    if (v !== undefined && valueAt(c, a.fact) === undefined) out.push([a.fact, v]);
  }
  return out;
}

/** Choices an earlier answer rules out: after "every payment went to an account in Hong Kong", only Hong Kong accounts. */
const NARROWED: Record<string, (c: Case) => readonly string[] | undefined> = {
  // A complaint about goods that arrived (quality, damage, a short shipment...): some or all arrived, not none.
  'order.delivery.status': (c) => ((c.dispute?.types ?? []).some((t) => (ARRIVAL_TYPES as readonly string[]).includes(t)) ? ['partial', 'full'] : undefined),
  'supplier.payee.account_type': (c) => {
    const via = new Set((c.order?.payments ?? []).map((p) => p.via));
    if (via.size !== 1) return undefined;
    if (via.has('hong_kong_account')) return ['hong_kong_company', 'personal'];
    // "the supplier's own company account": a company's, wherever it is
    return via.has('supplier_company_account') ? ['company_in_china', 'hong_kong_company', 'offshore_company'] : undefined;
  },
};

/** The question with the choices that earlier answers leave open (the question itself when none are ruled out). */
export function narrowed(q: Question, c: Case): Question {
  const keep = NARROWED[q.path]?.(c);
  return keep && q.choices ? { ...q, choices: q.choices.filter((ch) => keep.includes(ch.value)) } : q;
}

/** Whether a question may still be asked: its premise holds, and no implied fact or earlier answer settles it. */
export function stillOpen(path: string, c: Case): boolean {
  if (noOrder(c) && ORDER_QUESTIONS.test(path)) return false;
  if (PREMISES[path] && !PREMISES[path]!(c)) return false;
  if (ANSWERED_BY.some((a) => a.fact === path && a.value(c) !== undefined)) return false;
  return !IMPLICATIONS.some((i) => i.fact === path && i.value(c) !== undefined);
}

/**
 * Events most buyers have not had, each the premise of a follow-up question: offered as extra choices of the
 * "Which of these apply?" checklist, so that one question replaces five. A ticked event is followed up
 * (which offer, which customs action, when the suit was filed); an unticked one is not asked again (it did not
 * happen), and the saved file's notes say so.
 */
export const EVENTS: Readonly<Record<string, string>> = {
  'dispute.offer.kind': 'The supplier offered to put it right (repair, replacement, a refund, a discount)',
  'customs.event': 'Customs or a product-safety authority stopped the goods (a seizure, detention or refusal notice)',
  'dispute.fraud_kind': 'It looks like a fraud rather than a trade dispute (a fake or copied store, a fake login page, new bank details in an e-mail)',
  'dispute.proceedings_opened_date': 'You have filed a suit or arbitration over this claim',
  'dispute.decision_date': 'You have won a judgment or an arbitral award against the supplier',
};
/** The id that marks the events as offered (in the planner's `skipped` set once asked). */
export const EVENTS_ASKED = 'events';
/** The checklist the events join, when it is asked; otherwise they are a checklist of their own. */
const EVENTS_HOST = 'warning-signs';

/**
 * Offer the events still worth asking as choices of one checklist: the warning signs when they are asked next to
 * them, else (two or more events) a checklist of their own. Returns the candidate paths it took in.
 */
export function withEvents(host: Question | undefined, events: readonly string[]): { question: Question; took: string[] } | undefined {
  if (events.length === 0 || (!host && events.length < 2)) return undefined;
  const choices = events.map((p) => ({ value: p, label: EVENTS[p]! }));
  const question: Question = host
    ? { ...host, choices: [...(host.choices ?? []), ...choices] }
    : {
        path: EVENTS_ASKED,
        group: 'happened',
        kind: 'bundle',
        order: 0,
        noneLabel: 'None of these',
        text: 'Has any of this happened? (tick all that apply)',
        hint: 'Space ticks, Enter confirms. Each one you tick is followed up by a question.',
        choices,
      };
  return { question, took: [...events] };
}
export const isEventsHost = (path: string) => path === EVENTS_HOST || path === EVENTS_ASKED;

const NOTES_HEAD = 'Homework:';
const DONT_KNOW_HEAD = `Answered "I don't know" (not asked again on --resume unless you choose):`;
const NOT_HAPPENED_HEAD = 'Did not happen (not asked again):';

/** The homework list as lines for a buyer (the saved file's closing comment and the end of the interview). */
export function homeworkLines(paths: readonly string[], width = 98): string[] {
  const out: string[] = [];
  HOMEWORK.filter((h) => paths.includes(h.path)).forEach((h, i) => {
    out.push(`${i + 1}. ${h.title}`);
    out.push(...wrapWords(`How: ${h.how}`, width - 3).map((l) => `   ${l}`));
  });
  return out;
}

/**
 * The saved file's closing comment: the homework (each with how to do it) and the questions answered "I don't
 * know", so that `interview --resume` asks the homework and leaves the rest unless the buyer chooses. A YAML
 * comment keeps the case file a valid case file.
 */
export function interviewNotes(homework: readonly string[], dontKnow: readonly string[], notHappened: readonly string[] = []): string | null {
  const lines: string[] = [];
  if (homework.length) {
    lines.push(`${NOTES_HEAD} look-ups that can change your assessment. Do them, then run: npx dispute-assess interview --resume <this file>`);
    lines.push(...homeworkLines(homework));
  }
  if (dontKnow.length) lines.push(DONT_KNOW_HEAD, ...wrapWords(dontKnow.join(', '), 96).map((l) => `  ${l}`));
  if (notHappened.length) lines.push(NOT_HAPPENED_HEAD, ...wrapWords(notHappened.join(', '), 96).map((l) => `  ${l}`));
  return lines.length ? lines.map((l) => ` ${l}`).join('\n') : null;
}

/** A closing comment with the notes replaced and any comment of the buyer's own (before them) kept. */
export function withNotes(existing: string | null | undefined, notes: string | null): string | null {
  const lines = (existing ?? '').split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(NOTES_HEAD) || l.trim() === DONT_KNOW_HEAD || l.trim() === NOT_HAPPENED_HEAD);
  const own = (at === -1 ? lines : lines.slice(0, at)).join('\n').replace(/\s+$/, '');
  return [own || null, notes].filter((x) => x !== null).join('\n') || null;
}

/** The questions a saved file says were answered "I don't know" (from interviewNotes' comment). */
export function dontKnowFromNotes(comment: string | null | undefined): string[] {
  return listFromNotes(comment, DONT_KNOW_HEAD);
}

/** The events a saved file says did not happen (unticked in the "which of these apply?" checklist). */
export function notHappenedFromNotes(comment: string | null | undefined): string[] {
  return listFromNotes(comment, NOT_HAPPENED_HEAD).filter((p) => p in EVENTS);
}

function listFromNotes(comment: string | null | undefined, head: string): string[] {
  const lines = (comment ?? '').split('\n').map((l) => l.trim());
  const at = lines.indexOf(head);
  if (at === -1) return [];
  const end = lines.findIndex((l, i) => i > at && (l === DONT_KNOW_HEAD || l === NOT_HAPPENED_HEAD));
  return lines
    .slice(at + 1, end === -1 ? undefined : end)
    .join(' ')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^[a-z_][a-z0-9_.-]*$/.test(p));
}

/** Lines of at most `width` columns (wide CJK characters count two), by wrap-ansi. */
const wrapWords = (text: string, width: number): string[] => wrapAnsi(text, width, { hard: true, trim: true }).split('\n');

/** The id of the one "which of these do you have?" question for the evidence items still unknown. */
export const EVIDENCE_CHECKLIST = 'evidence-checklist';

/**
 * The evidence checklist: the items of `paths` (evidence.<kind>) as one question, each labelled by the rule
 * pack's title. A ticked item is "have", an unticked one "missing" (the buyer would know of it); "partly" can be
 * set on the review screen; "I don't know" leaves them all unknown.
 */
export function evidenceChecklist(paths: readonly string[], titles: (path: string) => string, order: number): Question {
  return {
    path: EVIDENCE_CHECKLIST,
    group: 'evidence',
    kind: 'bundle',
    order,
    noneLabel: 'None of these',
    text: 'Which of these do you have? (tick all that apply)',
    hint: 'Space ticks, Enter confirms. Tick what you hold today (a copy is enough); what you do not tick counts as missing. You can mark one as "partly" on the review screen.',
    choices: paths.map((p) => ({ value: p, label: titles(p) })),
  };
}

/** The evidence statuses a checklist answer sets: ticked "have", the others "missing". */
export function checklistValues(q: Question, ticked: readonly string[]): [string, 'have' | 'missing'][] {
  return (q.choices ?? []).map((ch) => [ch.value, ticked.includes(ch.value) ? 'have' : 'missing']);
}
