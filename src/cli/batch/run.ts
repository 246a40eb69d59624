// Assessing a run's cases one after the other: one report (or one JSON line) per case, written as soon as it is
// ready and then forgotten, so nothing accumulates however many cases there are. A bad file is reported and the
// others are still assessed; the exit code is the worst over all cases.
import type { ChalkInstance } from 'chalk';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { assessText } from '../../assess-text.js';
import type { Assessment } from '../../engine/assessment.js';
import type { RuleSet } from '../../rules/types.js';
import type { CaseDefaults } from '../../case/defaults.js';
import type { Severity } from '../../case/enums.js';
import { render, type Format } from '../../report/render.js';
import { exitCode, EXIT } from '../../exit-code.js';
import { readTextFile } from '../io/files.js';
import { isOutputError, notePendingExit, printDiagnostics, type Io } from '../io/streams.js';
import { caseEntries, type CaseEntry, type FoundCases } from './files.js';
import { progressBar } from './progress.js';
import { safeInline } from '../../source/safe-text.js';
import { readStdinText, STDIN_ARG, STDIN_NAME } from '../io/stdin.js';

export interface BatchOptions {
  rules: RuleSet;
  format: Format;
  color: ChalkInstance;
  explain: boolean;
  /** Every source in full instead of the short footer (text). */
  sources?: boolean;
  /** The text report's width in columns (the terminal's; see streams.ts outputColumns). */
  width?: number;
  failOn?: Severity;
  asOf?: string;
  today: string;
  /** Case facts a config file supplies where the case says nothing (see cli/config.ts). */
  defaults?: CaseDefaults;
}

/** What became of one case. */
export type CaseOutcome =
  { ok: true; file: string; assessment: Assessment; code: number } | { ok: false; file: string; diagnostics: Diagnostic[]; code: number };

/** The shape of a JSON line for a case that could not be assessed. */
export const DIAGNOSTICS_FORMAT = 'dispute-assess/diagnostics';

/** Assess every case found; a batch is more than one case, or a folder. Returns the worst exit code. */
export async function runBatch(found: FoundCases, opts: BatchOptions, io: Io): Promise<number> {
  // The entries are walked again here, folder by folder as the run reaches them (see files.ts), not held.
  let total = found.total;
  const batch = total > 1 || found.folders > 0;
  const progress = progressBar(io, batch ? total : 0);
  let worst: number = EXIT.ok;
  let failed = 0;
  let i = -1;
  for (const entry of caseEntries(found.paths)) {
    i++;
    // A file added to a folder the run had not reached yet when it counted: never "[41/40]".
    total = Math.max(total, i + 1);
    let outcome = await isolated(entry.file, () => assessEntry(entry, opts, !batch));
    if (progress.active && io.isTTY) progress.clear();
    // The case's exit code is known before its output: a pipe that closes while it is written (| head -1 after
    // the header) ends the run with it, not with the code of the cases before.
    notePendingExit(Math.max(worst, outcome.code));
    const at = { index: i, total, batch };
    // A report that cannot be rendered is that case's internal error; its header is already out, so only the diagnostics follow.
    const broken = await isolated(entry.file, async () => void emit(outcome, at, opts, io));
    if (broken) emit((outcome = broken), { ...at, header: false }, opts, io);
    worst = Math.max(worst, outcome.code);
    notePendingExit(worst);
    if (!outcome.ok) failed++;
    progress.tick(entry.file);
    if (io.drain) await io.drain();
  }
  progress.clear();
  total = i + 1;
  if (batch)
    io.err(
      `dispute-assess: ${total} case${total === 1 ? '' : 's'}: ${total - failed} assessed${failed ? `, ${failed} not assessed (invalid input, see above)` : ''}\n`,
    );
  return worst;
}

/** Run one case's work; an internal error (a bug, not bad input) becomes that case's diagnostic, so the batch goes on.
 * Resolves to the work's outcome, or (for emitting, which has none) to undefined when it succeeded. */
async function isolated<T>(file: string, work: () => Promise<T>): Promise<T | CaseOutcome> {
  try {
    return await work();
  } catch (e) {
    if (isOutputError(e)) throw e;
    const why = (e as Error)?.message ?? String(e);
    return {
      ok: false,
      file,
      diagnostics: [
        diag('internal-error', `internal error while assessing this case: ${why} (please report this; the other cases are still assessed)`, { file }),
      ],
      code: EXIT.input,
    };
  }
}

/** Read, parse, validate and assess one case file. Never throws for bad input. */
export async function assessEntry(entry: CaseEntry, opts: BatchOptions, whatIf = false): Promise<CaseOutcome> {
  // `-` is standard input (issue 18), shown as <stdin>.
  const file = entry.file === STDIN_ARG ? STDIN_NAME : entry.file;
  const fail = (diagnostics: Diagnostic[]): CaseOutcome => ({ ok: false, file, diagnostics, code: EXIT.input });
  if (entry.problem) return fail([entry.problem]);
  const read = entry.file === STDIN_ARG ? await readStdinText() : readTextFile(entry.file);
  if (!read.ok) return fail([read.diagnostic]);
  // What-if analysis (alternatives, conditional steps) for a single case only: it costs a few ms per case.
  const r = assessText(read.text, {
    rules: opts.rules,
    file,
    ...(opts.defaults ? { defaults: opts.defaults } : {}),
    today: opts.today,
    explain: opts.explain,
    whatIf,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  });
  if (!r.ok) return fail(r.diagnostics);
  const { assessment } = r;
  return { ok: true, file, assessment, code: exitCode(assessment, opts.failOn) };
}

function emit(o: CaseOutcome, at: { index: number; total: number; batch: boolean; header?: boolean }, opts: BatchOptions, io: Io): void {
  const json = opts.format === 'json';
  if (at.batch && !json && at.header !== false) io.out(header(at.index, at.total, o.file, opts.color));
  if (o.ok) {
    io.out(
      render(o.assessment, opts.format, {
        color: opts.color,
        explain: opts.explain,
        sources: opts.sources === true,
        lines: at.batch,
        ...(opts.width ? { width: opts.width } : {}),
      }),
    );
    return;
  }
  printDiagnostics(io, o.diagnostics);
  if (!at.batch) return;
  if (json) io.out(JSON.stringify({ format: DIAGNOSTICS_FORMAT, version: 1, file: o.file, diagnostics: o.diagnostics }) + '\n');
  else io.out(opts.color.red(`✖ not assessed: ${o.diagnostics.length} input problem${o.diagnostics.length === 1 ? '' : 's'} (listed on stderr)\n`));
}

/** The rule above each report of a text batch: "━━ [2/10] cases/b.yaml ━━━━…". */
function header(index: number, total: number, file: string, c: ChalkInstance): string {
  const title = `━━ [${index + 1}/${total}] ${safeInline(file)} `;
  return `${index > 0 ? '\n' : ''}${c.bold(title + '━'.repeat(Math.max(3, 72 - title.length)))}\n`;
}
