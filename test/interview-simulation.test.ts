// Whole interviews against the built-in rules (whatever packs are loaded): a buyer answering from a full
// case gets the same verdict as the full case, so the questions not asked did not matter.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess.js';
import { planInterview } from '../src/interview/planner.js';
import { bundleQuestion, questionFor } from '../src/interview/catalogue.js';
import { builtinRules } from './helpers.js';
import { AS_OF, ORACLES, simulate, verdict } from './interview-oracle.js';

describe('interview against the built-in rules', () => {
  for (const [name, oracle] of Object.entries(ORACLES)) {
    it(`${name}: stops, never repeats a question, and reaches the full case's verdict`, () => {
      const rules = builtinRules();
      const { asked, built } = simulate(oracle, rules);
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked[0]).toBe('dispute.types');
      for (const path of asked) expect(questionFor(path, rules) ?? bundleQuestion(path), path).toBeDefined();
      const opts = { today: AS_OF, asOf: AS_OF };
      expect(verdict(assess(built, rules, opts))).toEqual(verdict(assess(oracle, rules, opts)));
    });
  }

  it('a finished case has nothing left to ask', () => {
    const rules = builtinRules();
    const { asked, built } = simulate(ORACLES['non-delivery, paid off-platform']!, rules);
    expect(planInterview(built, rules, { today: AS_OF, skipped: new Set(asked) }).next).toBeUndefined();
  });
});
