// ISO calendar dates as whole days (UTC), so date arithmetic never depends on the local time zone.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date YYYY-MM-DD. */
export function toDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The date part of a Date; years past 9999 keep their expanded form (+010000-01-01) instead of being cut. */
const datePart = (d: Date) => {
  const s = d.toISOString();
  return s.slice(0, s.indexOf('T'));
};

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  return datePart(new Date(day * DAY_MS));
}

/** An ISO date plus a number of days. */
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** An ISO date plus whole years (29 February falls back to 28 February). */
export function addYears(iso: string, years: number): string {
  const [, y, m, d] = (/^([+-]?\d+)-(\d\d)-(\d\d)$/.exec(iso) ?? []).map(Number) as [number, number, number, number];
  const target = new Date(0);
  target.setUTCFullYear(y + years, m - 1, d);
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return datePart(target);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** Today's ISO date in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Why an --as-of value cannot be used (not a real YYYY-MM-DD date, or outside the years case dates may have), or undefined. */
export function asOfProblem(value: string, range: { from: string; to: string }): string | undefined {
  const real = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value;
  if (!real) return `--as-of must be an ISO date YYYY-MM-DD; got '${value}'`;
  if (value < range.from || value > range.to) return `--as-of must be between ${range.from} and ${range.to}, the dates a case may hold; got '${value}'`;
  return undefined;
}
