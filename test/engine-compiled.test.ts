// The compiled conditions (src/engine/compile.ts) must decide exactly as the traced evaluator does,
// on random condition trees over random facts (known, unknown, of every type), and on the built-in rules.
import { describe, expect, it } from 'vitest';
import { compile, compiledRules } from '../src/engine/compile.js';
import { evaluateCondition, missingFacts, unknownFacts } from '../src/engine/conditions.js';
import { decideRules, evaluateRules } from '../src/engine/evaluate.js';
import { flattenCase, type FactValue } from '../src/case/facts.js';
import { deriveFacts } from '../src/case/derive.js';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { OPERATORS, type Condition, type RuleSet } from '../src/rules/types.js';
import { generateCase, seeded, type Rng } from '../scripts/bench-cases.js';
import { builtinRules } from './helpers.js';

const FACTS = ['a', 'b', 'c', 'list', 'd'];
const VALUES: unknown[] = ['x', 'y', '', 'Y', 0, 1, -1, 2.5, true, false, null, '2026-01-01', '2025-12-31', ['x', 'y'], ['z'], [], [1, 'x']];
const PARAMS = { p_num: { value: 1 }, p_str: { value: 'x' }, p_list: { value: ['x', 1] }, p_table: { value: { x: 1 } } } as unknown as RuleSet['params'];
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function randomCondition(rng: Rng, depth: number): Condition {
  const r = rng();
  if (depth < 3 && r < 0.15) return { all: Array.from({ length: Math.floor(rng() * 4) }, () => randomCondition(rng, depth + 1)) };
  if (depth < 3 && r < 0.3) return { any: Array.from({ length: Math.floor(rng() * 4) }, () => randomCondition(rng, depth + 1)) };
  if (depth < 3 && r < 0.4) return { not: randomCondition(rng, depth + 1) };
  const op = pick(rng, OPERATORS);
  const v = rng();
  // As the semantic check requires: in, not_in and contains_any take a list (literal or parameter).
  const listOp = op === 'in' || op === 'not_in' || op === 'contains_any';
  const operand = listOp
    ? v < 0.3
      ? { param: 'p_list' }
      : pick(rng, VALUES.filter(Array.isArray))
    : v < 0.15
      ? { param: pick(rng, ['p_num', 'p_str', 'p_table', 'p_missing']) }
      : v < 0.3
        ? { fact: pick(rng, FACTS) }
        : pick(
            rng,
            VALUES.filter((x) => !Array.isArray(x)),
          );
  return { fact: pick(rng, FACTS), [op]: operand } as Condition;
}

function randomFacts(rng: Rng): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  for (const f of FACTS)
    if (rng() < 0.75)
      facts.set(
        f,
        pick(
          rng,
          VALUES.filter((x) => x !== null),
        ) as FactValue,
      );
  return facts;
}

describe('compiled conditions', () => {
  it('decide random condition trees exactly as evaluateCondition does', () => {
    const rng = seeded(21);
    let checked = 0;
    const outcomes = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const c = randomCondition(rng, 0);
      const check = compile(c, PARAMS);
      for (let j = 0; j < 5; j++) {
        const facts = randomFacts(rng);
        const traced = evaluateCondition(c, { facts, params: PARAMS });
        const expected = traced.outcome;
        outcomes.add(expected);
        expect(check(facts), JSON.stringify({ c, facts: [...facts] })).toBe(expected);
        // The missing facts worked out without a trace are the trace's, in the same order.
        expect([...unknownFacts(c, { facts, params: PARAMS })], JSON.stringify({ c, facts: [...facts] })).toEqual([...missingFacts(traced)]);
        checked++;
      }
    }
    expect(checked).toBe(15000);
    expect([...outcomes].sort()).toEqual(['false', 'true', 'unknown']);
  });

  it('decide the built-in rules on generated cases as the traced evaluator does', () => {
    const set = builtinRules();
    const rng = seeded(5);
    for (let i = 0; i < 300; i++) {
      const c = generateCase(caseJsonSchema(), rng, { presence: [0.2, 0.5, 1][i % 3]! });
      const facts = flattenCase({ ...c, as_of: '2026-06-01' });
      deriveFacts(c as never, facts, set.params, '2026-06-01');
      const ev = evaluateRules(facts, set);
      const decided = decideRules(facts, set);
      // A copy of the facts decides the same (nothing is kept from one call to the next).
      const fromMap = decideRules(new Map(facts), set);
      compiledRules(set).forEach(({ rule }, k) => {
        const stage = rule.kind === 'eligibility' ? facts : ev.facts;
        const traced = evaluateCondition(rule.when, { facts: stage, params: set.params });
        // Read before the trace: worked out without it.
        expect([...ev.byId.get(rule.id)!.missing]).toEqual([...missingFacts(traced)]);
        expect(ev.byId.get(rule.id)!.outcome).toBe(traced.outcome);
        expect(decided.outcomes[k]).toBe(traced.outcome);
        expect(fromMap.outcomes[k]).toBe(traced.outcome);
        expect(ev.byId.get(rule.id)!.trace).toEqual(traced);
      });
      expect(JSON.parse(JSON.stringify(ev.results)).map((r: { trace: unknown }) => r.trace)).toEqual(ev.results.map((r) => r.trace));
      // Only the undecided rules are listed as such, in rule-set order; the findings are exactly the fired rules.
      expect(ev.undecided.map((r) => r.id)).toEqual(set.rules.filter((r) => ev.outcome(r.id) === 'unknown').map((r) => r.id));
      expect(ev.findings.map((f) => f.id)).toEqual(set.rules.filter((r) => ev.outcome(r.id) === 'true').map((r) => r.id));
      expect(ev.outcome('no-such-rule')).toBeUndefined();
    }
  });
});
