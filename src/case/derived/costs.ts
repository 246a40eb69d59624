// Derived facts for what each legal route costs (issue 11, part 3): the PRC court acceptance fee, the CIETAC fees,
// the preservation fee and security, all in yuan on the amount at stake, from the fee tables in the parameters.
import type { DeriveContext, DerivedFact } from '../derive.js';
import { num } from './read.js';

const bands = (ctx: DeriveContext, name: string) => {
  const v = ctx.param(name);
  return v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v as Record<string, number>)
        .map(([upTo, pct]) => [Number(upTo), pct] as const)
        .sort((a, b) => a[0] - b[0])
    : undefined;
};
const claim = (ctx: DeriveContext) => {
  const v = ctx.fact('derived.loss_cny');
  return typeof v === 'number' ? v : undefined;
};

/** A fee on cumulative bands: each part of the amount pays the rate of the band it falls in (percent). */
export function bandedFee(amount: number, table: readonly (readonly [number, number])[]): number {
  let fee = 0;
  let from = 0;
  for (const [upTo, pct] of table) {
    if (amount <= from) break;
    fee += ((Math.min(amount, upTo) - from) * pct) / 100;
    from = upTo;
  }
  return Math.round(fee);
}

/** The court acceptance fee for a money claim of `amount` yuan (Litigation Costs Measures Art. 13(1)). */
export function courtFee(ctx: DeriveContext, amount: number): number | undefined {
  const base = num(ctx, 'court_fee_base_cny');
  const table = bands(ctx, 'court_fee_band_percent');
  return base === undefined || !table ? undefined : base + bandedFee(amount, table);
}

/** CIETAC's fees for a foreign-related claim of `amount` yuan: registration plus the handling fee (at least its minimum). */
export function cietacFee(ctx: DeriveContext, amount: number): number | undefined {
  const reg = num(ctx, 'cietac_registration_fee_cny');
  const min = num(ctx, 'cietac_handling_fee_min_cny');
  const table = bands(ctx, 'cietac_handling_fee_band_percent');
  return reg === undefined || min === undefined || !table ? undefined : reg + Math.max(min, bandedFee(amount, table));
}

/** The preservation application fee: RMB 30 up to 1,000, 1 % to 100,000, 0.5 % above, capped (Art. 14(1)). */
export function preservationFee(ctx: DeriveContext, amount: number): number | undefined {
  const cap = num(ctx, 'preservation_fee_cap_cny');
  if (cap === undefined) return undefined;
  const fee =
    amount <= 1000
      ? 30
      : 30 +
        bandedFee(amount - 1000, [
          [99_000, 1],
          [Number.MAX_SAFE_INTEGER, 0.5],
        ]);
  return Math.min(cap, fee);
}

const share = (fee: number | undefined, amount: number | undefined) => (fee === undefined || !amount ? undefined : Math.round((fee / amount) * 1000) / 10);
const LOSS = ['dispute.amount_claimed', 'order.payments'];

/** The cost facts, appended to the registry after derived.loss_cny. */
export const COST_DERIVED: readonly DerivedFact[] = [
  {
    name: 'derived.court_fee_cny',
    type: 'number',
    description: 'PRC court acceptance fee on the amount at stake, in yuan',
    inputs: LOSS,
    params: ['court_fee_base_cny', 'court_fee_band_percent', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      return a === undefined ? undefined : courtFee(ctx, a);
    },
  },
  {
    name: 'derived.cietac_fee_cny',
    type: 'number',
    description: 'CIETAC registration and handling fees on the amount at stake (foreign-related schedule), in yuan',
    inputs: LOSS,
    params: ['cietac_registration_fee_cny', 'cietac_handling_fee_min_cny', 'cietac_handling_fee_band_percent', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      return a === undefined ? undefined : cietacFee(ctx, a);
    },
  },
  {
    name: 'derived.preservation_fee_cny',
    type: 'number',
    description: 'Court fee for preserving (freezing) assets worth the amount at stake, in yuan',
    inputs: LOSS,
    params: ['preservation_fee_cap_cny', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      return a === undefined ? undefined : preservationFee(ctx, a);
    },
  },
  {
    name: 'derived.preservation_security_presuit_cny',
    type: 'number',
    description: 'Security normally required for a freeze before suit (the share in preservation_presuit_security_pct of the amount), in yuan',
    inputs: LOSS,
    params: ['preservation_presuit_security_pct', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      const p = num(ctx, 'preservation_presuit_security_pct');
      return a === undefined || p === undefined ? undefined : Math.round((a * p) / 100);
    },
  },
  {
    name: 'derived.preservation_security_insuit_cny',
    type: 'number',
    description: 'The most security a court may require for a freeze during a suit, in yuan',
    inputs: LOSS,
    params: ['preservation_insuit_security_max_pct', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      const p = num(ctx, 'preservation_insuit_security_max_pct');
      return a === undefined || p === undefined ? undefined : Math.round((a * p) / 100);
    },
  },
  {
    name: 'derived.cietac_summary_procedure',
    type: 'boolean',
    description: "CIETAC's summary procedure applies by default (amount in dispute up to the threshold)",
    inputs: LOSS,
    params: ['cietac_summary_threshold_cny', 'fx_usd_per_unit'],
    compute: (ctx) => {
      const a = claim(ctx);
      const t = num(ctx, 'cietac_summary_threshold_cny');
      return a === undefined || t === undefined ? undefined : a <= t;
    },
  },
  {
    name: 'derived.cietac_fee_share_of_uncovered_pct',
    type: 'number',
    description: 'CIETAC fees on the part Trade Assurance cannot refund, as a percentage of that part',
    inputs: ['order.payments', 'supplier.ta_coverage', 'dispute.amount_claimed'],
    params: ['fx_usd_per_unit', 'cietac_registration_fee_cny', 'cietac_handling_fee_min_cny', 'cietac_handling_fee_band_percent'],
    compute: (ctx) => {
      const u = ctx.fact('derived.ta_uncovered') as { amount: number; currency: string } | undefined;
      const fx = ctx.param('fx_usd_per_unit') as Record<string, number> | undefined;
      const rate = fx?.[u?.currency ?? ''];
      const cny = fx?.CNY;
      if (!u || !rate || !cny || u.amount <= 0) return undefined;
      const amount = Math.round((u.amount * rate) / cny);
      return share(cietacFee(ctx, amount), amount);
    },
  },
  {
    name: 'derived.loss_hkd',
    type: 'number',
    description: 'The amount at stake in Hong Kong dollars (indicative rates)',
    inputs: LOSS,
    params: ['fx_usd_per_unit'],
    compute: (ctx) => {
      const usd = ctx.fact('derived.loss_usd');
      const rate = (ctx.param('fx_usd_per_unit') as Record<string, number> | undefined)?.HKD;
      return typeof usd === 'number' && rate ? Math.round(usd / rate) : undefined;
    },
  },
  {
    name: 'derived.court_fee_share_pct',
    type: 'number',
    description: 'The court acceptance fee as a percentage of the amount at stake',
    inputs: LOSS,
    params: ['fx_usd_per_unit'],
    compute: (ctx) => share(ctx.fact('derived.court_fee_cny') as number | undefined, claim(ctx)),
  },
  {
    name: 'derived.cietac_fee_share_pct',
    type: 'number',
    description: 'CIETAC fees as a percentage of the amount at stake',
    inputs: LOSS,
    params: ['fx_usd_per_unit'],
    compute: (ctx) => share(ctx.fact('derived.cietac_fee_cny') as number | undefined, claim(ctx)),
  },
];
