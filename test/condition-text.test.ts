// Conditions of conditional steps and alternatives are read on the report's first screen ("If ...:"), so every
// answer they can name needs its own plain phrase in the catalogue (src/interview/catalogue-conditions.ts), not
// the fallback that quotes the question ("the answer to "..." is "yes"").
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import { conditionText, ownConditionText, PHRASED_FACTS } from '../src/interview/catalogue-conditions.js';
import { questionFor } from '../src/interview/catalogue.js';
import { builtinRules } from './helpers.js';
import { fixtureTexts, TODAY } from './property-arbitraries.js';

const rules = builtinRules();
const assessed = fixtureTexts().flatMap((f) => {
  const doc = readYaml(f.text, f.file);
  const v = doc.ok ? validateCase(doc.value) : undefined;
  return v?.ok ? [{ file: f.file, a: assess(v.value, rules, { today: TODAY, whatIf: true, file: f.file }) }] : [];
});

describe('condition phrases', () => {
  it('has conditions to look at', () => {
    expect(assessed.filter(({ a }) => a.plan.some((s) => s.condition)).length).toBeGreaterThan(10);
  });

  it('every answer a fixture report names as a condition has its own phrase', () => {
    const missing = new Set<string>();
    for (const { a } of assessed) {
      const pairs = [...a.plan.flatMap((s) => (s.condition ? [s.condition, ...(s.condition.and ?? [])] : [])), ...(a.recommendation?.alternatives ?? [])];
      for (const { fact, value } of pairs) if (!ownConditionText(fact, value)) missing.add(`${fact}=${String(value)}`);
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('a fact with phrases has one for every answer the catalogue offers', () => {
    const missing: string[] = [];
    for (const fact of PHRASED_FACTS) {
      const q = questionFor(fact);
      expect(q, fact).toBeDefined();
      if (q!.kind === 'country' || q!.kind === 'payments') continue;
      const values = q!.kind === 'boolean' ? [true, false] : (q!.choices ?? []).map((c) => c.value);
      for (const v of values) if (!ownConditionText(fact, v)) missing.push(`${fact}=${String(v)}`);
    }
    expect(missing).toEqual([]);
  });

  it('no fixture report quotes a question as a condition', () => {
    // The fallback's wording, taken from the function itself on a fact without a phrase.
    const fallback = conditionText('buyer.alibaba_tier', 'enterprise').replace(/".*$/, '');
    expect(fallback).toMatch(/^\w/);
    for (const { file, a } of assessed) {
      const text = render(a, 'text', { width: 100 });
      expect(text.includes(`if ${fallback}`) || text.includes(`If ${fallback}`), file).toBe(false);
    }
  });
});
