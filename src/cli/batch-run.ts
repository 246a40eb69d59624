// Assessing a run's cases one after the other: one report (or one JSON line) per case, written as soon as it is
// ready and then forgotten, so nothing accumulates however many cases there are. A bad file is reported and the
// others are still assessed; the exit code is the worst over all cases.
import type { ChalkInstance } from 'chalk';
import { quickYaml } from '../source/quick-yaml.js';
import type { Diagnostic } from '../source/diagnostics.js';
import { assess } from '../assess.js';
import type { Assessment } from '../engine/assessment.js';
import type { RuleSet } from '../rules/types.js';
import type { Severity } from '../case/enums.js';
import { render, type Format } from '../report/render.js';
import { exitCode, EXIT } from './exit-code.js';
import { readTextFile } from './io.js';
import { notePendingExit, printDiagnostics, type Io } from './streams.js';
import { acceptCase, validateDoc } from './validate-fast.js';
import type { CaseEntry, FoundCases } from './batch-files.js';
import { progressBar } from './batch-progress.js';

export interface BatchOptions {
  rules: RuleSet;
  format: Format;
  color: ChalkInstance;
  explain: boolean;
  /** Every source in full instead of the short footer (text). */
  sources?: boolean;
  failOn?: Severity;
  asOf?: string;
  today: string;
}

/** What became of one case. */
export type CaseOutcome =
  | { ok: true; file: string; assessment: Assessment; code: number }
  | { ok: false; file: string; diagnostics: Diagnostic[]; code: number };

/** The shape of a JSON line for a case that could not be assessed. */
export const DIAGNOSTICS_FORMAT = 'dispute-assess/diagnostics';

/** Assess every case found; a batch is more than one case, or a folder. Returns the worst exit code. */
export async function runBatch(found: FoundCases, opts: BatchOptions, io: Io): Promise<number> {
  const total = found.entries.length;
  const batch = total > 1 || found.folders > 0;
  const progress = progressBar(io, batch ? total : 0);
  let worst: number = EXIT.ok;
  let failed = 0;
  for (const [i, entry] of found.entries.entries()) {
    const outcome = await assessEntry(entry, opts);
    worst = Math.max(worst, outcome.code);
    notePendingExit(worst);
    if (progress.active && io.isTTY) progress.clear();
    emit(outcome, { index: i, total, batch }, opts, io);
    if (!outcome.ok) failed++;
    progress.tick(entry.file);
    if (io.drain) await io.drain();
  }
  progress.clear();
  if (batch) io.err(`dispute-assess: ${total} case${total === 1 ? '' : 's'}: ${total - failed} assessed${failed ? `, ${failed} not assessed (invalid input, see above)` : ''}\n`);
  return worst;
}

/** Read, parse, validate and assess one case file. Never throws for bad input. */
export async function assessEntry(entry: CaseEntry, opts: BatchOptions): Promise<CaseOutcome> {
  const fail = (diagnostics: Diagnostic[]): CaseOutcome => ({ ok: false, file: entry.file, diagnostics, code: EXIT.input });
  if (entry.problem) return fail([entry.problem]);
  const read = readTextFile(entry.file);
  if (!read.ok) return fail([read.diagnostic]);
  const when = { today: opts.today, ...(opts.asOf ? { asOf: opts.asOf } : {}) };
  // Plain YAML of a valid case takes the fast road (quickYaml and the build's validator); anything else, or
  // anything they are unsure of, is read again by the yaml library for positioned diagnostics.
  const quick = quickYaml(read.text);
  let valid = quick ? await acceptCase(quick.value, when) : undefined;
  if (!valid) {
    const { readYaml } = await import('../source/read-yaml.js');
    const doc = readYaml(read.text, entry.file);
    if (!doc.ok) return fail(doc.diagnostics);
    const checked = await validateDoc(doc.value, when);
    if (!checked.ok) return fail(checked.diagnostics);
    valid = checked.value;
  }
  const assessment = assess(valid, opts.rules, { today: opts.today, file: entry.file, explain: opts.explain, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  return { ok: true, file: entry.file, assessment, code: exitCode(assessment, opts.failOn) };
}

function emit(o: CaseOutcome, at: { index: number; total: number; batch: boolean }, opts: BatchOptions, io: Io): void {
  const json = opts.format === 'json';
  if (at.batch && !json) io.out(header(at.index, at.total, o.file, opts.color));
  if (o.ok) {
    io.out(render(o.assessment, opts.format, { color: opts.color, explain: opts.explain, sources: opts.sources === true, lines: at.batch }));
    return;
  }
  printDiagnostics(io, o.diagnostics);
  if (!at.batch) return;
  if (json) io.out(JSON.stringify({ format: DIAGNOSTICS_FORMAT, version: 1, file: o.file, diagnostics: o.diagnostics }) + '\n');
  else io.out(opts.color.red(`✖ not assessed: ${o.diagnostics.length} input problem${o.diagnostics.length === 1 ? '' : 's'} (listed on stderr)\n`));
}

/** The rule above each report of a text batch: "━━ [2/10] cases/b.yaml ━━━━…". */
function header(index: number, total: number, file: string, c: ChalkInstance): string {
  const title = `━━ [${index + 1}/${total}] ${file} `;
  return `${index > 0 ? '\n' : ''}${c.bold(title + '━'.repeat(Math.max(3, 72 - title.length)))}\n`;
}
