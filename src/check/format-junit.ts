// JUnit XML output of `check` for CI systems: one testcase per fixture; a failed fixture's diff goes in
// <failure>, an unusable fixture's diagnostics in <error>. With --min-coverage, one more testcase for coverage.
import { Chalk } from 'chalk';
import { formatDiagnostic } from '../source/diagnostics.js';
import { formatPercent } from './coverage.js';
import { formatMismatches } from './format-text.js';
import type { CheckReport } from './report.js';
import type { FixtureResult } from './run-fixture.js';

const plain = new Chalk({ level: 0 });
const SUITE = 'dispute-assess check';

/** Text made safe for XML 1.0 attributes and content: escaped, and characters XML cannot carry removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** An attribute; line breaks and tabs as character references, which attribute normalisation keeps. */
const attr = (name: string, value: string | number) => ` ${name}="${xmlEscape(String(value)).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')}"`;
const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
const dir = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')).replace(/\//g, '.').replace(/^\.+/, '') : 'fixtures');

interface TestCase {
  name: string;
  classname: string;
  file?: string;
  time: string;
  body: string;
}

function fixtureCase(r: FixtureResult): TestCase {
  const base = { name: r.file, classname: dir(r.file), file: r.file, time: seconds(r.time_ms) };
  if (r.status === 'pass') return { ...base, body: '' };
  if (r.status === 'skip') return { ...base, body: '<skipped message="no expectations"/>' };
  if (r.status === 'error') {
    const text = r.problems.map(formatDiagnostic).join('\n');
    return {
      ...base,
      body: `<error${attr('message', `cannot be run: ${r.problems[0]?.message ?? 'unknown problem'}`)}${attr('type', r.problems[0]?.code ?? 'error')}>${xmlEscape(text)}</error>`,
    };
  }
  const n = r.mismatches.length;
  const message = `${n} expectation${n === 1 ? '' : 's'} not met: ${r.mismatches.map((m) => m.what).join('; ')}`;
  return { ...base, body: `<failure${attr('message', message)} type="expectation">${xmlEscape(formatMismatches(r.mismatches, plain, ''))}</failure>` };
}

function coverageCase(report: CheckReport): TestCase | undefined {
  const cov = report.coverage;
  if (!cov || report.min_coverage === undefined) return undefined;
  const name = `rule coverage >= ${report.min_coverage}%`;
  if (report.coverage_ok) return { name, classname: 'coverage', time: '0.000', body: '' };
  const message = `${cov.covered} of ${cov.total} rules fired (${formatPercent(cov.percent)}), below ${report.min_coverage}%`;
  return {
    name,
    classname: 'coverage',
    time: '0.000',
    body: `<failure${attr('message', message)} type="coverage">${xmlEscape(`not fired by any fixture: ${cov.never_fired.join(', ')}`)}</failure>`,
  };
}

function properties(p: Record<string, string | number>): string[] {
  return ['    <properties>', ...Object.entries(p).map(([k, v]) => `      <property${attr('name', k)}${attr('value', v)}/>`), '    </properties>'];
}

/** The report as a JUnit XML document (one testsuite, counts that match its testcases). */
export function renderJunit(report: CheckReport): string {
  const cases = report.results.map(fixtureCase);
  const cov = coverageCase(report);
  if (cov) cases.push(cov);
  const count = (tag: string) => cases.filter((c) => c.body.startsWith(`<${tag}`)).length;
  const time = seconds(report.results.reduce((s, r) => s + (r.time_ms ?? 0), 0));
  const counts = `${attr('tests', cases.length)}${attr('failures', count('failure'))}${attr('errors', count('error'))}${attr('skipped', count('skipped'))}${attr('time', time)}`;
  const props = report.coverage
    ? properties({
        rule_coverage_percent: formatPercent(report.coverage.percent).slice(0, -1),
        rules_total: report.coverage.total,
        rules_covered: report.coverage.covered,
      })
    : [];
  const body = cases.map((c) => {
    const open = `    <testcase${attr('name', c.name)}${attr('classname', c.classname)}${c.file ? attr('file', c.file) : ''}${attr('time', c.time)}`;
    return c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attr('name', SUITE)}${counts}>`,
    `  <testsuite${attr('name', SUITE)}${counts}>`,
    ...props,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
