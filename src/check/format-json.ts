// JSON output of `check`: an explicit, versioned shape (documented in docs/writing-rules.md).
import type { Diagnostic } from '../source/diagnostics.js';
import type { Coverage } from './coverage.js';
import type { Mismatch } from './match.js';
import { CHECK_FORMAT, CHECK_VERSION, type CheckReport, type Counts } from './report.js';
import type { FixtureStatus } from './run-fixture.js';

export interface CheckJson {
  format: typeof CHECK_FORMAT;
  version: typeof CHECK_VERSION;
  exit_code: 0 | 1 | 2;
  summary: Counts;
  fixtures: {
    file: string;
    status: FixtureStatus;
    time_ms: number;
    mismatches: Mismatch[];
    /** Why an `error` fixture could not be run. */
    problems: Diagnostic[];
    warnings: Diagnostic[];
    /** Rule ids that fired (assessed fixtures only). */
    fired: string[];
  }[];
  /** Present with --coverage or --min-coverage. */
  coverage?: Coverage & { min: number | null; ok: boolean };
}

/** The report as plain data in the documented shape. */
export function toCheckJson(report: CheckReport): CheckJson {
  const out: CheckJson = {
    format: CHECK_FORMAT,
    version: CHECK_VERSION,
    exit_code: report.exit_code,
    summary: report.counts,
    fixtures: report.results.map((r) => ({
      file: r.file,
      status: r.status,
      time_ms: Math.round((r.time_ms ?? 0) * 10) / 10,
      mismatches: r.mismatches,
      problems: r.problems,
      warnings: r.warnings,
      fired: r.fired,
    })),
  };
  if (report.coverage) out.coverage = { ...report.coverage, min: report.min_coverage ?? null, ok: report.coverage_ok };
  return out;
}

/** The report as pretty JSON, one document. */
export function renderCheckJson(report: CheckReport): string {
  return JSON.stringify(toCheckJson(report), null, 2) + '\n';
}
