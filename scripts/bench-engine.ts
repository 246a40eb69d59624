// Engine benchmark: the project's rules, evaluated by our engine and by json-rules-engine after a mechanical
// translation, on the same generated cases where every fact the rules name is known. The fired rules must be
// identical on every case before anything is timed.
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { flattenCase, type FactValue } from '../src/case/facts.js';
import { deriveFacts } from '../src/case/derive.js';
import { decideRules, evaluateRules } from '../src/engine/evaluate.js';
import { PROGRAMS } from '../src/case/enums.js';
import type { Case } from '../src/case/schema.js';
import type { JsonSchema } from '../src/case/json-schema.js';
import { generateCase, seeded } from './bench-cases.js';
import type { Condition, EligibilityRule, Operand, Operator, Rule, RuleSet } from '../src/rules/types.js';
import { OPERATORS } from '../src/rules/types.js';

const JRE_OPERATOR: Record<Operator, string> = {
  equals: 'equal',
  not_equals: 'notEqual',
  in: 'in',
  not_in: 'notIn',
  contains: 'contains',
  contains_any: 'containsAny',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
};

/** Every fact a rule set's conditions read (leaves and {fact} operands). */
export function factsRead(set: RuleSet): Set<string> {
  const out = new Set<string>();
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) return c.all.forEach(walk);
    if ('any' in c) return c.any.forEach(walk);
    if ('not' in c) return walk(c.not);
    out.add(c.fact);
    const v = (c as Record<string, unknown>)[OPERATORS.find((o) => o in c)!];
    if (v && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) out.add((v as { fact: string }).fact);
  };
  for (const r of set.rules) walk(r.when);
  return out;
}

/** The facts of a case (flattened and derived) as our engine sees them, before eligibility. */
export function caseFacts(c: Case, set: RuleSet): Map<string, FactValue> {
  const asOf = c.as_of ?? '2026-06-01';
  const facts = flattenCase({ ...c, as_of: asOf });
  deriveFacts(c, facts, set.params, asOf);
  return facts;
}

/** The rules each of whose facts is known in every one of the cases (eligibility outcomes count as known): the
 * part of a rule set a two-valued engine such as json-rules-engine decides as ours does. With the full built-in set
 * no generated case knows every fact (some derived facts need inputs that exclude each other), so the engine row
 * compares on this part. */
export function decidableSubset(set: RuleSet, cases: Map<string, FactValue>[]): RuleSet {
  const known = (f: string) => f.startsWith('eligibility.') || cases.every((c) => c.has(f));
  return { ...set, rules: set.rules.filter((r) => [...factsRead({ ...set, rules: [r] })].every(known)) };
}

/** Whether every fact the rules read is known (eligibility outcomes are computed, so they count as known). */
export function allKnown(facts: Map<string, FactValue>, read: Set<string>): boolean {
  for (const f of read) if (!f.startsWith('eligibility.') && !facts.has(f)) return false;
  return true;
}

/** Rule ids that fire (outcome true) in our engine, deciding only (what json-rules-engine's run does). */
export function oursFired(facts: Map<string, FactValue>, set: RuleSet): string[] {
  const { outcomes } = decideRules(facts, set);
  return set.rules
    .filter((_, i) => outcomes[i] === 'true')
    .map((r) => r.id)
    .sort();
}

/** Rule ids that fire in our full evaluation (with programme verdicts, findings and their messages). */
export function oursFiredFull(facts: Map<string, FactValue>, set: RuleSet): string[] {
  return evaluateRules(facts, set)
    .findings.map((f) => f.id)
    .sort();
}

/** The rule set translated to json-rules-engine: one engine for eligibility, one for the rest. */
export function translate(set: RuleSet): { eligibility: Engine; others: Engine } {
  const make = (rules: Rule[]) => {
    const engine = new Engine([], { allowUndefinedFacts: false });
    const ordered = (f: (a: number | string, b: number | string) => boolean) => (a: unknown, b: unknown) =>
      ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) && f(a, b);
    engine.addOperator(
      'gt',
      ordered((a, b) => a > b),
    );
    engine.addOperator(
      'gte',
      ordered((a, b) => a >= b),
    );
    engine.addOperator(
      'lt',
      ordered((a, b) => a < b),
    );
    engine.addOperator(
      'lte',
      ordered((a, b) => a <= b),
    );
    engine.addOperator('containsAny', (a: unknown, b: unknown) => Array.isArray(a) && (b as unknown[]).some((x) => a.includes(x)));
    for (const r of rules) engine.addRule({ name: r.id, conditions: topLevel(r.when, set), event: { type: r.id } });
    return engine;
  };
  return { eligibility: make(set.rules.filter((r) => r.kind === 'eligibility')), others: make(set.rules.filter((r) => r.kind !== 'eligibility')) };
}

function topLevel(c: Condition | undefined, set: RuleSet): TopLevelCondition {
  if (!c) return { all: [] };
  const t = condition(c, set);
  return 'all' in t || 'any' in t || 'not' in t ? (t as TopLevelCondition) : { all: [t] };
}

function condition(c: Condition, set: RuleSet): NestedCondition {
  if ('all' in c) return { all: c.all.map((x) => condition(x, set)) };
  if ('any' in c) return { any: c.any.map((x) => condition(x, set)) };
  if ('not' in c) return { not: condition(c.not, set) };
  const op = OPERATORS.find((o) => o in c)!;
  const raw = (c as Record<string, unknown>)[op] as Operand | unknown[];
  let value: unknown = raw;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) value = 'param' in raw ? set.params[raw.param]?.value : { fact: raw.fact };
  return { fact: c.fact, operator: JRE_OPERATOR[op], value } as NestedCondition;
}

/** Rule ids that fire in json-rules-engine: eligibility first, its program outcomes as facts, then the rest. */
export async function jreFired(engines: { eligibility: Engine; others: Engine }, facts: Map<string, FactValue>, set: RuleSet): Promise<string[]> {
  const input: Record<string, unknown> = Object.fromEntries(facts);
  const first = await engines.eligibility.run(input);
  const fired = new Set(first.events.map((e) => e.type));
  const eligibility = set.rules.filter((r): r is EligibilityRule => r.kind === 'eligibility');
  for (const p of PROGRAMS) {
    const rules = eligibility.filter((r) => r.then.program === p);
    if (rules.length === 0) continue;
    const blocked = rules.some((r) => (r.then.effect === 'excludes') === fired.has(r.id));
    const requirements = rules.filter((r) => r.then.effect === 'requires').length;
    input[`eligibility.${p}`] = blocked ? 'ineligible' : requirements === 0 ? 'uncertain' : 'eligible';
  }
  const second = await engines.others.run(input);
  return [...fired, ...second.events.map((e) => e.type)].sort();
}

/** Fill a generated complete case so that the derived facts are known too: every amount in a currency with a
 * rate, both a card and a PayPal payment (each opens its own deadline), and a well-formed credit code. */
export function knownEverywhere(c: Record<string, any>, set: RuleSet, rng: () => number): Record<string, any> {
  const currencies = Object.keys((set.params.fx_usd_per_unit?.value ?? { USD: 1 }) as Record<string, number>);
  const fix = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(fix);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.amount === 'number' && typeof o.currency === 'string') o.currency = currencies[Math.floor(rng() * currencies.length)];
    Object.values(o).forEach(fix);
  };
  fix(c);
  const payments = (c.order?.payments ?? []) as Record<string, unknown>[];
  while (payments.length < 2) payments.push({ ...(payments[0] ?? { amount: { amount: 100, currency: 'USD' } }) });
  payments[0]!.method = 'card';
  payments[1]!.method = 'paypal';
  // A well-formed credit code (random text leaves the code checks unknown): one valid, one a genuine pilot code.
  if (c.supplier) c.supplier.uscc = rng() < 0.5 ? '91110000600037341L' : '91350100M0001TGQXM';
  return c;
}

type CaseFacts = Map<string, FactValue>;

/** The facts of up to `count` generated cases in which every fact the rules read is known. */
export function engineCases(set: RuleSet, schema: JsonSchema, count: number, seed: number, requireAllKnown = true): CaseFacts[] {
  const read = factsRead(set);
  const rng = seeded(seed);
  const out: CaseFacts[] = [];
  for (let i = 0; out.length < count && i < count * 5; i++) {
    const f = caseFacts(knownEverywhere(generateCase(schema, rng, { presence: 1 }), set, rng) as Case, set);
    if (!requireAllKnown || allKnown(f, read)) out.push(f);
  }
  return out;
}

/** Throw unless both of our evaluations and json-rules-engine fire the same rules on every case; the number fired. */
export async function checkSameFired(facts: CaseFacts[], set: RuleSet, engines: ReturnType<typeof translate>): Promise<number> {
  let fired = 0;
  for (const f of facts) {
    const ours = oursFired(f, set);
    const full = oursFiredFull(f, set);
    const theirs = await jreFired(engines, f, set);
    if (ours.join() !== theirs.join() || full.join() !== theirs.join())
      throw new Error(`bench: the engines disagree: ours ${ours.join()} vs json-rules-engine ${theirs.join()}`);
    fired += ours.length;
  }
  return fired;
}

/** Mean µs per case of run, timed on fresh copies of the facts (as in a real run, where they were just
 * computed), made in batches of 32 that stay in the CPU cache; the copying is not timed. */
export async function timePerCase(facts: CaseFacts[], run: (f: CaseFacts) => unknown): Promise<number> {
  let total = 0n;
  for (let i = 0; i < facts.length; i += 32) {
    const copies = facts.slice(i, i + 32).map((f) => new Map(f));
    const start = process.hrtime.bigint();
    for (const copy of copies) {
      const r = run(copy);
      if (r instanceof Promise) await r;
    }
    total += process.hrtime.bigint() - start;
  }
  return Number(total) / 1000 / facts.length;
}

/** A synthetic pack of n rules: the built-in rules spread evenly (copies with suffixed ids). Same facts and
 * parameters, so only the number of rules changes between packs. */
export function syntheticSet(set: RuleSet, n: number): RuleSet {
  // Rule i of the pack is rule floor(i * size / n) of the set: every pack has the set's mix of kinds and
  // conditions (a pack of 200 is not the first 200 rules, which are cheaper ones), each copy with its own id.
  const size = set.rules.length;
  const copies = new Map<number, number>();
  const rules: RuleSet['rules'] = Array.from({ length: n }, (_, i) => {
    const j = Math.floor((i * size) / n);
    const copy = copies.get(j) ?? 0;
    copies.set(j, copy + 1);
    const r = set.rules[j]!;
    return copy === 0 ? r : ({ ...r, id: `${r.id}-x${copy}` } as typeof r);
  });
  return { ...set, rules };
}
