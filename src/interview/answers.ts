// Parsing what a buyer types: dates, amounts with a currency, countries, whole numbers and text.
// Each parser says what is wrong in plain words, so the question can be asked again.
import { COUNTRY_CODES, CURRENCY_CODES } from '../case/iso-codes.js';
import type { Money } from '../case/schema.js';
import { didYouMean } from '../source/suggest.js';

/** A parsed answer: a value, or undefined for "I don't know"; or a message saying what is wrong. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; message: string };

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Empty, "?", "I don't know", "unknown", "not sure" and the like all mean: leave this fact unknown. */
export function isDontKnow(text: string): boolean {
  return /^\s*(\?|i\s*don'?t\s*know|don'?t\s*know|dont\s*know|unknown|idk|not\s*sure|skip|n\/?a)?\s*$/i.test(text);
}

/** A calendar date as YYYY-MM-DD (also 2026-3-5 or 2026/03/05); `past` refuses dates after today. */
export function parseDate(text: string, opts: { today: string; past?: boolean }): Parsed<string> {
  if (isDontKnow(text)) return ok(undefined);
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  const example = `for example ${opts.today}`;
  if (!m) return bad(`Please type the date as YYYY-MM-DD, ${example} (or ? if you don't know).`);
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return bad(`${iso} is not a date in the calendar; please check the month and day.`);
  if (iso < '1990-01-01') return bad(`${iso} is too long ago; please check the year.`);
  if (opts.past && iso > opts.today) return bad(`${iso} is after today (${opts.today}); please check the year.`);
  return ok(iso);
}

const SYMBOLS: [RegExp, string][] = [[/^US\$/i, 'USD'], [/^HK\$/i, 'HKD'], [/^A\$/i, 'AUD'], [/^C\$/i, 'CAD'], [/^S\$/i, 'SGD'], [/^CN¥/i, 'CNY'], [/^RMB$/i, 'CNY'], [/^元$/, 'CNY'], [/^\$$/, 'USD'], [/^€$/, 'EUR'], [/^£$/, 'GBP'], [/^₹$/, 'INR']];

/** An amount with its currency: "6000 USD", "USD 6,000.50", "$6000", "€ 1200", "RMB 30000". */
export function parseMoney(text: string): Parsed<Money> {
  if (isDontKnow(text)) return ok(undefined);
  const m = /^\s*([^\d\s.,-]*)\s*(\d[\d,' ]*(?:\.\d+)?)\s*([^\d\s.,]*)\s*$/.exec(text);
  if (!m) return bad('Please type an amount and its currency, for example 6000 USD or EUR 4,500.50.');
  const [, before = '', number = '', after = ''] = m;
  if (before && after) return bad('Please give the currency once, for example 6000 USD.');
  const token = before || after;
  if (!token) return bad(`Which currency? Please add it, for example ${number.trim()} USD or ${number.trim()} CNY.`);
  if (token === '¥') return bad('¥ can mean Chinese yuan or Japanese yen: please type CNY or JPY.');
  const symbol = SYMBOLS.find(([re]) => re.test(token));
  const currency = symbol ? symbol[1] : token.toUpperCase();
  if (!(CURRENCY_CODES as readonly string[]).includes(currency)) {
    const guess = didYouMean(currency, CURRENCY_CODES);
    return bad(`'${token}' is not a currency code${guess ? ` (did you mean ${guess}?)` : ''}; use a 3-letter code such as USD, EUR, GBP or CNY.`);
  }
  const digits = number.replace(/[\s']/g, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(digits)) return bad(`'${number.trim()}' is not an amount; type digits, with commas only between thousands, e.g. 12,500.00.`);
  const amount = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(amount) || amount > 1e12) return bad('That amount is too large; please check it.');
  return ok({ amount: Math.round(amount * 100) / 100, currency: currency as Money['currency'] });
}

const ALIASES: Record<string, string> = { uk: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', britain: 'GB', 'great britain': 'GB', usa: 'US', america: 'US', 'united states of america': 'US', prc: 'CN', 'mainland china': 'CN', 'hong kong': 'HK', macau: 'MO', macao: 'MO', taiwan: 'TW', uae: 'AE', holland: 'NL', korea: 'KR', 'south korea': 'KR', russia: 'RU', vietnam: 'VN' };
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
const norm = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();

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
