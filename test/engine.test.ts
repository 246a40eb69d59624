// The engine: three-valued conditions with traces, eligibility outcomes, ranking, plan and evidence strength.
import { describe, expect, it } from 'vitest';
import { evaluateCondition, missingFacts } from '../src/engine/conditions.js';
import type { Condition } from '../src/rules/types.js';
import { assess } from '../src/assess.js';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import type { Case } from '../src/case/schema.js';
import { ROOT } from './helpers.js';

const env = (facts: Record<string, unknown>) => ({ facts: new Map(Object.entries(facts)) as never, params: { limit: { value: 10 } } });
const T: Condition = { fact: 't', equals: true };
const F: Condition = { fact: 'f', equals: true };
const U: Condition = { fact: 'u', equals: true };
const facts = { t: true, f: false };

describe('three-valued conditions', () => {
  it.each([
    ['all T T', { all: [T, T] }, 'true'],
    ['all T F', { all: [T, F] }, 'false'],
    ['all T U', { all: [T, U] }, 'unknown'],
    ['all F U', { all: [F, U] }, 'false'],
    ['any F F', { any: [F, F] }, 'false'],
    ['any F U', { any: [F, U] }, 'unknown'],
    ['any T U', { any: [T, U] }, 'true'],
    ['not T', { not: T }, 'false'],
    ['not U', { not: U }, 'unknown'],
    ['not F', { not: F }, 'true'],
  ] as [string, Condition, string][])('%s -> %s', (_, c, outcome) => {
    expect(evaluateCondition(c, env(facts)).outcome).toBe(outcome);
  });

  it.each([
    [{ fact: 'n', gt: 5 }, { n: 7 }, 'true'],
    [{ fact: 'n', lte: { param: 'limit' } }, { n: 11 }, 'false'],
    [{ fact: 'd', lt: { fact: 'e' } }, { d: '2026-01-01', e: '2026-02-01' }, 'true'],
    [{ fact: 'd', lt: { fact: 'e' } }, { d: '2026-01-01' }, 'unknown'],
    [{ fact: 's', in: ['a', 'b'] }, { s: 'b' }, 'true'],
    [{ fact: 's', not_in: ['a', 'b'] }, { s: 'b' }, 'false'],
    [{ fact: 'l', contains: 'x' }, { l: ['x', 'y'] }, 'true'],
    [{ fact: 'l', contains_any: ['z', 'q'] }, { l: ['x', 'y'] }, 'false'],
    [{ fact: 's', not_equals: 'a' }, {}, 'unknown'],
  ] as [Condition, Record<string, unknown>, string][])('%j on %j -> %s', (c, f, outcome) => {
    expect(evaluateCondition(c, env(f)).outcome).toBe(outcome);
  });

  it('keeps a trace with the values seen and reports the facts that would decide', () => {
    const t = evaluateCondition({ all: [T, U, { fact: 'd', lt: { fact: 'e' } }] }, env({ ...facts, d: '2026-01-01' }));
    expect(t.children?.[0]).toMatchObject({ fact: 't', actual: true, expected: true, outcome: 'true' });
    expect(t.children?.[1]).toMatchObject({ fact: 'u', actual: null, outcome: 'unknown' });
    expect([...missingFacts(t)].sort()).toEqual(['e', 'u']);
    expect([...missingFacts(evaluateCondition({ all: [F, U] }, env(facts)))]).toEqual([]);
  });
});

// A small rule set of our own, so these tests do not move when the built-in packs change.
const builtinSupport = yamlFilesIn(`${ROOT}/rules`)
  .filter((f) => /catalogue|parameters|sources/.test(f))
  .map((file) => ({ file, text: (readTextFile(file) as { text: string }).text }));
const RULES = `
rules:
  - id: ta/on-platform
    title: on platform
    kind: eligibility
    severity: info
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: derived.paid_on_platform, equals: true }
    then: { program: trade_assurance, effect: requires, unmet: "paid off platform" }
    message: paid on platform
  - id: ta/offline
    title: offline
    kind: eligibility
    severity: medium
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: order.channel, equals: offline }
    then: { program: trade_assurance, effect: excludes }
    message: offline deal
  - id: evidence/pay
    title: pay
    kind: checklist
    severity: high
    rationale: r
    source: [{ ref: gsxt }]
    then: { evidence: payment_records, level: required, for: [non_delivery, quality] }
    message: keep records
  - id: evidence/spec
    title: spec
    kind: checklist
    severity: medium
    rationale: r
    source: [{ ref: gsxt }]
    then: { evidence: spec_sheet, level: required, for: [quality] }
    message: spec
  - id: strategy/ta
    title: ta
    kind: strategy
    severity: info
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: eligibility.trade_assurance, equals: eligible }
    then: { route: ta_claim, score: 5 }
    message: claim
  - id: strategy/no-ta
    title: no ta
    kind: strategy
    severity: info
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: eligibility.trade_assurance, equals: ineligible }
    then: { route: ta_claim, exclude: true }
    message: not covered
  - id: strategy/negotiate
    title: negotiate
    kind: strategy
    severity: info
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: supplier.activity.responsive, equals: responsive }
    then: { route: negotiation, score: 2 }
    message: responsive
  - id: strategy/lawyer
    title: lawyer
    kind: strategy
    severity: info
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: derived.loss_usd, gt: 1000 }
    then: { route: prc_litigation, score: 2 }
    message: big
  - id: plan/window
    title: window
    kind: action
    severity: high
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: derived.ta_window_open, equals: true }
    then: { route: ta_claim, due: { fact: derived.ta_window_end, offset_days: -2 } }
    message: "claim before {derived.ta_window_end}"
  - id: plan/today
    title: today
    kind: action
    severity: critical
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: eligibility.trade_assurance, not_equals: ineligible }
    then: { due: today }
    message: act today
  - id: flag/fees
    title: fees
    kind: flag
    severity: critical
    rationale: r
    source: [{ ref: gsxt }]
    when: { fact: dispute.extra_fees_demanded, equals: true }
    message: do not pay
`;
const loaded = parseAndLoad([...builtinSupport, { file: 'test-rules.yaml', text: RULES }]);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
const set = loaded.value;
const run = (c: Case) => assess(c, set, { today: '2026-03-15' });
const pay = (via: string, amount = 24000) => ({ amount: { amount, currency: 'USD' as const }, via: via as never, method: 'tt' as const });

describe('assess', () => {
  it('Trade Assurance: eligible, ineligible and uncertain', () => {
    expect(run({ order: { channel: 'trade_assurance', payments: [pay('alibaba_checkout')] } }).trade_assurance.status).toBe('eligible');
    const off = run({ order: { channel: 'trade_assurance', payments: [pay('personal_account')] } }).trade_assurance;
    expect(off.status).toBe('ineligible');
    expect(off.reasons[0]).toMatchObject({ rule: 'ta/on-platform', effect: 'unmet', message: 'paid off platform' });
    const unsure = run({ order: { channel: 'trade_assurance' } }).trade_assurance;
    expect(unsure.status).toBe('uncertain');
    expect(unsure.unknown_facts).toEqual(['order.payments']);
    expect(run({ order: { channel: 'offline' } }).trade_assurance.status).toBe('ineligible');
  });

  it('ranks routes by score, keeps excluded ones out of the ranking, and exposes the reasons', () => {
    const a = run({ order: { channel: 'trade_assurance', payments: [pay('alibaba_checkout')] }, supplier: { activity: { responsive: 'responsive' } } });
    expect(a.strategies.filter((s) => s.rank).map((s) => [s.route, s.rank])).toEqual([
      ['ta_claim', 1],
      ['negotiation', 2],
      ['prc_litigation', 3],
    ]);
    const b = run({ order: { payments: [pay('personal_account')] } });
    const ta = b.strategies.find((s) => s.route === 'ta_claim');
    expect(ta?.excluded).toBe(true);
    expect(ta?.rank).toBeUndefined();
    expect(b.strategies[0]).toMatchObject({ route: 'prc_litigation', rank: 1 });
  });

  it('dates the plan: today first, window actions before their deadline, overdue marked', () => {
    const a = run({ order: { channel: 'trade_assurance', payments: [pay('alibaba_checkout')], delivery: { receipt_confirmed_date: '2026-03-01' } } });
    expect(a.plan.map((p) => [p.rule, p.date])).toEqual([
      ['plan/today', '2026-03-15'],
      ['plan/window', '2026-03-29'],
    ]);
    expect(a.plan[1]!.action).toBe('claim before 2026-03-31');
    expect(a.trade_assurance).toMatchObject({ window_end: '2026-03-31', days_left: 16 });
  });

  it.each([
    [{ payment_records: 'have', spec_sheet: 'have' }, 'strong'],
    [{ payment_records: 'have', spec_sheet: 'partial' }, 'moderate'],
    [{ payment_records: 'have', spec_sheet: 'missing' }, 'weak'],
    [{ payment_records: 'have' }, 'undetermined'],
  ] as const)('evidence %j -> %s', (evidence, strength) => {
    const a = run({ dispute: { types: ['quality', 'non_delivery'] }, evidence });
    expect(a.evidence.find((g) => g.dispute_type === 'quality')?.strength).toBe(strength);
    expect(a.evidence.find((g) => g.dispute_type === 'non_delivery')?.items.map((i) => i.kind)).toEqual(['payment_records']);
  });

  it('lists unknown case facts with the rules they would decide, most decisive first', () => {
    const a = run({});
    expect(a.unknowns[0]).toMatchObject({ fact: 'order.payments' });
    expect(a.unknowns.map((u) => u.fact)).toContain('dispute.extra_fees_demanded');
    expect(a.stats.undecided).toBeGreaterThan(0);
  });

  it('is deterministic: the same input gives the same output', () => {
    const c: Case = { order: { channel: 'trade_assurance', payments: [pay('alibaba_checkout')] }, dispute: { types: ['quality'], extra_fees_demanded: true } };
    expect(JSON.stringify(run(c))).toBe(JSON.stringify(run(c)));
    expect(
      run(c)
        .findings.filter((f) => f.kind === 'flag')
        .map((f) => f.id),
    ).toEqual(['flag/fees']);
  });
});

describe('eligibility as a fact', () => {
  it('an uncertain programme is unknown to other rules, and its open facts are reported', () => {
    const a = run({ order: { payments: [pay('alibaba_checkout')] } });
    expect(a.trade_assurance.status).toBe('uncertain');
    expect(a.plan.map((p) => p.rule)).not.toContain('plan/today');
    const u = a.unknowns.find((x) => x.fact === 'order.channel');
    expect(u?.rules).toEqual(expect.arrayContaining(['plan/today', 'strategy/ta', 'ta/offline']));
  });
});
