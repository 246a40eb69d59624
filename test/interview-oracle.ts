// Simulated interviews: a buyer who knows a full case answers every question from it ("I don't know"
// where the case is silent). Used by the planner tests and to count questions per kind of case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { caseSchema, type Case } from '../src/case/schema.js';
import type { RuleSet } from '../src/rules/types.js';
import type { Assessment } from '../src/engine/assessment.js';
import { planInterview, VERDICT } from '../src/interview/planner.js';
import { EVIDENCE_KINDS, SEVERITIES } from '../src/case/enums.js';
import { documentCase, newCaseDocument, setAnswer } from '../src/interview/case-document.js';
import { valueAt } from '../src/interview/values.js';
import { BUNDLES } from '../src/interview/bundles.js';
import { answeredByEarlier, checklistValues, EVENTS, EVENTS_ASKED, EVIDENCE_CHECKLIST } from '../src/interview/agenda.js';
import { ROOT } from './helpers.js';
import type { Question } from '../src/interview/catalogue.js';
import { DONT_KNOW_LABEL, valueToChoice } from '../src/interview/values.js';
import { describePayment } from '../src/interview/payments.js';
import { formatMoney } from '../src/case/money.js';
import type { Money } from '../src/case/schema.js';

export const AS_OF = '2026-03-10';

/** A case file as a buyer would tell it: without its test expectations, evidence as its status (notes are not asked). */
function caseFile(...path: string[]): Record<string, unknown> {
  const data = parse(readFileSync(join(ROOT, ...path), 'utf8')) as Record<string, unknown>;
  delete data.expect;
  const evidence = data.evidence as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(evidence ?? {})) if (v && typeof v === 'object' && 'status' in v) evidence![k] = (v as { status: unknown }).status;
  return data;
}
const fixture = caseFile('test', 'cases', 'offline-wire.yaml');

/**
 * Six buyers, each with what they know (the script): non-delivery paid off-platform, a quality dispute on a TA
 * order, IP infringement, a short shipment, bank-details fraud, and a sparse case (a buyer who knows little).
 */
export const ORACLES: Record<string, Case> = {
  'non-delivery, paid off-platform': caseSchema.parse(fixture),
  'quality, Trade Assurance order': caseSchema.parse({
    as_of: AS_OF,
    buyer: { country: 'DE', alibaba_tier: 'standard', in_china: false },
    supplier: {
      name: 'Ningbo Brightlite Electric Co., Ltd.',
      country: 'CN',
      found_on: 'alibaba',
      claimed_type: 'factory',
      registration_status: 'active',
      still_member: true,
      ta_coverage: { amount: 30000, currency: 'USD' },
      activity: { listing_active: true, responsive: 'slow' },
    },
    order: {
      date: '2026-01-05',
      value: { amount: 12000, currency: 'USD' },
      channel: 'trade_assurance',
      written_contract: true,
      measurable_spec: true,
      spec_in_order: true,
      inspection_clause: false,
      custom_made: true,
      dispute_clause: 'none',
      payments: [
        { date: '2026-01-06', amount: { amount: 3600, currency: 'USD' }, method: 'card', via: 'alibaba_checkout', stage: 'deposit' },
        { date: '2026-02-01', amount: { amount: 8400, currency: 'USD' }, method: 'tt', via: 'alibaba_designated_account', stage: 'balance' },
      ],
      delivery: { status: 'full', expected_date: '2026-02-15', shipped_date: '2026-02-05', receipt_confirmed_date: '2026-02-25' },
    },
    dispute: {
      types: ['quality'],
      discovered_date: '2026-02-26',
      supplier_notified_date: '2026-02-27',
      amount_claimed: { amount: 6000, currency: 'USD' },
      subjective_quality: false,
      supplier_position: 'denies',
      platform_dispute: { opened: false },
    },
    evidence: {
      payment_records: 'have',
      contract: 'have',
      order_page: 'have',
      spec_sheet: 'have',
      photos_video: 'have',
      inspection_report: 'missing',
      platform_chat: 'have',
    },
    assets: { bank_accounts: false, equipment: false, property: false, receivables: false },
  }),
  'IP infringement': caseSchema.parse({
    as_of: AS_OF,
    buyer: { country: 'US', in_china: false },
    supplier: {
      name: 'Shenzhen Copycat Trading Co., Ltd.',
      country: 'CN',
      found_on: 'alibaba',
      still_member: true,
      activity: { listing_active: true, responsive: 'responsive' },
    },
    // a brand owner whose design a supplier copies: never bought from it
    order: { payments: [] },
    dispute: { types: ['ip_infringement'], discovered_date: '2026-02-20' },
    ip: {
      buyer_owns_rights: true,
      rights: [{ kind: 'design_patent', registered_in_china: false }],
      infringing_urls: ['https://www.alibaba.com/product-detail/1.html'],
      supplier_refused_removal: true,
    },
    evidence: { ip_certificates: 'have', product_images: 'have', infringing_listing_urls: 'have', proof_of_identity: 'have' },
  }),
  'short shipment': caseSchema.parse({
    as_of: AS_OF,
    buyer: { country: 'AU', in_china: false },
    // paid by wire to the company's own account: the proforma invoice and the bank slip name it
    supplier: {
      name: 'Yiwu Sunrise Crafts Co., Ltd.',
      country: 'CN',
      found_on: 'alibaba',
      registration_status: 'active',
      contracting_party: 'Yiwu Sunrise Crafts Co., Ltd.',
      payee: { name: 'Yiwu Sunrise Crafts Co., Ltd.', account_type: 'company_in_china', country: 'CN' },
      activity: { listing_active: true, responsive: 'slow' },
    },
    order: {
      date: '2025-12-20',
      value: { amount: 8000, currency: 'USD' },
      channel: 'offline',
      written_contract: true,
      quantity_ordered: 5000,
      quantity_delivered: 4200,
      payments: [{ date: '2025-12-22', amount: { amount: 8000, currency: 'USD' }, method: 'tt', via: 'supplier_company_account', stage: 'full' }],
      delivery: { status: 'partial', expected_date: '2026-02-10', shipped_date: '2026-01-20' },
    },
    dispute: {
      types: ['short_shipment'],
      discovered_date: '2026-02-12',
      supplier_notified_date: '2026-02-13',
      amount_claimed: { amount: 1280, currency: 'USD' },
      supplier_position: 'admits',
    },
    evidence: { payment_records: 'have', contract: 'have', unloading_records: 'have', photos_video: 'have', other_chat: 'have' },
  }),
  'bank-details fraud': caseSchema.parse(caseFile('fixtures', 'a-bank-switch-hong-kong.yaml')),
  'sparse case': caseSchema.parse(caseFile('fixtures', 'a-sparse-phone-cases.yaml')),
};

/**
 * The oracle as a buyer's "which of these?" answers state it: in a bundle with any known item, the others are
 * "no"; a buyer who names any evidence does not hold the evidence not named ("missing", as the checklist records).
 */
export function asAnswered(oracle: Case): Case {
  const doc = newCaseDocument([]);
  for (const [k, v] of Object.entries(oracle)) setAnswer(doc, k, v);
  // a buyer who gave the supplier notice on a date knows they did
  if (oracle.dispute?.supplier_notified_date && oracle.dispute.supplier_notified === undefined) setAnswer(doc, 'dispute.supplier_notified', true);
  if (oracle.evidence && Object.keys(oracle.evidence).length)
    for (const kind of EVIDENCE_KINDS) if (!(kind in oracle.evidence)) setAnswer(doc, `evidence.${kind}`, 'missing');
  const stated = documentCase(doc);
  if (!stated.ok) throw new Error(stated.message);
  for (const b of BUNDLES) {
    const members = Object.keys(b.items);
    if (members.some((m) => valueAt(stated.value, m) !== undefined)) for (const m of members) setAnswer(doc, m, valueAt(stated.value, m) === true);
  }
  const c = documentCase(doc);
  if (!c.ok) throw new Error(c.message);
  return c.value;
}

/**
 * Run the planner to the end, answering from the oracle: first the interview (`asked`, with the research it
 * leaves as homework), then, as `interview --resume` does when the buyer comes back, the homework (`homework`).
 */
export function simulate(oracle: Case, rules: RuleSet): { asked: string[]; homework: string[]; skipped: Set<string>; built: Case; transcript: string[] } {
  const doc = newCaseDocument([]);
  setAnswer(doc, 'as_of', oracle.as_of ?? AS_OF);
  const script = asAnswered(oracle);
  const first = run(script, rules, doc, new Set(), false);
  const second = run(script, rules, doc, first.skipped, true);
  const transcript = [...first.transcript, '(the buyer comes back with the homework done: interview --resume)', ...second.transcript];
  return { asked: first.asked, homework: second.asked, skipped: second.skipped, built: second.built, transcript };
}

/** A question and the buyer's answer as the transcript shows them (choices by their labels). */
function answerText(q: Question, before: Case, after: Case): string {
  const label = (v: string) => q.choices?.find((ch) => ch.value === v)?.label ?? v;
  if (q.kind === 'bundle') {
    const ticked = (q.choices ?? [])
      .map((ch) => ch.value)
      .filter((m) => (m in EVENTS ? valueAt(after, m) !== undefined : valueAt(after, m) === true || valueAt(after, m) === 'have'));
    const answered = (q.choices ?? []).some((ch) => valueAt(after, ch.value) !== valueAt(before, ch.value));
    return ticked.length
      ? ticked.map(label).join('; ')
      : answered || (q.choices ?? []).some((ch) => ch.value in EVENTS)
        ? (q.noneLabel ?? 'None')
        : DONT_KNOW_LABEL;
  }
  if (q.kind === 'payments') return (after.order?.payments ?? []).map((p, i) => `${i + 1}) ${describePayment(p)}`).join(' ') || DONT_KNOW_LABEL;
  const v = valueAt(after, q.path);
  if (v === undefined) return DONT_KNOW_LABEL;
  if (q.kind === 'money') return formatMoney(v as Money);
  if (Array.isArray(v)) return v.map((x) => label(String(x))).join('; ');
  const choice = valueToChoice(q, v);
  return choice !== undefined && q.choices ? label(choice) : String(v);
}

function run(
  oracle: Case,
  rules: RuleSet,
  doc: ReturnType<typeof newCaseDocument>,
  before: ReadonlySet<string>,
  homework: boolean,
): { asked: string[]; skipped: Set<string>; built: Case; transcript: string[] } {
  const asked: string[] = [];
  const transcript: string[] = [];
  const skipped = new Set(before);
  let last: { q: Question; before: Case } | undefined;
  const note = (now: Case) => last && transcript.push(`${asked.length}. ${last.q.text}`, `   -> ${answerText(last.q, last.before, now)}`);
  for (let i = 0; i < 500; i++) {
    const c = documentCase(doc);
    if (!c.ok) throw new Error(c.message);
    note(c.value);
    const p = planInterview(c.value, rules, { today: AS_OF, skipped, homework });
    if (!p.next) return { asked, skipped, built: c.value, transcript };
    const path = p.next.question.path;
    last = { q: p.next.question, before: c.value };
    asked.push(path);
    skipped.add(path);
    if (path === EVIDENCE_CHECKLIST) {
      // the buyer ticks what they have; what they do not tick is missing; knowing none of them: "I don't know"
      const items = (p.next.question.choices ?? []).map((ch) => ch.value);
      for (const m of items) skipped.add(m);
      if (items.some((m) => valueAt(oracle, m) !== undefined))
        for (const [m, v] of checklistValues(
          p.next.question,
          items.filter((m) => valueAt(oracle, m) === 'have'),
        ))
          setAnswer(doc, m, v);
      continue;
    }
    // events offered in a checklist: the buyer ticks those that happened (they are asked next), the others are not asked
    const events = (p.next.question.choices ?? []).map((ch) => ch.value).filter((m) => m in EVENTS);
    if (events.length) {
      skipped.add(EVENTS_ASKED);
      for (const m of events) if (valueAt(oracle, m) === undefined) skipped.add(m);
    }
    const bundle = BUNDLES.find((b) => b.id === path);
    if (bundle) {
      const members = Object.keys(bundle.items);
      if (members.some((m) => valueAt(oracle, m) !== undefined)) for (const m of members) setAnswer(doc, m, valueAt(oracle, m) === true);
      continue;
    }
    if (path === EVENTS_ASKED) continue;
    const v = path === 'order.payments' ? oracle.order?.payments : valueAt(oracle, path);
    if (v !== undefined) setAnswer(doc, path, v);
    // as the interview does: what this answer already says is recorded, not asked
    const now = documentCase(doc);
    if (now.ok) for (const [fact, value] of answeredByEarlier(now.value)) setAnswer(doc, fact, value);
  }
  throw new Error(`the interview did not stop: ${asked.slice(-6).join(', ')}`);
}

/** The parts of an assessment a buyer acts on (what the planner must settle; see VERDICT in the planner). */
export function verdict(a: Assessment) {
  const serious = (sev: string) => SEVERITIES.indexOf(sev as never) >= SEVERITIES.indexOf(VERDICT.minSeverity);
  const excluded = new Set(a.strategies.filter((s) => s.excluded).map((s) => s.route));
  return {
    trade_assurance: a.trade_assurance.status,
    programs: a.programs.map((p) => `${p.program}: ${p.status}`),
    evidence: a.evidence.map((g) => `${g.dispute_type}: ${g.strength}`),
    flags: a.findings
      .filter((f) => f.kind === 'flag' && serious(f.severity))
      .map((f) => f.id)
      .sort(),
    advice: a.findings
      .filter((f) => f.kind === 'advice' && serious(f.severity))
      .map((f) => f.id)
      .sort(),
    top: a.strategies
      .filter((s) => s.rank !== undefined)
      .slice(0, VERDICT.topRoutes)
      .map((s) => s.route),
    plan: a.plan
      .filter((p) => serious(p.severity) && !(p.route && excluded.has(p.route)))
      .map((p) => p.rule)
      .sort(),
  };
}
