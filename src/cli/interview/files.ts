// Files for the interview: saves that keep what the user had (mode, symbolic link, no half-written file), existence
// checks and free names.
import * as fs from 'node:fs';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The file-system calls a save makes (tests pass a wrapper to see that the file and its folder are flushed). */
export type SaveOps = Pick<typeof fs, 'openSync' | 'writeFileSync' | 'fchmodSync' | 'fsyncSync' | 'closeSync' | 'renameSync'>;

/** New case files are private: they hold a buyer's dispute, payments and bank details. */
const NEW_FILE_MODE = 0o600;

/** A save refused because the file may not be written (no write permission in its mode). */
export class ReadOnlyError extends Error {
  readonly code = 'EROFILE';
  readonly syscall = 'open';
  constructor(readonly path: string) {
    super(`${path} is read-only; the interview does not replace read-only files`);
    this.name = 'ReadOnlyError';
  }
}

/** Whether a file exists and may not be written: no write bit in its mode, or no write permission for this user. */
export function isReadOnly(path: string): boolean {
  const st = fs.statSync(path, { throwIfNoEntry: false });
  if (!st?.isFile()) return false;
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(path, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Whether nothing is at the path yet, or a regular file (following links): a save may go there. */
export function isRegularOrAbsent(path: string): boolean {
  const st = fs.statSync(path, { throwIfNoEntry: false });
  return !st || st.isFile();
}

/** The file a save really writes: a symbolic link's target (followed to the end, even if it does not exist yet). */
export function saveTarget(path: string): string {
  let target = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const st = fs.lstatSync(target, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) return target;
    target = resolve(dirname(target), fs.readlinkSync(target));
  }
  return target;
}

/** The name of a save's temporary file: hidden, beside the target, with the writing process's id. */
const tempName = (target: string) => join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);

/** Write text over a file, keeping what the user had: a symbolic link stays a link (its target is written), the
 * file keeps its mode (a new one is private), a read-only file is refused (ReadOnlyError). The text goes to a
 * private temporary file beside the target, flushed to disk, then renamed over it, and the folder is flushed
 * too, so a crash leaves either the old file or the new one. A failure leaves the old file as it was. */
export function writeFileAtomic(path: string, text: string, ops: SaveOps = fs): void {
  const target = saveTarget(path);
  const st = fs.statSync(target, { throwIfNoEntry: false });
  if (st?.isFile() && isReadOnly(target)) throw new ReadOnlyError(path);
  const mode = st?.isFile() ? st.mode & 0o7777 : NEW_FILE_MODE;
  const tmp = tempName(target);
  let fd: number | undefined;
  try {
    fd = ops.openSync(tmp, 'wx', 0o600);
    ops.writeFileSync(fd, text, 'utf8');
    ops.fchmodSync(fd, mode);
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = undefined;
    ops.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) ops.closeSync(fd);
    removeFile(tmp);
    throw e;
  }
  syncFolder(dirname(target), ops);
}

/** Flush a folder's entries (the rename) to disk; some systems cannot, which is not an error. */
function syncFolder(dir: string, ops: SaveOps): void {
  let fd: number | undefined;
  try {
    fd = ops.openSync(dir, 'r');
    ops.fsyncSync(fd);
  } catch {
    // not supported here (e.g. some network or Windows file systems)
  } finally {
    if (fd !== undefined) ops.closeSync(fd);
  }
}

/** Remove temporary files a killed save left beside a file (their process is gone); returns how many. */
export function removeStaleTemps(path: string, alive: (pid: number) => boolean = processAlive): number {
  const target = saveTarget(path);
  const prefix = `.${basename(target)}.`;
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dirname(target));
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || alive(Number(m[1]))) continue;
    removeFile(join(dirname(target), name));
    removed++;
  }
  return removed;
}

/** Whether a process with this id is running (ours always is). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a file holds now, or null when there is none: to notice that someone else wrote it since. */
export function currentText(path: string): string | null {
  try {
    const target = saveTarget(path);
    // Without a byte order mark, as the case reader decodes it (a resumed file's text is compared with this).
    return fs.statSync(target).isFile() ? fs.readFileSync(target, 'utf8').replace(/^\uFEFF/, '') : null;
  } catch {
    return null;
  }
}

/** Whether something (a file or a folder) exists at the path. */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** Whether the path is a folder. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The first of name.yaml, name-2.yaml, name-3.yaml ... that does not exist yet. */
export function freeName(path: string, exists: (p: string) => boolean = pathExists): string {
  if (!exists(path)) return path;
  const m = /^(.*?)(\.partial)?(\.ya?ml)$/.exec(path);
  const [stem, partial, ext] = m ? [m[1]!, m[2] ?? '', m[3]!] : [path, '', ''];
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${partial}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** Remove a file we created; quietly does nothing if it is gone. */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
