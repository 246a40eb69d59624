// Simulated interviews: a buyer who knows a full case answers every question from it ("I don't know"
// where the case is silent). Used by the planner tests and to count questions per kind of case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { caseSchema, type Case } from '../src/case/schema.js';
import type { RuleSet } from '../src/rules/types.js';
import type { Assessment } from '../src/engine/assessment.js';
import { planInterview, VERDICT } from '../src/interview/planner.js';
import { SEVERITIES } from '../src/case/enums.js';
import { documentCase, newCaseDocument, setAnswer } from '../src/interview/case-document.js';
import { valueAt } from '../src/interview/values.js';
import { BUNDLES } from '../src/interview/bundles.js';
import { ROOT } from './helpers.js';

export const AS_OF = '2026-03-10';

const fixture = parse(readFileSync(join(ROOT, 'test', 'cases', 'offline-wire.yaml'), 'utf8')) as Record<string, unknown>;
delete fixture.expect;

/** Three kinds of case: non-delivery paid off-platform, a quality dispute on a TA order, IP infringement. */
export const ORACLES: Record<string, Case> = {
  'non-delivery, paid off-platform': caseSchema.parse(fixture),
  'quality, Trade Assurance order': caseSchema.parse({
    as_of: AS_OF,
    buyer: { country: 'DE', alibaba_tier: 'standard', in_china: false },
    supplier: {
      name: 'Ningbo Brightlite Electric Co., Ltd.', country: 'CN', found_on: 'alibaba', claimed_type: 'factory', registration_status: 'active',
      still_member: true, ta_coverage: { amount: 30000, currency: 'USD' }, activity: { listing_active: true, responsive: 'slow' },
    },
    order: {
      date: '2026-01-05', value: { amount: 12000, currency: 'USD' }, channel: 'trade_assurance', written_contract: true, measurable_spec: true,
      spec_in_order: true, inspection_clause: false, custom_made: true, dispute_clause: 'none',
      payments: [
        { date: '2026-01-06', amount: { amount: 3600, currency: 'USD' }, method: 'card', via: 'alibaba_checkout', stage: 'deposit' },
        { date: '2026-02-01', amount: { amount: 8400, currency: 'USD' }, method: 'tt', via: 'alibaba_designated_account', stage: 'balance' },
      ],
      delivery: { status: 'full', expected_date: '2026-02-15', shipped_date: '2026-02-05', receipt_confirmed_date: '2026-02-25' },
    },
    dispute: {
      types: ['quality'], discovered_date: '2026-02-26', supplier_notified_date: '2026-02-27', amount_claimed: { amount: 6000, currency: 'USD' },
      subjective_quality: false, supplier_position: 'denies', platform_dispute: { opened: false },
    },
    evidence: { payment_records: 'have', contract: 'have', order_page: 'have', spec_sheet: 'have', photos_video: 'have', inspection_report: 'missing', platform_chat: 'have' },
    assets: { bank_accounts: false, equipment: false, property: false, receivables: false },
  }),
  'IP infringement': caseSchema.parse({
    as_of: AS_OF,
    buyer: { country: 'US', in_china: false },
    supplier: { name: 'Shenzhen Copycat Trading Co., Ltd.', country: 'CN', found_on: 'alibaba', still_member: true, activity: { listing_active: true, responsive: 'responsive' } },
    dispute: { types: ['ip_infringement'], discovered_date: '2026-02-20' },
    ip: { buyer_owns_rights: true, rights: [{ kind: 'design_patent', registered_in_china: false }], infringing_urls: ['https://www.alibaba.com/product-detail/1.html'], supplier_refused_removal: true },
    evidence: { ip_certificates: 'have', product_images: 'have', infringing_listing_urls: 'have', proof_of_identity: 'have' },
  }),
};

/** The oracle as a buyer's bundle answers state it: in a bundle with any known item, the others are "no". */
export function asAnswered(oracle: Case): Case {
  const doc = newCaseDocument([]);
  for (const [k, v] of Object.entries(oracle)) setAnswer(doc, k, v);
  for (const b of BUNDLES) {
    const members = Object.keys(b.items);
    if (members.some((m) => valueAt(oracle, m) !== undefined)) for (const m of members) setAnswer(doc, m, valueAt(oracle, m) === true);
  }
  const c = documentCase(doc);
  if (!c.ok) throw new Error(c.message);
  return c.value;
}

/** Run the planner to the end, answering from the oracle; returns the questions asked and the case built. */
export function simulate(oracle: Case, rules: RuleSet): { asked: string[]; built: Case } {
  const doc = newCaseDocument([]);
  setAnswer(doc, 'as_of', oracle.as_of ?? AS_OF);
  const asked: string[] = [];
  for (let i = 0; i < 500; i++) {
    const c = documentCase(doc);
    if (!c.ok) throw new Error(c.message);
    const p = planInterview(c.value, rules, { today: AS_OF, skipped: new Set(asked) });
    if (!p.next) return { asked, built: c.value };
    const path = p.next.question.path;
    asked.push(path);
    const bundle = BUNDLES.find((b) => b.id === path);
    if (bundle) {
      const members = Object.keys(bundle.items);
      if (members.some((m) => valueAt(oracle, m) !== undefined)) for (const m of members) setAnswer(doc, m, valueAt(oracle, m) === true);
      continue;
    }
    const v = path === 'order.payments' ? oracle.order?.payments : valueAt(oracle, path);
    if (v !== undefined) setAnswer(doc, path, v);
  }
  throw new Error('the interview did not stop');
}

/** The parts of an assessment a buyer acts on (what the planner must settle; see VERDICT in the planner). */
export function verdict(a: Assessment) {
  const serious = (sev: string) => SEVERITIES.indexOf(sev as never) >= SEVERITIES.indexOf(VERDICT.minSeverity);
  const excluded = new Set(a.strategies.filter((s) => s.excluded).map((s) => s.route));
  return {
    trade_assurance: a.trade_assurance.status,
    programs: a.programs.map((p) => `${p.program}: ${p.status}`),
    evidence: a.evidence.map((g) => `${g.dispute_type}: ${g.strength}`),
    flags: a.findings.filter((f) => f.kind === 'flag' && serious(f.severity)).map((f) => f.id).sort(),
    advice: a.findings.filter((f) => f.kind === 'advice' && serious(f.severity)).map((f) => f.id).sort(),
    top: a.strategies.filter((s) => s.rank !== undefined).slice(0, VERDICT.topRoutes).map((s) => s.route),
    plan: a.plan.filter((p) => serious(p.severity) && !(p.route && excluded.has(p.route))).map((p) => p.rule).sort(),
  };
}
