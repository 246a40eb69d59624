// Reading the case, its facts and the parameters while deriving facts: the small readers every derived-fact module
// uses (one definition each).
import type { DeriveContext, DerivedFact } from '../derive.js';
import type { Payment } from '../schema.js';
import { daysBetween } from '../dates.js';

/** The case's payments (none when the order lists none). */
export const payments = (ctx: DeriveContext): Payment[] => ctx.case.order?.payments ?? [];

/** A numeric parameter, or undefined when it is missing or not a number. */
export const num = (ctx: DeriveContext, name: string) => {
  const v = ctx.param(name);
  return typeof v === 'number' ? v : undefined;
};

/** A text (or date) fact, or undefined when it is unknown or not text. */
export const str = (ctx: DeriveContext, path: string) => {
  const v = ctx.fact(path);
  return typeof v === 'string' ? v : undefined;
};

/** The latest of some dates (ISO text sorts as time), ignoring the unknown ones. */
export const latest = (dates: (string | undefined)[]) =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);

/** A "days left" fact's computation: days from the as-of date to the date fact (negative once passed). */
export const daysUntil =
  (dateFact: string): DerivedFact['compute'] =>
  (ctx) => {
    const d = str(ctx, dateFact);
    return d ? daysBetween(ctx.asOf, d) : undefined;
  };
