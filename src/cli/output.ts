// Writing to stdout and stderr, and choosing colour.
import { Chalk, type ChalkInstance } from 'chalk';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../source/diagnostics.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** The process's own streams. A closed pipe (| head) ends output quietly. */
export function processIo(): Io {
  const quiet = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  };
  process.stdout.on('error', quiet);
  // stderr carries diagnostics: if it is closed (2>&1 | head), stop quietly with the input-error code.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(2);
  });
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/** Colour on only for a terminal, and never with NO_COLOR or --no-color. */
export function colorFor(io: Io, wanted: boolean): ChalkInstance {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const on = wanted && !noColor && (io.isTTY || forced);
  return new Chalk({ level: on ? 1 : 0 });
}

/** Print diagnostics to stderr, one per line. */
export function printDiagnostics(io: Io, list: Diagnostic[]): void {
  if (list.length) io.err(sortDiagnostics(list).map(formatDiagnostic).join('\n') + '\n');
}
