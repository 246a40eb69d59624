// Chronology: dates that cannot be right. A deadline computed from an impossible date would be silently
// wrong, so these stop the run with a diagnostic. Dates that are merely odd (receipt before shipment, notice
// before discovery) are findings of the flag rules (category chronology), so they appear in the report.
import type { Case } from './schema.js';
import { addDays } from './dates.js';
import { implicationConflicts } from './derived/implied.js';

export interface ChronologyIssue {
  code: 'case-date-range' | 'case-date-after-as-of' | 'case-chronology' | 'case-contradiction';
  severity: 'error';
  message: string;
  path: (string | number)[];
}

/** Dates are accepted between these years, so date arithmetic stays within four-digit years. */
export const DATE_RANGE = { from: '1900-01-01', to: '2199-12-31' } as const;

type Dated = { path: (string | number)[]; date: string; what: string };

/** Every event date in the case (expected delivery is a plan, not an event). */
function events(c: Case): Dated[] {
  const out: Dated[] = [];
  const add = (path: (string | number)[], date: string | undefined, what: string) => void (date && out.push({ path, date, what }));
  add(['order', 'date'], c.order?.date, 'the order');
  c.order?.payments?.forEach((p, i) => add(['order', 'payments', i, 'date'], p.date, `payment ${i + 1}`));
  add(['order', 'delivery', 'shipped_date'], c.order?.delivery?.shipped_date, 'shipping');
  add(['order', 'delivery', 'receipt_confirmed_date'], c.order?.delivery?.receipt_confirmed_date, 'the confirmed receipt');
  add(['dispute', 'discovered_date'], c.dispute?.discovered_date, 'discovering the problem');
  add(['dispute', 'supplier_notified_date'], c.dispute?.supplier_notified_date, 'notifying the supplier');
  add(['dispute', 'platform_dispute', 'opened_date'], c.dispute?.platform_dispute?.opened_date, 'opening the platform dispute');
  return out;
}

const at = (list: Dated[], key: string) => list.find((e) => e.path.join('.') === key);

/** [earlier, later, why]: the pairs whose order is checked. */
const ORDER: [string, string, string][] = [
  ['order.date', 'order.delivery.receipt_confirmed_date', 'receipt cannot be confirmed before the order exists'],
  ['order.date', 'dispute.platform_dispute.opened_date', 'a platform dispute cannot be opened before the order exists'],
];

/** A "no" contradicted by a date of the same event: the assessment cannot tell which one is true. */
export function contradictions(c: Case): ChronologyIssue[] {
  const out: ChronologyIssue[] = [];
  const pd = c.dispute?.platform_dispute;
  if (c.dispute?.supplier_notified === false && c.dispute.supplier_notified_date) {
    out.push({
      code: 'case-contradiction',
      severity: 'error',
      path: ['dispute', 'supplier_notified'],
      message: `dispute.supplier_notified is false, but dispute.supplier_notified_date is ${c.dispute.supplier_notified_date}: remove one of them`,
    });
  }
  if (pd?.opened === false && pd.opened_date) {
    out.push({
      code: 'case-contradiction',
      severity: 'error',
      path: ['dispute', 'platform_dispute', 'opened'],
      message: `dispute.platform_dispute.opened is false, but opened_date is ${pd.opened_date}: remove one of them`,
    });
  }
  for (const [path, message] of implicationConflicts(c)) out.push({ code: 'case-contradiction', severity: 'error', path, message });
  return out;
}

/**
 * Check the case's dates against each other and against the assessment date. `asOf` is the date the
 * assessment is for; `slackDays` allows for time zones when it is today's date rather than one the user gave.
 */
export function checkChronology(c: Case, asOf?: string, slackDays = 0): ChronologyIssue[] {
  const out: ChronologyIssue[] = contradictions(c);
  const all = events(c);
  const other: Dated[] = [
    { path: ['as_of'], date: c.as_of ?? '', what: 'as_of' },
    { path: ['order', 'delivery', 'expected_date'], date: c.order?.delivery?.expected_date ?? '', what: 'expected delivery' },
  ];
  const known = [...all, ...other.filter((o) => o.date)];
  for (const e of known) {
    if (e.date < DATE_RANGE.from || e.date > DATE_RANGE.to)
      out.push({
        code: 'case-date-range',
        severity: 'error',
        path: e.path,
        message: `${e.path.join('.')}: ${e.date} is outside the years ${DATE_RANGE.from.slice(0, 4)} to ${DATE_RANGE.to.slice(0, 4)}; check the year`,
      });
  }
  if (out.length) return out;
  if (asOf) {
    const limit = addDays(asOf, slackDays);
    for (const e of all.filter((x) => x.date > limit)) {
      out.push({
        code: 'case-date-after-as-of',
        severity: 'error',
        path: e.path,
        message: `${e.path.join('.')} is ${e.date}, after the date of the assessment (${asOf}): ${e.what} cannot be in the future. Check the year, or set as_of`,
      });
    }
  }
  for (const [a, b, why] of ORDER) {
    const first = at(known, a);
    const then = at(known, b);
    if (first && then && then.date < first.date)
      out.push({ code: 'case-chronology', severity: 'error', path: then.path, message: `${b} (${then.date}) is before ${a} (${first.date}): ${why}` });
  }
  return out;
}
