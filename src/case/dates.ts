// ISO calendar dates as whole days (UTC), so date arithmetic never depends on the local time zone.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date YYYY-MM-DD. */
export function toDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date plus a number of days. */
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** An ISO date plus whole years (29 February falls back to 28 February). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** Today's ISO date in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
