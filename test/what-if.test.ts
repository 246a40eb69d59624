// What-if under uncertainty (issue 12): alternatives per deciding unknown, conditional plan steps with their
// condition and date, questions ordered by how much their answer changes the verdict, and the interview and the
// report asking the same questions in the same words.
import { describe, expect, it } from 'vitest';
import type { Case } from '../src/case/schema.js';
import { assess } from '../src/assess.js';
import { candidateValues, withFact } from '../src/engine/what-if.js';
import { conditionText } from '../src/interview/catalogue-conditions.js';
import { questionFor } from '../src/interview/catalogue.js';
import { planInterview } from '../src/interview/planner.js';
import { builtinRules } from './helpers.js';

const TODAY = '2026-11-25';
const rules = builtinRules();
const offline: Case = {
  as_of: TODAY,
  supplier: { found_on: 'alibaba', country: 'CN' },
  order: {
    channel: 'offline',
    payments: [{ date: '2026-10-01', amount: { amount: 7000, currency: 'USD' }, method: 'tt', via: 'supplier_company_account' }],
    delivery: { expected_date: '2026-10-15' },
  },
  dispute: { types: ['non_delivery'] },
};

describe('what-if', () => {
  it('sets one fact on a copy, payments as a symbolic answer', () => {
    const c: Case = { order: { channel: 'offline' } };
    expect(withFact(c, 'supplier.activity.responsive', 'slow').supplier?.activity?.responsive).toBe('slow');
    expect(withFact(c, 'order.payments', 'checkout').order?.payments?.[0]?.via).toBe('alibaba_checkout');
    expect(c).toEqual({ order: { channel: 'offline' } });
    expect(candidateValues('supplier.still_member')).toEqual([true, false]);
    expect(candidateValues('order.delivery.expected_date')).toBeUndefined();
  });

  it('gives the offline complaint as "if it is still a member, file by <date>" when membership is unknown', () => {
    const a = assess(offline, rules, { today: TODAY, whatIf: true });
    expect(a.programs.find((p) => p.program === 'offline_complaint')?.status).toBe('uncertain');
    const last = a.plan.find((s) => s.rule === 'plan/offline-complaint-last-day');
    expect(last?.condition?.fact).toBe('supplier.still_member');
    expect(last?.condition?.value).toBe(true);
    expect(last?.date).toBe('2027-01-13');
    const known = assess({ ...offline, supplier: { ...offline.supplier, still_member: true } }, rules, { today: TODAY, whatIf: true });
    expect(known.plan.find((s) => s.rule === 'plan/offline-complaint-last-day')?.condition).toBeUndefined();
  });

  it('names a route whenever a dispute is known, and the alternatives another answer would bring', () => {
    const a = assess(offline, rules, { today: TODAY, whatIf: true });
    expect(a.recommendation?.route).toBeDefined();
    for (const alt of a.recommendation!.alternatives) {
      expect(alt.condition).toBe(conditionText(alt.fact, alt.value));
      expect(alt.route).not.toBe(undefined);
    }
    expect(assess({ as_of: TODAY }, rules, { today: TODAY, whatIf: true }).recommendation?.route).toBeUndefined();
  });

  it('orders the questions by how much their answer changes the verdict', () => {
    const a = assess(offline, rules, { today: TODAY, whatIf: true });
    const scored = a.unknowns.filter((u) => u.impact !== undefined).map((u) => u.impact!);
    expect(scored.length).toBeGreaterThan(2);
    expect(scored).toEqual([...scored].sort((x, y) => y - x));
    expect(a.unknowns.slice(0, scored.length).every((u) => u.impact !== undefined)).toBe(true);
  });

  it('asks in the report what the interview asks, in the same words', () => {
    const c: Case = { as_of: TODAY, dispute: { types: ['non_delivery'] }, supplier: { activity: { responsive: 'unresponsive' } } };
    const a = assess(c, rules, { today: TODAY, whatIf: true });
    for (const u of a.unknowns.filter((x) => x.question)) expect(u.question).toBe(questionFor(u.fact, rules)!.text);
    const reported = new Set(a.unknowns.map((u) => u.fact));
    const plan = planInterview(c, rules, { today: TODAY });
    // (the basics are asked whatever the rules need: only questions a rule needs must be in the report)
    const asked = plan.candidates
      .filter((x) => x.rules.join() !== '(the basics)')
      .map((x) => x.question.path)
      .filter((p) => p.includes('.') && !p.startsWith('evidence.'));
    expect(asked.length).toBeGreaterThan(3);
    for (const p of asked) expect(reported.has(p), p).toBe(true);
  });
});
