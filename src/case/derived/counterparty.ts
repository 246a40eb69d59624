// Derived facts for the counterparty, red-flag and deadline rules (sources: rules/sources.yaml, cited per rule).
// Each is unknown (not set) when its inputs do not decide it, so learning more never flips a rule.
import type { DeriveContext, DerivedFact } from '../derive.js';
import type { Payment } from '../schema.js';
import { usccFormatOk, usccOrgCodeOk } from '../uscc.js';
import { payments } from './read.js';

type Tri = boolean | undefined;

/** true when any item is true, false when all are false, else unknown (unknown for an empty list). */
export function anyTri(xs: readonly Tri[]): Tri {
  if (xs.length === 0) return undefined;
  return xs.includes(true) ? true : xs.includes(undefined) ? undefined : false;
}

const OFFSHORE = new Set(['hong_kong_account', 'offshore_account']);

/** A boolean over the payments: true when some payment matches, false when every payment is known not to. */
const anyPayment = (name: string, description: string, test: (p: Payment, ctx: DeriveContext) => Tri): DerivedFact => ({
  name,
  type: 'boolean',
  description,
  inputs: ['order.payments'],
  params: [],
  compute: (ctx) => anyTri(payments(ctx).map((p) => test(p, ctx))),
});

/** A code fact: computed only when a credit code is given. */
const codeFact = (name: string, description: string, test: (code: string) => Tri): DerivedFact => ({
  name,
  type: 'boolean',
  description,
  inputs: ['supplier.uscc'],
  params: [],
  compute: (ctx) => {
    const u = ctx.fact('supplier.uscc');
    return typeof u === 'string' ? test(u) : undefined;
  },
});

/** Whether one payment was the whole order paid before anything shipped. */
function prepaidInFull(p: Payment, ctx: DeriveContext): Tri {
  if (p.stage === undefined) return undefined;
  if (p.stage !== 'full') return false;
  if (ctx.fact('order.delivery.status') === 'none') return true;
  const shipped = ctx.fact('order.delivery.shipped_date');
  return p.date && typeof shipped === 'string' ? p.date <= shipped : undefined;
}

/** The derived facts of this module, registered at the end of DERIVED (they may read the base facts). */
export const COUNTERPARTY_DERIVED: readonly DerivedFact[] = [
  codeFact('derived.uscc_format_ok', 'The credit code has the 18-character format of a Unified Social Credit Code', usccFormatOk),
  codeFact('derived.uscc_org_code_ok', 'The organisation code embedded in the credit code (positions 9-17) has a valid check character', (u) =>
    usccFormatOk(u) ? usccOrgCodeOk(u) : undefined,
  ),
  anyPayment('derived.paid_to_offshore_account', 'Some payment went to a Hong Kong or offshore account', (p) =>
    p.via === undefined ? undefined : OFFSHORE.has(p.via),
  ),
  anyPayment('derived.paid_to_personal_account', "Some payment went to a person's private account", (p) =>
    p.via === undefined ? undefined : p.via === 'personal_account',
  ),
  anyPayment('derived.extra_fee_paid', 'Some payment was an extra fee (insurance, customs, licence, release) on top of the order', (p) =>
    p.stage === undefined ? undefined : p.stage === 'extra_fee',
  ),
  {
    ...anyPayment('derived.full_prepayment', 'The whole order was paid in one payment before anything was shipped', prepaidInFull),
    inputs: ['order.payments', 'order.delivery.status', 'order.delivery.shipped_date'],
  },
  {
    name: 'derived.supplier_notified',
    type: 'boolean',
    description: 'You have told the supplier in writing what is wrong (a notice date counts as yes)',
    inputs: ['dispute.supplier_notified', 'dispute.supplier_notified_date'],
    params: [],
    compute: (ctx) => (ctx.fact('dispute.supplier_notified_date') !== undefined ? true : (ctx.fact('dispute.supplier_notified') as Tri)),
  },
];
