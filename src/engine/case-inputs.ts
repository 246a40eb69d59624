// From a fact the rules need to the case facts a buyer can supply: derived facts expand to their inputs.
import { DERIVED } from '../case/derive.js';
import type { Facts } from '../case/facts.js';

const derivedInputs = new Map(DERIVED.map((d) => [d.name, d.inputs]));

/** The unknown case facts behind a fact (itself when it is a case fact, or when its inputs are all known). */
export function caseInputs(fact: string, facts: Facts, depth = 0): string[] {
  const inputs = derivedInputs.get(fact);
  if (!inputs || depth > 5) return [fact];
  const open = inputs.flatMap((i) => (facts.has(i) ? [] : caseInputs(i, facts, depth + 1)));
  return open.length ? [...new Set(open)] : [fact];
}
