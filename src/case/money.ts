// Money arithmetic: amounts in one currency, and conversion to US dollars with a parameter table.
import type { Money, Payment } from './schema.js';

/** Rates as USD per one unit of each currency; a currency missing from the table converts to unknown. */
export type FxTable = Record<string, number>;

/** The amount in USD, or undefined when the currency has no rate. */
export function toUsd(m: Money, fx: FxTable): number | undefined {
  if (m.currency === 'USD') return m.amount;
  const rate = fx[m.currency];
  return rate === undefined ? undefined : m.amount * rate;
}

/** Convert to another currency through USD, or undefined when a rate is missing. */
export function convert(m: Money, currency: string, fx: FxTable): Money | undefined {
  if (m.currency === currency) return m;
  const usd = toUsd(m, fx);
  const rate = currency === 'USD' ? 1 : fx[currency];
  if (usd === undefined || rate === undefined) return undefined;
  return { amount: round2(usd / rate), currency: currency as Money['currency'] };
}

/** Sum amounts in the currency of the first; undefined when a conversion is impossible. */
export function sumMoney(list: readonly Money[], fx: FxTable): Money | undefined {
  if (list.length === 0) return undefined;
  const currency = list[0]!.currency;
  let total = 0;
  for (const m of list) {
    const c = convert(m, currency, fx);
    if (!c) return undefined;
    total += c.amount;
  }
  return { amount: round2(total), currency };
}

/** The sum of the payments' amounts; unknown when any of them has no amount (issue 12: amounts are optional). */
export function sumKnown(ps: readonly Payment[], fx: FxTable): Money | undefined {
  return ps.some((p) => p.amount === undefined)
    ? undefined
    : sumMoney(
        ps.map((p) => p.amount!),
        fx,
      );
}

/** Zero in the currency of the first payment that states an amount; unknown when none does. */
export function zeroIn(ps: readonly Payment[]): Money | undefined {
  const currency = ps.find((p) => p.amount)?.amount?.currency;
  return currency ? { amount: 0, currency } : undefined;
}

/** Round to cents. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** "USD 12,500.00" */
export function formatMoney(m: Money): string {
  return `${m.currency} ${formatAmount(m.amount)}`;
}

let amounts: Intl.NumberFormat | undefined;
let wholes: Intl.NumberFormat | undefined;

/** 12500 -> "12,500.00" (en-US, two decimals; Intl.NumberFormat, made on first use). */
export function formatAmount(x: number): string {
  return (amounts ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(x);
}

/** 12500 -> "12,500" (a whole number, grouped, made on first use). */
export function formatWhole(x: number): string {
  return (wholes ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(x);
}

/** A sum or an estimate: whole amounts without cents ("3,157"), others with them ("229.50"). */
export function formatSum(x: number): string {
  return Number.isInteger(x) ? formatWhole(x) : formatAmount(x);
}
