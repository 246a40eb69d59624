// Rule conditions compiled once per rule set into closures that give the same three-valued outcomes as
// evaluateCondition, without building a trace; a trace is built only for the rules that need one (undecided
// ones, --explain). No source text is generated: rule files come from third parties.
import type { Facts, FactValue } from '../case/facts.js';
import { OPERATORS, type Condition, type Operand, type Operator, type Rule, type RuleSet } from '../rules/types.js';
import { compare, type Outcome } from './conditions.js';

/** A compiled condition: its outcome for a set of facts. */
export type Check = (facts: Facts) => Outcome;

/** A rule with its printed origin. */
export interface CompiledRule {
  rule: Rule;
  origin: string;
}

/** A rule set compiled: its rules, and one function deciding them all (see decideRules). */
export interface CompiledSet {
  rules: CompiledRule[];
  /** Each rule's outcome, in rule-set order; `statuses` turns the eligibility rules' outcomes (as numbers,
   * see OUTCOME_OF) into facts; that array is only valid during the call. */
  decide(facts: Facts, statuses: (outcomes: readonly number[]) => ReadonlyMap<string, FactValue>): Outcome[];
}

const cache = new WeakMap<RuleSet, CompiledSet>();

/** The rule set compiled (once per rule set object). */
export function compiledSet(set: RuleSet): CompiledSet {
  let out = cache.get(set);
  if (!out) {
    out = { rules: set.rules.map((rule) => ({ rule, origin: `${rule.origin.file}:${rule.origin.line}:${rule.origin.column}` })), decide: compileDecide(set) };
    cache.set(set, out);
  }
  return out;
}

/** The rule set's rules with their origins. */
export function compiledRules(set: RuleSet): CompiledRule[] {
  return compiledSet(set).rules;
}

// Outcomes as numbers ordered false < unknown < true, so that all = min, any = max and not = 2 - x
// (Kleene's three-valued logic, as evaluateCondition decides it).
const NAMES: Outcome[] = ['false', 'unknown', 'true'];
/** The outcome a number of the generated code stands for. */
export const OUTCOME_OF: readonly Outcome[] = NAMES;
type Cmp = (op: Operator, actual: FactValue | undefined, expected: unknown) => 0 | 1 | 2;
const cmp: Cmp = (op, actual, expected) => {
  if (actual === undefined || expected === undefined) return 1;
  const o = compare(op, actual, expected);
  return o === 'true' ? 2 : o === 'false' ? 0 : 1;
};

/** Compile one condition tree (absent = always true) into a function of the facts. */
export function compile(c: Condition | undefined, params: RuleSet['params']): Check {
  const slots = new Slots();
  const fn = build(c, params, slots, false);
  return (facts) => NAMES[fn(slots.read(facts, EMPTY, false))]!;
}

type Values = readonly (FactValue | undefined)[];
type Fn = (v: Values) => number;
const EMPTY: ReadonlyMap<string, FactValue> = new Map();

/** The facts a compiled rule set reads, each given a slot: read once per case into an array. */
class Slots {
  readonly keys: string[] = [];
  readonly #index = new Map<string, number>();
  /** The slot of a fact; in stage 2, eligibility.* facts have slots of their own (read from the programmes). */
  of(fact: string, stage2: boolean): number {
    const key = stage2 && fact.startsWith('eligibility.') ? `2:${fact}` : fact;
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.#index.set(key, i);
    }
    return i;
  }
  /** Lists tested for members (contains, contains_any): each list's members as a bit mask, in a slot of its own,
   * so that a test is one AND. Per list fact: its slot, the mask's slot, and each value's bit. */
  readonly #masks: { from: number; to: number; bits: Map<unknown, number> }[] = [];
  /** The mask slot and the bits of some values of a list fact, or undefined when they do not fit in 30 bits. */
  mask(fact: string, stage2: boolean, values: readonly unknown[]): { slot: number; bits: number } | undefined {
    if (!values.every((x) => typeof x === 'string')) return undefined;
    const from = this.of(fact, stage2);
    // Masks are made when the case's facts are read (stage 1): not for the programmes' outcomes (stage 2).
    if (this.keys[from]!.startsWith('2:')) return undefined;
    let m = this.#masks.find((x) => x.from === from);
    const fresh = values.filter((x) => !m?.bits.has(x));
    if ((m?.bits.size ?? 0) + new Set(fresh).size > 30) return undefined;
    if (!m) {
      m = { from, to: this.of(`m:${this.keys[from]}`, false), bits: new Map() };
      this.#masks.push(m);
    }
    for (const x of fresh) if (!m.bits.has(x)) m.bits.set(x, 1 << m.bits.size);
    let bits = 0;
    for (const x of values) bits |= m.bits.get(x)!;
    return { slot: m.to, bits };
  }
  #plan: { firstAt: number[]; firstKeys: string[]; secondAt: number[]; secondKeys: string[] } | undefined;
  /** Each slot's value: case facts (stage 1), then with the programmes' outcomes (stage 2). */
  read(f: Facts, s: ReadonlyMap<string, FactValue>, stage2: boolean, into: (FactValue | undefined)[] = new Array(this.keys.length)): (FactValue | undefined)[] {
    const plan = (this.#plan ??= this.#makePlan());
    if (!stage2) {
      const { firstAt, firstKeys } = plan;
      for (let k = 0; k < firstAt.length; k++) into[firstAt[k]!] = f.get(firstKeys[k]!);
      for (const m of this.#masks) {
        const a = into[m.from];
        let bits = 0;
        if (Array.isArray(a)) for (let k = 0; k < a.length; k++) bits |= m.bits.get(a[k]) ?? 0;
        into[m.to] = a === undefined ? undefined : bits;
      }
    } else {
      const { secondAt, secondKeys } = plan;
      for (let k = 0; k < secondAt.length; k++) into[secondAt[k]!] = s.get(secondKeys[k]!) ?? f.get(secondKeys[k]!);
    }
    return into;
  }
  #makePlan() {
    const fact = (k: string) => !k.startsWith('2:') && !k.startsWith('m:');
    return {
      firstAt: this.keys.flatMap((k, i) => (fact(k) ? [i] : [])),
      firstKeys: this.keys.filter(fact),
      secondAt: this.keys.flatMap((k, i) => (k.startsWith('2:') ? [i] : [])),
      secondKeys: this.keys.filter((k) => k.startsWith('2:')).map((k) => k.slice(2)),
    };
  }
}

/** One function for a whole rule set: eligibility rules first, then every other rule, which reads the
 * programmes' outcomes (eligibility.<program>) before the case's facts. Conditions are compiled into closures,
 * never into source text: nothing a rule file says is ever run as code. */
function compileDecide(set: RuleSet): CompiledSet['decide'] {
  const slots = new Slots();
  const compiled = set.rules.map((r) => ({ stage2: r.kind !== 'eligibility', fn: build(r.when, set.params, slots, r.kind !== 'eligibility') }));
  const firstAt = compiled.flatMap((c, i) => (c.stage2 ? [] : [i]));
  const firstFns = firstAt.map((i) => compiled[i]!.fn);
  const secondAt = compiled.flatMap((c, i) => (c.stage2 ? [i] : []));
  const secondFns = secondAt.map((i) => compiled[i]!.fn);
  const n = set.rules.length;
  // Scratch arrays, reused: deciding is synchronous and never re-entered, and neither array outlives the call.
  const v: (FactValue | undefined)[] = new Array(slots.keys.length).fill(undefined);
  const o: number[] = new Array<number>(n).fill(1);
  return (f, statuses) => {
    slots.read(f, EMPTY, false, v);
    for (let k = 0; k < firstAt.length; k++) o[firstAt[k]!] = firstFns[k]!(v);
    slots.read(f, statuses(o), true, v);
    const out = new Array<Outcome>(n);
    for (let k = 0; k < firstAt.length; k++) out[firstAt[k]!] = NAMES[o[firstAt[k]!]!]!;
    for (let k = 0; k < secondAt.length; k++) out[secondAt[k]!] = NAMES[secondFns[k]!(v)]!;
    return out;
  };
}

/** A condition as a closure giving 0 (false), 1 (unknown) or 2 (true): all = min, any = max, not = 2 - x. */
function build(c: Condition | undefined, params: RuleSet['params'], slots: Slots, stage2: boolean): Fn {
  if (!c) return () => 2;
  if ('all' in c || 'any' in c) return group('all' in c ? c.all : c.any, 'all' in c, params, slots, stage2);
  if ('not' in c) {
    const inner = build(c.not, params, slots, stage2);
    return (v) => 2 - inner(v);
  }
  return leaf(c, params, slots, stage2);
}

/** An equality leaf on a scalar (the commonest leaf): checked inline by its group, without a call. */
interface Equality {
  slot: number;
  expected: string | number | boolean;
  want: boolean;
}
const isScalar = (x: unknown): x is string | number | boolean =>
  typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));

function equality(c: Condition, slots: Slots, stage2: boolean): Equality | undefined {
  if (!('fact' in c)) return undefined;
  const r = c as Record<string, unknown>;
  if ('equals' in c && isScalar(r.equals)) return { slot: slots.of(c.fact, stage2), expected: r.equals, want: true };
  if ('not_equals' in c && isScalar(r.not_equals)) return { slot: slots.of(c.fact, stage2), expected: r.not_equals, want: false };
  return undefined;
}

/** all (min, stops at false) or any (max, stops at true) of its parts; equality leaves are checked inline first
 * (the outcome does not depend on the order), then the other parts are called. */
function group(parts: readonly Condition[], all: boolean, params: RuleSet['params'], slots: Slots, stage2: boolean): Fn {
  const eq: Equality[] = [];
  const others: Fn[] = [];
  for (const p of parts) {
    const e = equality(p, slots, stage2);
    if (e) eq.push(e);
    else others.push(build(p, params, slots, stage2));
  }
  const at = eq.map((e) => e.slot);
  const expected = eq.map((e) => e.expected);
  const want = eq.map((e) => e.want);
  const stop = all ? 0 : 2;
  const start = all ? 2 : 0;
  return (v) => {
    let m = start;
    for (let k = 0; k < at.length; k++) {
      const a = v[at[k]!];
      const x = a === undefined ? 1 : (a === expected[k]) === want[k] ? 2 : 0;
      if (x === stop) return stop;
      if (x !== m) m = 1;
    }
    for (let k = 0; k < others.length; k++) {
      const x = others[k]!(v);
      if (x === stop) return stop;
      if (x !== m) m = 1;
    }
    return m;
  };
}

function leaf(c: Condition & { fact: string }, params: RuleSet['params'], slots: Slots, stage2: boolean): Fn {
  const op = OPERATORS.find((o) => o in c)!;
  const raw = (c as Record<string, unknown>)[op] as Operand | unknown[];
  const i = slots.of(c.fact, stage2);
  let expected: unknown = raw;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    if (!('param' in raw)) {
      const j = slots.of(raw.fact, stage2);
      return (v) => cmp(op, v[i], v[j]);
    }
    expected = Object.hasOwn(params, raw.param) ? params[raw.param]!.value : undefined;
    if (expected === undefined) return () => 1;
  }
  const scalar = isScalar(expected);
  if ((op === 'equals' || op === 'not_equals') && scalar) {
    const want = op === 'equals';
    return (v) => {
      const a = v[i];
      return a === undefined ? 1 : (a === expected) === want ? 2 : 0;
    };
  }
  if ((op === 'in' || op === 'not_in') && Array.isArray(expected)) {
    const set = new Set(expected);
    const want = op === 'in';
    return (v) => {
      const a = v[i];
      return a === undefined ? 1 : set.has(a) === want ? 2 : 0;
    };
  }
  if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && (typeof expected === 'number' || typeof expected === 'string')) {
    const type = typeof expected;
    const test =
      op === 'gt'
        ? (a: number | string) => a > expected
        : op === 'gte'
          ? (a: number | string) => a >= expected
          : op === 'lt'
            ? (a: number | string) => a < expected
            : (a: number | string) => a <= expected;
    return (v) => {
      const a = v[i];
      return typeof a !== type ? 1 : test(a as number | string) ? 2 : 0;
    };
  }
  if ((op === 'contains' && scalar) || (op === 'contains_any' && Array.isArray(expected))) {
    const m = slots.mask(c.fact, stage2, op === 'contains' ? [expected] : (expected as unknown[]));
    if (m) {
      const { slot, bits } = m;
      return (v) => {
        const x = v[slot] as number | undefined;
        return x === undefined ? 1 : (x & bits) !== 0 ? 2 : 0;
      };
    }
  }
  if (op === 'contains' && scalar) {
    return (v) => {
      const a = v[i];
      return a === undefined ? 1 : Array.isArray(a) && a.includes(expected as string) ? 2 : 0;
    };
  }
  if (op === 'contains_any' && Array.isArray(expected)) {
    const wanted = new Set<unknown>(expected);
    return (v) => {
      const a = v[i];
      if (a === undefined) return 1;
      if (!Array.isArray(a)) return 0;
      for (let k = 0; k < a.length; k++) if (wanted.has(a[k])) return 2;
      return 0;
    };
  }
  return (v) => cmp(op, v[i], expected);
}

/** Facts over facts: the case's facts plus a few more (the eligibility outcomes), without copying the case's. */
export class LayeredFacts implements ReadonlyMap<string, FactValue> {
  constructor(
    private readonly base: Facts,
    private readonly top: ReadonlyMap<string, FactValue>,
  ) {}
  get(key: string): FactValue | undefined {
    const v = this.top.get(key);
    return v === undefined ? this.base.get(key) : v;
  }
  has(key: string): boolean {
    return this.top.has(key) || this.base.has(key);
  }
  get size(): number {
    let n = this.top.size;
    for (const k of this.base.keys()) if (!this.top.has(k)) n++;
    return n;
  }
  *entries(): MapIterator<[string, FactValue]> {
    for (const e of this.base) if (!this.top.has(e[0])) yield e;
    yield* this.top;
  }
  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<FactValue> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: FactValue, key: string, map: ReadonlyMap<string, FactValue>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, FactValue]> {
    return this.entries();
  }
}
