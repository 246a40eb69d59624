// Consistency invariants of an assessment (issue 12), over every fixture and over generated cases: what the report
// says in one place never contradicts what it says in another, advice appears only where it applies, and the text
// report speaks a buyer's language (no fact paths, no rule counts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import type { Case } from '../src/case/schema.js';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import type { Assessment } from '../src/engine/assessment.js';
import type { RuleSet } from '../src/rules/types.js';
import { builtinRules } from './helpers.js';
import { caseArb, fixtureTexts, TODAY } from './property-arbitraries.js';

/** The rules that say whether a programme is still in time: a met one beside a failed one is a contradiction. */
const TIMING: Record<string, string[]> = {
  trade_assurance: ['ta/quality-window', 'ta/order-closed', 'ta/dispute-refused-late'],
  offline_complaint: ['offline/within-window'],
  card_chargeback: ['chargeback/within-window'],
  paypal_protection: ['paypal/within-window'],
};
/** The route of each programme's own plan steps. */
const PROGRAM_ROUTE: Record<string, string> = {
  trade_assurance: 'ta_claim',
  offline_complaint: 'platform_complaint',
  card_chargeback: 'chargeback',
  paypal_protection: 'paypal_dispute',
};
/** Steps about a platform decision already taken, which stand whatever the programme's status. */
const OUTCOME_STEPS = new Set(['plan/ta-won-unpaid', 'plan/ta-won-refund-check', 'plan/ta-reopen-no-response']);
/** Flags that close routes: while one fires, no plan step may send the buyer down those routes. */
const CLOSES: Record<string, string[]> = {
  'deadline/limitation-expired': ['prc_litigation', 'cietac_arbitration', 'asset_preservation'],
  'deadline/chargeback-expired': ['chargeback'],
  'deadline/paypal-expired': ['paypal_dispute'],
  'ta/dispute-refused-late': ['ta_claim'],
  'ta/dispute-lost': ['ta_claim'],
};
/**
 * Known failures, left to the issue that owns the rules (issue 11: limitation, H1-H9). Listed by fixture and
 * invariant so that a fix shows up as an unexpected pass to remove from here.
 */
const KNOWN: Record<string, string[]> = {};

/** Every invariant broken by one assessment (and its text report), as short codes with the detail. */
export function violations(c: Case, a: Assessment, text: string, rules: RuleSet): string[] {
  const out: string[] = [];
  const fired = new Set(a.findings.map((f) => f.id));
  for (const p of [a.trade_assurance, ...a.programs]) {
    const gates = p.reasons.filter((r) => TIMING[p.program]?.includes(r.rule));
    if (gates.some((r) => r.effect === 'met') && gates.some((r) => r.effect === 'excluded' || r.effect === 'unmet'))
      out.push(`contradicting-gates ${p.program}`);
    const route = PROGRAM_ROUTE[p.program]!;
    if (p.status === 'ineligible') {
      for (const s of a.plan.filter((x) => x.route === route && !x.condition && !OUTCOME_STEPS.has(x.rule)))
        out.push(`plan-contradicts-flag ${s.rule} while ${p.program} is ineligible`);
    }
  }
  for (const [flag, routes] of Object.entries(CLOSES)) {
    if (!fired.has(flag)) continue;
    for (const s of a.plan.filter((x) => x.route && routes.includes(x.route) && !x.condition && !OUTCOME_STEPS.has(x.rule)))
      out.push(`plan-contradicts-flag ${s.rule} beside ${flag}`);
  }
  // The route the text report's verdict says to start with (issue 14) is never one a flag closes.
  const start = a.strategies.find((x) => x.rank === 1)?.route ?? a.recommendation?.route;
  for (const [flag, routes] of Object.entries(CLOSES))
    if (fired.has(flag) && start && routes.includes(start)) out.push(`verdict-contradicts-flag ${start} beside ${flag}`);
  if (start === 'ta_claim' && a.trade_assurance.status === 'ineligible') out.push('verdict-contradicts-flag ta_claim while trade_assurance is ineligible');
  for (const s of a.strategies.filter((x) => x.excluded)) {
    for (const p of a.plan.filter((x) => x.route === s.route && !x.condition && !OUTCOME_STEPS.has(x.rule)))
      out.push(`plan-contradicts-flag ${p.rule} for the excluded route ${s.route}`);
  }
  // Advice only where it applies.
  const types = c.dispute?.types ?? [];
  if (fired.has('advice/keep-talking-on-platform') && (c.order?.channel === 'offline' || (types.length > 0 && types.every((t) => t === 'ip_infringement'))))
    out.push('advice-out-of-place keep-talking-on-platform');
  const methods = (c.order?.payments ?? []).map((p) => p.method);
  for (const [title, method] of [
    ['Card chargeback', 'card'],
    ['PayPal Buyer Protection', 'paypal'],
  ] as const) {
    const shown = new RegExp(`^${title}: (ELIGIBLE|UNCERTAIN)`, 'm').test(text);
    const possible = methods.includes(method) || methods.includes(undefined);
    if (shown && !possible) out.push(`programme-without-payment ${title}`);
  }
  // Evidence strength counts only evidence for the stated types.
  for (const g of a.evidence) {
    if (!types.includes(g.dispute_type)) out.push(`evidence-for-unstated-type ${g.dispute_type}`);
    for (const i of g.items) {
      const r = rules.rules.find((x) => x.id === i.rule);
      if (r?.kind !== 'checklist' || !r.then.for.includes(g.dispute_type)) out.push(`evidence-item-off-type ${i.rule} in ${g.dispute_type}`);
    }
  }
  // A route (or, with basis plan_step, the plan's step for today) is named whenever a dispute or a loss is known
  // (unless negotiation itself is ruled out).
  const negotiation = a.strategies.find((s) => s.route === 'negotiation');
  const known = types.length > 0 || (a.case.loss?.amount ?? 0) > 0;
  if (
    a.recommendation &&
    known &&
    !a.recommendation.route &&
    !(a.recommendation.basis === 'plan_step' && a.recommendation.title) &&
    !negotiation?.excluded &&
    (negotiation?.score ?? 0) >= 0
  )
    out.push('no-recommendation');
  // Each plan step once; a conditional step names its condition.
  const ids = a.plan.map((s) => s.rule);
  if (new Set(ids).size !== ids.length) out.push('plan-step-twice');
  for (const s of a.plan.filter((x) => x.condition)) if (!s.condition!.text) out.push(`condition-without-words ${s.rule}`);
  // The text report: no fact paths, no rule counts (the Sources list and --explain are not checked).
  const body = text.split('\nSources\n')[0]!;
  const path = /(?<!{)\b(?:order|supplier|dispute|buyer|evidence|assets|ip|customs|derived|eligibility)\.[a-z_]+(?:\.[a-z_]+)*\b/.exec(body);
  if (path) out.push(`fact-path-in-text ${path[0]}`);
  if (/\(\d+ rules?\)|\d+ of \d+ rules fired/.test(body)) out.push('rule-count-in-text');
  return out;
}

const plain = new Chalk({ level: 0 });
function check(c: Case, rules: RuleSet, whatIf: boolean): string[] {
  const a = assess(c, rules, { today: TODAY, whatIf });
  return violations(c, a, render(a, 'text', { color: plain }), rules);
}

describe('consistency invariants', () => {
  const rules = builtinRules();
  const fixtures = fixtureTexts().flatMap((f) => {
    const doc = readYaml(f.text, f.file);
    const v = doc.ok ? validateCase(doc.value) : undefined;
    return v?.ok ? [{ file: f.file, c: v.value }] : [];
  });

  it('hold for every fixture (known failures listed, and still failing)', () => {
    expect(fixtures.length).toBeGreaterThan(60);
    const unexpected: string[] = [];
    const fixed: string[] = [];
    for (const { file, c } of fixtures) {
      const got = check(c, rules, true);
      const known = KNOWN[file] ?? [];
      for (const v of got) if (!known.some((k) => v.startsWith(k))) unexpected.push(`${file}: ${v}`);
      for (const k of known) if (!got.some((v) => v.startsWith(k))) fixed.push(`${file}: ${k} (remove it from KNOWN)`);
    }
    expect(unexpected).toEqual([]);
    expect(fixed).toEqual([]);
  });

  it('hold for generated cases', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(check(c, rules, false).filter((v) => !v.startsWith('no-recommendation'))).toEqual([]);
      }),
      { seed: 1212, numRuns: 150 },
    );
  });

  it('hold for generated cases with the what-if analysis', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(check(c, rules, true)).toEqual([]);
      }),
      { seed: 12, numRuns: 25 },
    );
  });

  it('catch what they are meant to catch', () => {
    const c: Case = { as_of: TODAY, order: { channel: 'offline' }, supplier: { found_on: 'alibaba' }, dispute: { types: ['quality'] } };
    const a = assess(c, rules, { today: TODAY, whatIf: true });
    const forged: Assessment = {
      ...a,
      findings: [...a.findings, { id: 'advice/keep-talking-on-platform', kind: 'advice', severity: 'info', title: '', message: '', source: [] }],
      plan: [...a.plan, { overdue: false, action: 'x', rule: 'plan/file-ta-claim', route: 'ta_claim', severity: 'high' }],
      trade_assurance: { ...a.trade_assurance, status: 'ineligible' },
      strategies: [
        ...a.strategies.map((x) => ({ ...x, rank: undefined })),
        { route: 'ta_claim', title: 'Trade Assurance claim', description: '', score: 5, rank: 1, excluded: false, reasons: [] },
      ],
    };
    const got = violations(c, forged, 'Card chargeback: UNCERTAIN\n? order.channel (3 rules)\n', rules);
    for (const code of [
      'advice-out-of-place',
      'plan-contradicts-flag',
      'verdict-contradicts-flag',
      'programme-without-payment',
      'fact-path-in-text',
      'rule-count-in-text',
    ]) {
      expect(
        got.some((v) => v.startsWith(code)),
        code,
      ).toBe(true);
    }
  });
});
