// Three-valued, traced evaluation of condition trees. A leaf on an unknown fact is unknown;
// `all` is false if any part is false, else unknown if any is unknown; `any` is the mirror; `not` swaps.
import type { Facts, FactValue } from '../case/facts.js';
import { OPERATORS, type Condition, type Leaf, type Operand, type Operator } from '../rules/types.js';

export type Outcome = 'true' | 'false' | 'unknown';

/** What one condition node saw and decided. */
export interface Trace {
  outcome: Outcome;
  op: 'all' | 'any' | 'not' | 'always' | Operator;
  fact?: string;
  actual?: FactValue | null;
  expected?: unknown;
  children?: Trace[];
}

export interface EvalEnv {
  facts: Facts;
  params: Record<string, { value: unknown }>;
}

const tri = (b: boolean): Outcome => (b ? 'true' : 'false');

/** Evaluate a condition (absent = always true) with its trace. */
export function evaluateCondition(c: Condition | undefined, env: EvalEnv): Trace {
  if (!c) return { outcome: 'true', op: 'always' };
  if ('all' in c) {
    const children = c.all.map((x) => evaluateCondition(x, env));
    const outcome = children.some((t) => t.outcome === 'false') ? 'false' : children.some((t) => t.outcome === 'unknown') ? 'unknown' : 'true';
    return { outcome, op: 'all', children };
  }
  if ('any' in c) {
    const children = c.any.map((x) => evaluateCondition(x, env));
    const outcome = children.some((t) => t.outcome === 'true') ? 'true' : children.some((t) => t.outcome === 'unknown') ? 'unknown' : 'false';
    return { outcome, op: 'any', children };
  }
  if ('not' in c) {
    const child = evaluateCondition(c.not, env);
    const outcome = child.outcome === 'unknown' ? 'unknown' : child.outcome === 'true' ? 'false' : 'true';
    return { outcome, op: 'not', children: [child] };
  }
  const { op, raw, actual, expected } = readLeaf(c, env);
  const trace: Trace = { outcome: 'unknown', op, fact: c.fact, actual: actual ?? null, expected: expected ?? raw };
  if (actual === undefined || expected === undefined) return trace;
  trace.outcome = compare(op, actual, expected);
  return trace;
}

/** A leaf's operator, its operand as written, the fact's value and the operand's value (undefined when unknown). */
function readLeaf(c: Leaf, env: EvalEnv) {
  const op = OPERATORS.find((o) => o in c)!;
  const raw = (c as Record<string, unknown>)[op];
  const actual = env.facts.get(c.fact);
  const expected = Array.isArray(raw) ? raw : resolve(raw as Operand, env);
  return { op, raw, actual, expected };
}

function resolve(v: Operand, env: EvalEnv): unknown {
  if (typeof v === 'object' && v !== null) {
    if ('param' in v) return env.params[v.param]?.value;
    return env.facts.get(v.fact);
  }
  return v;
}

/** Compare a known fact value with a known expected value. */
export function compare(op: Operator, actual: FactValue, expected: unknown): Outcome {
  switch (op) {
    case 'equals':
      return tri(actual === expected);
    case 'not_equals':
      return tri(actual !== expected);
    case 'in':
      return tri((expected as unknown[]).includes(actual));
    case 'not_in':
      return tri(!(expected as unknown[]).includes(actual));
    case 'contains':
      return tri(Array.isArray(actual) && actual.includes(expected));
    case 'contains_any':
      return tri(Array.isArray(actual) && (expected as unknown[]).some((e) => actual.includes(e as string)));
    case 'gt':
      return ordered(actual, expected, (a, b) => a > b);
    case 'gte':
      return ordered(actual, expected, (a, b) => a >= b);
    case 'lt':
      return ordered(actual, expected, (a, b) => a < b);
    case 'lte':
      return ordered(actual, expected, (a, b) => a <= b);
  }
}

function ordered(a: unknown, b: unknown, f: (x: number | string, y: number | string) => boolean): Outcome {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return tri(f(a, b));
  return 'unknown';
}

/** The facts whose absence left an undecided condition undecided. */
export function missingFacts(t: Trace, out = new Set<string>()): Set<string> {
  if (t.outcome !== 'unknown') return out;
  if (t.children) for (const c of t.children) missingFacts(c, out);
  else if (t.fact) {
    if (t.actual === null) out.add(t.fact);
    const e = t.expected as { fact?: string } | undefined;
    if (e && typeof e === 'object' && !Array.isArray(e) && typeof e.fact === 'string') out.add(e.fact);
  }
  return out;
}

/** The facts whose absence leaves a condition undecided: `missingFacts(evaluateCondition(c, env))` without building
 * the trace (the unknowns section asks this of every undecided rule of every case). */
export function unknownFacts(c: Condition | undefined, env: EvalEnv, out = new Set<string>()): Set<string> {
  if (c && outcomeOf(c, env) === 'unknown') collectUnknown(c, env, out);
  return out;
}

/** A condition's outcome, as evaluateCondition decides it, with no trace. */
function outcomeOf(c: Condition, env: EvalEnv): Outcome {
  if ('all' in c || 'any' in c) {
    const [parts, decisive] = 'all' in c ? [c.all, 'false'] : [c.any, 'true'];
    let unknown = false;
    for (const x of parts) {
      const o = outcomeOf(x, env);
      if (o === decisive) return decisive;
      if (o === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : decisive === 'false' ? 'true' : 'false';
  }
  if ('not' in c) {
    const o = outcomeOf(c.not, env);
    return o === 'unknown' ? 'unknown' : o === 'true' ? 'false' : 'true';
  }
  const { op, actual, expected } = readLeaf(c, env);
  return actual === undefined || expected === undefined ? 'unknown' : compare(op, actual, expected);
}

/** The missing facts under an undecided condition: each undecided part's, as missingFacts walks the trace. */
function collectUnknown(c: Condition, env: EvalEnv, out: Set<string>): void {
  if ('all' in c || 'any' in c) {
    for (const x of 'all' in c ? c.all : c.any) if (outcomeOf(x, env) === 'unknown') collectUnknown(x, env, out);
    return;
  }
  if ('not' in c) return collectUnknown(c.not, env, out);
  const { raw } = readLeaf(c, env);
  if (env.facts.get(c.fact) == null) out.add(c.fact);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'fact' in raw && env.facts.get(raw.fact as string) == null) out.add(raw.fact as string);
}
