// `dispute-assess check [paths...]`: the wiring. Find fixtures, run each, report in the chosen format.
import { todayIso } from '../../case/dates.js';
import { diag } from '../../source/diagnostics.js';
import { fixtureError, runFixture, type FixtureResult } from '../../check/run-fixture.js';
import { buildReport } from '../../check/report.js';
import { formatFixture, formatFooter } from '../../check/format-text.js';
import { renderCheck } from '../../check/formats.js';
import { formatPercent } from '../../check/coverage.js';
import type { Rule, RuleSet } from '../../rules/types.js';
import { colorFor, printDiagnostics, type Io } from '../io/output.js';
import { readTextFile, yamlFilesIn } from '../io/files.js';
import { loadRuleSet } from '../rule-files/source.js';
import { findFixtures, type FoundFixture } from '../io/find-fixtures.js';
import { checkSettings, type CheckFlags } from './check-flags.js';
import { EXIT } from '../../exit-code.js';

export type { CheckFlags } from './check-flags.js';

/** Read and run one fixture, timing it. */
function runOne(f: FoundFixture, rules: RuleSet, today: string): FixtureResult {
  const started = performance.now();
  const read = readTextFile(f.file);
  let result: FixtureResult;
  if (!read.ok) result = fixtureError(f.file, [read.diagnostic]);
  else {
    const sib = f.expect ? readTextFile(f.expect) : undefined;
    if (sib && !sib.ok) result = fixtureError(f.file, [sib.diagnostic]);
    else result = runFixture({ file: f.file, text: read.text, ...(sib?.ok && f.expect ? { expect: { file: f.expect, text: sib.text } } : {}) }, rules, today);
  }
  result.time_ms = performance.now() - started;
  return result;
}

/** With built-in packs and --rules both loaded, coverage counts the added rules: the built-ins have their own fixtures. */
function coverageScope(flags: CheckFlags): { coverageOf?: (rule: Rule) => boolean } {
  if (!flags.builtinRules || flags.rules.length === 0) return {};
  const added = new Set(flags.rules.flatMap((dir) => yamlFilesIn(dir)));
  return { coverageOf: (rule) => added.has(rule.origin.file) };
}

/** Run `check`; returns the exit code: 0 all passed, 1 a fixture failed or coverage fell short, 2 unusable input. */
export function runCheck(paths: string[], flags: CheckFlags, io: Io): number {
  const settings = checkSettings(flags);
  if (!settings.ok) {
    printDiagnostics(io, settings.diagnostics);
    return EXIT.input;
  }
  const { format, grep, minCoverage } = settings.value;
  const rules = loadRuleSet({ rules: flags.rules, builtinRules: flags.builtinRules });
  if (!rules.ok) {
    printDiagnostics(io, rules.diagnostics);
    return EXIT.input;
  }
  const roots = paths.length ? paths : ['fixtures'];
  const found = findFixtures(roots);
  if (found.problems.length) {
    printDiagnostics(io, found.problems);
    return EXIT.input;
  }
  const selected = found.fixtures.filter((f) => !grep || grep.test(f.file));
  if (selected.length === 0) {
    const why = found.fixtures.length
      ? `none of the ${found.fixtures.length} fixtures matches --grep '${flags.grep}'`
      : `no fixture files (.yaml) under ${roots.join(', ')}`;
    printDiagnostics(io, [diag('no-fixtures', why, { file: '(arguments)' })]);
    return EXIT.input;
  }
  const c = colorFor(io, flags.color && format === 'text');
  const today = todayIso();
  const results: FixtureResult[] = [];
  for (const f of selected) {
    const r = runOne(f, rules.value, today);
    printDiagnostics(io, [...r.problems, ...r.warnings]);
    if (format === 'text') io.out(formatFixture(r, c));
    results.push(r);
  }
  const report = buildReport(results, rules.value, {
    coverage: flags.coverage === true,
    ...(minCoverage !== undefined ? { minCoverage } : {}),
    ...coverageScope(flags),
  });
  io.out(format === 'text' ? formatFooter(report, c, { table: flags.coverage === true }) : renderCheck(report, format, { color: c }));
  if (!report.coverage_ok && format !== 'text' && report.coverage) {
    io.err(
      `dispute-assess check: rule coverage ${formatPercent(report.coverage.percent)} is below --min-coverage ${minCoverage}; not fired: ${report.coverage.never_fired.join(', ')}\n`,
    );
  }
  return report.exit_code;
}
