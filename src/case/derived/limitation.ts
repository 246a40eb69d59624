// Derived facts for the law that governs the sale and the periods that run against the buyer (issue 11):
// whether the CISG applies, the PRC limitation period with its restarts, and the card chargeback window.
//
// Two kinds of deadline here may move when a fact is learned, by design (MOVABLE_DEADLINES):
// - a restart (Civil Code Art. 195): a later written demand, acknowledgment or proceeding starts the period
//   afresh, so the period counts from the latest date the case states;
// - a bound: while the date a period runs from is unknown, it is counted from the earliest date the case holds
//   (the order or first payment), which gives the earliest the period can end: "act by this date at the latest".
// Every other fact here is decided only when no further fact could change it.
import type { DeriveContext, DerivedFact } from '../derive.js';
import { addDays, addYears } from '../dates.js';
import { DISPUTE_TYPES } from '../enums.js';
import { daysUntil, latest, num, payments, str } from './read.js';

type Tri = boolean | undefined;
const earliest = (xs: (string | undefined)[]) => xs.filter((d): d is string => !!d).sort()[0];

/** Every dispute over the sale itself: all types but an IP complaint. */
const SALE_DISPUTES = new Set<string>(DISPUTE_TYPES.filter((t) => t !== 'ip_infringement'));

/** Mainland China, Hong Kong, Macao and Taiwan: one State for the CISG's "different States" test, or disputed. */
const GREATER_CHINA = new Set(['CN', 'HK', 'MO', 'TW']);

/** Whether a country is a CISG contracting state: true (listed), false (known not to be), else unknown. */
function cisgState(ctx: DeriveContext, country: string | undefined): Tri {
  if (!country) return undefined;
  const yes = (ctx.param('cisg_contracting_states') ?? []) as string[];
  const no = (ctx.param('cisg_non_contracting_states') ?? []) as string[];
  return yes.includes(country) ? true : no.includes(country) ? false : undefined;
}

/**
 * The CISG governs the sale (Art. 1(1)): places of business in different States, both contracting states, and the
 * CISG not excluded by the contract. China's Art. 95 declaration rules out Art. 1(1)(b) for a mainland supplier.
 * Hong Kong applies the CISG from 1 Dec 2022 (without that declaration); a Hong Kong-mainland sale is disputed.
 */
export function cisgApplies(ctx: DeriveContext): Tri {
  if (ctx.fact('order.cisg_excluded') === true) return false;
  const b = str(ctx, 'buyer.country');
  const s = str(ctx, 'supplier.country');
  if (!b || !s) return undefined;
  if (b === s) return false;
  if (GREATER_CHINA.has(b) && GREATER_CHINA.has(s)) return undefined;
  const buyer = cisgState(ctx, b);
  if (s === 'HK') {
    const start = str(ctx, 'order.date');
    const from = ctx.param('cisg_hong_kong_from');
    return buyer === true && start && typeof from === 'string' && start >= from ? true : undefined;
  }
  const supplier = cisgState(ctx, s);
  if (buyer === true && supplier === true) return true;
  // A mainland supplier and a buyer known not to be in a contracting state: no Art. 1(1)(b) (China's Art. 95 declaration).
  return s === 'CN' && buyer === false ? false : undefined;
}

/**
 * Whether the PRC limitation rules govern the claim: a mainland supplier, and no other law chosen (without a choice a
 * PRC court applies the seller's law, Law on the Application of Laws to Foreign-related Civil Relations Art. 41).
 */
export function prcLimitationApplies(ctx: DeriveContext): Tri {
  const s = str(ctx, 'supplier.country');
  if (!s) return undefined;
  if (s !== 'CN') return false;
  const law = str(ctx, 'order.governing_law');
  return law === undefined || law === 'prc';
}

/** The PRC period in years: 4 for an international sale (Civil Code Art. 594), 3 for a domestic one (Art. 188). */
export function limitationYears(ctx: DeriveContext): number | undefined {
  if (prcLimitationApplies(ctx) !== true) return undefined;
  const b = str(ctx, 'buyer.country');
  if (!b || b === 'HK' || b === 'MO' || b === 'TW') return undefined;
  return b === 'CN' ? num(ctx, 'limitation_years_general') : num(ctx, 'limitation_years_international_sale');
}

/** The dates that restart the period: a written notice or demand that reached the supplier, its acknowledgments. */
const restarts = (ctx: DeriveContext) => [
  str(ctx, 'dispute.supplier_notified_date'),
  str(ctx, 'dispute.last_demand_date'),
  str(ctx, 'dispute.last_acknowledgment_date'),
];

/**
 * Where the period starts: the latest of the discovery date and the restarts; while the discovery date is unknown, the
 * latest of the restarts and the earliest date the case holds (the order or first payment), a bound.
 */
export function limitationStart(ctx: DeriveContext): { date: string; bound: boolean } | undefined {
  if (str(ctx, 'dispute.proceedings_opened_date')) return undefined;
  const found = str(ctx, 'dispute.discovered_date');
  if (found) return { date: latest([found, ...restarts(ctx)])!, bound: false };
  const first = earliest([str(ctx, 'order.date'), ...payments(ctx).map((p) => p.date)]);
  return first ? { date: latest([first, ...restarts(ctx)])!, bound: true } : undefined;
}

const LIMITATION_INPUTS = [
  'supplier.country',
  'buyer.country',
  'order.governing_law',
  'dispute.discovered_date',
  'dispute.supplier_notified_date',
  'dispute.last_demand_date',
  'dispute.last_acknowledgment_date',
  'dispute.proceedings_opened_date',
  'order.date',
  'order.payments',
];
const RESTART_INPUTS = [
  'dispute.discovered_date',
  'dispute.supplier_notified_date',
  'dispute.last_demand_date',
  'dispute.last_acknowledgment_date',
  'dispute.proceedings_opened_date',
  'order.date',
  'order.payments',
];

/** The chargeback window: from the later of the card payment and the expected (or actual) delivery, capped. */
export function chargebackWindow(ctx: DeriveContext): { end: string; bound: boolean; inWindow: Tri } | undefined {
  const paid = str(ctx, 'derived.card_payment_date');
  const days = num(ctx, 'chargeback_days');
  const cap = num(ctx, 'chargeback_cap_days');
  if (!paid || days === undefined || cap === undefined) return undefined;
  // The order's delivery dates count only for a card payment made for the order (on or after its date): a card
  // payment before the order (samples, say) runs from the payment.
  const ordered = str(ctx, 'order.date');
  const forOrder: Tri = ordered === undefined ? undefined : paid >= ordered;
  const later = forOrder === false ? undefined : latest([str(ctx, 'order.delivery.expected_date'), str(ctx, 'order.delivery.receipt_confirmed_date')]);
  const capEnd = addDays(paid, cap);
  const end = (from: string) => (addDays(from, days) < capEnd ? addDays(from, days) : capEnd);
  const exact = forOrder === false ? end(paid) : later && forOrder ? end(latest([paid, later])!) : undefined;
  const inWindow: Tri = ctx.asOf <= end(paid) ? true : ctx.asOf > capEnd ? false : exact ? ctx.asOf <= exact : undefined;
  // Past the cap the window is closed whatever the delivery date: the end is exact, at the latest the cap.
  if (!exact && ctx.asOf > capEnd) return { end: capEnd, bound: false, inWindow };
  return { end: exact ?? end(paid), bound: !exact, inWindow };
}
const CHARGEBACK_INPUTS = ['order.payments', 'order.date', 'order.delivery.expected_date', 'order.delivery.receipt_confirmed_date'];

/**
 * Deadlines that may move when one of the listed facts is learned (a restart, or a bound replaced by the exact
 * date), with those facts. The monotonicity tests skip exactly these changes; everything else must hold still.
 */
export const MOVABLE_DEADLINES: Readonly<Record<string, readonly string[]>> = {
  'derived.limitation_start': RESTART_INPUTS,
  'derived.limitation_start_is_bound': RESTART_INPUTS,
  'derived.limitation_end': RESTART_INPUTS,
  'derived.limitation_end_is_bound': RESTART_INPUTS,
  'derived.limitation_days_left': RESTART_INPUTS,
  'derived.limitation_general_end': RESTART_INPUTS,
  'derived.limitation_general_days_left': RESTART_INPUTS,
  'derived.chargeback_end': CHARGEBACK_INPUTS,
  'derived.chargeback_end_is_bound': CHARGEBACK_INPUTS,
  'derived.chargeback_days_left': CHARGEBACK_INPUTS,
};

const limitationEnd = (ctx: DeriveContext, years: number | undefined) => {
  const start = limitationStart(ctx);
  return start && years !== undefined ? addYears(start.date, years) : undefined;
};

/** The derived facts of this module (registered after the base facts, which they read). */
export const LIMITATION_DERIVED: readonly DerivedFact[] = [
  {
    name: 'derived.cisg_applies',
    type: 'boolean',
    description: 'The CISG governs the sale: places of business in different contracting states, and the contract does not exclude it',
    inputs: ['buyer.country', 'supplier.country', 'order.cisg_excluded', 'order.date'],
    params: ['cisg_contracting_states', 'cisg_non_contracting_states', 'cisg_hong_kong_from'],
    compute: cisgApplies,
  },
  {
    name: 'derived.prc_limitation_applies',
    type: 'boolean',
    description: 'PRC limitation periods govern the claim: a mainland supplier and no other law chosen in the contract',
    inputs: ['supplier.country', 'order.governing_law'],
    params: [],
    compute: prcLimitationApplies,
  },
  {
    name: 'derived.limitation_years',
    type: 'number',
    description: 'The PRC limitation period for the sale in years: 4 for an international sale, 3 for a sale within mainland China',
    inputs: ['supplier.country', 'buyer.country', 'order.governing_law'],
    params: ['limitation_years_international_sale', 'limitation_years_general'],
    compute: limitationYears,
  },
  {
    name: 'derived.limitation_start',
    type: 'date',
    description:
      'The date the limitation period runs from: the latest of the discovery date, a written notice or demand that reached the supplier, and its acknowledgments (or, with no discovery date, the earliest order or payment date)',
    inputs: RESTART_INPUTS,
    params: [],
    compute: (ctx) => limitationStart(ctx)?.date,
  },
  {
    name: 'derived.limitation_start_is_bound',
    type: 'boolean',
    description: 'The limitation period is counted from the earliest order or payment date because the discovery date is unknown',
    inputs: RESTART_INPUTS,
    params: [],
    compute: (ctx) => limitationStart(ctx)?.bound,
  },
  {
    name: 'derived.limitation_end',
    type: 'date',
    description: 'End of the PRC limitation period for the sale on the dates given (a later written demand or acknowledgment restarts it)',
    inputs: LIMITATION_INPUTS,
    params: ['limitation_years_international_sale', 'limitation_years_general'],
    compute: (ctx) => limitationEnd(ctx, limitationYears(ctx)),
  },
  {
    name: 'derived.limitation_end_is_bound',
    type: 'boolean',
    description: 'The limitation end is the earliest it can be (counted from the order or first payment), not the exact date',
    inputs: LIMITATION_INPUTS,
    params: [],
    compute: (ctx) => (limitationEnd(ctx, limitationYears(ctx)) ? limitationStart(ctx)?.bound : undefined),
  },
  {
    name: 'derived.limitation_days_left',
    type: 'number',
    description: 'Days left before the limitation period ends (negative once passed)',
    inputs: LIMITATION_INPUTS,
    params: [],
    compute: daysUntil('derived.limitation_end'),
  },
  {
    name: 'derived.limitation_general_end',
    type: 'date',
    description:
      'End of the PRC general limitation period, for claims outside the sale contract such as infringement (from the latest of discovery and the restarts)',
    inputs: LIMITATION_INPUTS,
    params: ['limitation_years_general'],
    compute: (ctx) => (prcLimitationApplies(ctx) === true ? limitationEnd(ctx, num(ctx, 'limitation_years_general')) : undefined),
  },
  {
    name: 'derived.limitation_general_days_left',
    type: 'number',
    description: 'Days left before the general limitation period ends (negative once passed)',
    inputs: LIMITATION_INPUTS,
    params: [],
    compute: daysUntil('derived.limitation_general_end'),
  },
  {
    name: 'derived.enforcement_deadline',
    type: 'date',
    description: 'Last day to apply to a PRC court to enforce a judgment or award: 2 years from the last day it gives for payment',
    inputs: ['dispute.performance_due_date'],
    params: ['enforcement_application_years'],
    compute: (ctx) => {
      const d = str(ctx, 'dispute.performance_due_date');
      const y = num(ctx, 'enforcement_application_years');
      return d && y !== undefined ? addYears(d, y) : undefined;
    },
  },
  {
    name: 'derived.enforcement_days_left',
    type: 'number',
    description: 'Days left to apply for enforcement (negative once passed)',
    inputs: ['dispute.performance_due_date'],
    params: [],
    compute: daysUntil('derived.enforcement_deadline'),
  },
  {
    name: 'derived.counterparty_known',
    type: 'boolean',
    description: 'The buyer can name the supplier or contracting party a demand goes to',
    inputs: ['supplier.name', 'supplier.contracting_party'],
    params: [],
    compute: (ctx) => (str(ctx, 'supplier.name') || str(ctx, 'supplier.contracting_party') ? true : undefined),
  },
  {
    name: 'derived.money_owed',
    type: 'boolean',
    description: 'Money is at stake in a dispute over the sale (not only an IP complaint)',
    inputs: ['dispute.types', 'dispute.amount_claimed', 'order.payments'],
    params: [],
    compute: (ctx) => {
      const types = ctx.fact('dispute.types');
      const loss = ctx.fact('derived.loss_usd');
      if (!Array.isArray(types) || typeof loss !== 'number') return undefined;
      return loss > 0 && types.some((t) => SALE_DISPUTES.has(t as string));
    },
  },
  {
    name: 'derived.paid_offshore_of_supplier',
    type: 'boolean',
    description: 'Some payment went to an offshore account, or to a Hong Kong account of a supplier that is not itself in Hong Kong',
    inputs: ['order.payments', 'supplier.country'],
    params: [],
    compute: (ctx) => {
      const home = str(ctx, 'supplier.country');
      const xs = payments(ctx).map((p): Tri =>
        p.via === undefined
          ? undefined
          : p.via === 'offshore_account'
            ? true
            : p.via !== 'hong_kong_account'
              ? false
              : home === undefined
                ? undefined
                : home !== 'HK',
      );
      return xs.length === 0 ? undefined : xs.includes(true) ? true : xs.includes(undefined) ? undefined : false;
    },
  },
  {
    name: 'derived.risk_passed_at_shipment',
    type: 'boolean',
    description:
      'Under the Incoterm, the risk of loss or damage passed to the buyer when the goods were handed to the carrier (E, F and C terms), not on arrival (D terms)',
    inputs: ['order.incoterm'],
    params: [],
    compute: (ctx) => {
      const t = str(ctx, 'order.incoterm');
      return t === undefined ? undefined : !['DAP', 'DPU', 'DDP'].includes(t);
    },
  },
  {
    name: 'derived.card_paid_at_checkout',
    type: 'boolean',
    description: "Some card payment was made at Alibaba's checkout (so Trade Assurance and a chargeback could both claim the same money)",
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => {
      const xs = payments(ctx).map((p): Tri =>
        p.method === undefined ? undefined : p.method !== 'card' ? false : p.via === undefined ? undefined : p.via === 'alibaba_checkout',
      );
      return xs.length === 0 ? undefined : xs.includes(true) ? true : xs.includes(undefined) ? undefined : false;
    },
  },
  {
    name: 'derived.chargeback_end',
    type: 'date',
    description:
      'Last day for a card chargeback: 120 days from the later of the payment and the expected or actual delivery, at most 540 days from the payment (from the payment alone, the earliest end, while the delivery date is unknown)',
    inputs: CHARGEBACK_INPUTS,
    params: ['chargeback_days', 'chargeback_cap_days'],
    compute: (ctx) => chargebackWindow(ctx)?.end,
  },
  {
    name: 'derived.chargeback_end_is_bound',
    type: 'boolean',
    description: 'The chargeback end is counted from the payment only, because the expected delivery date is unknown: the earliest it can be',
    inputs: CHARGEBACK_INPUTS,
    params: [],
    compute: (ctx) => chargebackWindow(ctx)?.bound,
  },
  {
    name: 'derived.chargeback_days_left',
    type: 'number',
    description: 'Days left for a card chargeback (negative once passed)',
    inputs: CHARGEBACK_INPUTS,
    params: [],
    compute: daysUntil('derived.chargeback_end'),
  },
  {
    name: 'derived.chargeback_in_window',
    type: 'boolean',
    description:
      'A chargeback is still in time: within 120 days of the payment, or of a later expected delivery, and within 540 days of the payment (unknown while only the delivery date could decide it)',
    inputs: CHARGEBACK_INPUTS,
    params: ['chargeback_days', 'chargeback_cap_days'],
    compute: (ctx) => chargebackWindow(ctx)?.inWindow,
  },
];
