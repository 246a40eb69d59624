// The order of a day's steps (sitting 2 of issue 14): the more severe first; at equal severity a step of no route
// (an urgent general one, such as recalling a wire) before the routes' steps, and those in the order the routes
// rank, so the first next step is the report's "Start with".
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { SEVERITIES } from '../src/case/enums.js';
import type { Assessment, PlanStep } from '../src/engine/assessment.js';
import { builtinRules } from './helpers.js';
import { fixtureTexts, TODAY } from './property-arbitraries.js';

const rules = builtinRules();
const assessed = fixtureTexts().flatMap((f) => {
  const doc = readYaml(f.text, f.file);
  const v = doc.ok ? validateCase(doc.value) : undefined;
  return v?.ok ? [{ file: f.file, a: assess(v.value, rules, { today: TODAY, file: f.file }) }] : [];
});

/** Where a step stands among the same day's steps of its severity: no route 0, else its route's rank, unranked last. */
const routeOrder = (a: Assessment, s: PlanStep) => (!s.route ? 0 : (a.strategies.find((x) => x.route === s.route)?.rank ?? Infinity));

describe('plan order within a day', () => {
  it('puts the more severe first, then no route, then the routes by rank', () => {
    let compared = 0;
    for (const { file, a } of assessed) {
      const steps = a.plan.filter((s) => !s.condition);
      for (let i = 1; i < steps.length; i++) {
        const [p, q] = [steps[i - 1]!, steps[i]!];
        if (p.date !== q.date) continue;
        const [sp, sq] = [SEVERITIES.indexOf(p.severity), SEVERITIES.indexOf(q.severity)];
        expect(sp, `${file}: ${p.rule} before ${q.rule}`).toBeGreaterThanOrEqual(sq);
        if (sp === sq) {
          compared++;
          expect(routeOrder(a, p), `${file}: ${p.rule} before ${q.rule}`).toBeLessThanOrEqual(routeOrder(a, q));
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('starts the day with the top route when every step of that severity has a route', () => {
    const wire = assessed.find((x) => x.file.endsWith('b-offline-wire-non-delivery.yaml'))!.a;
    const top = wire.strategies.find((s) => s.rank === 1)!;
    expect(wire.plan[0]!.route).toBe(top.route);
    const bankSwitch = assessed.find((x) => x.file.endsWith('a-bank-switch-hong-kong.yaml'))!.a;
    expect(bankSwitch.plan[0]!.route).toBeUndefined();
  });
});
