// Chronology: impossible dates stop the run (a deadline computed from them would be silently wrong);
// odd but possible orders of events are assessed, and a chronology finding names the dates to check.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase, type ValidateOptions } from '../src/case/validate.js';
import { checkChronology } from '../src/case/chronology.js';
import { assess } from '../src/assess.js';
import { builtinRules, cli } from './helpers.js';

const check = (text: string, opts: ValidateOptions = {}) => {
  const r = readYaml(text, 'case.yaml');
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return validateCase(r.value, opts);
};
const errorsOf = (text: string, opts?: ValidateOptions) => {
  const r = check(text, opts);
  return r.ok ? [] : r.diagnostics.map((d) => ({ code: d.code, line: d.line, severity: d.severity }));
};

describe('impossible: errors', () => {
  it('receipt confirmed before the order', () => {
    const text = 'as_of: 2026-03-10\norder:\n  date: 2026-02-01\n  delivery:\n    receipt_confirmed_date: 2026-01-15\n';
    expect(errorsOf(text)).toEqual([{ code: 'case-chronology', line: 5, severity: 'error' }]);
  });

  it('a platform dispute opened before the order', () => {
    const text = 'as_of: 2026-03-10\norder: {date: 2026-02-01}\ndispute:\n  platform_dispute: {opened: true, opened_date: 2026-01-01}\n';
    expect(errorsOf(text)).toEqual([{ code: 'case-chronology', line: 4, severity: 'error' }]);
  });

  it('an event after the as_of date in the case', () => {
    const text = 'as_of: 2026-03-10\norder:\n  delivery:\n    receipt_confirmed_date: 2026-04-01\n';
    expect(errorsOf(text)).toEqual([{ code: 'case-date-after-as-of', line: 4, severity: 'error' }]);
  });

  it('an event after the --as-of date given on the command line (which overrides the case)', () => {
    const text = 'as_of: 2026-06-01\ndispute: {discovered_date: 2026-04-01}\n';
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text, { asOf: '2026-03-10' })).toEqual([{ code: 'case-date-after-as-of', line: 2, severity: 'error' }]);
  });

  it("an event after today when the case has no as_of, allowing a day's slack for time zones", () => {
    const text = (d: string) => `order: {payments: [{date: ${d}, amount: {amount: 1, currency: USD}}]}\n`;
    expect(errorsOf(text('2026-03-11'), { today: '2026-03-10' })).toEqual([]);
    expect(errorsOf(text('2026-03-12'), { today: '2026-03-10' })).toEqual([{ code: 'case-date-after-as-of', line: 1, severity: 'error' }]);
  });

  it('expected delivery after as_of is a plan, not an error', () => {
    expect(errorsOf('as_of: 2026-03-10\norder:\n  delivery: {expected_date: 2026-05-01}\n')).toEqual([]);
  });

  it('through the CLI: exit 2 with the position, no assessment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-chrono-'));
    const file = join(dir, 'future.yaml');
    writeFileSync(file, 'as_of: 2026-03-10\norder:\n  date: 2026-02-01\n  delivery:\n    receipt_confirmed_date: 2027-02-10\n');
    const r = cli([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/future\.yaml:5:29 {2}error {2}case-date-after-as-of/);
  });
});

describe('odd but possible: assessed, with a chronology finding', () => {
  it.each([
    [
      'the problem found before receipt was confirmed',
      'order:\n  delivery: {receipt_confirmed_date: 2026-02-10}\ndispute:\n  discovered_date: 2026-02-01\n',
      'flag/discovered-before-receipt',
    ],
    [
      'receipt confirmed before shipping',
      'order:\n  delivery: {shipped_date: 2026-02-10, receipt_confirmed_date: 2026-02-01}\n',
      'flag/receipt-before-shipment',
    ],
    [
      'a platform dispute opened before receipt was confirmed',
      'order:\n  delivery: {receipt_confirmed_date: 2026-02-10}\ndispute:\n  platform_dispute: {opened_date: 2026-02-01}\n',
      'flag/dispute-before-receipt',
    ],
    [
      'the supplier told before the problem was found',
      'dispute:\n  discovered_date: 2026-02-10\n  supplier_notified_date: 2026-02-01\n',
      'flag/notified-before-discovered',
    ],
    ['goods shipped before the order', 'order:\n  date: 2026-02-10\n  delivery: {shipped_date: 2026-02-01}\n', 'flag/shipped-before-order'],
    ['delivery expected before the order', 'order:\n  date: 2026-02-10\n  delivery: {expected_date: 2026-02-01}\n', 'flag/expected-before-order'],
    ['a payment before the order date', 'order:\n  date: 2026-02-10\n  payments:\n    - {date: 2026-02-01, amount: {amount: 1, currency: USD}}\n', undefined],
  ])('%s', (_, body, finding) => {
    const r = check('as_of: 2026-03-10\n' + body);
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
    if (!r.ok) return;
    expect(r.warnings ?? []).toEqual([]);
    const fired = assess(r.value, builtinRules(), { today: '2026-03-10' })
      .findings.filter((f) => f.category === 'chronology')
      .map((f) => f.id);
    expect(fired).toEqual(finding ? [finding] : []);
  });

  it('a consistent case has no chronology finding', () => {
    const text =
      'as_of: 2026-03-10\norder:\n  date: 2026-01-01\n  payments: [{date: 2026-01-02, amount: {amount: 1, currency: USD}}]\n  delivery: {shipped_date: 2026-01-20, receipt_confirmed_date: 2026-02-01, expected_date: 2026-01-25}\ndispute:\n  discovered_date: 2026-02-02\n  supplier_notified_date: 2026-02-03\n  platform_dispute: {opened_date: 2026-02-04}\n';
    const r = check(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(assess(r.value, builtinRules(), { today: '2026-03-10' }).findings.filter((f) => f.category === 'chronology')).toEqual([]);
  });
});

describe('checkChronology (pure)', () => {
  it('returns nothing for a case without dates', () => {
    expect(checkChronology({}, '2026-03-10')).toEqual([]);
  });

  it('skips the as_of comparison when no date is known', () => {
    expect(checkChronology({ order: { date: '2030-01-01' } })).toEqual([]);
  });
});

describe('contradictions', () => {
  it.each([
    ['a "no" notice with a notice date', 'as_of: 2026-03-10\ndispute:\n  supplier_notified: false\n  supplier_notified_date: 2026-02-01\n', 3],
    ['a dispute not opened, with an opening date', 'as_of: 2026-03-10\ndispute:\n  platform_dispute: { opened: false, opened_date: 2026-02-01 }\n', 3],
  ])('%s is refused at the "no"', (_, text, line) => {
    expect(errorsOf(text)).toEqual([{ code: 'case-contradiction', line, severity: 'error' }]);
  });
});
