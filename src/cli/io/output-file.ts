// -o/--output FILE for the main command (issue 18): the report goes to a temporary file in the same folder,
// which replaces FILE (rename, atomic on one file system) only when the run finished with something written.
// An error midway (a full disk, an internal error) removes the temporary file: FILE is never half-written.
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import type { Io } from './streams.js';
import { safeOutput, type OwnEscapes } from '../../source/safe-text.js';

/** A report file gets the same terminal sanitising as stdout, without colour (it is never a terminal). */
const PLAIN: OwnEscapes = { colors: () => false, eraseLine: () => false };

/** A write to the output file failed: reported like a failed write to stdout (exit 2, no stack trace). */
export class OutputFileError extends Error {
  constructor(file: string, cause: NodeJS.ErrnoException) {
    super(`cannot write ${file}: ${cause.code === 'ENOSPC' ? 'no space left on the device' : (cause.code ?? cause.message)}`);
    // streams.isOutputError recognises it by name, so main reports it as an output problem, not a bug.
    this.name = 'OutputError';
  }
}

/** Usage problems with --output before anything runs: its folder must exist, and it must not be an input. */
export function outputProblems(file: string, inputs: readonly string[]): Diagnostic[] {
  const arg = (message: string) => [diag('usage', message, { file: '(arguments)' })];
  if (file === '' || file === '-') return arg('--output needs a file name (leave it out to write to standard output)');
  const st = statOrUndefined(file);
  if (st?.isDirectory()) return arg(`--output ${file} is a folder; give a file name`);
  if (!statOrUndefined(dirname(resolve(file)))?.isDirectory()) return arg(`--output ${file}: the folder ${dirname(file)} does not exist`);
  const target = resolve(file);
  if (inputs.some((i) => i !== '-' && resolve(i) === target)) return arg(`--output ${file} is also a case file to assess; it would be replaced by the report`);
  return [];
}

/** An Io whose stdout is a temporary file next to `file`; commit() moves it into place, abort() removes it. */
export function fileIo(io: Io, file: string): { io: Io; commit(): boolean; abort(): void } {
  const temp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let written = 0;
  const open = () => {
    try {
      return (fd ??= openSync(temp, 'wx', 0o666));
    } catch (e) {
      throw new OutputFileError(file, e as NodeJS.ErrnoException);
    }
  };
  const close = () => {
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      // closed either way
    }
  };
  const out: Io = {
    out: (text) => {
      const at = open();
      try {
        const buf = Buffer.from(safeOutput(text, PLAIN));
        let off = 0;
        while (off < buf.length) off += writeSync(at, buf, off);
        written += buf.length;
      } catch (e) {
        throw new OutputFileError(file, e as NodeJS.ErrnoException);
      }
    },
    err: (text) => io.err(text),
    isTTY: false,
    get errIsTTY() {
      return io.errIsTTY;
    },
    env: io.env,
  };
  const abort = () => {
    close();
    fd = undefined;
    try {
      unlinkSync(temp);
    } catch {
      // never created
    }
  };
  return {
    io: out,
    /** Move the report into place; false (and nothing replaced) when the run wrote nothing. */
    commit: () => {
      if (fd === undefined || written === 0) {
        abort();
        return false;
      }
      close();
      try {
        renameSync(temp, file);
      } catch (e) {
        abort();
        throw new OutputFileError(file, e as NodeJS.ErrnoException);
      }
      return true;
    },
    abort,
  };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
