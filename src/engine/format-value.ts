// Filling {placeholders} in rule messages with fact values and parameters.
import type { Facts, FactValue } from '../case/facts.js';
import { formatMoney, formatSum, formatWhole } from '../case/money.js';
import { factRegistry } from '../rules/fact-registry.js';
import { safeInline } from '../source/safe-text.js';

/** A fact value as a reader sees it. */
export function formatValue(v: FactValue | undefined | null): string {
  if (v === undefined || v === null) return 'unknown';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return formatMoney(v as { amount: number; currency: string } as never);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number')
    // Whole amounts from 10,000 up are grouped (RMB 51,429), as the money amounts are.
    return Number.isInteger(v) ? (Math.abs(v) >= 10_000 ? formatWhole(v) : String(v)) : v.toFixed(2);
  return String(v);
}

/** Replace {fact.path} and {params.name} in a message. A sum of money (a parameter whose unit is a currency code, a
 * derived fact named `..._cny`, `..._usd`, `..._hkd`) is grouped ("3,157") and the currency label written before it
 * in the message ("RMB ", "HK$ ") becomes the code the report's amounts use ("CNY 3,157"), so a message and the
 * cost line beside it read alike. A percentage (`..._pct`) keeps two significant digits ("2.2"). */
export function fillMessage(message: string, facts: Facts, params: Record<string, { value: unknown; unit?: string }>): string {
  const parts = template(message);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const currency = sumCurrency(name, params);
    const v = name.startsWith('params.') ? params[name.slice(7)]?.value : facts.get(name);
    if (currency && typeof v === 'number') out = labelled(out, currency) + formatSum(v);
    else if (name.startsWith('params.')) out += Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? 'table' : String(v);
    else if (/_pct$/.test(name) && typeof v === 'number') out += formatPercent(v);
    // Issue 12: amounts are optional; an unknown one reads as such, not as the word "unknown" where a sum should be.
    // A case value sits inside a line: it may not start a new one.
    else out += v === undefined && factRegistry().get(name)?.kind === 'money' ? 'amount not known' : safeInline(formatValue(v as FactValue | undefined));
    out += parts[i + 1]!;
  }
  return out;
}

/** The currency of a placeholder that is a sum of money, else undefined. */
export function sumCurrency(name: string, params: Record<string, { unit?: string }>): string | undefined {
  if (name.startsWith('params.')) {
    const unit = params[name.slice(7)]?.unit;
    return unit && /^[A-Z]{3}$/.test(unit) ? unit : undefined;
  }
  return SUFFIX_CURRENCY[/_([a-z]{3})$/.exec(name)?.[1] ?? ''];
}
/** What a label written before a sum stands for ("RMB" -> "CNY"). */
export const labelCode = (label: string): string | undefined => LABEL_CODE[label];

/** Derived sums are named by their currency: derived.court_fee_cny. */
const SUFFIX_CURRENCY: Record<string, string> = { cny: 'CNY', usd: 'USD', hkd: 'HKD', eur: 'EUR' };
/** The labels a message may write before a sum, by the code they stand for. */
const LABEL = /(RMB|CNY|US\$|USD|HK\$|HKD|EUR|€) ?$/;
const LABEL_CODE: Record<string, string> = { RMB: 'CNY', CNY: 'CNY', US$: 'USD', USD: 'USD', HK$: 'HKD', HKD: 'HKD', EUR: 'EUR', '€': 'EUR' };
/** The label before a sum as its currency code; text without a label ("USD 229-{high}") is left as it is. */
function labelled(text: string, currency: string): string {
  const m = LABEL.exec(text);
  if (!m || LABEL_CODE[m[1]!] !== currency) return text;
  return `${text.slice(0, m.index)}${currency} `;
}
let percent: Intl.NumberFormat | undefined;
/** 2.2049 -> "2.2" (two significant digits, made on first use). */
const formatPercent = (x: number) => (percent ??= new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 })).format(x);

const templates = new Map<string, string[]>();

/** A message split once into [text, name, text, name, ..., text]. */
function template(message: string): string[] {
  let parts = templates.get(message);
  if (!parts) {
    parts = message.split(/\{([a-zA-Z0-9_.]+)\}/);
    if (templates.size < 10_000) templates.set(message, parts);
  }
  return parts;
}
