// The one folder walker, used by the main command (folders of case files, batch/files.ts) and by `check` (fixture
// folders, io/find-fixtures.ts). One rule for both, below a folder given on the command line:
//   - files named *.yaml or *.yml are yielded (the caller decides what an expectation file is to it);
//   - names starting with `.` (files and folders) and folders named node_modules are skipped;
//   - the entries of a folder are taken in the order of their names (JavaScript string order: byte order for ASCII
//     names), each subfolder walked where its name falls, so the order is the same on every file system;
//   - symbolic links are followed, but a folder (device and inode) is entered once per walk: a link loop ends, and
//     no case is found twice through an alias (the first path in walk order is the one used);
//   - problems are yielded in place as positioned diagnostics and the walk goes on: an unreadable folder
//     (folder-unreadable), a link that points back to itself (file-symlink-loop), a link named like a case file that
//     points nowhere (file-not-found), a folder nested deeper than MAX_FOLDER_DEPTH (folder-too-deep).
// It is a generator: folders are read as the caller reaches them, and only the names of the folders on the current
// path are held, so a batch of 50,000 cases does not keep 50,000 paths (the walk is run twice in a batch: once to
// count, once to assess). Maintained walkers were measured against this contract and each failed it (see
// dev-notes/2026-11-26/issue-16-sitting3-s3walk.md).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { MAX_FOLDER_DEPTH } from '../../source/limits.js';

/** A YAML file found, or a problem found where one might have been. */
export interface WalkItem {
  file: string;
  problem?: Diagnostic;
}

/** The file-system calls the walk makes (tests pass a wrapper to simulate an unreadable folder, even as root). */
export type WalkFs = Pick<typeof fs, 'readdirSync' | 'statSync'>;

const YAML_FILE = /\.ya?ml$/;
const byName = (a: fs.Dirent, b: fs.Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** One run's walk: folders are entered at most once over all the folders walked with it. */
export class FolderWalk {
  private readonly seen = new Set<string>();

  constructor(private readonly ops: WalkFs = fs) {}

  /** The stat of a path (links followed), or the error that prevented it. */
  stat(path: string): fs.Stats | NodeJS.ErrnoException {
    try {
      return this.ops.statSync(path);
    } catch (e) {
      return e as NodeJS.ErrnoException;
    }
  }

  /** Walk a folder given on the command line; returns false when this walk had entered it already (named twice, or
   * inside a folder walked before), true when it was walked now. */
  *folder(dir: string, st: fs.Stats): Generator<WalkItem, boolean> {
    return yield* this.enter(dir, st, 0);
  }

  private *enter(dir: string, st: fs.Stats, depth: number): Generator<WalkItem, boolean> {
    const id = `${st.dev}:${st.ino}`;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (depth > MAX_FOLDER_DEPTH) {
      yield problem('folder-too-deep', `${dir} is nested more than ${MAX_FOLDER_DEPTH} folders deep; its files were not searched`, dir);
      return true;
    }
    let entries: fs.Dirent[];
    try {
      entries = this.ops.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      yield problem('folder-unreadable', `cannot read the folder ${dir}: ${code(e)}`, dir);
      return true;
    }
    entries.sort(byName);
    for (const d of entries) {
      const name = d.name;
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const yaml = YAML_FILE.test(name);
      if (d.isSymbolicLink()) {
        const target = this.stat(path);
        if (target instanceof Error) {
          // A loop is reported whatever the link's name (it may have been meant as a folder of cases); a link to
          // nothing only when it is named like a case file (a dangling README link is none of our business).
          if (target.code === 'ELOOP') yield problem('file-symlink-loop', `${path} is a symbolic link that points back to itself`, path);
          else if (yaml) yield problem('file-not-found', `${path} is a symbolic link to something that does not exist (${code(target)})`, path);
        } else if (target.isDirectory()) {
          if (name !== 'node_modules') yield* this.enter(path, target, depth + 1);
        } else if (yaml) yield { file: path };
      } else if (d.isDirectory()) {
        if (name === 'node_modules') continue;
        const sub = this.stat(path);
        if (!(sub instanceof Error)) yield* this.enter(path, sub, depth + 1);
        else if (sub.code !== 'ENOENT') yield problem('folder-unreadable', `cannot read the folder ${path}: ${code(sub)}`, path);
        // ENOENT: removed since the listing; nothing to report
      } else if (yaml) yield { file: path }; // a file, or a FIFO or device named *.yaml: reading it reports that
    }
    return true;
  }
}

function problem(code: string, message: string, file: string): WalkItem {
  return { file, problem: diag(code, message, { file }) };
}
