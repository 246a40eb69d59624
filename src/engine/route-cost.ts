// A route's estimated cost and typical time (issue 11, part 3), from its catalogue entry: bounds are numbers,
// parameters or derived facts (the court and CIETAC fees on the amount at stake), texts have placeholders.
import type { Facts } from '../case/facts.js';
import type { Money } from '../case/schema.js';
import type { Operand, RouteEntry, RuleSet } from '../rules/types.js';
import type { RouteCost } from './assessment.js';
import { fillMessage } from './format-value.js';

const amount = (o: Operand | undefined, facts: Facts, params: RuleSet['params']): number | undefined => {
  if (typeof o === 'number') return o;
  if (o && typeof o === 'object') {
    const v = 'param' in o ? params[o.param]?.value : facts.get(o.fact);
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
};

/** The cost (omitted while its lower bound is unknown) and time of a route. */
export function routeCostAndTime(entry: RouteEntry, facts: Facts, params: RuleSet['params']): { cost?: RouteCost; time?: string } {
  const out: { cost?: RouteCost; time?: string } = {};
  if (entry.cost) {
    const currency = entry.cost.currency as Money['currency'];
    const low = amount(entry.cost.low, facts, params);
    const high = amount(entry.cost.high, facts, params);
    if (low !== undefined) {
      out.cost = { low: { amount: low, currency }, basis: fillMessage(entry.cost.basis, facts, params) };
      if (high !== undefined) out.cost.high = { amount: high, currency };
    }
  }
  if (entry.time) out.time = fillMessage(entry.time, facts, params);
  return out;
}
