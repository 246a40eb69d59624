// Implied facts (issue 12): what follows from facts the buyer stated, so it is derived, never asked. One place,
// each with its reason. Two kinds:
// - implied case facts fill a case path the buyer left out (a dispute date means a dispute was opened);
// - derived facts that combine stated facts (a recent receipt means the order was not closed too long ago).
// Monotone by construction: an implication only fills a fact that is absent, and every stated value that would
// contradict it is refused as a contradiction (src/case/chronology.ts), so learning more never flips it.
import type { DerivedFact } from '../derive.js';
import type { Case } from '../schema.js';
import type { FactValue } from '../facts.js';
import { addDays } from '../dates.js';
import { offlineWindow } from './trade-assurance.js';
import { daysUntil, num, str } from './read.js';

/** A case fact that follows from others when the buyer has not stated it. */
export interface Implication {
  name: string;
  /** The case path it fills. */
  fact: string;
  /** The value it takes, or undefined when the stated facts do not imply one. */
  value(c: Case): FactValue | undefined;
  /** Why, in a buyer's words (shown in --explain and the JSON). */
  reason: string;
  inputs: readonly string[];
}

/** Dispute types that mean goods (some or all) arrived. */
export const ARRIVAL_TYPES = ['quality', 'not_as_described', 'short_shipment', 'damage', 'late_delivery'] as const;
/** Dispute types that, alone, mean nothing arrived. */
export const NOTHING_ARRIVED_TYPES = ['non_delivery', 'deposit_fraud'] as const;

/** The delivery status the dispute types and quantities imply, if any. */
export function impliedDelivery(c: Case): 'none' | 'partial' | 'full' | undefined {
  const { quantity_ordered: ordered, quantity_delivered: got } = c.order ?? {};
  if (got !== undefined && got === 0) return 'none';
  if (got !== undefined && ordered !== undefined && ordered > 0) return got >= ordered ? 'full' : 'partial';
  const types = c.dispute?.types ?? [];
  const nothing =
    types.some((t) => (NOTHING_ARRIVED_TYPES as readonly string[]).includes(t)) && !types.some((t) => (ARRIVAL_TYPES as readonly string[]).includes(t));
  return nothing ? 'none' : undefined;
}

const platformDispute = (c: Case) => c.dispute?.platform_dispute;

/** The implications, in the order they are applied (later ones may read earlier ones' facts). */
export const IMPLICATIONS: readonly Implication[] = [
  {
    name: 'implied.delivery_status',
    fact: 'order.delivery.status',
    inputs: ['dispute.types', 'order.quantity_ordered', 'order.quantity_delivered'],
    reason: 'Nothing arrived (the dispute is about non-delivery or a vanished deposit), or the quantities delivered say how much did',
    value: impliedDelivery,
  },
  {
    name: 'implied.dispute_opened',
    fact: 'dispute.platform_dispute.opened',
    inputs: ['dispute.platform_dispute.opened_date', 'dispute.platform_dispute.status'],
    reason: 'A platform dispute with a date or an outcome was opened',
    value: (c) => (platformDispute(c)?.opened_date !== undefined || platformDispute(c)?.status !== undefined ? true : undefined),
  },
  {
    name: 'implied.order_closed',
    fact: 'order.closed',
    inputs: ['order.closed_date'],
    reason: 'An order with a closing date is closed',
    value: (c) => (c.order?.closed_date !== undefined ? true : undefined),
  },
  {
    name: 'implied.supplier_notified',
    fact: 'dispute.supplier_notified',
    inputs: ['dispute.platform_dispute.opened', 'dispute.platform_dispute.opened_date', 'dispute.platform_dispute.status'],
    reason: 'A dispute opened on the platform tells the supplier in writing what is wrong',
    value: (c) =>
      platformDispute(c)?.opened === true || platformDispute(c)?.opened_date !== undefined || platformDispute(c)?.status !== undefined ? true : undefined,
  },
  {
    // Issue 11: the bank-switch rules read dispute.bank_details_changed; a case that names the fraud instead gets them too.
    name: 'implied.bank_details_changed',
    fact: 'dispute.bank_details_changed',
    inputs: ['dispute.fraud_kind'],
    reason: 'A bank switch is a change of the bank details by a third party',
    value: (c) => (c.dispute?.fraud_kind === 'bank_switch' ? true : undefined),
  },
];

/** Fill in the implied case facts that are absent; returns the ones applied, with their values. */
export function applyImplications(c: Case, facts: Map<string, FactValue>): { name: string; fact: string; value: FactValue; reason: string }[] {
  const applied: { name: string; fact: string; value: FactValue; reason: string }[] = [];
  for (const i of IMPLICATIONS) {
    if (facts.has(i.fact)) continue;
    const v = i.value(c);
    if (v === undefined) continue;
    facts.set(i.fact, v);
    applied.push({ name: i.name, fact: i.fact, value: v, reason: i.reason });
  }
  return applied;
}

/** Stated values that contradict an implication: [path, message]. The validator refuses them. */
export function implicationConflicts(c: Case): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  const status = c.order?.delivery?.status;
  const implied = impliedDelivery(c);
  if (status !== undefined && implied !== undefined && status !== implied) {
    const q = c.order?.quantity_delivered !== undefined;
    out.push([
      ['order', 'delivery', 'status'],
      q
        ? `order.delivery.status is ${status}, but the quantities ordered and delivered mean ${implied}: correct one of them`
        : `order.delivery.status is ${status}, but dispute.types (${(c.dispute?.types ?? []).join(', ')}) says nothing arrived: if part of the order arrived, add short_shipment (or quality, damage) to dispute.types`,
    ]);
  }
  const pd = platformDispute(c);
  if (pd?.opened === false && pd.status !== undefined)
    out.push([['dispute', 'platform_dispute', 'opened'], `dispute.platform_dispute.opened is false, but its status is ${pd.status}: remove one of them`]);
  if (c.order?.closed === false && c.order.closed_date)
    out.push([['order', 'closed'], `order.closed is false, but order.closed_date is ${c.order.closed_date}: remove one of them`]);
  if (c.dispute?.supplier_notified === false && (pd?.opened === true || pd?.opened_date || pd?.status)) {
    out.push([
      ['dispute', 'supplier_notified'],
      'dispute.supplier_notified is false, but a platform dispute was opened, which tells the supplier in writing: remove one of them',
    ]);
  }
  if (c.dispute?.bank_details_changed === false && c.dispute.fraud_kind === 'bank_switch') {
    out.push([
      ['dispute', 'bank_details_changed'],
      'dispute.bank_details_changed is false, but dispute.fraud_kind is bank_switch (a change of bank details): remove one of them',
    ]);
  }
  const receipt = c.order?.delivery?.receipt_confirmed_date;
  if (c.order?.closed_date && receipt && c.order.closed_date < receipt) {
    out.push([
      ['order', 'closed_date'],
      `order.closed_date (${c.order.closed_date}) is before the confirmed receipt (${receipt}): Alibaba closes an order after receipt is confirmed; check both dates`,
    ]);
  }
  return out;
}

/** Platform-dispute outcomes that show the platform accepted the dispute as filed in time. */
export const ACCEPTED_OUTCOMES = ['open', 'escalated', 'won', 'won_unpaid', 'lost', 'challenged'] as const;

/** A date plus business days (Monday to Friday; public holidays are not known here). */
function addBusinessDays(iso: string, n: number): string {
  let d = iso;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

/** Derived facts of the implications (registered at the end of DERIVED). */
export const IMPLIED_DERIVED: readonly DerivedFact[] = [
  {
    name: 'derived.order_closed_too_long_ago',
    type: 'boolean',
    description:
      'Alibaba closed the order longer ago than a dispute may still be opened. Not so when the order is open, closed recently, or receipt was confirmed within that period (an order closes only after receipt)',
    inputs: ['order.closed', 'order.closed_date', 'order.delivery.receipt_confirmed_date'],
    params: ['ta_closed_order_days'],
    compute: (ctx) => {
      const days = num(ctx, 'ta_closed_order_days');
      if (days === undefined) return undefined;
      if (ctx.fact('order.closed') === false) return false;
      const closed = str(ctx, 'order.closed_date');
      if (closed) return ctx.asOf > addDays(closed, days);
      const receipt = str(ctx, 'order.delivery.receipt_confirmed_date');
      return receipt && ctx.asOf <= addDays(receipt, days) ? false : undefined;
    },
  },
  {
    name: 'derived.platform_dispute_accepted',
    type: 'boolean',
    description:
      'The platform took up the dispute as filed in time (open, escalated or decided). Not so when none was opened, it was refused as late, closed for no response or withdrawn (a new one needs the window)',
    inputs: ['dispute.platform_dispute.opened', 'dispute.platform_dispute.status'],
    params: [],
    compute: (ctx) => {
      const status = str(ctx, 'dispute.platform_dispute.status');
      if (status !== undefined) return (ACCEPTED_OUTCOMES as readonly string[]).includes(status);
      return ctx.fact('dispute.platform_dispute.opened') === false ? false : undefined;
    },
  },
  {
    name: 'derived.platform_outcome',
    type: 'enum',
    values: ['none', 'open', 'escalated', 'won', 'lost', 'closed_no_response', 'withdrawn', 'won_unpaid', 'refused_late', 'challenged'],
    description:
      "The platform's decision on a dispute already filed; 'none' when the buyer reports no outcome (a stated default: a buyer whose dispute was refused or decided knows it)",
    inputs: ['dispute.platform_dispute.status'],
    params: [],
    compute: (ctx) => str(ctx, 'dispute.platform_dispute.status') ?? 'none',
  },
  {
    name: 'derived.ta_refund_due',
    type: 'date',
    description: 'When the refund Alibaba decided should have started: the decision date plus its business days',
    inputs: ['dispute.platform_dispute.decided_date'],
    params: ['ta_refund_business_days'],
    compute: (ctx) => {
      const d = str(ctx, 'dispute.platform_dispute.decided_date');
      const n = num(ctx, 'ta_refund_business_days');
      return d && n !== undefined ? addBusinessDays(d, n) : undefined;
    },
  },
  {
    name: 'derived.offline_window_end_bound',
    type: 'date',
    bound: true,
    description:
      'Last day for an offline-order complaint on the dates known: exact when every payment date and the agreed delivery date are known, else the earliest it can be (a later date moves it later)',
    inputs: ['order.payments', 'order.delivery.expected_date'],
    params: ['offline_complaint_days'],
    compute: (ctx) => {
      const exact = offlineWindow(ctx).end;
      if (exact) return exact;
      const days = num(ctx, 'offline_complaint_days');
      const dates = [str(ctx, 'order.delivery.expected_date'), ...(ctx.case.order?.payments ?? []).map((p) => p.date)].filter((d): d is string => !!d).sort();
      return days !== undefined && dates.length ? addDays(dates.at(-1)!, days) : undefined;
    },
  },
  {
    name: 'derived.nothing_paid',
    type: 'boolean',
    description: 'The buyer has paid nothing (the payments list is stated and empty)',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => {
      const ps = ctx.case.order?.payments;
      return ps === undefined ? undefined : ps.length === 0;
    },
  },
  {
    name: 'derived.shortfall_units',
    type: 'number',
    description: 'Units ordered but not delivered',
    inputs: ['order.quantity_ordered', 'order.quantity_delivered'],
    params: [],
    compute: (ctx) => {
      const { quantity_ordered: o, quantity_delivered: d } = ctx.case.order ?? {};
      return o !== undefined && d !== undefined ? Math.max(0, o - d) : undefined;
    },
  },
  {
    name: 'derived.shortfall_percent',
    type: 'number',
    description: 'The share of the order not delivered, in percent',
    inputs: ['order.quantity_ordered', 'order.quantity_delivered'],
    params: [],
    compute: (ctx) => {
      const { quantity_ordered: o, quantity_delivered: d } = ctx.case.order ?? {};
      return o !== undefined && d !== undefined && o > 0 ? Math.round((Math.max(0, o - d) / o) * 1000) / 10 : undefined;
    },
  },
  {
    // No inputs listed: the respondents are a list written in the case file, not a question the interview asks.
    name: 'derived.respondent_count',
    type: 'number',
    description: 'How many parties the buyer may claim against: the supplier plus the other respondents named',
    inputs: [],
    params: [],
    compute: (ctx) => {
      const r = ctx.case.respondents;
      return r === undefined ? undefined : r.length + 1;
    },
  },
  {
    name: 'derived.offer_days_left',
    type: 'number',
    description: "Days until the supplier's offer is due (negative once passed)",
    inputs: ['dispute.offer.deadline'],
    params: [],
    compute: daysUntil('dispute.offer.deadline'),
  },
];
