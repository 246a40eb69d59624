// Hostile values: prototype keys, type mix-ups, impossible dates, odd amounts, codes and very long strings.
import { describe, expect, it } from 'vitest';
import { readYaml, type YamlDoc } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { loadRules } from '../src/rules/load.js';
import { builtinRules } from './helpers.js';

const parse = (text: string) => {
  const r = readYaml(text, 'case.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
};
const check = (text: string) => validateCase(parse(text));
const errors = (text: string) => {
  const r = check(text);
  return r.ok ? [] : r.diagnostics;
};
const one = (text: string) => {
  const list = errors(text);
  expect(list).toHaveLength(1);
  return list[0]!;
};
const docOf = (value: unknown): YamlDoc => ({ file: 'lib.yaml', value, locate: () => ({ line: 1, column: 1 }) });
const money = (amount: string, currency = 'USD') => `order:\n  value: {amount: ${amount}, currency: ${currency}}\n`;
const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

describe('no prototype pollution', () => {
  const before = protoSnapshot();

  it('refuses __proto__, constructor and prototype keys in YAML anywhere', () => {
    for (const text of [
      '__proto__: {polluted: true}\n',
      'buyer:\n  __proto__: {polluted: true}\n',
      'evidence:\n  constructor: {prototype: {polluted: true}}\n',
      'order:\n  payments:\n    - {amount: {amount: 1, currency: USD}, __proto__: {polluted: true}}\n',
    ]) {
      const r = readYaml(text, 'case.yaml');
      expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toContain('yaml-reserved-key');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(protoSnapshot()).toBe(before);
  });

  it('a library caller passing own __proto__ keys past readYaml gets diagnostics, and Object.prototype is untouched', () => {
    const value = JSON.parse('{"__proto__": {"polluted": 1}, "buyer": {"constructor": {"prototype": {"polluted": 2}}}, "evidence": {"__proto__": "have"}}');
    const r = validateCase(docOf(value));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(['case-unknown-key', 'case-unknown-key', 'case-unknown-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
    expect(protoSnapshot()).toBe(before);
  });

  it('rule files: a parameter named constructor or __proto__ changes nothing, and {param: constructor} is an unknown parameter', () => {
    const params = JSON.parse(
      '{"parameters": {"__proto__": {"value": 1, "description": "x", "source": "x", "checked": "2026-01-01", "confidence": "stated"}}}',
    );
    expect(loadRules([docOf(params)]).ok).toBe(false);
    const rule = {
      id: 'flag/x',
      title: 'x',
      kind: 'flag',
      severity: 'low',
      rationale: 'x',
      source: [{ ref: 'x' }],
      message: 'x {params.toString}',
      when: { fact: 'derived.loss_usd', gt: { param: 'constructor' } },
    };
    const r = loadRules([docOf({ rules: [rule] })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['rules-unknown-param', 'rules-placeholder']));
    expect(protoSnapshot()).toBe(before);
  });

  it('assessing a valid case leaves Object.prototype untouched', () => {
    const r = check('supplier: {name: constructor, contracting_party: __proto__}\nnotes: prototype\n');
    expect(r.ok).toBe(true);
    if (r.ok) assess(r.value, builtinRules(), { today: '2026-03-10' });
    expect(protoSnapshot()).toBe(before);
  });
});

describe('type mix-ups', () => {
  it.each([
    ['a number written as text', money('"1000"'), 'case-type', /write 1000 without quotes/],
    ['a number with separators', money('"12,500.00"'), 'case-type', /write 12500\.00 without quotes, thousands separators/],
    ['a long number where text belongs', 'supplier: {uscc: 913501001234567890}\n', 'case-type', /quotes: a number this long loses digits/],
    ['a number where text belongs', 'supplier: {name: 12345}\n', 'case-type', /put it in quotes/],
    ['yes where true/false belongs', 'buyer: {in_china: yes}\n', 'case-type', /write true/],
    ['"false" as text', 'buyer: {in_china: "false"}\n', 'case-type', /write false/],
    ['a single value where a list belongs', 'dispute: {types: quality}\n', 'case-type', /write a list, e\.g\. \[quality\]/],
    ['a mapping where text belongs', 'buyer: {country: {code: GB}}\n', 'case-enum', /a mapping is not allowed/],
    ['a number where a section belongs', 'order: 5\n', 'case-type', /expected a mapping/],
    ['an empty value', 'buyer:\n', 'case-type', /empty value/],
    ['a list as the whole file', '- a\n- b\n', 'case-type', /got a list/],
    ['text as the whole file', 'just some text\n', 'case-type', /got the text/],
  ])('%s', (_, text, code, message) => {
    const d = one(text);
    expect(d.code).toBe(code);
    expect(d.message).toMatch(message);
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-30', /February 2026 has 28 days/],
    ['2025-02-29', /February 2025 has 28 days/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2026-13-01', /no month 13/],
  ])('the impossible date %s', (date, hint) => {
    const d = one(`order: {date: ${date}}\n`);
    expect(d).toMatchObject({ code: 'case-format', line: 1, column: 15 });
    expect(d.message).toMatch(hint);
  });

  it('accepts 29 February in a leap year', () => {
    expect(check('order: {date: 2024-02-29}\n').ok).toBe(true);
  });

  it.each([
    ['2026/01/05', "did you mean '2026-01-05'"],
    ['2026.1.5', "did you mean '2026-01-05'"],
    ['2026-01-05T10:30:00Z', "did you mean '2026-01-05'"],
    ['13/01/2026', "did you mean '2026-01-13'"],
    ['01/02/2026', 'ambiguous: write 2026-02-01 or 2026-01-02'],
    ['"5 March 2026"', "did you mean '2026-03-05'"],
    ['"March 5, 2026"', "did you mean '2026-03-05'"],
    ['20260105', "did you mean '2026-01-05'"],
    ['yesterday', 'expected a date YYYY-MM-DD'],
  ])('the other format %s gets a hint', (date, hint) => {
    expect(one(`dispute: {discovered_date: ${date}}\n`).message).toContain(hint);
  });

  it.each(['9999-12-31', '0001-01-01', '1899-12-31', '2200-01-01'])(
    'the out-of-range date %s is refused (keeps date arithmetic in four-digit years)',
    (date) => {
      expect(one(`order: {date: ${date}}\n`).code).toBe('case-date-range');
    },
  );
});

describe('amounts', () => {
  it.each([
    ['-5', 'case-range', /must not be negative/],
    ['1e308', 'case-range', /at most 1,000,000,000,000/],
    ['.nan', 'case-type', /not a number/],
    ['.inf', 'case-type', /infinite/],
    ['-.inf', 'case-type', /infinite/],
    ['NaN', 'case-type', /got the text 'NaN'/],
    ['"$1,000"', 'case-type', /write 1000 without quotes/],
  ])('%s', (amount, code, message) => {
    const d = one(money(amount));
    expect(d.code).toBe(code);
    expect(d.message).toMatch(message);
  });

  it('zero and the maximum are accepted and assessed', () => {
    for (const amount of ['0', '1000000000000']) {
      const r = check(`order:\n  payments:\n    - {amount: {amount: ${amount}, currency: USD}, via: personal_account}\n`);
      expect(r.ok).toBe(true);
      if (r.ok) expect(() => JSON.stringify(assess(r.value, builtinRules(), { today: '2026-03-10' }))).not.toThrow();
    }
  });

  it('200 payments at the maximum sum without overflow', () => {
    const payments = Array.from({ length: 200 }, () => '    - {amount: {amount: 1000000000000, currency: EUR}, via: personal_account}').join('\n');
    const r = check(`order:\n  payments:\n${payments}\n`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(assess(r.value, builtinRules(), { today: '2026-03-10' }).case.amount_paid?.amount).toBe(2e14);
  });
});

describe('currency and country codes', () => {
  it.each([
    ['usd', 'USD'],
    ['Usd', 'USD'],
    ['RMB', 'CNY'],
    ['rmb', 'CNY'],
    ['yuan', 'CNY'],
    ['$', 'USD'],
    ['US$', 'USD'],
    ['€', 'EUR'],
    ['"Hong Kong Dollar"', 'HKD'],
  ])('currency %s: did you mean %s', (got, want) => {
    const d = one(money('100', got));
    expect(d.code).toBe('case-enum');
    expect(d.message).toContain(`did you mean '${want}'`);
  });

  it('an unknown currency code gets no guess and the list of codes', () => {
    const d = one(money('100', 'XYZ'));
    expect(d.message).not.toContain('did you mean');
    expect(d.message).toMatch(/expected one of 'AED'.*\(162 in all\)/);
  });

  it.each([
    ['gb', 'GB'],
    ['UK', 'GB'],
    ['USA', 'US'],
    ['China', 'CN'],
    ['"Hong Kong"', 'HK'],
    ['"United Kingdom"', 'GB'],
    ['Germany', 'DE'],
  ])('country %s: did you mean %s', (got, want) => {
    expect(one(`buyer: {country: ${got}}\n`).message).toContain(`did you mean '${want}'`);
  });

  it('an unknown country code gets no guess', () => {
    const d = one('buyer: {country: XX}\n');
    expect(d.code).toBe('case-enum');
    expect(d.message).not.toContain('did you mean');
  });
});

describe('very long strings', () => {
  it('text over 2,000 characters is refused with a short message', () => {
    const d = one(`notes: ${'x'.repeat(2001)}\n`);
    expect(d.code).toBe('case-range');
    expect(d.message).toContain('at most 2,000 characters');
    expect(d.message.length).toBeLessThan(200);
  });

  it('a 900 KB value in a code field is refused quickly with a short message', () => {
    const t = performance.now();
    const d = one(money('1', 'X'.repeat(900_000)));
    expect(d.code).toBe('case-enum');
    expect(d.message.length).toBeLessThan(2000);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('a 900 KB unknown key is refused quickly with a short message', () => {
    const t = performance.now();
    const d = one(`? ${'k'.repeat(900_000)}\n: 1\n`);
    expect(d.code).toBe('case-unknown-key');
    expect(d.message.length).toBeLessThan(2000);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('text at the limit is accepted and assessed', () => {
    const r = check(`supplier: {name: ${'名'.repeat(2000)}}\n`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(assess(r.value, builtinRules(), { today: '2026-03-10' }).case.supplier).toHaveLength(2000);
  });
});
