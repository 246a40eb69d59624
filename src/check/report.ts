// The result of a `check` run: fixture results, counts, coverage, and the exit code they imply.
import { computeCoverage, meetsMinimum, type Coverage } from './coverage.js';
import type { FixtureResult } from './run-fixture.js';
import type { Rule, RuleSet } from '../rules/types.js';

export const CHECK_FORMAT = 'dispute-assess/check';
export const CHECK_VERSION = 1;

/** failed counts every fixture that did not pass or skip; errors is the part of it that could not be run. */
export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

export interface CheckReport {
  results: FixtureResult[];
  counts: Counts;
  coverage?: Coverage;
  /** The --min-coverage asked for, and whether coverage reached it. */
  min_coverage?: number;
  coverage_ok: boolean;
  /** 0 all passed; 1 a fixture failed or coverage fell short; 2 an unusable fixture. */
  exit_code: 0 | 1 | 2;
}

export interface ReportOptions {
  coverage?: boolean;
  minCoverage?: number;
  /** Count only these rules for coverage (the CLI passes the --rules packs' rules when the built-ins are loaded too). */
  coverageOf?: (rule: Rule) => boolean;
}

/** Count results. */
export function countResults(results: readonly FixtureResult[]): Counts {
  const n = (s: FixtureResult['status']) => results.filter((r) => r.status === s).length;
  const errors = n('error');
  return { total: results.length, passed: n('pass'), failed: n('fail') + errors, skipped: n('skip'), errors };
}

/** Build the report; coverage is computed when asked for or when a minimum is set. */
export function buildReport(results: FixtureResult[], rules: RuleSet, opts: ReportOptions = {}): CheckReport {
  const counts = countResults(results);
  const wantCoverage = opts.coverage === true || opts.minCoverage !== undefined;
  const coverage = wantCoverage ? computeCoverage(rules, results, opts.coverageOf) : undefined;
  const coverage_ok = coverage === undefined || opts.minCoverage === undefined || meetsMinimum(coverage, opts.minCoverage);
  const exit_code = counts.errors > 0 ? 2 : counts.failed > 0 || !coverage_ok ? 1 : 0;
  const report: CheckReport = { results, counts, coverage_ok, exit_code };
  if (coverage) report.coverage = coverage;
  if (opts.minCoverage !== undefined) report.min_coverage = opts.minCoverage;
  return report;
}

/** The closing line, exactly `N passed, N failed` plus `, N skipped` when any were skipped. */
export function closingLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}
