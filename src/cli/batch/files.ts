// Which case files a run assesses: files as given, folders searched recursively in name order.
// Symbolic links are followed, but no folder is entered twice, so a link loop ends the walk instead of hanging it.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../../source/diagnostics.js';

/** A case file to assess, or a problem found while looking for case files. */
export interface CaseEntry {
  file: string;
  problem?: Diagnostic;
}

export interface FoundCases {
  entries: CaseEntry[];
  folders: number;
}

const CASE_FILE = /\.ya?ml$/;
const EXPECT_FILE = /\.expect\.ya?ml$/;

/** Expand paths into case entries: a file stays as given (even if missing: reading it reports that); a folder
 * contributes its *.yaml / *.yml files, recursively, sorted by name, skipping *.expect.yaml and hidden entries. */
export function findCaseFiles(paths: readonly string[]): FoundCases {
  const entries: CaseEntry[] = [];
  const seen = new Set<string>();
  let folders = 0;
  for (const path of paths) {
    const st = path === '-' ? undefined : statOrUndefined(path);
    if (!st?.isDirectory()) {
      entries.push({ file: path });
      continue;
    }
    folders++;
    const before = entries.length;
    if (walk(path, seen, entries) && entries.length === before)
      entries.push({ file: path, problem: diag('no-cases', `no case files (*.yaml, *.yml) in the folder ${path}`, { file: path }) });
  }
  return { entries, folders };
}

/** Collect a folder's case files; false when it was already walked (a link loop, or named twice). */
function walk(dir: string, seen: Set<string>, out: CaseEntry[]): boolean {
  const st = statOrUndefined(dir);
  if (!st) return false;
  const id = `${st.dev}:${st.ino}`;
  if (seen.has(id)) return false;
  seen.add(id);
  let names: Dirent[];
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({
      file: dir,
      problem: diag('folder-unreadable', `cannot read the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: dir }),
    });
    return true;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of names) {
    if (d.name.startsWith('.')) continue;
    const path = join(dir, d.name);
    const isDir = d.isDirectory() || (d.isSymbolicLink() && statOrUndefined(path)?.isDirectory() === true);
    if (isDir) walk(path, seen, out);
    else if (CASE_FILE.test(d.name) && !EXPECT_FILE.test(d.name)) out.push({ file: path });
  }
  return true;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
