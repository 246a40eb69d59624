// The counterparty, red-flag and deadline derived facts: each decided only when its inputs decide it.
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../src/case/derive.js';
import { flattenCase } from '../src/case/facts.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import { anyTri } from '../src/case/derived/counterparty.js';
import { usccFormatOk, usccOrgCodeOk, usccValid } from '../src/case/uscc.js';

const PARAMS = {
  limitation_years_general: { value: 3 },
  limitation_years_international_sale: { value: 4 },
  notice_outer_limit_years: { value: 2 },
  fx_usd_per_unit: { value: { EUR: 1.08 } },
  ta_window_days: { value: 30 },
  ta_window_days_enterprise: { value: 60 },
  cisg_contracting_states: { value: ['US', 'CN'] },
  chargeback_days: { value: 120 },
  paypal_dispute_days: { value: 180 },
  offline_complaint_days: { value: 90 },
};
const AS_OF = '2026-03-01';

/** Derive every fact for a case (validated, so the fixtures of this table are real case files). */
function derived(input: unknown, fact: string): unknown {
  const c: Case = caseSchema.parse(input);
  return deriveFacts(c, flattenCase(c), PARAMS, AS_OF).get(fact);
}

const usd = (amount: number) => ({ amount, currency: 'USD' });
const pay = (p: Record<string, unknown>) => ({ order: { payments: [{ amount: usd(100), ...p }] } });

describe('USCC helpers', () => {
  it.each([
    ['91110000600037341L', true, true, true],
    ['91350100M0001TGQXM', true, false, true], // genuine early pilot code: fails position 18 only
    ['91350211M0000XUF46', true, false, true],
    ['91440300MA5FT01N93', true, false, false], // both checks fail
    ['9144030MA5FT01N23', false, false, false], // 17 characters
    ['91110000600037341I', false, false, false], // I is never used
    ['9111 0000 6000 3734 1l', true, true, true], // spaces and case ignored
  ])('%s: format %s, valid %s, org code %s', (code, format, valid, org) => {
    expect(usccFormatOk(code)).toBe(format);
    expect(usccValid(code)).toBe(valid);
    expect(usccOrgCodeOk(code)).toBe(org);
  });
});

describe('anyTri', () => {
  it.each([
    [[], undefined],
    [[false], false],
    [[false, undefined], undefined],
    [[undefined, true], true],
    [[false, false], false],
  ] as const)('%j -> %s', (xs, want) => expect(anyTri(xs)).toBe(want));
});

describe('derived facts', () => {
  it.each([
    // uscc_format_ok / uscc_org_code_ok
    ['derived.uscc_format_ok', {}, undefined],
    ['derived.uscc_format_ok', { supplier: { uscc: '91350100M0001TGQXM' } }, true],
    ['derived.uscc_format_ok', { supplier: { uscc: 'ABC' } }, false],
    ['derived.uscc_org_code_ok', {}, undefined],
    ['derived.uscc_org_code_ok', { supplier: { uscc: 'ABC' } }, undefined],
    ['derived.uscc_org_code_ok', { supplier: { uscc: '91350100M0001TGQXM' } }, true],
    ['derived.uscc_org_code_ok', { supplier: { uscc: '91440300MA5FT01N93' } }, false],
    // paid_to_offshore_account
    ['derived.paid_to_offshore_account', {}, undefined],
    ['derived.paid_to_offshore_account', pay({}), undefined],
    ['derived.paid_to_offshore_account', pay({ via: 'hong_kong_account' }), true],
    ['derived.paid_to_offshore_account', pay({ via: 'offshore_account' }), true],
    ['derived.paid_to_offshore_account', pay({ via: 'supplier_company_account' }), false],
    ['derived.paid_to_offshore_account', { order: { payments: [{ amount: usd(1), via: 'alibaba_checkout' }, { amount: usd(1) }] } }, undefined],
    ['derived.paid_to_offshore_account', { order: { payments: [{ amount: usd(1) }, { amount: usd(1), via: 'hong_kong_account' }] } }, true],
    // paid_to_personal_account
    ['derived.paid_to_personal_account', pay({ via: 'personal_account' }), true],
    ['derived.paid_to_personal_account', pay({ via: 'alibaba_checkout' }), false],
    ['derived.paid_to_personal_account', pay({}), undefined],
    // extra_fee_paid
    ['derived.extra_fee_paid', pay({ stage: 'extra_fee' }), true],
    ['derived.extra_fee_paid', pay({ stage: 'deposit' }), false],
    ['derived.extra_fee_paid', pay({}), undefined],
    // full_prepayment
    ['derived.full_prepayment', pay({ stage: 'deposit' }), false],
    ['derived.full_prepayment', pay({ stage: 'full' }), undefined],
    ['derived.full_prepayment', { order: { payments: [{ amount: usd(1), stage: 'full' }], delivery: { status: 'none' } } }, true],
    [
      'derived.full_prepayment',
      { order: { payments: [{ amount: usd(1), stage: 'full', date: '2026-01-01' }], delivery: { status: 'full', shipped_date: '2026-02-01' } } },
      true,
    ],
    [
      'derived.full_prepayment',
      { order: { payments: [{ amount: usd(1), stage: 'full', date: '2026-02-05' }], delivery: { status: 'full', shipped_date: '2026-02-01' } } },
      false,
    ],
    [
      'derived.full_prepayment',
      { order: { payments: [{ amount: usd(1), stage: 'full' }], delivery: { status: 'full', shipped_date: '2026-02-01' } } },
      undefined,
    ],
    // supplier_notified
    ['derived.supplier_notified', {}, undefined],
    ['derived.supplier_notified', { dispute: { supplier_notified: false } }, false],
    ['derived.supplier_notified', { dispute: { supplier_notified: true } }, true],
    ['derived.supplier_notified', { dispute: { supplier_notified_date: '2026-01-10' } }, true],
    // limitation_general_end / days_left
    ['derived.limitation_general_end', {}, undefined],
    ['derived.limitation_general_end', { supplier: { country: 'CN' }, dispute: { discovered_date: '2023-03-05' } }, '2026-03-05'],
    ['derived.limitation_general_end', { supplier: { country: 'CN' }, dispute: { discovered_date: '2024-02-29' } }, '2027-02-28'],
    ['derived.limitation_general_end', { supplier: { country: 'HK' }, dispute: { discovered_date: '2024-02-29' } }, undefined],
    ['derived.limitation_general_days_left', {}, undefined],
    ['derived.limitation_general_days_left', { supplier: { country: 'CN' }, dispute: { discovered_date: '2023-03-05' } }, 4],
    ['derived.limitation_general_days_left', { supplier: { country: 'CN' }, dispute: { discovered_date: '2023-02-01' } }, -28],
  ] as const)('%s for %j is %s', (fact, input, want) => {
    expect(derived(input, fact)).toStrictEqual(want);
  });
});
