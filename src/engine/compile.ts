// Rule conditions compiled once per rule set into generated code that gives the same three-valued outcomes as
// evaluateCondition, without building a trace: each fact is read once, each rule is one expression, and a
// trace is built only for the rules that need one (undecided ones, --explain).
import type { Facts, FactValue } from '../case/facts.js';
import { OPERATORS, type Condition, type Operand, type Operator, type Rule, type RuleSet } from '../rules/types.js';
import { compare, type Outcome } from './conditions.js';

/** A compiled condition: its outcome for a set of facts. */
export type Check = (facts: Facts) => Outcome;

/** A rule with its printed origin. */
export interface CompiledRule { rule: Rule; origin: string }

/** A rule set compiled: its rules, and one generated function deciding them all (see decideRules). */
export interface CompiledSet {
  rules: CompiledRule[];
  /** Each rule's outcome, in rule-set order; `statuses` turns the eligibility rules' outcomes (as numbers,
   * see OUTCOME_OF) into facts. */
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

/** Compile one condition tree (absent = always true) into a generated function of the facts. */
export function compile(c: Condition | undefined, params: RuleSet['params']): Check {
  const g = new ExprGen(params);
  const body = g.expr(c);
  const fn = new Function('consts', 'cmp', `return function (f) {\n${g.hoisted(() => true)}\nreturn ${body};\n};`)(g.consts, cmp) as (f: Facts) => number;
  return (facts) => NAMES[fn(facts)]!;
}

/** One function for a whole rule set: each case fact read once, eligibility rules first, then every other
 * rule, which sees the programmes' outcomes over the case's facts (as LayeredFacts has them). */
function compileDecide(set: RuleSet): CompiledSet['decide'] {
  const g = new ExprGen(set.params);
  const first = set.rules.map((r, i) => (r.kind === 'eligibility' ? `o[${i}] = ${g.expr(r.when)};` : '')).filter(Boolean);
  g.stage = 2;
  const second = set.rules.map((r, i) => (r.kind !== 'eligibility' ? `o[${i}] = ${g.expr(r.when)};` : '')).filter(Boolean);
  const code = [
    'return function (f, statuses) {',
    `const o = new Array(${set.rules.length});`,
    g.hoisted((key) => !key.startsWith('2:')),
    ...first,
    'const s = statuses(o);',
    g.hoisted((key) => key.startsWith('2:')),
    ...second,
    `for (let i = 0; i < ${set.rules.length}; i++) o[i] = names[o[i]];`,
    'return o;',
    '};',
  ].join('\n');
  return new Function('consts', 'cmp', 'names', code)(g.consts, cmp, NAMES) as CompiledSet['decide'];
}

/** Generates a JavaScript expression (0 false, 1 unknown, 2 true) for a condition; facts are read once each,
 * into locals declared by hoisted(). In stage 2 of a rule set, eligibility.* facts are read from the
 * programmes' outcomes `s` first. Leaves with a literal or parameter value become inline comparisons;
 * anything else goes through compare(). */
class ExprGen {
  stage: 1 | 2 = 1;
  readonly consts: unknown[] = [];
  private vars = new Map<string, string>();
  constructor(private readonly params: RuleSet['params']) {}

  /** Declarations of the fact locals whose keys pass the filter. */
  hoisted(which: (key: string) => boolean): string {
    return [...this.vars]
      .filter(([key]) => which(key))
      .map(([key, v]) => {
        const fact = JSON.stringify(key.replace(/^[12]:/, ''));
        return `const ${v} = ${key.startsWith('2:') ? `s.get(${fact}) ?? f.get(${fact})` : `f.get(${fact})`};`;
      })
      .join('\n');
  }

  expr(c: Condition | undefined): string {
    if (!c) return '2';
    if ('all' in c) return c.all.length ? `Math.min(${c.all.map((x) => this.expr(x)).join(', ')})` : '2';
    if ('any' in c) return c.any.length ? `Math.max(${c.any.map((x) => this.expr(x)).join(', ')})` : '0';
    if ('not' in c) return `(2 - ${this.expr(c.not)})`;
    return this.leaf(c);
  }

  private v(fact: string): string {
    const key = fact.startsWith('eligibility.') ? `${this.stage}:${fact}` : fact;
    let name = this.vars.get(key);
    if (!name) {
      name = `v${this.vars.size}`;
      this.vars.set(key, name);
    }
    return name;
  }

  private konst(v: unknown): string {
    this.consts.push(v);
    return `consts[${this.consts.length - 1}]`;
  }

  private leaf(c: Condition & { fact: string }): string {
    const op = OPERATORS.find((o) => o in c)!;
    const raw = (c as Record<string, unknown>)[op] as Operand | unknown[];
    const a = this.v(c.fact);
    let expected: unknown = raw;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      if (!('param' in raw)) return `cmp(${JSON.stringify(op)}, ${a}, ${this.v(raw.fact)})`;
      expected = this.params[raw.param]?.value;
      if (expected === undefined) return '1';
    }
    const lit = (x: unknown) => (typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) ? JSON.stringify(x) : undefined);
    const scalar = lit(expected);
    const known = (test: string) => `(${a} === undefined ? 1 : ${test} ? 2 : 0)`;
    if ((op === 'equals' || op === 'not_equals') && scalar !== undefined) return known(`${a} ${op === 'equals' ? '===' : '!=='} ${scalar}`);
    if ((op === 'in' || op === 'not_in') && Array.isArray(expected) && expected.every((x) => lit(x) !== undefined)) {
      return known(`${op === 'in' ? '' : '!'}${this.konst(new Set(expected))}.has(${a})`);
    }
    if (['gt', 'gte', 'lt', 'lte'].includes(op) && scalar !== undefined && typeof expected !== 'boolean') {
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'gt'];
      return `(typeof ${a} !== ${JSON.stringify(typeof expected)} ? 1 : ${a} ${sym} ${scalar} ? 2 : 0)`;
    }
    if (op === 'contains' && scalar !== undefined) return known(`Array.isArray(${a}) && ${a}.includes(${scalar})`);
    return `cmp(${JSON.stringify(op)}, ${a}, ${this.konst(expected)})`;
  }
}

/** Facts over facts: the case's facts plus a few more (the eligibility outcomes), without copying the case's. */
export class LayeredFacts implements ReadonlyMap<string, FactValue> {
  constructor(private readonly base: Facts, private readonly top: ReadonlyMap<string, FactValue>) {}
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
