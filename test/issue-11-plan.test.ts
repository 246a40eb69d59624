// Issue 11: the plan never tells the buyer to take a route the strategy section rules out, and a route's cost is
// computed from its own fees (a bank switch: no demand to the genuine supplier; a foreign-court clause: no freeze).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { caseSchema } from '../src/case/schema.js';
import { builtinRules, ROOT } from './helpers.js';

function assessed(file: string, whatIf = false) {
  const text = readFileSync(join(ROOT, 'fixtures', file), 'utf8');
  const doc = readYaml(text, file);
  if (!doc.ok) throw new Error(file);
  const c = validateCase(doc.value);
  if (!c.ok) throw new Error(file);
  return assess(c.value, builtinRules(), { today: '2026-03-01', whatIf });
}

describe('the plan follows the strategy section', () => {
  it.each([
    'b-bank-switch-us-wire.yaml',
    'a-bank-switch-hong-kong.yaml',
    'b-review-court-abroad.yaml',
    'b-review-hk-supplier-demand.yaml',
    'c-ta-quality-window-open.yaml',
  ])('%s: no step of an excluded route', (f) => {
    const a = assessed(f);
    const excluded = new Set(a.strategies.filter((s) => s.excluded).map((s) => s.route));
    for (const step of a.plan) if (step.route) expect(excluded.has(step.route), `${step.rule} (${step.route})`).toBe(false);
  });

  it('a bank switch has no demand against the genuine supplier, but a report to the police today', () => {
    const a = assessed('b-bank-switch-us-wire.yaml');
    // Sitting 2: a step (or advice) of an excluded route is not given at all, not even as a finding.
    expect(a.findings.map((f) => f.id)).not.toContain('plan/written-demand');
    expect(a.plan.map((p) => p.rule)).not.toContain('plan/written-demand');
    expect(a.plan.map((p) => p.rule)).toContain('plan/bank-switch-report');
  });

  it.each(['b-bank-switch-us-wire.yaml', 'a-bank-switch-hong-kong.yaml', 'b-bank-switch-fraud-kind-cietac.yaml'])(
    '%s: no conditional step or advice aimed at the genuine supplier',
    (f) => {
      const a = assessed(f, true);
      const aimed = new Set(['negotiation', 'platform_complaint', 'prc_litigation', 'cietac_arbitration', 'asset_preservation']);
      for (const s of a.strategies.filter((x) => aimed.has(x.route))) expect(s.excluded, s.route).toBe(true);
      for (const step of a.plan) if (step.route) expect(aimed.has(step.route), `${step.rule} (${step.route}) ${step.condition?.fact ?? ''}`).toBe(false);
      for (const x of a.findings) if (x.kind === 'advice' && x.route) expect(aimed.has(x.route), x.id).toBe(false);
      expect(a.plan.map((p) => p.rule)).toContain('plan/bank-switch-report');
    },
  );

  it.each(['b-bank-switch-us-wire.yaml', 'a-bank-switch-hong-kong.yaml', 'b-bank-switch-fraud-kind-cietac.yaml'])(
    '%s: the civil route is the claim against the account holder, ranked after the police',
    (f) => {
      const a = assessed(f, true);
      const rank = (r: string) => a.strategies.find((s) => s.route === r)?.rank;
      expect(rank('payee_claim')).toBeDefined();
      expect(rank('police_report')).toBe(1);
      const claim = a.strategies.find((s) => s.route === 'payee_claim')!;
      expect(claim.reasons.map((r) => r.rule)).toContain('strategy/payee-claim-bank-switch');
    },
  );

  it('money with a Hong Kong company: the Hong Kong claim ranks first when it fits the Small Claims Tribunal; above it, advice (a lawyer, a freeze)', () => {
    const small = assessed('b-hk-payee-small-claim.yaml');
    const large = assessed('b-offline-wire-non-delivery.yaml');
    expect(small.strategies.find((s) => s.rank === 1)?.route).toBe('payee_claim');
    expect(small.plan.map((p) => p.rule)).toContain('plan/hk-small-claims-prepare');
    expect(large.strategies.find((s) => s.route === 'payee_claim')?.rank).toBeUndefined();
    expect(large.findings.map((f) => f.id)).toContain('lawyer/hk-payee-freeze');
    expect(small.findings.map((f) => f.id)).not.toContain('lawyer/hk-payee-freeze');
    expect(large.plan.map((p) => p.rule)).not.toContain('plan/hk-small-claims-prepare');
  });

  it('a foreign-court clause: no freeze in the plan, the clause analysed first', () => {
    const a = assessed('b-review-court-abroad.yaml');
    expect(a.plan.some((p) => p.route === 'asset_preservation')).toBe(false);
    expect(a.plan.map((p) => p.rule)).toContain('plan/analyse-foreign-court-clause');
  });

  it('every plan with money owed to a known counterparty has a dated written demand (or a bank-switch report instead)', () => {
    for (const f of [
      'b-review-clause-unknown-large-non-delivery.yaml',
      'b-review-price-hike-buyer-in-china.yaml',
      'b-review-lim-restarted.yaml',
      'b-review-hk-supplier-demand.yaml',
      'e-governing-law-buyer-country.yaml',
    ]) {
      const a = assessed(f);
      const demand = a.plan.find((p) => p.rule === 'plan/written-demand');
      expect(demand?.date, f).toBeDefined();
    }
  });

  it("the demand is in the plan even when the supplier's country is not known", () => {
    const c = caseSchema.parse({
      as_of: '2026-03-01',
      supplier: { name: 'X Trading Co.' },
      dispute: { types: ['non_delivery'] },
      order: { payments: [{ date: '2026-01-05', amount: { amount: 5000, currency: 'USD' } }] },
    });
    const a = assess(c, builtinRules(), { today: '2026-03-01' });
    expect(a.plan.find((p) => p.rule === 'plan/written-demand')?.date).toBe('2026-03-01');
  });
});

describe('evidence strength: a third-party payee and an accredited lab report (issue 11, sitting 2)', () => {
  it('a payment to someone other than the contracting party counts as partial; the item still shows what the buyer has', () => {
    const a = assessed('b-offline-wire-non-delivery.yaml');
    const g = a.evidence.find((e) => e.dispute_type === 'non_delivery')!;
    expect(g.items.find((i) => i.kind === 'payment_records')?.status).toBe('have');
    expect(g.strength).toBe('moderate');
  });

  it('a lab report the buyer has stands in for the inspection report; one not stated does not', () => {
    const text = readFileSync(join(ROOT, 'fixtures', 'e-quality-lab-report.yaml'), 'utf8');
    const doc = readYaml(text, 'x.yaml');
    if (!doc.ok) throw new Error('yaml');
    const c = validateCase(doc.value);
    if (!c.ok) throw new Error('case');
    const strength = (v: typeof c.value) => assess(v, builtinRules(), { today: '2026-06-10' }).evidence.find((e) => e.dispute_type === 'quality')!.strength;
    expect(strength(c.value)).toBe('strong');
    const without = structuredClone(c.value);
    delete without.evidence!.lab_tests;
    expect(strength(without)).toBe('weak');
    without.evidence!.lab_tests = 'partial';
    expect(strength(without)).toBe('moderate');
  });
});

describe('one step per thing to do (issue 11, sitting 2)', () => {
  it.each(['b-review-ta-dereg-nondelivery.yaml', 'a-led-panels-licence-revoked.yaml', 'a-deregistered-cabinets.yaml'])(
    '%s: "file the claim today anyway" and never also "file the claim", not even as a conditional step',
    (f) => {
      const rules = assessed(f, true).plan.map((p) => p.rule);
      expect(rules).toContain('plan/ta-claim-despite-dissolution');
      expect(rules).not.toContain('plan/file-ta-claim');
    },
  );
});
