// Derived facts: one small named function each, computed from case facts, parameters and the as-of date.
// A derived fact whose inputs are unknown is itself unknown (it is simply not set).
import type { Case, Money, Payment } from './schema.js';
import type { FactValue } from './facts.js';
import { addDays, addYears, daysBetween } from './dates.js';
import { convert, sumKnown, toUsd, zeroIn, type FxTable } from './money.js';
import { usccIndividualBusiness, usccValid } from './uscc.js';
import { COUNTERPARTY_DERIVED } from './derived/counterparty.js';
import { TRADE_ASSURANCE_DERIVED } from './derived/trade-assurance.js';
import { applyImplications, IMPLIED_DERIVED } from './derived/implied.js';
import { LIMITATION_DERIVED } from './derived/limitation.js';
import { COST_DERIVED } from './derived/costs.js';
export { MOVABLE_DEADLINES } from './derived/limitation.js';

export interface DeriveContext {
  case: Case;
  asOf: string;
  fact(path: string): FactValue | undefined;
  param(name: string): unknown;
}

export interface DerivedFact {
  name: string;
  type: 'boolean' | 'number' | 'date' | 'money' | 'enum';
  values?: readonly string[];
  description: string;
  /** Case facts it is computed from: what the buyer can supply when it is unknown. */
  inputs: readonly string[];
  params: readonly string[];
  /** A bound (issue 12): the earliest a deadline can fall on the dates known so far. It moves later as more dates are
   * learned, by design, so rule conditions never read it; due dates and messages may. */
  bound?: true;
  compute(ctx: DeriveContext): FactValue | undefined;
}

const ON_PLATFORM = new Set(['alibaba_checkout', 'alibaba_designated_account']);
const payments = (c: Case): Payment[] => c.order?.payments ?? [];
const fx = (ctx: DeriveContext) => (ctx.param('fx_usd_per_unit') ?? {}) as FxTable;
const date = (ctx: DeriveContext, path: string) => ctx.fact(path) as string | undefined;
const money = (ctx: DeriveContext, path: string) => ctx.fact(path) as Money | undefined;

/** true when every item is true, false when any is false, else unknown. */
const allOf = (xs: (boolean | undefined)[]) => (xs.length === 0 ? undefined : xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
/** true when any item is true, false when all are false, else unknown. */
const anyOf = (xs: (boolean | undefined)[]) => (xs.length === 0 ? undefined : xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);
const onPlatform = (p: Payment) => (p.via === undefined ? undefined : ON_PLATFORM.has(p.via));

/** The dispute types PayPal handles as 'Significantly Not as Described' (30 days after delivery when sooner). */
const PAYPAL_SNAD_TYPES: readonly string[] = ['quality', 'not_as_described', 'damage', 'short_shipment'];

/** Days from the as-of date to a date fact (negative once passed). */
const daysLeft = (name: string, dateFact: string, description: string): DerivedFact => ({
  name,
  type: 'number',
  description,
  inputs: [dateFact],
  params: [],
  compute: (ctx) => {
    const d = date(ctx, dateFact);
    return d ? daysBetween(ctx.asOf, d) : undefined;
  },
});

/**
 * Date of the first payment (by a method, if given). Unknown when a payment that is or may be such a payment has
 * no date, or when one whose method is unknown is earlier: otherwise learning that date or method would move it.
 */
const firstPaymentDate = (c: Case, method?: string) => {
  const matches = (p: Payment) => (!method ? true : p.method === undefined ? undefined : p.method === method);
  const sure = payments(c).filter((p) => matches(p) === true);
  if (sure.some((p) => p.date === undefined)) return undefined;
  const first = sure.map((p) => p.date!).sort()[0];
  const maybe = payments(c).filter((p) => matches(p) === undefined);
  return first && !maybe.some((p) => p.date === undefined || p.date < first) ? first : undefined;
};

/**
 * Case facts whose absence is read as a stated default rather than as unknown (documented in the schema):
 * an absent tier is the standard tier (the shorter, safer Trade Assurance window), an absent claim is the
 * amount paid. They are the only exceptions to "absent means unknown", so the monotonicity tests skip them.
 * Issue 11 adds the legal defaults (LAW_DEFAULTS): no governing law stated is no choice made (a PRC court then
 * applies the seller's law, Law on the Application of Laws to Foreign-related Civil Relations Art. 41); no CISG
 * exclusion stated is none (the CISG applies unless the parties exclude it, CISG Art. 6). (Restart dates are
 * not defaults: a deadline that moves when one is learned is listed in MOVABLE_DEADLINES instead.)
 */
const LAW_DEFAULTS = ['order.governing_law', 'order.cisg_excluded'];
export const DEFAULTED_FACTS: readonly string[] = [
  'buyer.alibaba_tier',
  'dispute.amount_claimed',
  ...LAW_DEFAULTS,
  // Issue 12: an absent platform-dispute outcome reads as "no decision yet" (derived.platform_outcome).
  'dispute.platform_dispute.status',
];

/** The registry of derived facts, in dependency order. */
export const DERIVED: readonly DerivedFact[] = [
  {
    name: 'derived.amount_paid',
    type: 'money',
    description: 'Total paid to the supplier so far',
    inputs: ['order.payments'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => sumKnown(payments(ctx.case), fx(ctx)),
  },

  {
    name: 'derived.paid_on_platform',
    type: 'boolean',
    description: "Every payment went through Alibaba's checkout or to the Alibaba-designated account",
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => allOf(payments(ctx.case).map(onPlatform)),
  },
  {
    name: 'derived.paid_off_platform',
    type: 'boolean',
    description: "At least one payment went outside Alibaba's checkout and designated account",
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) =>
      anyOf(
        payments(ctx.case).map((p) => {
          const o = onPlatform(p);
          return o === undefined ? undefined : !o;
        }),
      ),
  },

  {
    name: 'derived.amount_paid_on_platform',
    type: 'money',
    description: "Paid through Alibaba's checkout or designated account",
    inputs: ['order.payments'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const ps = payments(ctx.case);
      if (ps.length === 0 || ps.some((p) => p.via === undefined)) return undefined;
      const on = ps.filter((p) => onPlatform(p));
      return on.length ? sumKnown(on, fx(ctx)) : zeroIn(ps);
    },
  },
  {
    name: 'derived.paid_by_card',
    type: 'boolean',
    description: 'Some payment was made by card',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => anyOf(payments(ctx.case).map((p) => (p.method === undefined ? undefined : p.method === 'card'))),
  },
  {
    name: 'derived.paid_by_paypal',
    type: 'boolean',
    description: 'Some payment was made by PayPal',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => anyOf(payments(ctx.case).map((p) => (p.method === undefined ? undefined : p.method === 'paypal'))),
  },
  {
    name: 'derived.loss',
    type: 'money',
    description: 'The amount at stake: the amount claimed, or else the amount paid',
    inputs: ['dispute.amount_claimed', 'order.payments'],
    params: [],
    compute: (ctx) => money(ctx, 'dispute.amount_claimed') ?? money(ctx, 'derived.amount_paid'),
  },
  {
    name: 'derived.loss_usd',
    type: 'number',
    description: 'The amount at stake in US dollars (indicative rates)',
    inputs: ['dispute.amount_claimed', 'order.payments'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const m = money(ctx, 'derived.loss');
      return m ? toUsd(m, fx(ctx)) : undefined;
    },
  },
  {
    name: 'derived.ta_window_days',
    type: 'number',
    description: 'Length of the Trade Assurance claim window: 60 days for Enterprise tiers, else 30 (the shorter when the tier is unknown)',
    inputs: [],
    params: ['ta_window_days', 'ta_window_days_enterprise'],
    compute: (ctx) => {
      const tier = ctx.fact('buyer.alibaba_tier');
      return ctx.param(tier === 'enterprise' || tier === 'enterprise_pro' ? 'ta_window_days_enterprise' : 'ta_window_days') as number;
    },
  },
  {
    name: 'derived.ta_window_end',
    type: 'date',
    description: 'Last day to open a Trade Assurance dispute (confirmed receipt + window)',
    inputs: ['order.delivery.receipt_confirmed_date'],
    params: [],
    compute: (ctx) => {
      const r = date(ctx, 'order.delivery.receipt_confirmed_date');
      const n = ctx.fact('derived.ta_window_days');
      return r && typeof n === 'number' ? addDays(r, n) : undefined;
    },
  },
  daysLeft('derived.ta_days_left', 'derived.ta_window_end', 'Days left in the Trade Assurance window (negative once closed)'),
  {
    name: 'derived.ta_window_open',
    type: 'boolean',
    description: 'The Trade Assurance window is still open on the as-of date (unknown when it depends on the unknown membership tier)',
    inputs: ['order.delivery.receipt_confirmed_date', 'buyer.alibaba_tier'],
    params: ['ta_window_days', 'ta_window_days_enterprise'],
    compute: (ctx) => {
      const r = date(ctx, 'order.delivery.receipt_confirmed_date');
      const [std, ent] = [ctx.param('ta_window_days'), ctx.param('ta_window_days_enterprise')];
      if (!r || typeof std !== 'number' || typeof ent !== 'number') return undefined;
      const openFor = (days: number) => daysBetween(ctx.asOf, addDays(r, days)) >= 0;
      const tier = ctx.fact('buyer.alibaba_tier');
      if (tier !== undefined) return openFor(tier === 'enterprise' || tier === 'enterprise_pro' ? ent : std);
      return openFor(std) === openFor(ent) ? openFor(std) : undefined;
    },
  },
  {
    name: 'derived.ta_recoverable',
    type: 'money',
    description: "Most Trade Assurance can refund: the lesser of the amount paid on-platform and the supplier's coverage",
    inputs: ['order.payments', 'supplier.ta_coverage'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const paid = money(ctx, 'derived.amount_paid_on_platform');
      const cover = money(ctx, 'supplier.ta_coverage');
      if (!paid || !cover) return undefined;
      const c = convert(cover, paid.currency, fx(ctx));
      return c ? (c.amount < paid.amount ? c : paid) : undefined;
    },
  },
  {
    name: 'derived.ta_uncovered',
    type: 'money',
    description: 'The part of the loss Trade Assurance cannot refund, which needs legal action',
    inputs: ['order.payments', 'supplier.ta_coverage', 'dispute.amount_claimed'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const loss = money(ctx, 'derived.loss');
      const rec = money(ctx, 'derived.ta_recoverable');
      if (!loss || !rec) return undefined;
      const r = convert(rec, loss.currency, fx(ctx));
      return r ? { amount: Math.max(0, Math.round((loss.amount - r.amount) * 100) / 100), currency: loss.currency } : undefined;
    },
  },
  {
    name: 'derived.loss_exceeds_ta_cover',
    type: 'boolean',
    description: 'The loss is larger than what Trade Assurance can refund',
    inputs: ['order.payments', 'supplier.ta_coverage', 'dispute.amount_claimed'],
    params: [],
    compute: (ctx) => {
      const u = money(ctx, 'derived.ta_uncovered');
      return u ? u.amount > 0 : undefined;
    },
  },
  {
    name: 'derived.uscc_valid',
    type: 'boolean',
    description: 'The Unified Social Credit Code has a valid format and check character',
    inputs: ['supplier.uscc'],
    params: [],
    compute: (ctx) => {
      const u = ctx.fact('supplier.uscc');
      return typeof u === 'string' ? usccValid(u) : undefined;
    },
  },
  {
    name: 'derived.uscc_individual_business',
    type: 'boolean',
    description: 'The credit code is that of an individual business (starts with 92)',
    inputs: ['supplier.uscc'],
    params: [],
    compute: (ctx) => {
      const u = ctx.fact('supplier.uscc');
      return typeof u === 'string' ? usccIndividualBusiness(u) : undefined;
    },
  },
  {
    name: 'derived.payee_differs',
    type: 'boolean',
    description: 'The receiving account does not belong to the contracting party',
    inputs: ['supplier.payee.same_as_contracting_party', 'supplier.payee.name', 'supplier.contracting_party'],
    params: [],
    compute: (ctx) => {
      const same = ctx.fact('supplier.payee.same_as_contracting_party');
      if (typeof same === 'boolean') return !same;
      const a = ctx.fact('supplier.payee.name');
      const b = ctx.fact('supplier.contracting_party');
      const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');
      return typeof a === 'string' && typeof b === 'string' ? norm(a) !== norm(b) : undefined;
    },
  },
  {
    name: 'derived.supplier_operating',
    type: 'enum',
    values: ['operating', 'partly_inactive', 'disappeared'],
    description: 'Whether the supplier still operates, from its registration, listings, website, fairs, social media and responsiveness',
    inputs: [
      'supplier.registration_status',
      'supplier.activity.listing_active',
      'supplier.activity.responsive',
      'supplier.activity.website_updated',
      'supplier.activity.social_media_active',
      'supplier.activity.at_trade_fairs',
    ],
    params: [],
    compute: (ctx) => operatingState(ctx),
  },
  {
    name: 'derived.assets_identified',
    type: 'boolean',
    description: 'Some supplier asset in China (bank account, equipment, property, receivables) has been identified',
    inputs: ['assets.bank_accounts', 'assets.equipment', 'assets.property', 'assets.receivables'],
    params: [],
    compute: (ctx) => anyOf(['bank_accounts', 'equipment', 'property', 'receivables'].map((k) => ctx.fact(`assets.${k}`) as boolean | undefined)),
  },
  {
    name: 'derived.notice_deadline',
    type: 'date',
    description: 'Outer limit for notice of non-conformity: years after the goods were handed over (CISG Art. 39(2), Civil Code Art. 621)',
    inputs: ['order.delivery.receipt_confirmed_date'],
    params: ['notice_outer_limit_years'],
    compute: (ctx) => {
      const d = date(ctx, 'order.delivery.receipt_confirmed_date');
      const y = ctx.param('notice_outer_limit_years');
      return d && typeof y === 'number' ? addYears(d, y) : undefined;
    },
  },
  daysLeft('derived.notice_days_left', 'derived.notice_deadline', 'Days left to give notice of non-conformity'),
  {
    name: 'derived.card_payment_date',
    type: 'date',
    description: 'Date of the first card payment',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => firstPaymentDate(ctx.case, 'card'),
  },
  {
    name: 'derived.paypal_payment_date',
    type: 'date',
    description: 'Date of the first PayPal payment',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => firstPaymentDate(ctx.case, 'paypal'),
  },
  {
    name: 'derived.paypal_dispute_end',
    type: 'date',
    description:
      "Last day to open a PayPal dispute: 180 days after the payment for goods not received; for goods that arrived significantly not as described (quality, not as described, damage, short shipment), 30 days after delivery when that is sooner. Unknown while the dispute's kind, or such a delivery date, is unknown",
    inputs: ['derived.paypal_payment_date', 'dispute.types', 'order.delivery.receipt_confirmed_date'],
    params: ['paypal_dispute_days', 'paypal_snad_days_after_delivery'],
    compute: (ctx) => {
      const paid = date(ctx, 'derived.paypal_payment_date');
      const days = ctx.param('paypal_dispute_days');
      const types = ctx.fact('dispute.types');
      if (!paid || typeof days !== 'number' || !Array.isArray(types)) return undefined;
      const byPayment = addDays(paid, days);
      if (!types.some((t) => PAYPAL_SNAD_TYPES.includes(t as string))) return byPayment;
      const delivered = date(ctx, 'order.delivery.receipt_confirmed_date');
      const snad = ctx.param('paypal_snad_days_after_delivery');
      if (!delivered || typeof snad !== 'number') return undefined;
      const byDelivery = addDays(delivered, snad);
      return byDelivery < byPayment ? byDelivery : byPayment;
    },
  },
  daysLeft('derived.paypal_days_left', 'derived.paypal_dispute_end', 'Days left to open a PayPal dispute'),

  ...LIMITATION_DERIVED,
  ...COUNTERPARTY_DERIVED,
  ...TRADE_ASSURANCE_DERIVED,
  // Issue 12: facts implied by stated ones (src/case/derived/implied.ts).
  ...IMPLIED_DERIVED,
  ...COST_DERIVED,
];

/** Three-valued "fact is one of values". */
function is(ctx: DeriveContext, path: string, values: readonly FactValue[]): boolean | undefined {
  const v = ctx.fact(path);
  return v === undefined ? undefined : values.includes(v);
}

/**
 * Operating state (Zhang & Partners, step 2: operating normally, partly inactive, disappeared). Each outcome is decided only when no further fact could change it,
 * so that learning more never flips a rule that depends on it.
 */
function operatingState(ctx: DeriveContext): string | undefined {
  const act = (k: string) => `supplier.activity.${k}`;
  const gone = anyOf([
    is(ctx, 'supplier.registration_status', ['deregistered', 'licence_revoked']),
    allOf([
      is(ctx, act('responsive'), ['unresponsive']),
      ...['listing_active', 'website_updated', 'social_media_active', 'at_trade_fairs'].map((k) => is(ctx, act(k), [false])),
    ]),
  ]);
  if (gone === true) return 'disappeared';
  // Slow replies are neutral (issue 11, M3): they neither show a supplier winding down nor one that answers.
  const resp = ctx.fact(act('responsive'));
  const answers = resp === undefined || resp === 'slow' ? undefined : resp === 'responsive';
  const operating = allOf([is(ctx, 'supplier.registration_status', ['active']), answers, is(ctx, act('listing_active'), [true])]);
  if (operating === true) return 'operating';
  return gone === false && operating === false ? 'partly_inactive' : undefined;
}

/** Compute every derived fact into the facts map (in place) and return it. */
export function deriveFacts(c: Case, facts: Map<string, FactValue>, params: Record<string, { value: unknown }>, asOf: string): Map<string, FactValue> {
  const ctx: DeriveContext = {
    case: c,
    asOf,
    fact: (p) => facts.get(p),
    param: (n) => params[n]?.value,
  };
  applyImplications(c, facts);
  for (const d of DERIVED) {
    const v = d.compute(ctx);
    if (v !== undefined) facts.set(d.name, v);
  }
  return facts;
}
