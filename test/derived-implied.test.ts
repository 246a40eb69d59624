// Implied facts (issue 12, src/case/derived/implied.ts): each implication and derived fact, with the stated
// values that would contradict it refused by the validator, so that learning more never flips it.
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/case/schema.js';
import { flattenCase } from '../src/case/facts.js';
import { deriveFacts, DERIVED } from '../src/case/derive.js';
import { contradictions } from '../src/case/chronology.js';
import { validateCase } from '../src/case/validate.js';
import { readYaml } from '../src/source/read-yaml.js';
import { stringify } from 'yaml';
import { assess } from '../src/assess.js';
import { builtinRules } from './helpers.js';

const TODAY = '2026-11-25';
const facts = (c: Case) => deriveFacts(c, flattenCase({ ...c, as_of: TODAY }), builtinRules().params, TODAY);
const fact = (c: Case, path: string) => facts(c).get(path);
const usd = (amount: number) => ({ amount, currency: 'USD' as const });
/** Validate a case as the CLI does, from its YAML text. */
const valid = (c: unknown) => {
  const doc = readYaml(stringify(c), 'case.yaml');
  return doc.ok && validateCase(doc.value).ok;
};

describe('implied case facts', () => {
  it('nothing arrived: a non-delivery or vanished-deposit dispute, with no type that means goods came', () => {
    expect(fact({ dispute: { types: ['non_delivery'] } }, 'order.delivery.status')).toBe('none');
    expect(fact({ dispute: { types: ['deposit_fraud', 'ip_infringement'] } }, 'order.delivery.status')).toBe('none');
    expect(fact({ dispute: { types: ['non_delivery', 'short_shipment'] } }, 'order.delivery.status')).toBeUndefined();
    expect(fact({ dispute: { types: ['quality'] } }, 'order.delivery.status')).toBeUndefined();
  });

  it('a bank switch named as the fraud means the bank details changed (issue 11); stating both ways is refused', () => {
    expect(fact({ dispute: { fraud_kind: 'bank_switch' } }, 'dispute.bank_details_changed')).toBe(true);
    expect(fact({ dispute: { fraud_kind: 'phishing' } }, 'dispute.bank_details_changed')).toBeUndefined();
    expect(contradictions({ dispute: { fraud_kind: 'bank_switch', bank_details_changed: false } }).map((x) => x.path.join('.'))).toEqual([
      'dispute.bank_details_changed',
    ]);
    expect(contradictions({ dispute: { fraud_kind: 'bank_switch', bank_details_changed: true } })).toHaveLength(0);
  });

  it('the quantities settle delivery', () => {
    expect(fact({ order: { quantity_ordered: 100, quantity_delivered: 0 } }, 'order.delivery.status')).toBe('none');
    expect(fact({ order: { quantity_ordered: 100, quantity_delivered: 60 } }, 'order.delivery.status')).toBe('partial');
    expect(fact({ order: { quantity_ordered: 100, quantity_delivered: 100 } }, 'order.delivery.status')).toBe('full');
    expect(fact({ order: { quantity_ordered: 100, quantity_delivered: 60 } }, 'derived.shortfall_units')).toBe(40);
    expect(fact({ order: { quantity_ordered: 100, quantity_delivered: 60 } }, 'derived.shortfall_percent')).toBe(40);
  });

  it('a dated or decided platform dispute was opened, and it told the supplier; a closing date means closed', () => {
    const c: Case = { dispute: { platform_dispute: { status: 'lost' } }, order: { closed_date: '2026-10-01' } };
    expect(fact(c, 'dispute.platform_dispute.opened')).toBe(true);
    expect(fact(c, 'derived.supplier_notified')).toBe(true);
    expect(fact(c, 'order.closed')).toBe(true);
  });

  it('a stated fact is never overwritten, and a contradicting one is refused with a message', () => {
    const stated: Case = { dispute: { types: ['non_delivery'] }, order: { delivery: { status: 'partial' } } };
    expect(fact(stated, 'order.delivery.status')).toBe('partial');
    expect(contradictions(stated).map((x) => x.path.join('.'))).toEqual(['order.delivery.status']);
    expect(contradictions({ dispute: { platform_dispute: { opened: false, status: 'won' } } })).toHaveLength(1);
    expect(contradictions({ order: { closed: false, closed_date: '2026-10-01' } })).toHaveLength(1);
    expect(contradictions({ order: { closed_date: '2026-10-01', delivery: { receipt_confirmed_date: '2026-10-05' } } })).toHaveLength(1);
    expect(valid({ dispute: { types: ['non_delivery'] }, order: { delivery: { status: 'full' } } })).toBe(false);
  });
});

describe('implied derived facts', () => {
  it('a receipt inside the closed-order period means the order was not closed too long ago', () => {
    expect(fact({ order: { delivery: { receipt_confirmed_date: '2026-11-13' } } }, 'derived.order_closed_too_long_ago')).toBe(false);
    expect(fact({ order: { delivery: { receipt_confirmed_date: '2026-09-13' } } }, 'derived.order_closed_too_long_ago')).toBeUndefined();
    expect(fact({ order: { closed_date: '2026-09-13' } }, 'derived.order_closed_too_long_ago')).toBe(true);
    expect(fact({ order: { closed: false } }, 'derived.order_closed_too_long_ago')).toBe(false);
  });

  it('the platform took up a dispute only when its status says so; refused as late, withdrawn or no response do not count', () => {
    expect(fact({ dispute: { platform_dispute: { status: 'escalated' } } }, 'derived.platform_dispute_accepted')).toBe(true);
    expect(fact({ dispute: { platform_dispute: { status: 'refused_late' } } }, 'derived.platform_dispute_accepted')).toBe(false);
    expect(fact({ dispute: { platform_dispute: { status: 'closed_no_response' } } }, 'derived.platform_dispute_accepted')).toBe(false);
    expect(fact({ dispute: { platform_dispute: { opened: true } } }, 'derived.platform_dispute_accepted')).toBeUndefined();
    expect(fact({ dispute: { platform_dispute: { opened: false } } }, 'derived.platform_dispute_accepted')).toBe(false);
    expect(fact({}, 'derived.platform_outcome')).toBe('none');
  });

  it('a decided refund is due some business days after the decision (weekends skipped)', () => {
    expect(fact({ dispute: { platform_dispute: { status: 'won', decided_date: '2026-11-20' } } }, 'derived.ta_refund_due')).toBe('2026-12-01');
  });

  it('nothing paid only when the payments list is stated and empty', () => {
    expect(fact({ order: { payments: [] } }, 'derived.nothing_paid')).toBe(true);
    expect(fact({ order: { payments: [{ via: 'personal_account' }] } }, 'derived.nothing_paid')).toBe(false);
    expect(fact({}, 'derived.nothing_paid')).toBeUndefined();
  });
});

describe('bounds', () => {
  it('the offline-complaint deadline is the earliest it can be on the dates known, exact once all are known', () => {
    const part: Case = { order: { payments: [{ date: '2026-10-01', via: 'supplier_company_account' }, { via: 'supplier_company_account' }] } };
    expect(fact(part, 'derived.offline_window_end')).toBeUndefined();
    expect(fact(part, 'derived.offline_window_end_bound')).toBe('2026-12-30');
    const all: Case = { order: { payments: [{ date: '2026-10-01' }], delivery: { expected_date: '2026-10-15' } } };
    expect(fact(all, 'derived.offline_window_end_bound')).toBe(fact(all, 'derived.offline_window_end'));
  });

  it('no rule condition reads a bound (it moves later as dates are learned)', () => {
    const bounds = new Set(DERIVED.filter((d) => d.bound).map((d) => d.name));
    expect(bounds.size).toBeGreaterThan(0);
    const reads = (c: unknown): string[] =>
      c && typeof c === 'object' ? Object.entries(c).flatMap(([k, v]) => (k === 'fact' && typeof v === 'string' ? [v] : reads(v))) : [];
    for (const r of builtinRules().rules) for (const f of reads(r.when)) expect(bounds.has(f), `${r.id} reads ${f}`).toBe(false);
  });
});

describe('every field optional', () => {
  it('a payment without an amount still decides the payment route; sums stay unknown', () => {
    const c: Case = { as_of: TODAY, order: { payments: [{ via: 'alibaba_checkout', method: 'card', date: '2026-11-01' }] } };
    expect(valid(c)).toBe(true);
    expect(fact(c, 'derived.any_paid_on_platform')).toBe(true);
    expect(fact(c, 'derived.paid_by_card')).toBe(true);
    expect(fact(c, 'derived.card_payment_date')).toBe('2026-11-01');
    expect(fact(c, 'derived.amount_paid')).toBeUndefined();
    const mixed: Case = { order: { payments: [{ amount: usd(100), via: 'alibaba_checkout' }, { via: 'personal_account' }] } };
    expect(fact(mixed, 'derived.amount_paid')).toBeUndefined();
    expect(fact(mixed, 'derived.amount_paid_off_platform')).toBeUndefined();
    const a = assess(c, builtinRules(), { today: TODAY });
    expect(a.trade_assurance.reasons.find((r) => r.rule === 'ta/paid-on-platform')?.effect).toBe('met');
  });

  it('a supplier without a name and a delivery without dates are accepted', () => {
    expect(valid({ supplier: { country: 'CN' }, order: { delivery: { status: 'partial' } } })).toBe(true);
  });
});
