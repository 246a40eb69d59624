// Hints for the mistakes buyers make when they copy a case out of e-mails and spreadsheets:
// country names and currency signs, numbers written as text, dates in other formats.
import { clip, didYouMean } from '../source/suggest.js';
import { COUNTRY_CODES, CURRENCY_CODES } from './iso-codes.js';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z\u00c0-\u024f$€£¥元]/g, '');

const COUNTRY_ALIASES: Record<string, string> = {
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  britain: 'GB',
  greatbritain: 'GB',
  usa: 'US',
  america: 'US',
  us: 'US',
  unitedstatesofamerica: 'US',
  prc: 'CN',
  mainlandchina: 'CN',
  peoplesrepublicofchina: 'CN',
  hongkong: 'HK',
  macau: 'MO',
  macao: 'MO',
  uae: 'AE',
  korea: 'KR',
  southkorea: 'KR',
  el: 'GR',
  holland: 'NL',
  russia: 'RU',
  vietnam: 'VN',
  turkey: 'TR',
};
const CURRENCY_ALIASES: Record<string, string> = {
  rmb: 'CNY',
  cnh: 'CNY',
  yuan: 'CNY',
  renminbi: 'CNY',
  元: 'CNY',
  $: 'USD',
  us$: 'USD',
  usd$: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  usdollar: 'USD',
  usdollars: 'USD',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  hk$: 'HKD',
  hkd$: 'HKD',
};

let names: Map<string, string> | undefined;

/** English country and currency names (from Intl) mapped to their codes, built once. */
function nameTable(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const add = (type: 'region' | 'currency', codes: readonly string[]) => {
    const dn = new Intl.DisplayNames(['en'], { type });
    for (const code of codes) {
      const name = dn.of(code);
      if (name && name !== code) names!.set(norm(name), code);
    }
  };
  add('region', COUNTRY_CODES);
  add('currency', CURRENCY_CODES);
  return names;
}

/** A guess for a country or currency written another way (case, alias, name), or for any other enum value. */
export function enumGuess(field: string | number | undefined, got: string, values: readonly string[]): string | undefined {
  const upper = got.trim().toUpperCase();
  if (values.includes(upper)) return upper;
  if (field === 'country' || field === 'currency') {
    if (got.length > 60) return undefined;
    const aliases = field === 'country' ? COUNTRY_ALIASES : CURRENCY_ALIASES;
    const key = norm(got) || got.trim().toLowerCase();
    const code = aliases[key] ?? aliases[got.trim().toLowerCase()] ?? nameTable().get(key);
    return code && values.includes(code) ? code : undefined;
  }
  return didYouMean(got, values);
}

/** What to write instead, when a value has the wrong type. */
export function typeHint(expected: string, got: unknown): string {
  if (typeof got === 'number' && Number.isNaN(got)) return ' (.nan is "not a number")';
  if (typeof got === 'number' && !Number.isFinite(got)) return ' (an infinite number)';
  if (expected === 'number' && typeof got === 'string') {
    const plain = got.replace(/[\s,'_]/g, '').replace(/^(?:[A-Za-z]{3}|[$€£¥])|(?:[A-Za-z]{3}|[$€£¥])$/g, '');
    if (/^-?\d+(\.\d+)?$/.test(plain))
      return `; write ${plain} without quotes${plain !== got.trim() ? ', thousands separators or currency (the currency has its own field)' : ''}`;
  }
  if (expected === 'boolean' && typeof got === 'string') {
    const t = got.trim().toLowerCase();
    if (['yes', 'y', 'true', 'on'].includes(t)) return '; write true (without quotes)';
    if (['no', 'n', 'false', 'off'].includes(t)) return '; write false (without quotes)';
  }
  if (expected === 'array' && (typeof got === 'string' || typeof got === 'number')) return `; write a list, e.g. [${clip(String(got), 40)}]`;
  if (expected === 'string' && typeof got === 'number') {
    return Number.isSafeInteger(got) || !Number.isInteger(got)
      ? '; put it in quotes'
      : '; put it in quotes: a number this long loses digits (YAML read it as a number)';
  }
  return '';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const exists = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A hint for a date written another way, or that does not exist. */
export function dateHint(got: unknown): string {
  if (typeof got === 'number' && /^\d{8}$/.test(String(got))) {
    const text = String(got).replace(/^(\d{4})(\d\d)(\d\d)$/, '$1-$2-$3');
    return dateHint(text) || ` (did you mean '${text}'?)`;
  }
  if (typeof got !== 'string' || got.length > 40) return '';
  const s = got.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!exists(y, mo, d))
      return mo >= 1 && mo <= 12
        ? ` (${capital(MONTHS[mo - 1]!)} ${y} has ${new Date(Date.UTC(y, mo, 0)).getUTCDate()} days)`
        : ' (there is no month ' + mo + ')';
    return iso(y, mo, d) === s ? '' : ` (did you mean '${iso(y, mo, d)}'?)`;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayFirst = exists(y, b, a) ? iso(y, b, a) : undefined;
    const monthFirst = exists(y, a, b) ? iso(y, a, b) : undefined;
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return ` (day and month are ambiguous: write ${dayFirst} or ${monthFirst})`;
    const one = dayFirst ?? monthFirst;
    return one ? ` (did you mean '${one}'?)` : '';
  }
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s) ?? /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const [dayPart, monthPart] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const mo = MONTHS.findIndex((name) => monthPart.length >= 3 && name.startsWith(monthPart.toLowerCase())) + 1;
    const [y, d] = [Number(m[3]), Number(dayPart)];
    if (mo > 0 && exists(y, mo, d)) return ` (did you mean '${iso(y, mo, d)}'?)`;
  }
  return '';
}

/** A value as quoted in messages: clipped, so a 500 KB string does not become a 500 KB message. */
export function quote(s: string): string {
  return `'${clip(s)}'`;
}
