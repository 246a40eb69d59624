// "Unknown facts behave like unknowns": remove some facts from a case, then restore them one at a time;
// nothing decided with fewer facts may change when more are known. Shared by the property test and the fuzz script.
import { DEFAULTED_FACTS, MOVABLE_DEADLINES } from '../src/case/derive.js';
import fc from 'fast-check';
import { caseJsonSchema, schemaAt, type JsonSchema } from '../src/case/json-schema.js';
import type { Case } from '../src/case/schema.js';
import { flattenCase, type FactValue } from '../src/case/facts.js';
import { deriveFacts, DERIVED } from '../src/case/derive.js';
import { assess } from '../src/assess.js';
import type { Condition, RuleSet } from '../src/rules/types.js';
import { TODAY } from './property-arbitraries.js';

type Path = (string | number)[];

/**
 * Facts never removed:
 * - as_of is the date of the assessment, not a fact about the dispute (removing it means "today").
 * - buyer.alibaba_tier: the Trade Assurance window length (derived.ta_window_days, _end, _days_left) takes the
 *   standard tier's 30 days when the tier is unknown, deliberately: it is the earliest the window can close, the
 *   deadline a buyer must act by. Learning "enterprise" moves that date later. derived.ta_window_open itself is
 *   monotone in the tier (tested separately).
 * - dispute.amount_claimed: derived.loss is "the amount claimed, or else the amount paid", a stated default; stating a
 *   claim replaces the default (derived.loss, loss_usd, ta_uncovered, loss_exceeds_ta_cover follow).
 * - supplier.payee.same_as_contracting_party: derived.payee_differs compares the payee and contracting-party names
 *   when the buyer has not said; the buyer's own answer overrides that comparison (names in Chinese and English differ).
 */
export const NOT_REMOVED = new Set(['as_of', ...DEFAULTED_FACTS, 'supplier.payee.same_as_contracting_party']);

/**
 * Rules not held to monotonicity: those that read eligibility.<program>, a verdict in which 'uncertain' is a value,
 * not an unknown. `eligibility.trade_assurance equals eligible` is false while uncertain and true once eligible;
 * `not_equals ineligible` is the reverse. Reported, not fixed here (the rules and the engine belong to other issues).
 */
export function readsEligibility(c: Condition | undefined): boolean {
  if (!c) return false;
  if ('all' in c) return c.all.some(readsEligibility);
  if ('any' in c) return c.any.some(readsEligibility);
  if ('not' in c) return readsEligibility(c.not);
  return (
    c.fact.startsWith('eligibility.') ||
    Object.values(c).some((v) => typeof v === 'object' && v !== null && 'fact' in v && String((v as { fact: string }).fact).startsWith('eligibility.'))
  );
}

/**
 * Issue 11: deadlines that move by law when a fact is learned (a written demand or acknowledgment restarts the
 * limitation period; a period counted from the earliest date the case holds, while the exact start is unknown, moves
 * to the exact start once it is given). MOVABLE_DEADLINES lists each such derived fact with the facts that move it.
 * These are the case facts that may move a deadline a condition reads.
 */
export function movableInputs(c: Condition | undefined, out = new Set<string>()): Set<string> {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => movableInputs(x, out));
  else if ('any' in c) c.any.forEach((x) => movableInputs(x, out));
  else if ('not' in c) movableInputs(c.not, out);
  else {
    const facts = [
      c.fact,
      ...Object.values(c).flatMap((v) => (typeof v === 'object' && v !== null && 'fact' in v ? [String((v as { fact: string }).fact)] : [])),
    ];
    for (const f of facts) for (const i of MOVABLE_DEADLINES[f] ?? []) out.add(i);
  }
  return out;
}

/** Whether learning (or forgetting) the fact at this dotted path may move one of these deadline inputs. */
export const movedBy = (inputs: ReadonlySet<string> | readonly string[], path: string): boolean =>
  [...inputs].some((i) => path === i || path.startsWith(`${i}.`) || i.startsWith(`${path}.`));

const objectAlt = (s: JsonSchema | undefined): JsonSchema | undefined => (s?.type === 'object' ? s : s?.anyOf?.find((a) => a.type === 'object'));

const named = (p: Path) => p.filter((s) => typeof s === 'string').join('.');
/** Whether removing this path would remove a fact that is never removed (itself or inside it). */
function holdsKept(v: unknown, p: Path): boolean {
  if (NOT_REMOVED.has(named(p))) return true;
  if (v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => holdsKept(x, [...p, k]));
}

/** Paths of the optional fields present in a case: what can become unknown. */
export function removablePaths(v: unknown, path: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => removablePaths(x, [...path, i]));
  if (v === null || typeof v !== 'object') return [];
  const required = new Set(
    (objectAlt(schemaAt(caseJsonSchema(), path) ?? (path.length ? undefined : caseJsonSchema()))?.required as string[] | undefined) ?? [],
  );
  return Object.entries(v).flatMap(([k, x]) => {
    const p = [...path, k];
    const mine = required.has(k) || holdsKept(x, p) || k === 'expect' ? [] : [p];
    return [...mine, ...removablePaths(x, p)];
  });
}

/** The case without the given paths (a path under one already removed is a no-op). */
export function without(c: Case, remove: readonly Path[]): Case {
  const copy = structuredClone(c) as Record<string | number, unknown>;
  for (const p of remove) {
    let node: unknown = copy;
    for (const seg of p.slice(0, -1)) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (node && typeof node === 'object') delete (node as Record<string | number, unknown>)[p.at(-1)!];
  }
  return copy as Case;
}

/** Derived facts and rule outcomes of a case. */
export function decisions(c: Case, rules: RuleSet): { derived: Map<string, FactValue>; rules: Map<string, string> } {
  const asOf = c.as_of ?? TODAY;
  const facts = deriveFacts(c, flattenCase({ ...c, as_of: asOf }), rules.params, asOf);
  const derived = new Map(DERIVED.filter((d) => facts.has(d.name)).map((d) => [d.name, facts.get(d.name)!]));
  const trace = assess(c, rules, { today: TODAY, explain: true }).trace ?? [];
  return { derived, rules: new Map(trace.map((r) => [r.id, r.outcome])) };
}

/** Bounds move later as dates are learned, by design; no rule condition reads them (tested in derived-implied). */
const BOUNDS = new Set(DERIVED.filter((d) => d.bound).map((d) => d.name));

export interface Flip {
  what: 'derived' | 'rule';
  name: string;
  restored: string;
  before: unknown;
  after: unknown;
}

/** Remove `order` from the case, restore it one path at a time, and list everything decided that changed. */
export function flips(c: Case, order: readonly Path[], rules: RuleSet, exemptEligibility = true): Flip[] {
  const exempt = new Set(rules.rules.filter((r) => exemptEligibility && readsEligibility(r.when)).map((r) => r.id));
  const moving = new Map(rules.rules.map((r) => [r.id, movableInputs(r.when)]));
  const out: Flip[] = [];
  let prev = decisions(without(c, order), rules);
  for (let k = 1; k <= order.length; k++) {
    const next = decisions(without(c, order.slice(k)), rules);
    const restored = order[k - 1]!.join('.');
    for (const [name, v] of prev.derived) {
      if (BOUNDS.has(name) || movedBy(MOVABLE_DEADLINES[name] ?? [], restored)) continue;
      if (JSON.stringify(next.derived.get(name)) !== JSON.stringify(v)) out.push({ what: 'derived', name, restored, before: v, after: next.derived.get(name) });
    }
    for (const [id, o] of prev.rules) {
      if (movedBy(moving.get(id) ?? [], restored)) continue;
      if (o !== 'unknown' && !exempt.has(id) && next.rules.get(id) !== o) out.push({ what: 'rule', name: id, restored, before: o, after: next.rules.get(id) });
    }
    prev = next;
  }
  return out;
}

/** A case and an order in which to restore up to `max` of its removable facts. */
export const removalArb = (cases: fc.Arbitrary<Case>, max = 12): fc.Arbitrary<{ c: Case; order: Path[] }> =>
  cases.chain((c) => {
    const all = removablePaths(c);
    return fc.shuffledSubarray(all, { maxLength: Math.min(max, all.length) }).map((order) => ({ c, order }));
  });
