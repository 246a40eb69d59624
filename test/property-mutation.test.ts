// Property: random mutations of valid case files (text edits and value changes) give either a valid
// assessment or well-formed diagnostics, never an exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { builtinRules } from './helpers.js';
import {
  fixtureTexts,
  matchesAssessmentSchema,
  runPipeline,
  textMutationArb,
  validCaseTexts,
  valueMutationArb,
  type PipelineResult,
} from './property-arbitraries.js';

/** What every outcome must look like. */
function wellFormed(r: PipelineResult): void {
  if (r.kind === 'diagnostics') {
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.code).toMatch(/^[a-z0-9-]+$/);
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.message.length).toBeLessThan(3000);
      expect(d.file).toBe('case.yaml');
      expect(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1).toBe(true);
    }
  } else {
    expect(matchesAssessmentSchema(r.assessment).errors ?? []).toEqual([]);
  }
}

let seeds: string[] | undefined;
const seedTexts = () => (seeds ??= [...fixtureTexts().map((f) => f.text), ...validCaseTexts(8, 1)]);

describe('mutated case files', () => {
  it('text edits: an assessment or diagnostics, never an exception', () => {
    const rules = builtinRules();
    fc.assert(
      fc.property(textMutationArb(seedTexts()), (text) => wellFormed(runPipeline(text, rules))),
      { seed: 424242, numRuns: 150 },
    );
  });

  it('value changes: an assessment or diagnostics, never an exception', () => {
    const rules = builtinRules();
    const values = seedTexts().map((t) => parse(t) as unknown);
    fc.assert(
      fc.property(valueMutationArb(values), (text) => wellFormed(runPipeline(text, rules))),
      { seed: 99, numRuns: 100 },
    );
  });

  it('the unmutated fixtures are assessed', () => {
    const rules = builtinRules();
    for (const f of fixtureTexts()) expect(runPipeline(f.text, rules, 'case.yaml').kind).toBe('assessment');
  });
});
