// Derived facts for Trade Assurance, the offline complaint, PayPal, IP and the strategy choice.
// Each is monotone: it stays unknown until no further case fact could change it, so a rule decided
// on it never flips when the buyer supplies more facts.
import type { DeriveContext, DerivedFact } from '../derive.js';
import type { Money, Payment } from '../schema.js';
import { addDays } from '../dates.js';
import { sumKnown, toUsd, zeroIn, type FxTable } from '../money.js';
import { latest, num, payments, str } from './read.js';

const ON_PLATFORM = new Set(['alibaba_checkout', 'alibaba_designated_account']);
const ENTERPRISE = new Set(['enterprise', 'enterprise_pro']);
const fx = (ctx: DeriveContext) => (ctx.param('fx_usd_per_unit') ?? {}) as FxTable;

/** true if any item is true, false if all are false, else unknown (undefined). */
export const anyOf = (xs: (boolean | undefined)[]) => (xs.length === 0 ? undefined : xs.includes(true) ? true : xs.includes(undefined) ? undefined : false);
const onPlatform = (p: Payment) => (p.via === undefined ? undefined : ON_PLATFORM.has(p.via));

/** A date fact: an offset in days (a parameter) after the claim start (dispute opened, else the as-of date). */
/** Days after the claim: from its opening date, or from today when the buyer says no dispute is open yet. */
const afterClaimStart = (name: string, param: string, description: string): DerivedFact => ({
  name,
  type: 'date',
  description,
  inputs: ['dispute.platform_dispute.opened', 'dispute.platform_dispute.opened_date'],
  params: [param],
  compute: (ctx) => {
    const days = num(ctx, param);
    const opened = str(ctx, 'dispute.platform_dispute.opened_date');
    const start = opened ?? (ctx.fact('dispute.platform_dispute.opened') === false ? ctx.asOf : undefined);
    return days === undefined || start === undefined ? undefined : addDays(start, days);
  },
});

/** Whether the Trade Assurance window is open, decided only when the buyer's tier could not change the answer. */
export function taInWindow(ctx: DeriveContext): boolean | undefined {
  const receipt = str(ctx, 'order.delivery.receipt_confirmed_date');
  const short = num(ctx, 'ta_window_days');
  const long = num(ctx, 'ta_window_days_enterprise');
  if (!receipt || short === undefined || long === undefined) return undefined;
  const tier = ctx.fact('buyer.alibaba_tier');
  const openUntil = (days: number) => ctx.asOf <= addDays(receipt, days);
  if (typeof tier === 'string') return openUntil(ENTERPRISE.has(tier) ? long : short);
  if (openUntil(Math.min(short, long))) return true;
  return openUntil(Math.max(short, long)) ? undefined : false;
}

/**
 * The offline-complaint window: a parameter's days after the later of the agreed payment and delivery dates.
 * Open is decided as soon as the known dates put the as-of date inside it; closed only when all dates are known.
 */
export function offlineWindow(ctx: DeriveContext): { open?: boolean; end?: string } {
  const days = num(ctx, 'offline_complaint_days');
  const ps = payments(ctx);
  const expected = str(ctx, 'order.delivery.expected_date');
  const start = latest([expected, ...ps.map((p) => p.date)]);
  if (days === undefined || !start) return {};
  const complete = expected !== undefined && ps.length > 0 && ps.every((p) => p.date !== undefined);
  const open = ctx.asOf <= addDays(start, days);
  return complete ? { open, end: addDays(start, days) } : open ? { open } : {};
}

/** An asset-flight warning sign: liquidation or abnormal listing, silence, or a removed listing. */
export function assetFlightRisk(ctx: DeriveContext): boolean | undefined {
  const reg = ctx.fact('supplier.registration_status');
  const resp = ctx.fact('supplier.activity.responsive');
  const listing = ctx.fact('supplier.activity.listing_active');
  return anyOf([
    reg === undefined ? undefined : ['abnormal_operations', 'liquidation', 'serious_dishonest_list'].includes(reg as string),
    resp === undefined ? undefined : resp === 'unresponsive',
    listing === undefined ? undefined : listing === false,
  ]);
}

/** true when both are true, false when either is false, else unknown. */
const both = (a: boolean | undefined, b: boolean | undefined) => (a === false || b === false ? false : a === true && b === true ? true : undefined);

/**
 * Whether Trade Assurance alone may leave the buyer short (getmymoneyback.cn, 'both, simultaneously'): the part it
 * cannot refund is worth pursuing, or the supplier may move its assets and the claim is worth pursuing.
 */
export function legalBackupNeeded(ctx: DeriveContext): boolean | undefined {
  const small = num(ctx, 'small_claim_usd');
  const uncovered = ctx.fact('derived.ta_uncovered') as Money | undefined;
  const loss = ctx.fact('derived.loss_usd');
  if (small === undefined) return undefined;
  const uncoveredUsd = uncovered ? toUsd(uncovered, fx(ctx)) : undefined;
  const shortfall = uncoveredUsd === undefined ? undefined : uncoveredUsd >= small;
  const worth = typeof loss === 'number' ? loss >= small : undefined;
  return anyOf([shortfall, both(assetFlightRisk(ctx), worth)]);
}

/** Derived facts of the Trade Assurance and strategy packs, appended to the registry in derive.ts. */
export const TRADE_ASSURANCE_DERIVED: readonly DerivedFact[] = [
  {
    name: 'derived.any_paid_on_platform',
    type: 'boolean',
    description: "Some payment went through Alibaba's checkout or to the Alibaba-designated account",
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => anyOf(payments(ctx).map(onPlatform)),
  },
  {
    name: 'derived.amount_paid_off_platform',
    type: 'money',
    description: "Paid outside Alibaba's checkout and designated account (direct wire, PayPal, Western Union, personal account)",
    inputs: ['order.payments'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const ps = payments(ctx);
      if (ps.length === 0 || ps.some((p) => p.via === undefined)) return undefined;
      const off = ps.filter((p) => !onPlatform(p));
      return off.length ? sumKnown(off, fx(ctx)) : zeroIn(ps);
    },
  },
  {
    name: 'derived.ta_in_window',
    type: 'boolean',
    description: 'The Trade Assurance window after confirmed receipt is open (unknown while the buyer tier could still decide it)',
    inputs: ['order.delivery.receipt_confirmed_date', 'buyer.alibaba_tier'],
    params: ['ta_window_days', 'ta_window_days_enterprise'],
    compute: taInWindow,
  },
  {
    name: 'derived.ta_closed_order_open',
    type: 'boolean',
    description: 'Still within the period after Alibaba closed the order in which a dispute may be opened',
    inputs: ['order.closed_date'],
    params: ['ta_closed_order_days'],
    compute: (ctx) => {
      const closed = str(ctx, 'order.closed_date');
      const days = num(ctx, 'ta_closed_order_days');
      return closed && days !== undefined ? ctx.asOf <= addDays(closed, days) : undefined;
    },
  },
  afterClaimStart(
    'derived.ta_escalation_date',
    'ta_negotiation_days',
    'The day the buyer may ask Alibaba to step in: after the negotiation days from the claim (opened, or filed today)',
  ),
  afterClaimStart(
    'derived.ta_decision_checkpoint',
    'ta_decision_days',
    'When a Trade Assurance decision should be in, from the claim (opened, or filed today)',
  ),
  {
    name: 'derived.offline_complaint_open',
    type: 'boolean',
    description: "Within the Complaint Center's window after the later of the agreed payment and delivery dates",
    inputs: ['order.payments', 'order.delivery.expected_date'],
    params: ['offline_complaint_days'],
    compute: (ctx) => offlineWindow(ctx).open,
  },
  {
    name: 'derived.offline_window_end',
    type: 'date',
    description: 'Last day for an offline-order complaint (the later of the last payment and the expected delivery, plus the window)',
    inputs: ['order.payments', 'order.delivery.expected_date'],
    params: ['offline_complaint_days'],
    compute: (ctx) => offlineWindow(ctx).end,
  },
  {
    name: 'derived.paypal_friends_and_family',
    type: 'boolean',
    description: 'A PayPal payment was sent as "friends and family" rather than for goods and services',
    inputs: ['order.payments'],
    params: [],
    compute: (ctx) => {
      return anyOf(
        payments(ctx).map((p) => {
          if (p.method === undefined) return undefined;
          if (p.method !== 'paypal') return false;
          return p.paypal_type === undefined ? undefined : p.paypal_type === 'friends_and_family';
        }),
      );
    },
  },
  {
    name: 'derived.paypal_escalate_by',
    type: 'date',
    description: 'If a PayPal dispute is opened on the as-of date, the last day to escalate it to a claim',
    inputs: [],
    params: ['paypal_escalation_days'],
    compute: (ctx) => {
      const d = num(ctx, 'paypal_escalation_days');
      return d === undefined ? undefined : addDays(ctx.asOf, d);
    },
  },
  {
    name: 'derived.ip_rights_usable_in_china',
    type: 'boolean',
    description: 'The buyer holds a right the IP Protection Platform accepts: registered in China, or a copyright',
    inputs: ['ip.rights'],
    params: [],
    compute: (ctx) => {
      const rights = ctx.case.ip?.rights ?? [];
      return anyOf(rights.map((r) => (r.kind === 'copyright' ? true : r.registered_in_china)));
    },
  },
  {
    name: 'derived.asset_flight_risk',
    type: 'boolean',
    description: 'Signs the supplier may move its assets: abnormal or liquidation status, stopped answering, or listing removed',
    inputs: ['supplier.registration_status', 'supplier.activity.responsive', 'supplier.activity.listing_active'],
    params: [],
    compute: assetFlightRisk,
  },
  {
    name: 'derived.legal_backup_needed',
    type: 'boolean',
    description:
      'Trade Assurance alone may leave the buyer short: the part it cannot refund is above the small-claim threshold, or the supplier may move assets on a claim above it',
    inputs: [
      'order.payments',
      'supplier.ta_coverage',
      'dispute.amount_claimed',
      'supplier.registration_status',
      'supplier.activity.responsive',
      'supplier.activity.listing_active',
    ],
    params: ['small_claim_usd', 'fx_usd_per_unit'],
    compute: legalBackupNeeded,
  },
  {
    name: 'derived.loss_cny',
    type: 'number',
    description: 'The amount at stake in Chinese yuan (indicative rates)',
    inputs: ['dispute.amount_claimed', 'order.payments'],
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const loss = ctx.fact('derived.loss') as Money | undefined;
      const usd = loss ? toUsd(loss, fx(ctx)) : undefined;
      const rate = fx(ctx).CNY;
      return usd === undefined || !rate ? undefined : Math.round(usd / rate);
    },
  },
];
