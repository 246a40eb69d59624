// Between a question's answer as typed or chosen and the value stored in the case, and back for display.
import { formatMoney } from '../case/money.js';
import type { Money, Payment } from '../case/schema.js';
import { parseCountry, parseDate, parseMoney, parseText, parseWholeNumber, type Parsed } from './answers.js';
import type { Question } from './catalogue.js';
import { describePayment } from './payments.js';

export const DONT_KNOW_LABEL = "I don't know";

/** Parse a typed answer (dates, amounts, countries, numbers, text) for a question. */
export function parseTyped(q: Question, text: string, today: string, buyerCountry?: string): Parsed<unknown> {
  switch (q.kind) {
    case 'date':
      return parseDate(text, { today, past: q.past === true });
    case 'money':
      return parseMoney(text, buyerCountry);
    case 'country':
      return parseCountry(text);
    case 'number':
      return parseWholeNumber(text);
    case 'string':
      return parseText(text, q.path === 'supplier.uscc' ? 40 : q.path === 'order.goods' ? 120 : 2000);
    default:
      return { ok: false, message: `${q.path} is not a typed question` };
  }
}

/** The stored value of a chosen option: yes/no become booleans, enum values stay as they are. */
export function choiceToValue(q: Question, choice: string): unknown {
  return q.kind === 'boolean' ? choice === 'yes' : choice;
}

/** The option that stands for a stored value (for defaults when an answer is changed). */
export function valueToChoice(q: Question, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (q.kind === 'boolean') return value === true ? 'yes' : value === false ? 'no' : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The text to prefill when a typed answer is changed. */
export function valueToText(q: Question, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (q.kind === 'money') return `${(value as Money).amount} ${(value as Money).currency}`;
  return String(value);
}

/** A stored value as the buyer reads it on the review screen. */
export function formatAnswer(q: Question, value: unknown): string {
  if (value === undefined) return DONT_KNOW_LABEL;
  const label = (v: unknown) => q.choices?.find((c) => c.value === (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v))?.label ?? String(v);
  switch (q.kind) {
    case 'boolean':
    case 'enum':
      return label(value);
    case 'list': {
      const ticked = q.codec ? q.codec.decode(value) : (value as unknown[]);
      return ticked.length ? ticked.map(label).join('; ') : 'none';
    }
    case 'money':
      return formatMoney(value as Money);
    case 'country':
      return countryName(String(value));
    case 'payments': {
      const list = value as Payment[];
      return list.length === 0 ? 'none' : list.map((p, i) => `${i + 1}) ${describePayment(p)}`).join('\n');
    }
    default:
      return String(value);
  }
}

/** "China (CN)" for a country code. */
export function countryName(code: string): string {
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** The value at a dotted path of a case (evidence entries given as {status, ...} read as their status). */
export function valueAt(c: unknown, path: string): unknown {
  let v: unknown = c;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  if (path.startsWith('evidence.') && v && typeof v === 'object' && 'status' in v) return (v as { status: unknown }).status;
  return v;
}
