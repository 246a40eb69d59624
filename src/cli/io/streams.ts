// Writing to stdout and stderr: the streams, diagnostics, and plain or coloured text.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Tty from 'node:tty';
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../../source/diagnostics.js';
import { safeOutput, type OwnEscapes } from '../../source/safe-text.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress is drawn only there). */
  errIsTTY?: boolean;
  /** Resolves once stdout can take more (backpressure for long batches). */
  drain?(): Promise<void>;
  /** The process's own stdout and stderr (file descriptors 1 and 2), which a batch worker can write too. */
  processStreams?: boolean;
}

let pendingExit = 0;

/** Record the worst exit code so far, so that a closed pipe (| head) still ends with it. */
export function notePendingExit(code: number): void {
  pendingExit = Math.max(pendingExit, code);
}

/** The exit code for a closed pipe: the worst so far; losing stderr (diagnostics) is an input error. */
const closedPipeExit = (fd: 1 | 2) => Math.max(pendingExit, process.exitCode === undefined ? 0 : Number(process.exitCode), fd === 2 ? 2 : 0);

/** The process's own streams, written synchronously (no stream objects to set up at start).
 * A closed pipe (| head) ends output quietly. */
export function processIo(): Io {
  const out = writer(1);
  const err = writer(2);
  // Asked only when needed (colour not settled by NO_COLOR or --no-color, a long batch's progress bar):
  // node:tty loads net and the stream modules, a few milliseconds of a run's start.
  let outTTY: boolean | undefined;
  let errTTY: boolean | undefined;
  return {
    out: out.write,
    err: err.write,
    get isTTY() {
      return (outTTY ??= isatty(1));
    },
    get columns() {
      return this.isTTY ? process.stdout.columns : undefined;
    },
    get errIsTTY() {
      return (errTTY ??= isatty(2));
    },
    env: process.env,
    processStreams: true,
    drain: () => {
      const s = out.stream();
      return s?.writableNeedDrain ? new Promise((ok) => s.once('drain', () => ok())) : Promise.resolve();
    },
  };
}

function writer(fd: 1 | 2): { write: (text: string) => void; stream: () => NodeJS.WriteStream | undefined } {
  let stream: NodeJS.WriteStream | undefined;
  const write = (text: string) => {
    if (stream) return void stream.write(text);
    let buf: Buffer | undefined;
    try {
      // Most writes go out whole as a string; a partial write (a full pipe) continues from the bytes.
      const written = writeSync(fd, text);
      if (written < Buffer.byteLength(text)) {
        buf = Buffer.from(text).subarray(written);
        while (buf.length > 0) buf = buf.subarray(writeSync(fd, buf));
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A closed pipe (| head): stop quietly, with the exit code the run has reached so far.
      if (code === 'EPIPE') process.exit(closedPipeExit(fd));
      if (code !== 'EAGAIN') throw new OutputError(fd, e as NodeJS.ErrnoException);
      // A non-blocking pipe that is full: hand the rest over to the stream, which queues in order.
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (err: NodeJS.ErrnoException) => err.code === 'EPIPE' && process.exit(closedPipeExit(fd)));
      stream.write(buf ?? text);
    }
  };
  return { write, stream: () => stream };
}

/** The same streams with every write passed through the terminal sanitiser (source/safe-text.ts): whatever came
 * from outside reaches stdout and stderr with its control, bidi, zero-width and line-separator characters escaped.
 * The tool's own colours pass only when colour can be on, the progress bar's line erase only on a stderr terminal. */
export function safeIo(io: Io): Io {
  const colors = () => colorWanted(io, true);
  const onOut: OwnEscapes = { colors, eraseLine: () => false };
  const onErr: OwnEscapes = { colors, eraseLine: () => io.errIsTTY === true };
  const safe: Io = {
    out: (text) => io.out(safeOutput(text, onOut)),
    err: (text) => io.err(safeOutput(text, onErr)),
    get isTTY() {
      return io.isTTY;
    },
    get columns() {
      return io.columns;
    },
    get errIsTTY() {
      return io.errIsTTY;
    },
    env: io.env,
    ...(io.processStreams ? { processStreams: true } : {}),
  };
  if (io.drain) safe.drain = () => io.drain!();
  return safe;
}

/** Standard output or error cannot be written (a full disk: ENOSPC, an I/O error): not a bug, and not one case's problem. */
export class OutputError extends Error {
  constructor(
    readonly fd: 1 | 2,
    cause: NodeJS.ErrnoException,
  ) {
    const what = cause.code === 'ENOSPC' ? 'no space left on the device' : cause.code === 'EIO' ? 'an input/output error' : (cause.code ?? cause.message);
    super(`cannot write to standard ${fd === 1 ? 'output' : 'error'}: ${what}`);
    this.name = 'OutputError';
  }
}

/** Whether an error is a failed write to stdout or stderr (see OutputError). */
export const isOutputError = (e: unknown): e is OutputError => (e as Error | undefined)?.name === 'OutputError';

/** Whether a file descriptor is a terminal (node:tty, loaded on first use). */
function isatty(fd: 1 | 2): boolean {
  return (createRequire(import.meta.url)('node:tty') as typeof Tty).isatty(fd);
}

/** Whether to colour stdout: chalk's own detection (a terminal, FORCE_COLOR including FORCE_COLOR=0, TERM=dumb,
 * CI), never with NO_COLOR or --no-color. */
export function colorWanted(io: Io, wanted: boolean): boolean {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return wanted && !noColor && supportsColor !== false && supportsColor.level > 0;
}

/** chalk without colour: every style returns the text unchanged. */
export const plainColor: ChalkInstance = new Chalk({ level: 0 });

/** chalk at the level chalk detects for stdout, or without colour (see colorWanted). */
export function colorFor(io: Io, wanted: boolean): ChalkInstance {
  return colorWanted(io, wanted) && supportsColor ? new Chalk({ level: supportsColor.level }) : plainColor;
}

/** The same, for callers that await it. */
export async function loadColor(io: Io, wanted: boolean): Promise<ChalkInstance> {
  return colorFor(io, wanted);
}

/** The text report's width: the terminal's columns; not on a terminal, COLUMNS when set (\`COLUMNS=100 cmd | less\`),
 * else none (the report is then 80 wide; report/text.ts keeps it between 60 and 100). */
export function outputColumns(io: Io): number | undefined {
  if (io.isTTY && io.columns) return io.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : undefined;
}

/** Print diagnostics to stderr, one per line. */
export function printDiagnostics(io: Io, list: Diagnostic[]): void {
  if (list.length) io.err(sortDiagnostics(list).map(formatDiagnostic).join('\n') + '\n');
}
