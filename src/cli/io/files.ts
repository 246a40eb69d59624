// File access for the CLI: reading case and rule files with clear diagnostics instead of exceptions.
// The size limit is checked before reading, reads are bounded (a growing file or /dev/zero cannot
// exhaust memory), and a file that changes while it is read is refused rather than half-read.
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { YAML_LIMITS } from '../../source/limits.js';
import { decodeUtf8 } from '../../source/decode.js';
import { suggestion } from '../../source/suggest.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** The file-system calls readTextFile makes (tests pass a wrapper to simulate a file changing mid-read). */
export type FileOps = Pick<typeof fs, 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>;

const CHUNK = 64 * 1024;

/** Read a UTF-8 text file, refusing directories, oversized, changing, unreadable and non-UTF-8 files with a diagnostic. */
export function readTextFile(file: string, ops: FileOps = fs, maxBytes: number = YAML_LIMITS.maxBytes): ReadResult {
  const fail = (code: string, message: string, pos: { line?: number; column?: number } = {}): ReadResult => ({
    ok: false,
    diagnostic: diag(code, message, { file, ...pos }),
  });
  let fd: number | undefined;
  try {
    // A FIFO, socket or device is refused before it is opened (opening a FIFO waits for a writer, forever);
    // the open is non-blocking as well, so one swapped in after this look cannot hang the run either.
    const kind = notRegular(fs.statSync(file, { throwIfNoEntry: false }));
    if (kind) return fail('file-not-regular', notRegularMessage(file, kind));
    fd = ops.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const before = ops.fstatSync(fd);
    if (before.isDirectory()) return fail('file-is-directory', `${file} is a folder, not a case file; give the path of a .yaml file`);
    const opened = notRegular(before);
    if (opened) return fail('file-not-regular', notRegularMessage(file, opened));
    if (before.size > maxBytes) return fail('file-too-large', tooLarge(before.size, maxBytes));
    const bytes = readBounded(fd, maxBytes + 1, ops);
    if (bytes.length > maxBytes)
      return fail('file-too-large', `${tooLarge(bytes.length, maxBytes, 'more than ')}${before.isFile() ? ' (it grew while being read)' : ''}`);
    if (before.isFile()) {
      const after = ops.fstatSync(fd);
      if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytes.length !== before.size) {
        return fail('file-changed', `${file} changed while it was being read (${before.size} bytes, then ${after.size}); run again once it is saved`);
      }
    }
    const text = decodeUtf8(bytes);
    return text.ok ? { ok: true, text: text.text } : fail('file-encoding', text.message, text);
  } catch (e) {
    return { ok: false, diagnostic: errnoDiagnostic(e as NodeJS.ErrnoException, file) };
  } finally {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        // nothing to do: the descriptor is gone either way
      }
    }
  }
}

/** What a path is when it is neither a regular file nor a folder ('a FIFO (named pipe)', ...), else undefined. */
function notRegular(st: fs.Stats | undefined): string | undefined {
  if (!st || st.isFile() || st.isDirectory()) return undefined;
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const notRegularMessage = (file: string, kind: string) =>
  `${file} is ${kind}, not a regular file; only files are read (reading it could wait forever). To pipe a case in, save it to a file first`;

function tooLarge(size: number, max: number, prefix = ''): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `the file is ${prefix}${n(size)} bytes; the limit is ${n(max)} bytes (a case file is usually under 20,000). Is this the right file?`;
}

/** Read at most `limit` bytes from a descriptor, in chunks. */
function readBounded(fd: number, limit: number, ops: FileOps): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit - total));
    const n = ops.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function errnoDiagnostic(err: NodeJS.ErrnoException, file: string): Diagnostic {
  const d = (code: string, message: string) => diag(code, message, { file });
  switch (err.code) {
    case 'ENOENT': {
      const target = danglingLink(file);
      if (target !== undefined) return d('file-not-found', `${file} is a symbolic link to ${target}, which does not exist`);
      return d('file-not-found', `no such file: ${file}${nearbyName(file)}`);
    }
    case 'ENOTDIR':
      return d('file-not-found', `no such file: ${file} (a part of the path is not a folder)`);
    case 'EISDIR':
      return d('file-is-directory', `${file} is a folder, not a case file; give the path of a .yaml file`);
    case 'EACCES':
    case 'EPERM':
      return d('file-unreadable', `permission denied reading ${file}; check the file's permissions`);
    case 'ELOOP':
      return d('file-symlink-loop', `${file} is a symbolic link that points back to itself (too many levels of links)`);
    case 'ENAMETOOLONG':
      return d('file-not-found', 'the file name is too long');
    default:
      return d('file-unreadable', `cannot read ${file}: ${err.code ?? err.message}`);
  }
}

/** Where a symbolic link points, when the path is a link (then its target is missing), else undefined. */
function danglingLink(file: string): string | undefined {
  try {
    return fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** " (did you mean 'x.yaml'?)" for a missing file with a similar name in the same folder (never the name itself). */
function nearbyName(file: string): string {
  try {
    const names = fs
      .readdirSync(dirname(file))
      .filter((n) => n !== basename(file))
      .slice(0, 1000);
    const hint = suggestion(basename(file), names);
    const named = /'([^']*)'/.exec(hint)?.[1];
    // A suggestion must be a file that can be read: not a dangling link of a similar name.
    if (!named || !fs.existsSync(join(dirname(file), named))) return '';
    return hint.replace(/'([^']*)'/, () => `'${join(dirname(file), named)}'`);
  } catch {
    return '';
  }
}

/** The YAML files of a folder, sorted; [] when it has none. */
export function yamlFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The package's own folder (where package.json and rules/ live), found from this module. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      fs.statSync(join(dir, 'rules', 'parameters.yaml'));
      return dir;
    } catch {
      dir = resolve(dir, '..');
    }
  }
  throw new Error('cannot find the built-in rules folder');
}
