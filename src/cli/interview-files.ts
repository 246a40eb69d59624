// Files for the interview: atomic writes (temporary file, then rename), existence checks and free names.
import { existsSync, renameSync, unlinkSync, writeFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Write text to a file atomically: a temporary file beside it, then rename. A failure leaves the old file as it was. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw e;
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
