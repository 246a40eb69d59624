// The question planner: which fact comes next for a partial case, and when it stops. A small rule set
// written here pins the behaviour; the built-in packs (which grow) are checked for properties only.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile } from '../src/cli/io/files.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import type { RuleSet } from '../src/rules/types.js';
import { planInterview } from '../src/interview/planner.js';
import { BASICS, narrowed, stillOpen } from '../src/interview/agenda.js';
import { questionFor } from '../src/interview/catalogue.js';
import { ROOT } from './helpers.js';

const TODAY = '2026-03-10';
const RULES = `
rules:
  - { id: t/ta-on-platform, title: t, kind: eligibility, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: derived.paid_on_platform, equals: true }, then: { program: trade_assurance, effect: requires } }
  - { id: t/ta-offline, title: t, kind: eligibility, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: order.channel, equals: offline }, then: { program: trade_assurance, effect: excludes } }
  - { id: t/ta-window, title: t, kind: eligibility, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { any: [{ fact: order.delivery.status, equals: none }, { fact: derived.ta_window_open, equals: true }] },
      then: { program: trade_assurance, effect: requires } }
  - { id: t/ta-claim-out, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: eligibility.trade_assurance, equals: ineligible }, then: { route: ta_claim, exclude: true } }
  - { id: t/ta-claim-spec, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: order.spec_in_order, equals: true }, then: { route: ta_claim, score: 2 } }
  - { id: t/ta-last-day, title: t, kind: action, severity: high, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: dispute.platform_dispute.opened, equals: false }, then: { route: ta_claim, due: today } }
  - { id: t/listing, title: t, kind: flag, severity: high, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: supplier.activity.listing_active, equals: false } }
  - { id: t/member-1, title: t, kind: flag, severity: high, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: supplier.still_member, equals: false } }
  - { id: t/member-2, title: t, kind: advice, severity: high, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: supplier.still_member, equals: true } }
  - { id: t/assets, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: assets.bank_accounts, equals: true }, then: { route: prc_litigation, score: 3 } }
  - { id: t/assets-2, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: assets.bank_accounts, equals: true }, then: { route: asset_preservation, score: 3 } }
  - { id: t/assets-3, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: assets.property, equals: true }, then: { route: asset_preservation, score: 1 } }
  - { id: t/big-order, title: t, kind: flag, severity: high, rationale: r, source: [{ ref: gsxt }], message: m,
      when: { fact: order.value.amount, gt: 10000 } }
  - { id: t/pay-records, title: t, kind: checklist, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      then: { evidence: payment_records, level: required, for: [non_delivery] } }
  - { id: t/spec-sheet, title: t, kind: checklist, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      then: { evidence: spec_sheet, level: required, for: [quality] } }
  - { id: t/chat, title: t, kind: checklist, severity: info, rationale: r, source: [{ ref: gsxt }], message: m,
      then: { evidence: platform_chat, level: recommended, for: [non_delivery, quality] } }
`;

function support() {
  return ['parameters.yaml', 'catalogue.yaml', 'sources.yaml'].map((f) => {
    const r = readTextFile(join(ROOT, 'rules', f));
    if (!r.ok) throw new Error(r.diagnostic.message);
    return { file: `rules/${f}`, text: r.text };
  });
}

function ruleSet(): RuleSet {
  const set = parseAndLoad([...support(), { file: 'test-rules.yaml', text: RULES }]);
  if (!set.ok) throw new Error(set.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  return set.value;
}

const RULESET = ruleSet();
const asCase = (c: unknown): Case => caseSchema.parse(c);
const plan = (c: unknown, skipped: string[] = []) => planInterview(asCase(c), RULESET, { today: TODAY, skipped: new Set(skipped) });
const order = (c: unknown, skipped: string[] = []) => plan(c, skipped).candidates.map((x) => x.question.path);
const wire = { date: '2026-01-05', amount: { amount: 5000, currency: 'USD' }, method: 'tt', via: 'hong_kong_account', stage: 'full' };

describe('planInterview: what comes next', () => {
  it('starts with the basics: what went wrong, your country, how you ordered and paid, what you claim, the dates', () => {
    expect(order({}).slice(0, BASICS.length)).toEqual([...BASICS]);
    // a basic is asked even when no rule of this small set reads it, and not when it is known
    expect(order({ buyer: { country: 'CA' } })).not.toContain('buyer.country');
    expect(order({}, ['buyer.country'])).not.toContain('buyer.country');
  });

  it('keeps register and court look-ups as homework, asked only when the buyer comes back to them', () => {
    const p = plan({ dispute: { types: ['non_delivery'] } });
    expect(p.candidates.map((c) => c.question.path)).not.toContain('assets');
    expect(p.homework.map((c) => c.question.path)).toContain('assets');
    const again = planInterview(asCase({ dispute: { types: ['non_delivery'] } }), RULESET, { today: TODAY, homework: true });
    expect(again.candidates.map((c) => c.question.path)).toContain('assets');
    expect(again.homework).toEqual([]);
  });

  it('does not ask what a ruled-out premise or an implied fact settles', () => {
    // non-delivery alone implies nothing arrived: no delivery status, no look-or-feel, no receipt or shipping date
    const nd = order({ dispute: { types: ['non_delivery'] }, order: { channel: 'trade_assurance' } });
    for (const p of ['order.delivery.status', 'dispute.subjective_quality', 'order.delivery.receipt_confirmed_date', 'order.delivery.shipped_date'])
      expect(nd).not.toContain(p);
    expect(stillOpen('assets.bank_accounts', asCase({ order: { payments: [wire] } }))).toBe(false);
    // after "an account in Hong Kong", only Hong Kong accounts are offered
    const q = questionFor('supplier.payee.account_type')!;
    expect(narrowed(q, asCase({ order: { payments: [wire] } })).choices!.map((ch) => ch.value)).toEqual(['hong_kong_company', 'personal']);
    // "the supplier's own company account": a company account, wherever it is
    expect(narrowed(q, asCase({ order: { payments: [{ ...wire, via: 'supplier_company_account' }] } })).choices!.map((ch) => ch.value)).toEqual([
      'company_in_china',
      'hong_kong_company',
      'offshore_company',
    ]);
    expect(narrowed(q, asCase({ order: { payments: [{ ...wire, via: 'other' }] } })).choices).toEqual(q.choices);
    expect(stillOpen('assets.bank_accounts', asCase({ order: { payments: [{ ...wire, via: 'supplier_company_account' }] } }))).toBe(true);
  });

  it('asks the groups in the order the sources reason: happened, counterparty, status, evidence, options', () => {
    const paths = order({ dispute: { types: ['non_delivery'] } });
    const groups = plan({ dispute: { types: ['non_delivery'] } })
      .candidates.filter((c) => !BASICS.includes(c.question.path))
      .map((c) => c.question.group);
    const rank = ['happened', 'counterparty', 'status', 'evidence', 'options'];
    expect(groups.map((g) => rank.indexOf(g))).toEqual([...groups.map((g) => rank.indexOf(g))].sort((a, b) => a - b));
    expect(paths.indexOf('supplier.still_member')).toBeLessThan(paths.indexOf('evidence.payment_records'));
    expect(paths).toContain('evidence.payment_records');
  });

  it('within a group, a fact that decides more rules comes first', () => {
    const paths = order({ dispute: { types: ['non_delivery'] } });
    // still_member decides two rules, the live-listing bundle one (though listed earlier in the catalogue)
    expect(paths).toContain('supplier-signs');
    expect(paths.indexOf('supplier.still_member')).toBeLessThan(paths.indexOf('supplier-signs'));
  });

  it('asks bundled yes/no facts (assets) as one "which of these?" question, with all their rules', () => {
    const p = planInterview(asCase({ dispute: { types: ['non_delivery'] } }), RULESET, { today: TODAY, homework: true });
    const assets = p.candidates.find((c) => c.question.path === 'assets')!;
    expect(assets.question.kind).toBe('bundle');
    expect(assets.rules).toEqual(['t/assets', 't/assets-2', 't/assets-3']);
    expect(p.candidates.some((c) => c.question.path.startsWith('assets.'))).toBe(false);
    expect(order({ dispute: { types: ['non_delivery'] } }, ['assets'])).not.toContain('assets');
  });

  it('does not ask for facts that only decide low-severity findings, or routes that cannot reach the top three', async () => {
    const { relevantRules } = await import('../src/interview/planner.js');
    const { assess } = await import('../src/assess.js');
    const extra = parseAndLoad([
      ...support(),
      {
        file: 'low.yaml',
        text: `rules:
  - { id: t/low-flag, title: t, kind: flag, severity: low, rationale: r, source: [{ ref: gsxt }], message: m, when: { fact: order.machinery, equals: true } }
  - { id: t/far-behind, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m, when: { fact: order.inspection_clause, equals: true }, then: { route: police_report, score: 1 } }
  - { id: t/r1, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m, then: { route: negotiation, score: 5 } }
  - { id: t/r2, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m, then: { route: chargeback, score: 5 } }
  - { id: t/r3, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m, then: { route: paypal_dispute, score: 5 } }
  - { id: t/close, title: t, kind: strategy, severity: info, rationale: r, source: [{ ref: gsxt }], message: m, when: { fact: order.custom_made, equals: true }, then: { route: cietac_arbitration, score: 6 } }
`,
      },
    ]);
    if (!extra.ok) throw new Error(JSON.stringify(extra.diagnostics));
    const c = { as_of: '2026-03-01' } as never;
    const rel = relevantRules(assess(c, extra.value, { today: '2026-03-01', explain: true }), extra.value, c);
    expect(rel.has('t/low-flag')).toBe(false);
    expect(rel.has('t/far-behind')).toBe(false);
    expect(rel.has('t/close')).toBe(true);
  });

  it('asks a money fact as a whole amount when a rule reads only its amount', () => {
    expect(order({})).toContain('order.value');
    expect(order({}).some((p) => p.endsWith('.amount') || p.endsWith('.currency'))).toBe(false);
  });

  it('asks about evidence only for the dispute types in the case, and only required items', () => {
    const nd = order({ dispute: { types: ['non_delivery'] } });
    expect(nd).toContain('evidence.payment_records');
    expect(nd).not.toContain('evidence.spec_sheet');
    expect(nd).not.toContain('evidence.platform_chat');
    expect(order({ dispute: { types: ['quality'] } })).toContain('evidence.spec_sheet');
  });

  it('drops questions that only matter for a programme already ruled out or a route already excluded', () => {
    const ta = { dispute: { types: ['quality'] }, order: { channel: 'trade_assurance', delivery: { status: 'full' } } };
    expect(order(ta)).toContain('order.delivery.receipt_confirmed_date');
    // (the spec questions are one checklist: its choices say which are asked)
    const asked = (c: unknown) =>
      plan(c).candidates.flatMap((x) => [x.question.path, ...(x.question.kind === 'bundle' ? (x.question.choices ?? []).map((ch) => ch.value) : [])]);
    expect(asked(ta)).toContain('order.spec_in_order');
    const offline = { dispute: { types: ['quality'] }, order: { channel: 'offline', delivery: { status: 'full' } } };
    expect(order(offline)).not.toContain('order.delivery.receipt_confirmed_date');
    expect(asked(offline)).not.toContain('order.spec_in_order');
    // (the payments are a basic: asked whatever the rules need)
    expect(order(ta)).toContain('dispute.platform_dispute.opened');
    expect(order(offline)).not.toContain('dispute.platform_dispute.opened');
  });

  it('does not ask for a confirmed-receipt date when nothing arrived', () => {
    expect(order({ order: { channel: 'trade_assurance', delivery: { status: 'none' } } })).not.toContain('order.delivery.receipt_confirmed_date');
  });

  it('asks for payments when none are given or one is incomplete, not when they are complete', () => {
    expect(order({ order: { channel: 'trade_assurance' } })).toContain('order.payments');
    const checkout = { ...wire, via: 'alibaba_checkout' };
    const { via: _via, ...noVia } = wire;
    expect(order({ order: { channel: 'trade_assurance', payments: [checkout, noVia] } })).toContain('order.payments');
    expect(order({ order: { channel: 'trade_assurance', payments: [checkout] } })).not.toContain('order.payments');
    // one payment off-platform already decides Trade Assurance: the missing destination no longer matters
    expect(order({ order: { channel: 'trade_assurance', payments: [wire, noVia] } })).not.toContain('order.payments');
  });
});

describe('planInterview: when it stops', () => {
  it('never asks again what was asked in this session (answered or "I don\'t know")', () => {
    const first = plan({});
    expect(plan({}, [first.next!.question.path]).next!.question.path).not.toBe(first.next!.question.path);
  });

  it('stops when every remaining unknown was asked', () => {
    const asked: string[] = [];
    for (let i = 0; i < 100; i++) {
      const p = plan({}, asked);
      if (!p.next) break;
      asked.push(p.next.question.path);
    }
    expect(plan({}, asked).next).toBeUndefined();
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('stops when nothing left unknown would change the verdict', () => {
    const done = {
      buyer: { country: 'GB' },
      dispute: { types: ['non_delivery'], amount_claimed: { amount: 5000, currency: 'USD' } },
      order: {
        goods: '200 office chairs',
        channel: 'offline',
        date: '2026-01-02',
        value: { amount: 5000, currency: 'USD' },
        payments: [wire],
        delivery: { expected_date: '2026-02-01' },
      },
      supplier: { still_member: true, activity: { listing_active: true } },
      evidence: { payment_records: 'have' },
      assets: { bank_accounts: false, property: false },
    };
    const p = plan(done);
    expect(p.candidates).toEqual([]);
    expect(p.next).toBeUndefined();
  });

  it('counts what is left for the progress line, fewer as answers come in', () => {
    const before = plan({ dispute: { types: ['non_delivery'] } }).candidates.length;
    const after = plan({ dispute: { types: ['non_delivery'] }, order: { channel: 'offline' } }).candidates.length;
    expect(after).toBeLessThan(before);
  });
});
