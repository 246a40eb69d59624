// Unit tests per stage: reading YAML with positions, validating cases, deriving facts.
import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { flattenCase } from '../src/case/facts.js';
import { deriveFacts } from '../src/case/derive.js';
import { usccValid, usccCheckChar } from '../src/case/uscc.js';
import { addYears } from '../src/case/dates.js';
import type { Case } from '../src/case/schema.js';
import { builtinRules } from './helpers.js';

const parse = (text: string) => {
  const doc = readYaml(text, 'case.yaml');
  if (!doc.ok) return { diagnostics: doc.diagnostics };
  const v = validateCase(doc.value);
  return v.ok ? { value: v.value } : { diagnostics: v.diagnostics };
};

describe('readYaml', () => {
  it('locates values and keys by path', () => {
    const doc = readYaml('order:\n  channel: offline\n  payments:\n    - amount: 3\n', 'x.yaml');
    expect(doc.ok).toBe(true);
    if (!doc.ok) return;
    expect(doc.value.locate(['order', 'channel'])).toEqual({ line: 2, column: 12 });
    expect(doc.value.locate(['order', 'channel'], 'key')).toEqual({ line: 2, column: 3 });
    expect(doc.value.locate(['order', 'payments', 0, 'amount'])).toEqual({ line: 4, column: 15 });
    expect(doc.value.locate(['order', 'missing'])).toEqual({ line: 2, column: 3 });
  });

  it.each([
    ['syntax error', 'order:\n  channel: [offline\n', 'yaml-syntax'],
    ['duplicate key', 'order: {}\norder: {}\n', 'yaml-duplicate-key'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml-multiple-documents'],
    ['unknown tag', 'order: !!js/function "x"\n', 'yaml-tag'],
  ])('reports a %s with a position', (_, text, code) => {
    const doc = readYaml(text, 'x.yaml');
    expect(doc.ok).toBe(false);
    if (doc.ok) return;
    expect(doc.diagnostics[0]).toMatchObject({ code, file: 'x.yaml' });
    expect(doc.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
  });
});

describe('validateCase', () => {
  it.each([
    ['wrong type', 'order:\n  value: { amount: "x", currency: USD }\n', 'case-type', 2],
    ['unknown key', 'order:\n  chanel: offline\n', 'case-unknown-key', 2],
    ['unknown enum value', 'order:\n  channel: ofline\n', 'case-enum', 2],
    ['impossible date', 'as_of: 2026-02-30\n', 'case-format', 1],
    ['date in another format', 'as_of: 03/04/2026\n', 'case-format', 1],
    ['lower-case currency', 'order:\n  value: { amount: 1, currency: usd }\n', 'case-enum', 2],
    ['negative amount', 'order:\n  value: { amount: -5, currency: USD }\n', 'case-range', 2],
    ['missing required amount', 'order:\n  value: { currency: USD }\n', 'case-required', 2],
    ['not a mapping', '- a\n- b\n', 'case-type', 1],
    ['empty', '', 'case-empty', 1],
    ['unknown evidence kind', 'evidence:\n  payment_record: have\n', 'case-unknown-key', 2],
    ['bad evidence status', 'evidence:\n  contract: yes\n', 'case-enum', 2],
  ])('%s -> %s at line %i', (_, text, code, line) => {
    const r = parse(text);
    expect(r.diagnostics?.[0]).toMatchObject({ code, line });
  });

  it('suggests the key the user probably meant', () => {
    const r = parse('supplier:\n  registraton_status: active\n');
    expect(r.diagnostics?.[0]?.message).toContain("did you mean 'registration_status'");
  });

  it('accepts an almost empty case: every fact is optional', () => {
    expect(parse('dispute: {}\n').value).toEqual({ dispute: {} });
  });
});

describe('derived facts', () => {
  const derive = (c: Case, asOf = '2026-03-15') => deriveFacts(c, flattenCase(c), builtinRules().params, asOf);
  const pay = (via: string, amount = 100, extra: object = {}) => ({ amount: { amount, currency: 'USD' }, via, ...extra }) as never;

  it.each([
    ['all on platform', [pay('alibaba_checkout'), pay('alibaba_designated_account')], true, false],
    ['one off platform', [pay('alibaba_checkout'), pay('personal_account')], false, true],
    ['destination unknown', [{ amount: { amount: 1, currency: 'USD' } } as never], undefined, undefined],
    ['one unknown, one off', [{ amount: { amount: 1, currency: 'USD' } } as never, pay('offshore_account')], false, true],
    ['no payments', [], undefined, undefined],
  ])('payments: %s', (_, payments, on, off) => {
    const f = derive({ order: { payments } });
    expect(f.get('derived.paid_on_platform')).toBe(on);
    expect(f.get('derived.paid_off_platform')).toBe(off);
  });

  it('computes the Trade Assurance window from confirmed receipt and tier', () => {
    const base = { order: { delivery: { receipt_confirmed_date: '2026-03-01' } } };
    expect(derive(base).get('derived.ta_window_end')).toBe('2026-03-31');
    expect(derive(base).get('derived.ta_days_left')).toBe(16);
    expect(derive({ ...base, buyer: { alibaba_tier: 'enterprise' } }).get('derived.ta_window_end')).toBe('2026-04-30');
    expect(derive({}).get('derived.ta_window_end')).toBeUndefined();
  });

  it('caps recovery at the lesser of paid and coverage, and names the rest', () => {
    const f = derive({ order: { payments: [pay('alibaba_checkout', 24000)] }, supplier: { ta_coverage: { amount: 10000, currency: 'USD' } } });
    expect(f.get('derived.ta_recoverable')).toEqual({ amount: 10000, currency: 'USD' });
    expect(f.get('derived.ta_uncovered')).toEqual({ amount: 14000, currency: 'USD' });
    expect(f.get('derived.loss_exceeds_ta_cover')).toBe(true);
    expect(derive({ order: { payments: [pay('alibaba_checkout', 24000)] } }).get('derived.ta_recoverable')).toBeUndefined();
  });

  it.each([
    [{ registration_status: 'deregistered' }, 'disappeared'],
    [{ registration_status: 'active', activity: { responsive: 'responsive', listing_active: true } }, 'operating'],
    [{ registration_status: 'abnormal_operations', activity: { responsive: 'slow', listing_active: true } }, 'partly_inactive'],
    [{ activity: { responsive: 'responsive' } }, undefined],
  ])('supplier operating state %j -> %s', (supplier, state) => {
    expect(derive({ supplier } as Case).get('derived.supplier_operating')).toBe(state);
  });

  it('CISG: a UK buyer is outside, a German buyer inside, unknown country unknown', () => {
    expect(derive({ buyer: { country: 'GB' }, supplier: { country: 'CN' } }).get('derived.cisg_applies')).toBe(false);
    expect(derive({ buyer: { country: 'DE' }, supplier: { country: 'CN' } }).get('derived.cisg_applies')).toBe(true);
    expect(derive({ supplier: { country: 'CN' } }).get('derived.cisg_applies')).toBeUndefined();
  });
});

describe('USCC and dates', () => {
  it('validates the check character (DOMAIN.md test vector) and flags a genuine pilot code', () => {
    expect(usccValid('91110000600037341L')).toBe(true);
    expect(usccCheckChar('91110000600037341')).toBe('L');
    expect(usccValid('91110000600037341M')).toBe(false);
    expect(usccValid('91350100M0001TGQXM')).toBe(false);
    expect(usccValid('9111000060003734')).toBe(false);
  });

  it('adds years, falling back from 29 February', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
