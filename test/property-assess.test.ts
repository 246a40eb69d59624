// Property: any case the schema accepts is assessed without throwing, its JSON output matches the
// published assessment schema, and the same input always gives byte-identical output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import { caseArb, matchesAssessmentSchema, TODAY } from './property-arbitraries.js';
import { builtinRules } from './helpers.js';

const color = new Chalk({ level: 0 });

describe('assess() on any case the schema accepts', () => {
  it('returns, matches the published schema, and is byte-identical across runs', () => {
    const rules = builtinRules();
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, explain) => {
        const once = render(assess(c, rules, { today: TODAY, explain }), 'json', { color });
        const twice = render(assess(structuredClone(c), rules, { today: TODAY, explain }), 'json', { color });
        expect(twice).toBe(once);
        const check = matchesAssessmentSchema(JSON.parse(once));
        expect(check.errors ?? []).toEqual([]);
        expect(() => render(assess(c, rules, { today: TODAY, explain: true }), 'text', { color, explain: true })).not.toThrow();
      }),
      { seed: 20260310, numRuns: 150 },
    );
  });

  it('totals above the per-amount maximum still match the schema (found by npm run fuzz)', () => {
    const payment = { amount: { amount: 1e12, currency: 'USD' as const }, via: 'personal_account' as const };
    const a = assess({ order: { payments: [payment, payment] } }, builtinRules(), { today: TODAY });
    expect(a.case.amount_paid?.amount).toBe(2e12);
    expect(matchesAssessmentSchema(a).errors ?? []).toEqual([]);
  });

  it('does not modify the case it is given', () => {
    const rules = builtinRules();
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = JSON.stringify(c);
        assess(c, rules, { today: TODAY });
        expect(JSON.stringify(c)).toBe(before);
      }),
      { seed: 7, numRuns: 50 },
    );
  });
});
