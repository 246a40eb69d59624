// Issue 11: the law that governs the sale and the periods that run against the buyer: CISG scope, the PRC
// limitation period with its restarts and bounds, the chargeback window, the cost of each legal route.
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../src/case/derive.js';
import { flattenCase } from '../src/case/facts.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import { assess } from '../src/assess.js';
import { builtinRules } from './helpers.js';

const AS_OF = '2026-03-01';
const rules = builtinRules();
const derive = (input: unknown, fact: string): unknown => {
  const c: Case = caseSchema.parse({ as_of: AS_OF, ...(input as object) });
  return deriveFacts(c, flattenCase(c), rules.params, AS_OF).get(fact);
};
const usd = (amount: number) => ({ amount, currency: 'USD' });
const cn = (dispute: Record<string, unknown>, buyer = 'US') => ({ buyer: { country: buyer }, supplier: { country: 'CN' }, dispute });

describe('CISG scope (Art. 1(1))', () => {
  it.each([
    ['DE', 'CN', true],
    ['CN', 'CN', false], // a domestic sale
    ['GB', 'CN', false], // not a contracting state, and China excludes Art. 1(1)(b)
    ['TH', 'CN', undefined], // not in the list: unknown, never "not a party"
    ['HK', 'CN', undefined], // Hong Kong-mainland: disputed
  ])('buyer %s, supplier %s: %s', (b, s, want) => {
    expect(derive({ buyer: { country: b }, supplier: { country: s } }, 'derived.cisg_applies')).toBe(want);
  });
  it('an express exclusion wins; a Hong Kong supplier counts from 1 Dec 2022', () => {
    expect(derive({ buyer: { country: 'DE' }, supplier: { country: 'CN' }, order: { cisg_excluded: true } }, 'derived.cisg_applies')).toBe(false);
    expect(derive({ buyer: { country: 'US' }, supplier: { country: 'HK' }, order: { date: '2023-01-10' } }, 'derived.cisg_applies')).toBe(true);
    expect(derive({ buyer: { country: 'US' }, supplier: { country: 'HK' }, order: { date: '2022-01-10' } }, 'derived.cisg_applies')).toBeUndefined();
  });
});

describe('limitation: years, restarts, bounds', () => {
  it('4 years for an international sale, 3 for a domestic one, none for a supplier outside the mainland or another law', () => {
    expect(derive(cn({ discovered_date: '2022-01-10' }), 'derived.limitation_end')).toBe('2026-01-10');
    expect(derive(cn({ discovered_date: '2022-01-10' }, 'CN'), 'derived.limitation_end')).toBe('2025-01-10');
    expect(
      derive({ buyer: { country: 'US' }, supplier: { country: 'HK' }, dispute: { discovered_date: '2022-01-10' } }, 'derived.limitation_end'),
    ).toBeUndefined();
    expect(derive({ ...cn({ discovered_date: '2022-01-10' }), order: { governing_law: 'buyer_country' } }, 'derived.limitation_end')).toBeUndefined();
    expect(derive({ buyer: { country: 'US' }, supplier: { country: 'HK' } }, 'derived.prc_limitation_applies')).toBe(false);
  });
  it('counts from the latest written notice, demand or acknowledgment', () => {
    expect(derive(cn({ discovered_date: '2021-01-10', supplier_notified_date: '2023-06-01' }), 'derived.limitation_end')).toBe('2027-06-01');
    expect(
      derive(cn({ discovered_date: '2021-01-10', last_demand_date: '2022-05-01', last_acknowledgment_date: '2024-02-02' }), 'derived.limitation_end'),
    ).toBe('2028-02-02');
    expect(derive(cn({ discovered_date: '2021-01-10', proceedings_opened_date: '2022-01-01' }), 'derived.limitation_end')).toBeUndefined();
  });
  it('without a discovery date, counts from the earliest date the case holds and says it is a bound', () => {
    const c = { ...cn({}), order: { date: '2020-03-02', payments: [{ date: '2020-03-05', amount: usd(100) }] } };
    expect(derive(c, 'derived.limitation_end')).toBe('2024-03-02');
    expect(derive(c, 'derived.limitation_end_is_bound')).toBe(true);
    expect(derive({ ...c, dispute: { discovered_date: '2023-01-01' } }, 'derived.limitation_end_is_bound')).toBe(false);
  });
  it('a restart stated after the end means never "expired"', () => {
    const c = caseSchema.parse({ as_of: AS_OF, ...cn({ types: ['quality'], discovered_date: '2021-01-10', supplier_notified_date: '2023-06-01' }) });
    const ids = assess(c, rules, { today: AS_OF }).findings.map((f) => f.id);
    expect(ids).not.toContain('deadline/limitation-expired');
    expect(ids).toContain('deadline/limitation-running');
  });
});

describe('chargeback window (Visa 13.1 / 13.3)', () => {
  const card = (date: string, order: Record<string, unknown> = {}) => ({
    order: { date: '2026-01-01', ...order, payments: [{ date, amount: usd(500), method: 'card' }] },
  });
  it('runs from the later of payment and expected delivery, capped at 540 days from payment', () => {
    expect(derive(card('2026-01-05', { delivery: { expected_date: '2026-05-01' } }), 'derived.chargeback_end')).toBe('2026-08-29');
    expect(derive(card('2026-01-05', { delivery: { expected_date: '2027-06-01' } }), 'derived.chargeback_end')).toBe('2027-06-29');
  });
  it('is open within 120 days of payment, uncertain after while the delivery date is unknown, closed past the cap', () => {
    expect(derive(card('2026-01-05'), 'derived.chargeback_in_window')).toBe(true);
    expect(derive(card('2025-10-01', { date: '2025-09-01' }), 'derived.chargeback_in_window')).toBeUndefined();
    expect(derive(card('2024-01-05', { date: '2024-01-01' }), 'derived.chargeback_in_window')).toBe(false);
  });
  it('a card payment before the order (samples) runs from the payment', () => {
    expect(derive(card('2025-09-01', { date: '2025-09-18', delivery: { expected_date: '2025-11-15' } }), 'derived.chargeback_end')).toBe('2025-12-30');
  });
});

describe('cost of the legal routes (part 3)', () => {
  it('on a USD 36,000 claim: court acceptance fee about RMB 5,200, CIETAC at least RMB 20,300', () => {
    const c = { order: { payments: [{ date: '2026-01-01', amount: usd(36000) }] } };
    expect(Math.abs((derive(c, 'derived.court_fee_cny') as number) - 5200)).toBeLessThan(100);
    expect(Math.abs((derive(c, 'derived.cietac_fee_cny') as number) - 20300)).toBeLessThan(100);
    expect(derive(c, 'derived.preservation_fee_cny')).toBeLessThanOrEqual(5000);
    expect(Math.abs((derive(c, 'derived.preservation_security_insuit_cny') as number) - 77000)).toBeLessThan(500);
  });
  it('CIETAC never charges less than its minimum; the preservation fee is capped', () => {
    const small = { order: { payments: [{ date: '2026-01-01', amount: usd(1000) }] } };
    expect(derive(small, 'derived.cietac_fee_cny')).toBe(20000);
    const big = { order: { payments: [{ date: '2026-01-01', amount: usd(5_000_000) }] } };
    expect(derive(big, 'derived.preservation_fee_cny')).toBe(5000);
  });
  it('every ranked route carries a cost and a time in the assessment', () => {
    const c = caseSchema.parse({
      as_of: AS_OF,
      ...cn({ types: ['non_delivery'], discovered_date: '2026-01-10' }),
      order: { dispute_clause: 'cietac', payments: [{ date: '2025-12-01', amount: usd(36000), method: 'tt', via: 'supplier_company_account' }] },
    });
    const a = assess(c, rules, { today: AS_OF });
    const ranked = a.strategies.filter((s) => s.rank !== undefined);
    expect(ranked.length).toBeGreaterThan(0);
    for (const s of ranked) {
      expect(s.cost, s.route).toBeDefined();
      expect(s.time, s.route).toBeTruthy();
    }
    const cietac = a.strategies.find((s) => s.route === 'cietac_arbitration')!;
    expect(cietac.cost!.low.currency).toBe('CNY');
    expect(cietac.cost!.low.amount).toBeGreaterThanOrEqual(20000);
  });
});

describe('presentation', () => {
  it('an uncertain programme never shows an undecided rule title as a fact', () => {
    const c = caseSchema.parse({ as_of: AS_OF, dispute: { types: ['ip_infringement'] } });
    const a = assess(c, rules, { today: AS_OF });
    const card = a.programs.find((p) => p.program === 'card_chargeback')!;
    expect(card.status).toBe('uncertain');
    for (const r of card.reasons.filter((x) => x.effect === 'unknown')) expect(r.message).toMatch(/^Not known whether/);
  });
  it('the JSON carries the not-legal-advice notice', () => {
    const a = assess(caseSchema.parse({ as_of: AS_OF }), rules, { today: AS_OF });
    expect(JSON.parse(JSON.stringify(a)).notice).toMatch(/not legal advice/i);
  });
});
