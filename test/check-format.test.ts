// The pure parts of `check`: matching, coverage counting, the report's exit code and its three formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { runFixture, type FixtureResult } from '../src/check/run-fixture.js';
import { buildReport, closingLine } from '../src/check/report.js';
import { formatPercent, meetsMinimum } from '../src/check/coverage.js';
import { renderJunit, xmlEscape } from '../src/check/format-junit.js';
import { toCheckJson } from '../src/check/format-json.js';
import { renderCheckText } from '../src/check/format-text.js';
import { builtinRules, ROOT } from './helpers.js';
import { findAll, parseXml } from './xml.js';

const plain = new Chalk({ level: 0 });
const TODAY = '2026-06-01';
const fixture = (name: string) => readFileSync(join(ROOT, 'fixtures', name), 'utf8');
const run = (file: string, text: string, expectText?: string) =>
  runFixture(
    { file, text, ...(expectText !== undefined ? { expect: { file: file.replace('.yaml', '.expect.yaml'), text: expectText } } : {}) },
    builtinRules(),
    TODAY,
  );

/** A case with one line changed, to make a fixture fail on purpose. */
const withExpect = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

describe('runFixture and matching', () => {
  it('passes a fixture whose expectations hold, and fails one whose expectation is wrong with the rule ids', () => {
    const text = fixture('c-design-copied-ip.yaml');
    expect(run('ip.yaml', text).status).toBe('pass');
    const r = run('ip.yaml', withExpect(text, 'top_strategy: ip_complaint', 'top_strategy: negotiation'));
    expect(r.status).toBe('fail');
    expect(r.mismatches.map((m) => m.what)).toEqual(['top_strategy']);
    expect(r.mismatches[0]!.rules).toContain('strategy/ip-complaint');
  });

  it('says why an expected finding did not fire, and flags an expected rule id that does not exist', () => {
    const text = withExpect(
      fixture('c-design-copied-ip.yaml'),
      'findings: [strategy/ip-complaint, ta/ip-dispute]',
      'findings: [strategy/ip-complaint, strategy/cietac-enforceable, strategy/no-such-rule]',
    );
    const got = Object.fromEntries(run('ip.yaml', text).mismatches.map((m) => [m.what, m.got]));
    expect(got['finding strategy/cietac-enforceable']).toMatch(/undecided; unknown: order\.dispute_clause/);
    expect(got['finding strategy/no-such-rule']).toBe('no such rule in the rule set');
  });

  it('names the findings that reach fail_on when the exit code differs', () => {
    const r = run('fees.yaml', withExpect(fixture('c-extra-fees-vanished.yaml'), 'exit_code: 1', 'exit_code: 0'));
    expect(r.mismatches).toEqual([{ what: 'exit code', expected: '0', got: '1', rules: expect.arrayContaining(['flag/extra-fees-before-delivery']) }]);
  });

  it('matches bad-input diagnostics exactly: a wrong line fails, an unlisted diagnostic fails', () => {
    const bad = fixture('bad/unknown-key.yaml');
    const exp = fixture('bad/unknown-key.expect.yaml');
    expect(run('bad.yaml', bad, exp).status).toBe('pass');
    const wrongLine = run('bad.yaml', bad, exp.replace('line: 8', 'line: 9'));
    expect(wrongLine.mismatches).toEqual([
      expect.objectContaining({ what: 'diagnostic case-unknown-key', expected: "case-unknown-key at line 9 suggesting 'channel'" }),
    ]);
    const missing = run('bad.yaml', bad, exp.replace(/ {2}- \{ code: case-unknown-key, line: 8.*\n/, ''));
    expect(missing.mismatches.map((m) => m.what)).toEqual(['unexpected diagnostic case-unknown-key']);
  });

  it('treats an invalid case without expectations, and invalid expectations, as fixture errors', () => {
    expect(run('x.yaml', 'order: { chanel: offline }\n').problems.map((p) => p.code)).toEqual(['fixture-invalid', 'case-unknown-key']);
    const r = run('x.yaml', 'as_of: 2026-01-01\nexpect:\n  top_stratgy: negotiation\n');
    expect(r.status).toBe('error');
    expect(r.problems[0]).toMatchObject({ code: 'expect-unknown-key', line: 3 });
    expect(r.problems[0]!.message).toContain("did you mean 'top_strategy'");
    expect(run('x.yaml', 'as_of: 2026-01-01\nexpect: { exit_code: 0 }\n', 'exit_code: 0\n').problems[0]!.code).toBe('expect-duplicate');
  });

  it('places invalid expectations, in the case or in their own file, with the diagnostics the main command gives a case', () => {
    const problems = (r: FixtureResult) => r.problems.map((p) => [p.code, p.line, p.column, p.path?.join('.')]);
    const inline = run('x.yaml', 'as_of: 2026-01-01\nexpect:\n  exit_code: 3\n  findings: [ta/x, Bad Id]\n  programs: { paypal: eligible }\n');
    expect(problems(inline)).toEqual([
      ['expect-unknown-key', 5, 15, 'expect.programs.paypal'],
      ['expect-invalid', 4, 20, 'expect.findings.1'],
      ['expect-invalid', 3, 14, 'expect.exit_code'],
    ]);
    expect(inline.problems[0]!.message).toContain("did you mean 'paypal_protection'");
    expect(inline.problems[1]!.message).toContain("'ta/off-platform-payment'");
    expect(inline.problems[2]!.message).toMatch(/'0', '1', '2'/);
    const sibling = run('x.yaml', 'as_of: 2026-01-01\n', 'fail_on: hgh\nranked_above: [[negotiation]]\n');
    expect(problems(sibling)).toEqual([
      ['expect-invalid', 2, 16, 'ranked_above.0'],
      ['expect-invalid', 1, 10, 'fail_on'],
    ]);
    expect(sibling.problems.every((p) => p.file === 'x.expect.yaml')).toBe(true);
    expect(sibling.problems[1]!.message).toContain("did you mean 'high'");
  });

  it('skips a valid case without expectations and warns when a fixture has no as_of', () => {
    const r = run('x.yaml', 'dispute: { types: [quality] }\n');
    expect(r.status).toBe('skip');
    expect(r.warnings.map((w) => [w.code, w.severity])).toEqual([['fixture-no-as-of', 'warning']]);
  });
});

const result = (file: string, status: FixtureResult['status'], fired: string[] = [], decided = fired): FixtureResult => ({
  file,
  status,
  mismatches: status === 'fail' ? [{ what: 'finding a/b', expected: 'fired', got: 'not fired', rules: ['a/b'] }] : [],
  assessed: status !== 'error',
  fired,
  decided,
  problems: status === 'error' ? [{ code: 'file-not-found', message: 'no such file: <&>', file, line: 1, column: 1, severity: 'error' }] : [],
  warnings: [],
  time_ms: 12.5,
});

describe('report, coverage and closing line', () => {
  it('counts fired and decided per rule over assessed fixtures only', () => {
    const set = builtinRules();
    const [a, b] = [set.rules[0]!.id, set.rules[1]!.id];
    const report = buildReport([result('1.yaml', 'pass', [a], [a, b]), result('2.yaml', 'fail', [a]), result('3.yaml', 'error', [b])], set, { coverage: true });
    const cov = report.coverage!;
    expect(cov.assessed).toBe(2);
    expect(cov.rules.find((r) => r.id === a)).toMatchObject({ fired: 2, decided: 2 });
    expect(cov.rules.find((r) => r.id === b)).toMatchObject({ fired: 0, decided: 1 });
    expect(cov.covered).toBe(1);
    expect(cov.total).toBe(set.rules.length);
    expect(cov.never_fired).toContain(b);
    expect(cov.never_decided).not.toContain(b);
  });

  it('computes the exit code: 2 for an unusable fixture, 1 for a failure or short coverage, else 0', () => {
    const set = builtinRules();
    expect(buildReport([result('1.yaml', 'pass')], set).exit_code).toBe(0);
    expect(buildReport([result('1.yaml', 'pass'), result('2.yaml', 'fail')], set).exit_code).toBe(1);
    expect(buildReport([result('1.yaml', 'fail'), result('2.yaml', 'error')], set).exit_code).toBe(2);
    expect(buildReport([result('1.yaml', 'pass')], set, { minCoverage: 1 }).exit_code).toBe(1);
    expect(buildReport([result('1.yaml', 'pass')], set, { minCoverage: 0 }).exit_code).toBe(0);
  });

  it('never rounds coverage up', () => {
    const cov = { covered: 2999, total: 3000, percent: (2999 * 100) / 3000 } as Parameters<typeof meetsMinimum>[0];
    expect(meetsMinimum(cov, 100)).toBe(false);
    expect(meetsMinimum(cov, 99.9)).toBe(true);
    expect(formatPercent(cov.percent)).toBe('99.9%');
    expect(formatPercent(100)).toBe('100.0%');
  });

  it('ends with exactly `N passed, N failed`, plus `, N skipped` when any', () => {
    expect(closingLine({ total: 3, passed: 2, failed: 1, skipped: 0, errors: 0 })).toBe('2 passed, 1 failed');
    expect(closingLine({ total: 4, passed: 2, failed: 1, skipped: 1, errors: 1 })).toBe('2 passed, 1 failed, 1 skipped');
    const text = renderCheckText(buildReport([result('1.yaml', 'pass'), result('2.yaml', 'skip'), result('3.yaml', 'error')], builtinRules()), {
      color: plain,
    });
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 skipped');
  });
});

describe('JUnit and JSON formats', () => {
  it('writes well-formed JUnit XML with one testcase per fixture and counts that match', () => {
    const results = [
      result('fixtures/a.yaml', 'pass'),
      result('fixtures/b "q".yaml', 'fail'),
      result('fixtures/c.yaml', 'skip'),
      result('fixtures/bad/d.yaml', 'error'),
      result('fixtures/e.yaml', 'fail'),
    ];
    const xml = parseXml(renderJunit(buildReport(results, builtinRules())));
    const suite = findAll(xml, 'testsuite')[0]!;
    const cases = findAll(xml, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(results.map((r) => r.file));
    expect(suite.attrs).toMatchObject({ tests: '5', failures: '2', errors: '1', skipped: '1' });
    expect(xml.attrs).toMatchObject({ tests: '5', failures: '2', errors: '1', skipped: '1', time: '0.063' });
    expect(findAll(cases[1]!, 'failure')[0]!.text).toContain('a/b');
    expect(findAll(cases[3]!, 'error')[0]!.text).toContain('no such file: <&>');
    expect(cases[3]!.attrs.classname).toBe('fixtures.bad');
  });

  it('adds a coverage testcase with --min-coverage, failing when coverage is short', () => {
    const xml = parseXml(renderJunit(buildReport([result('a.yaml', 'pass')], builtinRules(), { minCoverage: 50 })));
    const cov = findAll(xml, 'testcase').find((c) => c.attrs.classname === 'coverage')!;
    expect(findAll(cov, 'failure')).toHaveLength(1);
    expect(xml.attrs).toMatchObject({ tests: '2', failures: '1' });
  });

  it('escapes markup and removes characters XML cannot carry', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uFFFF`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\uFFFD');
    const bad = result('fixtures/\u0007x.yaml', 'fail');
    expect(() => parseXml(renderJunit(buildReport([bad], builtinRules())))).not.toThrow();
  });

  it('has a versioned JSON shape', () => {
    const json = toCheckJson(
      buildReport([result('a.yaml', 'pass', ['evidence/payment-records']), result('b.yaml', 'fail')], builtinRules(), { minCoverage: 100 }),
    );
    expect(json).toMatchObject({
      format: 'dispute-assess/check',
      version: 1,
      exit_code: 1,
      summary: { total: 2, passed: 1, failed: 1, skipped: 0, errors: 0 },
    });
    expect(json.fixtures[1]).toMatchObject({ file: 'b.yaml', status: 'fail', mismatches: [{ what: 'finding a/b' }] });
    expect(json.coverage).toMatchObject({ min: 100, ok: false, covered: 1 });
  });
});

describe('the strict XML reader used above', () => {
  it.each([
    ['<a><b></a></b>', 'mismatched'],
    ['<a>x & y</a>', 'raw'],
    ['<a x="1" x="2"/>', 'duplicate'],
    ['<a/><b/>', 'after the root'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a x=1/>', 'bad attribute'],
    ['<a>', 'unclosed'],
  ])('rejects %s', (doc, why) => {
    expect(() => parseXml(doc)).toThrow(why);
  });
});
