// "Start with:" never names a route a rule excluded; when no route ranks and the written demand is excluded too
// (a fraud with nothing paid), it is the plan's first step, so the verdict and "Your next steps" agree.
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import { stepGroups } from '../src/engine/report-order.js';
import { builtinRules } from './helpers.js';
import { fixtureTexts, TODAY } from './property-arbitraries.js';

const rules = builtinRules();
const assessed = fixtureTexts().flatMap((f) => {
  const doc = readYaml(f.text, f.file);
  const v = doc.ok ? validateCase(doc.value) : undefined;
  return v?.ok ? [{ file: f.file, a: assess(v.value, rules, { today: TODAY, whatIf: true, file: f.file }) }] : [];
});
const startLine = (text: string) => text.split('\n').find((l) => l.startsWith('Start with: '));

describe('Start with', () => {
  it('never recommends an excluded route', () => {
    for (const { file, a } of assessed) {
      const route = a.recommendation?.route;
      if (route) expect(a.strategies.find((s) => s.route === route)?.excluded ?? false, file).toBe(false);
    }
  });

  it('without a route, is the first of the next steps', () => {
    const cases = assessed.filter(({ a }) => a.recommendation?.basis === 'plan_step');
    expect(cases.length).toBeGreaterThan(0);
    for (const { file, a } of cases) {
      expect(a.recommendation?.route, file).toBeUndefined();
      const first = stepGroups(a)[0]?.steps[0];
      expect(first?.title, file).toBe(a.recommendation?.title);
      expect(startLine(render(a, 'text', { width: 100 })), file).toContain(first!.title!);
    }
  });
});
