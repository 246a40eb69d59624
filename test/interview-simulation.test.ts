// Whole interviews against the built-in rules (whatever packs are loaded): a buyer answering from a full
// case gets the same verdict as the full case, so the questions not asked did not matter.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess.js';
import { planInterview } from '../src/interview/planner.js';
import { bundleQuestion, questionFor } from '../src/interview/catalogue.js';
import fc from 'fast-check';
import { flattenCase } from '../src/case/facts.js';
import { documentCase, newCaseDocument, setAnswer } from '../src/interview/case-document.js';
import { valueAt } from '../src/interview/values.js';
import { BUNDLES } from '../src/interview/bundles.js';
import { paymentsAskable } from '../src/interview/payments.js';
import { builtinRules } from './helpers.js';
import { EVIDENCE_CHECKLIST, isHomework } from '../src/interview/agenda.js';
import { AS_OF, asAnswered, ORACLES, simulate, verdict } from './interview-oracle.js';

describe('interview against the built-in rules', () => {
  for (const [name, oracle] of Object.entries(ORACLES)) {
    it(`${name}: stops, never repeats a question, and reaches the full case's verdict`, () => {
      const rules = builtinRules();
      const { asked, homework, built, transcript } = simulate(oracle, rules);
      console.log(`${name}: ${asked.length} questions, then ${homework.length} homework: ${asked.join(', ')} | homework: ${homework.join(', ')}`);
      if (process.env.TRANSCRIPT === name) console.log(transcript.join('\n'));
      expect(new Set([...asked, ...homework]).size).toBe(asked.length + homework.length);
      // issue 15: an expert's interview, at most 20 questions (the evidence and the other checklists count as one)
      expect(asked.length).toBeLessThanOrEqual(20);
      expect(asked.slice(0, 2)).toEqual(['dispute.types', 'buyer.country'].filter((p) => asked.includes(p)));
      for (const path of homework) expect(isHomework(path), path).toBe(true);
      for (const path of asked) if (path !== EVIDENCE_CHECKLIST) expect(questionFor(path, rules) ?? bundleQuestion(path), path).toBeDefined();
      const opts = { today: AS_OF, asOf: AS_OF };
      expect(verdict(assess(built, rules, opts))).toEqual(verdict(assess(asAnswered(oracle), rules, opts)));
    });
  }

  it('a finished case has nothing left to ask', () => {
    const rules = builtinRules();
    const { skipped, built } = simulate(ORACLES['non-delivery, paid off-platform']!, rules);
    expect(planInterview(built, rules, { today: AS_OF, skipped, homework: true }).next).toBeUndefined();
  });

  it('on any partly filled case (as on resume) asks only for what is still unknown', () => {
    const rules = builtinRules();
    const cases = Object.values(ORACLES);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cases.length - 1 }), fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }), (k, keep) => {
        const oracle = cases[k]!;
        const doc = newCaseDocument([]);
        [...flattenCase(oracle)]
          .filter(([p, v]) => !/\.(amount|currency)$/.test(p) || typeof v === 'object')
          .forEach(([p, v], i) => keep[i] && setAnswer(doc, p, v));
        if (oracle.order?.payments && keep[119]) setAnswer(doc, 'order.payments', oracle.order.payments);
        const partial = documentCase(doc);
        if (!partial.ok) throw new Error(partial.message);
        for (const { question } of planInterview(partial.value, rules, { today: AS_OF }).candidates) {
          const bundle = BUNDLES.find((b) => b.id === question.path);
          if (bundle) expect(Object.keys(bundle.items).some((p) => valueAt(partial.value, p) === undefined)).toBe(true);
          else if (question.path === 'order.payments') expect(paymentsAskable(partial.value)).toBe(true);
          else expect(valueAt(partial.value, question.path), question.path).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
  });
});
