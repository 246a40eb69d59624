// Rule conditions compiled once per rule set into generated functions that give the same three-valued
// outcome as evaluateCondition, without building a trace: a rule is decided with no allocation at all, and a
// trace is built only for the rules that need one (undecided ones, --explain).
import type { Facts, FactValue } from '../case/facts.js';
import { OPERATORS, type Condition, type Operand, type Operator, type Rule, type RuleSet } from '../rules/types.js';
import { compare, type Outcome } from './conditions.js';

/** A compiled condition: its outcome for a set of facts. */
export type Check = (facts: Facts) => Outcome;

/** A rule with its compiled condition and its printed origin. */
export interface CompiledRule { rule: Rule; check: Check; origin: string }

const cache = new WeakMap<RuleSet, CompiledRule[]>();

/** The rule set's rules, compiled (once per rule set object). */
export function compiledRules(set: RuleSet): CompiledRule[] {
  let out = cache.get(set);
  if (!out) {
    out = set.rules.map((rule) => ({ rule, check: compile(rule.when, set.params), origin: `${rule.origin.file}:${rule.origin.line}:${rule.origin.column}` }));
    cache.set(set, out);
  }
  return out;
}

const OUTCOMES: Outcome[] = ['false', 'true', 'unknown'];

/** Compile a condition tree (absent = always true) into a function generated for it: leaves with a literal
 * (or parameter) value become inline comparisons; anything else goes through the generic compare. */
export function compile(c: Condition | undefined, params: RuleSet['params']): Check {
  const g = new CodeGen(params);
  const root = g.node(c);
  const factory = new Function('consts', 'compare', `${g.fns.join('\n')}\nreturn ${root};`) as (consts: unknown[], cmp: typeof compareInt) => (f: Facts) => 0 | 1 | 2;
  const fn = factory(g.consts, compareInt);
  return (facts) => OUTCOMES[fn(facts)]!;
}

/** compare() as 0 (false), 1 (true), 2 (unknown). */
function compareInt(op: Operator, actual: FactValue | undefined, expected: unknown): 0 | 1 | 2 {
  if (actual === undefined || expected === undefined) return 2;
  const o = compare(op, actual, expected);
  return o === 'true' ? 1 : o === 'false' ? 0 : 2;
}

/** Generates one JavaScript function per condition node; each returns 0 (false), 1 (true) or 2 (unknown). */
class CodeGen {
  fns: string[] = [];
  consts: unknown[] = [];
  constructor(private readonly params: RuleSet['params']) {}

  node(c: Condition | undefined): string {
    const name = `n${this.fns.length}`;
    this.fns.push('');
    this.fns[Number(name.slice(1))] = `function ${name}(f) {\n${this.body(c)}\n}`;
    return name;
  }

  private konst(v: unknown): string {
    this.consts.push(v);
    return `consts[${this.consts.length - 1}]`;
  }

  private body(c: Condition | undefined): string {
    if (!c) return 'return 1;';
    if ('all' in c || 'any' in c) {
      const all = 'all' in c;
      const parts = (all ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any).map((x) => this.node(x));
      const decisive = all ? 0 : 1;
      return `let u = false, o;\n${parts.map((p) => `o = ${p}(f); if (o === ${decisive}) return ${decisive}; if (o === 2) u = true;`).join('\n')}\nreturn u ? 2 : ${1 - decisive};`;
    }
    if ('not' in c) return `const o = ${this.node(c.not)}(f);\nreturn o === 2 ? 2 : 1 - o;`;
    return `const a = f.get(${JSON.stringify(c.fact)});\nif (a === undefined) return 2;\n${this.leaf(c)}`;
  }

  /** Statements deciding a leaf once its fact value `a` is known. */
  private leaf(c: Condition & { fact: string }): string {
    const op = OPERATORS.find((o) => o in c)!;
    const raw = (c as Record<string, unknown>)[op] as Operand | unknown[];
    let expected: unknown = raw;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      if (!('param' in raw)) return `return compare(${JSON.stringify(op)}, a, f.get(${JSON.stringify(raw.fact)}));`;
      expected = this.params[raw.param]?.value;
      if (expected === undefined) return 'return 2;';
    }
    const lit = (v: unknown) => (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? JSON.stringify(v) : undefined);
    const scalar = lit(expected);
    const primitives = Array.isArray(expected) && expected.every((v) => lit(v) !== undefined);
    if ((op === 'equals' || op === 'not_equals') && scalar !== undefined) return `return a ${op === 'equals' ? '===' : '!=='} ${scalar} ? 1 : 0;`;
    if ((op === 'in' || op === 'not_in') && primitives) return `return ${this.konst(new Set(expected as unknown[]))}.has(a) ? ${op === 'in' ? '1 : 0' : '0 : 1'};`;
    if (['gt', 'gte', 'lt', 'lte'].includes(op) && scalar !== undefined && typeof expected !== 'boolean') {
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op as 'gt'];
      return `if (typeof a !== ${JSON.stringify(typeof expected)}) return 2;\nreturn a ${sym} ${scalar} ? 1 : 0;`;
    }
    if (op === 'contains' && scalar !== undefined) return `return Array.isArray(a) && a.includes(${scalar}) ? 1 : 0;`;
    return `return compare(${JSON.stringify(op)}, a, ${this.konst(expected)});`;
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
