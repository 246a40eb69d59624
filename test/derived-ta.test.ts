// Table-driven tests of the derived facts in src/case/derived/trade-assurance.ts, unknown inputs included.
import { describe, expect, it } from 'vitest';
import { flattenCase } from '../src/case/facts.js';
import { deriveFacts } from '../src/case/derive.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import { builtinRules } from './helpers.js';

/** Derive every fact for a case (validated first, so a typo in a row fails loudly). */
function derived(c: unknown, asOf = '2026-05-01') {
  const valid: Case = caseSchema.parse(c);
  return deriveFacts(valid, flattenCase({ ...valid, as_of: asOf }), builtinRules().params, asOf);
}

const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const pay = (via: string | undefined, amount = 1000, extra: Record<string, unknown> = {}) => ({ amount: usd(amount), ...(via ? { via } : {}), ...extra });
const orderWith = (...payments: unknown[]) => ({ order: { payments } });
const receipt = (date: string, tier?: string) => ({
  order: { delivery: { receipt_confirmed_date: date } },
  ...(tier ? { buyer: { alibaba_tier: tier } } : {}),
});

type Row = [label: string, caseValue: unknown, asOf: string | undefined, expected: unknown];

function table(fact: string, rows: Row[]) {
  describe(fact, () => {
    it.each(rows)('%s', (_label, c, asOf, expected) => {
      expect(derived(c, asOf).get(fact)).toEqual(expected);
    });
  });
}

table('derived.any_paid_on_platform', [
  ['no payments: unknown', {}, undefined, undefined],
  ['checkout: true', orderWith(pay('alibaba_checkout')), undefined, true],
  ['designated account plus an unknown one: true', orderWith(pay('alibaba_designated_account'), pay(undefined)), undefined, true],
  ['personal account only: false', orderWith(pay('personal_account')), undefined, false],
  ['wire plus unknown: unknown', orderWith(pay('supplier_company_account'), pay(undefined)), undefined, undefined],
]);

table('derived.amount_paid_off_platform', [
  ['mixed: the off-platform part', orderWith(pay('supplier_company_account', 4500), pay('alibaba_designated_account', 10500)), undefined, usd(4500)],
  ['all on platform: zero', orderWith(pay('alibaba_checkout', 300)), undefined, usd(0)],
  ['a payment of unknown destination: unknown', orderWith(pay('personal_account'), pay(undefined)), undefined, undefined],
]);

table('derived.ta_in_window', [
  ['no receipt date: unknown', {}, undefined, undefined],
  ['day 30, tier unknown: open', receipt('2026-04-01'), '2026-05-01', true],
  ['day 45, tier unknown: unknown (60 days for Enterprise)', receipt('2026-04-01'), '2026-05-16', undefined],
  ['day 45, standard: closed', receipt('2026-04-01', 'standard'), '2026-05-16', false],
  ['day 45, enterprise: open', receipt('2026-04-01', 'enterprise'), '2026-05-16', true],
  ['day 60, enterprise pro: open', receipt('2026-04-01', 'enterprise_pro'), '2026-05-31', true],
  ['day 61, tier unknown: closed whatever the tier', receipt('2026-04-01'), '2026-06-01', false],
]);

table('derived.ta_closed_order_open', [
  ['no closure date: unknown', { order: { closed: true } }, undefined, undefined],
  ['closed 30 days ago: open', { order: { closed: true, closed_date: '2026-04-01' } }, '2026-05-01', true],
  ['closed 31 days ago: not open', { order: { closed: true, closed_date: '2026-03-31' } }, '2026-05-01', false],
]);

table('derived.ta_escalation_date', [
  ['not opened: from the as-of date', { dispute: { platform_dispute: { opened: false } } }, '2026-05-01', '2026-05-04'],
  ['not known whether opened: unknown', {}, '2026-05-01', undefined],
  ['opened: from the opening date', { dispute: { platform_dispute: { opened: true, opened_date: '2026-04-20' } } }, '2026-05-01', '2026-04-23'],
]);

table('derived.ta_decision_checkpoint', [
  ['not opened: six weeks from the as-of date', { dispute: { platform_dispute: { opened: false } } }, '2026-05-01', '2026-06-12'],
]);

const offline = (expected: string | undefined, ...payments: unknown[]) => ({ order: { payments, delivery: expected ? { expected_date: expected } : {} } });
table('derived.offline_complaint_open', [
  ['nothing dated: unknown', offline(undefined, pay('personal_account')), undefined, undefined],
  ['expected date only, within 90 days: open (the real start can only be later)', offline('2026-03-01', pay('personal_account')), '2026-05-01', true],
  ['expected date only, past 90 days: unknown (a later payment could reopen it)', offline('2026-01-01', pay('personal_account')), '2026-05-01', undefined],
  ['all dates known, past 90 days: closed', offline('2026-01-01', pay('personal_account', 1, { date: '2025-12-01' })), '2026-05-01', false],
  ['a balance paid after the delivery date counts', offline('2026-01-01', pay('personal_account', 1, { date: '2026-03-01' })), '2026-05-01', true],
]);

table('derived.offline_window_end', [
  ['all dates known', offline('2026-01-01', pay('personal_account', 1, { date: '2025-12-01' })), undefined, '2026-04-01'],
  ['a payment date unknown: unknown', offline('2026-01-01', pay('personal_account')), undefined, undefined],
]);

table('derived.paypal_friends_and_family', [
  ['friends and family: true', orderWith(pay('paypal_account', 1, { method: 'paypal', paypal_type: 'friends_and_family' })), undefined, true],
  ['goods and services: false', orderWith(pay('paypal_account', 1, { method: 'paypal', paypal_type: 'goods_and_services' })), undefined, false],
  ['PayPal, type unknown: unknown', orderWith(pay('paypal_account', 1, { method: 'paypal' })), undefined, undefined],
  ['only wires: false', orderWith(pay('personal_account', 1, { method: 'tt' })), undefined, false],
  ['method unknown: unknown', orderWith(pay('personal_account')), undefined, undefined],
]);

table('derived.paypal_escalate_by', [['20 days from the as-of date', {}, '2026-05-01', '2026-05-21']]);

const rights = (...r: unknown[]) => ({ ip: { rights: r } });
table('derived.ip_rights_usable_in_china', [
  ['no rights listed: unknown', {}, undefined, undefined],
  ['trademark registered in China: true', rights({ kind: 'trademark', registered_in_china: true }), undefined, true],
  ['copyright needs no registration: true', rights({ kind: 'copyright' }), undefined, true],
  ['US trademark only: false', rights({ kind: 'trademark', registered_in_china: false }), undefined, false],
  ['patent, registration unknown: unknown', rights({ kind: 'patent' }), undefined, undefined],
]);

const status = (registration_status?: string, responsive?: string, listing_active?: boolean) => ({
  supplier: {
    ...(registration_status ? { registration_status } : {}),
    activity: { ...(responsive ? { responsive } : {}), ...(listing_active === undefined ? {} : { listing_active }) },
  },
});
table('derived.asset_flight_risk', [
  ['nothing known: unknown', {}, undefined, undefined],
  ['liquidation: true', status('liquidation'), undefined, true],
  ['unresponsive: true', status(undefined, 'unresponsive'), undefined, true],
  ['listing removed: true', status(undefined, undefined, false), undefined, true],
  ['active, answering, listed: false', status('active', 'responsive', true), undefined, false],
  ['active and answering, listing unknown: unknown', status('active', 'responsive'), undefined, undefined],
]);

const taCase = (paid: number, cover: number | undefined, extra: Record<string, unknown> = {}) => ({
  order: { payments: [pay('alibaba_checkout', paid)] },
  supplier: { ...(cover === undefined ? {} : { ta_coverage: usd(cover) }), ...extra },
});
table('derived.legal_backup_needed', [
  ['coverage unknown, flight unknown: unknown', taCase(86000, undefined), undefined, undefined],
  ['USD 56,000 beyond the cover: true', taCase(86000, 30000), undefined, true],
  [
    'USD 4,000 beyond the cover, active supplier: false',
    taCase(34000, 30000, { registration_status: 'active', activity: { responsive: 'responsive', listing_active: true } }),
    undefined,
    false,
  ],
  ['within the cover but the supplier vanishing: true', taCase(12000, 20000, { activity: { responsive: 'unresponsive' } }), undefined, true],
  ['vanishing, but a small claim: false', taCase(1200, 20000, { activity: { responsive: 'unresponsive' } }), undefined, false],
]);

table('derived.loss_cny', [
  ['no amount: unknown', {}, undefined, undefined],
  ['USD 1,400 at 0.14: CNY 10,000', orderWith(pay('personal_account', 1400)), undefined, 10000],
]);
