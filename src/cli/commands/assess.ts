// The main command: assess case files, or folders of them, and print the reports.
// Loaded lazily when the main command runs (zod and the yaml library with it; ajv only for --rules).
import { diag, type Diagnostic, type Result } from '../../source/diagnostics.js';
import { asOfProblem, todayIso } from '../../case/dates.js';
import { DATE_RANGE } from '../../case/chronology.js';
import { FORMATS, type Format } from '../../report/render.js';
import { SEVERITIES, type Severity } from '../../case/enums.js';
import { suggestion } from '../../source/suggest.js';
import type { RuleSet } from '../../rules/types.js';
import { EXIT } from '../../exit-code.js';
import { loadColor, outputColumns, printDiagnostics, type Io } from '../io/streams.js';
import { cachedRuleSet } from '../rule-files/cache.js';
import { findCaseFiles, type FoundCases } from '../batch/files.js';
import { runBatch } from '../batch/run.js';
import { fileIo, outputProblems } from '../io/output-file.js';
import { STDIN_ARG } from '../io/stdin.js';
import type { CaseDefaults } from '../../case/defaults.js';

export interface AssessFlags {
  format: string;
  explain?: boolean;
  /** Every source in full (text report). */
  sources?: boolean;
  color: boolean;
  failOn?: string;
  asOf?: string;
  rules: string[];
  builtinRules: boolean;
  /** -o/--output: write the report to this file instead of stdout (see output-file.ts). */
  output?: string;
  /** Case facts from a config file (see config.ts). */
  defaults?: CaseDefaults;
}

/** Assess each path (a case file, or a folder searched recursively); returns the worst exit code over all cases. */
export async function runAssess(paths: string[], flags: AssessFlags, io: Io): Promise<number> {
  const usage = checkFlags(flags);
  if (paths.filter((p) => p === STDIN_ARG).length > 1) usage.push(diag('usage', "'-' (standard input) can be given only once", { file: '(arguments)' }));
  if (flags.output !== undefined) usage.push(...outputProblems(flags.output, paths));
  if (usage.length) {
    printDiagnostics(io, usage);
    return EXIT.input;
  }
  if (flags.output === undefined) return assessFound(findCaseFiles(paths), flags, io);
  // The report goes to a temporary file, renamed into place once the run has finished (never half-written).
  const target = fileIo(io, flags.output);
  try {
    const code = await assessFound(findCaseFiles(paths), { ...flags, color: false }, target.io);
    if (!target.commit()) io.err(`dispute-assess: nothing to write; ${flags.output} was not written\n`);
    return code;
  } catch (e) {
    target.abort();
    throw e;
  }
}

/** Load the rules and assess the cases found (a long batch in a worker thread, see batch/worker.ts). */
export async function assessFound(found: FoundCases, flags: AssessFlags, io: Io, where: { inWorker?: boolean } = {}): Promise<number> {
  if (!where.inWorker) {
    const { workerScript, runInWorker } = await import('../batch/worker.js');
    const script = workerScript(found.total, io);
    if (script) return runInWorker(script, { found, flags }, io);
  }
  const rules = await ruleSet(flags);
  if (!rules.ok) {
    printDiagnostics(io, rules.diagnostics);
    return EXIT.input;
  }
  return runBatch(
    found,
    {
      rules: rules.value,
      format: flags.format as Format,
      color: await loadColor(io, flags.color),
      explain: flags.explain === true,
      sources: flags.sources === true,
      ...(outputColumns(io) ? { width: outputColumns(io)! } : {}),
      ...(flags.failOn ? { failOn: flags.failOn as Severity } : {}),
      ...(flags.asOf ? { asOf: flags.asOf } : {}),
      ...(flags.defaults ? { defaults: flags.defaults } : {}),
      today: todayIso(),
    },
    io,
  );
}

/** The built-in rules from the build's cache; anything else (extra --rules, changed files) through full validation. */
async function ruleSet(flags: AssessFlags): Promise<Result<RuleSet>> {
  const cached = cachedRuleSet(flags);
  if (cached) return { ok: true, value: cached };
  const { loadRuleSet } = await import('../rule-files/source.js');
  return loadRuleSet(flags);
}

function checkFlags(flags: AssessFlags): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arg = (code: string, message: string) => out.push(diag(code, message, { file: '(arguments)' }));
  if (!(FORMATS as readonly string[]).includes(flags.format))
    arg('usage', `--format must be one of ${FORMATS.join(', ')}; got '${flags.format}'${suggestion(flags.format, FORMATS)}`);
  if (flags.failOn && !(SEVERITIES as readonly string[]).includes(flags.failOn))
    arg('usage', `--fail-on must be one of ${SEVERITIES.join(', ')}; got '${flags.failOn}'${suggestion(flags.failOn, SEVERITIES)}`);
  const asOf = flags.asOf === undefined ? undefined : asOfProblem(flags.asOf, DATE_RANGE);
  if (asOf) arg('usage', asOf);
  return out;
}
