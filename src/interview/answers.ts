// Parsing what a buyer types: dates, amounts with a currency, countries, whole numbers and text.
// Each parser says what is wrong in plain words, so the question can be asked again.
import { COUNTRY_CODES, CURRENCY_CODES } from '../case/iso-codes.js';
import type { Money } from '../case/schema.js';
import { didYouMean } from '../source/suggest.js';
import * as chrono from 'chrono-node/en';

/** A parsed answer: a value, or undefined for "I don't know"; or a message saying what is wrong. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Empty, "?", "I don't know", "unknown", "not sure" and the like all mean: leave this fact unknown. */
export function isDontKnow(text: string): boolean {
  return /^\s*(\?|i\s*don'?t\s*know|don'?t\s*know|dont\s*know|unknown|idk|not\s*sure|skip|n\/?a)?\s*$/i.test(text);
}

const MONTHS = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const monthName = (m: number) => MONTHS.format(new Date(Date.UTC(2000, m - 1, 1)));

/**
 * A calendar date as people type it: "2026-09-01", "1 Sep 2026", "Sept 1, 2026", "1st September 2026" (read by
 * chrono-node, strictly: the whole text must be one date with day, month and year). A date whose day and month
 * could be swapped (01/09/2026) is asked again rather than guessed. `past` refuses dates after today.
 */
export function parseDate(text: string, opts: { today: string; past?: boolean }): Parsed<string> {
  if (isDontKnow(text)) return ok(undefined);
  const t = text.trim();
  const example = `for example ${opts.today} or ${Number(opts.today.slice(8))} ${monthName(Number(opts.today.slice(5, 7))).slice(0, 3)} ${opts.today.slice(0, 4)}`;
  let iso: string | undefined;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  else {
    const dm = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (dm && Number(dm[1]) <= 12 && Number(dm[2]) <= 12 && dm[1] !== dm[2]) {
      const [a, b, y] = [Number(dm[1]), Number(dm[2]), dm[3]];
      return bad(
        `${t} could be ${a} ${monthName(b)} or ${monthName(a)} ${b}, ${y}; please type the month as a word (e.g. ${a} ${monthName(b).slice(0, 3)} ${y}) or as YYYY-MM-DD.`,
      );
    }
    const ref = new Date(`${opts.today}T12:00:00Z`);
    const found = chrono.strict.parse(t, ref, { forwardDate: false });
    const d = found.length === 1 && found[0]!.text.trim() === t && !found[0]!.end ? found[0]!.start : undefined;
    if (!d || !d.isCertain('day') || !d.isCertain('month') || !d.isCertain('year')) {
      return bad(`Please type a date with day, month and year, ${example} (or ? if you don't know).`);
    }
    iso = `${String(d.get('year')).padStart(4, '0')}-${String(d.get('month')).padStart(2, '0')}-${String(d.get('day')).padStart(2, '0')}`;
  }
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return bad(`${iso} is not a date in the calendar; please check the month and day.`);
  if (iso < '1990-01-01') return bad(`${iso} is too long ago; please check the year.`);
  if (opts.past && iso > opts.today) return bad(`${iso} is after today (${opts.today}); please check the year.`);
  return ok(iso);
}

const SYMBOLS: [RegExp, string][] = [
  [/^US\$/i, 'USD'],
  [/^HK\$/i, 'HKD'],
  [/^A\$/i, 'AUD'],
  [/^C\$/i, 'CAD'],
  [/^S\$/i, 'SGD'],
  [/^CN¥/i, 'CNY'],
  [/^RMB$/i, 'CNY'],
  [/^元$/, 'CNY'],
  [/^€$/, 'EUR'],
  [/^£$/, 'GBP'],
  [/^₹$/, 'INR'],
];

/** The dollar a plain "$" means for a buyer in each country where the dollar is the local currency. */
export const LOCAL_DOLLAR: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  HK: 'HKD',
  SG: 'SGD',
  TW: 'TWD',
  JM: 'JMD',
  BS: 'BSD',
  BB: 'BBD',
  TT: 'TTD',
  FJ: 'FJD',
  BZ: 'BZD',
  GY: 'GYD',
  LR: 'LRD',
  NA: 'NAD',
  SR: 'SRD',
  BN: 'BND',
  EC: 'USD',
  SV: 'USD',
  PA: 'USD',
  PR: 'USD',
};

/**
 * An amount with its currency: "6000 USD", "USD 6,000.50", "US$6000", "€ 1200", "RMB 30000". A plain "$" is the
 * buyer's own dollar when their country settles it (`buyerCountry`), otherwise the buyer is asked which dollar.
 */
export function parseMoney(text: string, buyerCountry?: string): Parsed<Money> {
  if (isDontKnow(text)) return ok(undefined);
  const m = /^\s*([^\d\s.,-]*)\s*(\d[\d,' ]*(?:\.\d+)?)\s*([^\d\s.,]*)\s*$/.exec(text);
  if (!m) return bad('Please type an amount and its currency, for example 6000 USD or EUR 4,500.50.');
  const [, before = '', number = '', after = ''] = m;
  if (before && after) return bad('Please give the currency once, for example 6000 USD.');
  const token = before || after;
  if (!token) return bad(`Which currency? Please add it, for example ${number.trim()} USD or ${number.trim()} CNY.`);
  if (token === '¥') return bad('¥ can mean Chinese yuan or Japanese yen: please type CNY or JPY.');
  const dollar = token === '$' ? (buyerCountry ? LOCAL_DOLLAR[buyerCountry] : undefined) : undefined;
  if (token === '$' && !dollar)
    return bad(`$ can mean US, Canadian, Australian, Hong Kong or other dollars: please type the code, e.g. ${number.trim()} USD or ${number.trim()} CAD.`);
  const symbol = SYMBOLS.find(([re]) => re.test(token));
  const currency = dollar ?? (symbol ? symbol[1] : token.toUpperCase());
  if (!(CURRENCY_CODES as readonly string[]).includes(currency)) {
    const guess = didYouMean(currency, CURRENCY_CODES);
    return bad(`'${token}' is not a currency code${guess ? ` (did you mean ${guess}?)` : ''}; use a 3-letter code such as USD, EUR, GBP or CNY.`);
  }
  const digits = number.replace(/[\s']/g, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(digits))
    return bad(`'${number.trim()}' is not an amount; type digits, with commas only between thousands, e.g. 12,500.00.`);
  const amount = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(amount) || amount > 1e12) return bad('That amount is too large; please check it.');
  return ok({ amount: Math.round(amount * 100) / 100, currency: currency as Money['currency'] });
}

const ALIASES: Record<string, string> = {
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  usa: 'US',
  america: 'US',
  'united states of america': 'US',
  prc: 'CN',
  'mainland china': 'CN',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  taiwan: 'TW',
  uae: 'AE',
  holland: 'NL',
  korea: 'KR',
  'south korea': 'KR',
  russia: 'RU',
  vietnam: 'VN',
};
let names: Map<string, string> | undefined;

function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(ALIASES));
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of COUNTRY_CODES) {
    const name = display.of(code);
    if (name && name !== code) names.set(norm(name), code);
  }
  return names;
}
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A country as its ISO code, from a code ("GB") or an English name ("United Kingdom", "uk"). */
export function parseCountry(text: string): Parsed<string> {
  if (isDontKnow(text)) return ok(undefined);
  const t = text.trim();
  if (/^[a-z]{2}$/i.test(t) && (COUNTRY_CODES as readonly string[]).includes(t.toUpperCase())) return ok(t.toUpperCase());
  const byName = countryNames().get(norm(t));
  if (byName) return ok(byName);
  const guess = didYouMean(norm(t), [...countryNames().keys()]);
  const hint = guess ? ` Did you mean ${guess.replace(/\b\w/g, (ch) => ch.toUpperCase())} (${countryNames().get(guess)})?` : '';
  return bad(`'${t}' is not a country we know.${hint} Type a country name or its 2-letter code, e.g. China or CN.`);
}

/** A whole number between 0 and max. */
export function parseWholeNumber(text: string, max = 1200): Parsed<number> {
  if (isDontKnow(text)) return ok(undefined);
  const t = text.trim();
  if (!/^\d+$/.test(t)) return bad(`Please type a whole number, e.g. 18 (or ? if you don't know).`);
  const n = Number(t);
  return n > max ? bad(`${n} is more than ${max}; please check it.`) : ok(n);
}

/** Free text, at most max characters. */
export function parseText(text: string, max = 2000): Parsed<string> {
  if (isDontKnow(text)) return ok(undefined);
  const t = text.trim();
  return t.length > max ? bad(`That is ${t.length} characters; please keep it under ${max}.`) : ok(t);
}
