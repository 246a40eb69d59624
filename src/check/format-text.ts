// Text output of `check`: a PASS/FAIL/SKIP line per fixture with a short diff, coverage, the closing line.
// Pieces are exported so the CLI can print each fixture as it finishes; colour comes in as a chalk instance.
import type { ChalkInstance } from 'chalk';
import { formatPercent, type Coverage } from './coverage.js';
import { closingLine, type CheckReport } from './report.js';
import type { Mismatch } from './match.js';
import type { FixtureResult } from './run-fixture.js';
import { safeInline } from '../source/safe-text.js';

/** The diff of a failed fixture: each expectation with what was expected, what came out and the rules involved. */
export function formatMismatches(list: readonly Mismatch[], c: ChalkInstance, indent = '     '): string {
  return list
    .map((m) => {
      const lines = [`${indent}${m.what}`, `${indent}  expected: ${c.green(m.expected)}`, `${indent}  got:      ${c.red(m.got)}`];
      if (m.rules.length) lines.push(c.dim(`${indent}  rules:    ${m.rules.join(', ')}`));
      return lines.join('\n') + '\n';
    })
    .join('');
}

/** One fixture's block: its status line, then its diff when it failed. */
export function formatFixture(fixture: FixtureResult, c: ChalkInstance): string {
  const r = { ...fixture, file: safeInline(fixture.file) };
  if (r.status === 'pass') return `${c.green('PASS')} ${r.file}\n`;
  if (r.status === 'skip') return `${c.yellow('SKIP')} ${r.file}${c.dim(' (no expectations)')}\n`;
  if (r.status === 'error')
    return `${c.red('FAIL')} ${r.file}${c.dim(` (cannot be run: ${[...new Set(r.problems.map((p) => p.code))].join(', ')}; see the diagnostics)`)}\n`;
  return `${c.red('FAIL')} ${r.file}\n${formatMismatches(r.mismatches, c)}`;
}

/** The coverage table (with --coverage) or just its summary line (with --min-coverage alone). */
export function formatCoverage(cov: Coverage, c: ChalkInstance, opts: { table: boolean; min?: number; ok: boolean }): string {
  const out: string[] = [''];
  if (opts.table) {
    const of = cov.scope === 'added' ? c.dim(' (only the rules added with --rules; the built-in packs have their own fixtures)') : '';
    out.push(c.bold(`Rule coverage over ${cov.assessed} assessed fixture${cov.assessed === 1 ? '' : 's'}`) + of, c.dim('  fired  decided  rule'));
    for (const r of cov.rules) {
      const note = r.decided === 0 ? c.red('  never decided') : r.fired === 0 ? c.yellow('  never fired') : '';
      out.push(`  ${String(r.fired).padStart(5)}  ${String(r.decided).padStart(7)}  ${r.id}${note}`);
    }
    out.push('');
  }
  if (cov.never_fired.length && (opts.table || !opts.ok)) out.push(`Not fired by any fixture (${cov.never_fired.length}): ${cov.never_fired.join(', ')}`);
  if (cov.never_decided.length && opts.table) out.push(`Not decided by any fixture (${cov.never_decided.length}): ${cov.never_decided.join(', ')}`);
  const summary = `Rule coverage: ${cov.covered} of ${cov.total} rules fired by at least one fixture (${formatPercent(cov.percent)})`;
  const verdict = opts.min === undefined ? '' : opts.ok ? c.green(`, at least ${opts.min}% as required`) : c.red(`, below the required ${opts.min}%`);
  out.push(summary + verdict);
  return out.join('\n') + '\n';
}

/** What follows the fixture lines: coverage when computed, then the closing line. */
export function formatFooter(report: CheckReport, c: ChalkInstance, opts: { table: boolean }): string {
  const cov = report.coverage
    ? formatCoverage(report.coverage, c, {
        table: opts.table,
        ok: report.coverage_ok,
        ...(report.min_coverage !== undefined ? { min: report.min_coverage } : {}),
      })
    : '';
  return `${cov}${closingLine(report.counts)}\n`;
}

/** The whole text report. */
export function renderCheckText(report: CheckReport, opts: { color: ChalkInstance; coverageTable?: boolean }): string {
  return report.results.map((r) => formatFixture(r, opts.color)).join('') + formatFooter(report, opts.color, { table: opts.coverageTable === true });
}
