// Which case files a run assesses: files as given, folders searched with the shared walker (io/walk.ts: name order,
// hidden entries and node_modules skipped, links followed but no folder entered twice, problems in place).
// The entries are a generator, walked twice: once to count them (findCaseFiles: the batch's length decides the
// progress bar, the headers' [i/n] and the worker) and once as they are assessed (caseEntries), so a run holds the
// names of the folders it is in, not every path of the batch.
import type { Stats } from 'node:fs';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { FolderWalk, type WalkFs } from '../io/walk.js';
import { STDIN_ARG } from '../io/stdin.js';

/** A case file to assess, or a problem found while looking for case files. */
export interface CaseEntry {
  file: string;
  problem?: Diagnostic;
}

/** The paths of a run and what walking them found: `total` entries, `folders` of the paths were folders. Small and
 * plain, so that it can be handed to the batch worker; the entries come from caseEntries(paths). */
export interface FoundCases {
  paths: readonly string[];
  total: number;
  folders: number;
}

const EXPECT_FILE = /\.expect\.ya?ml$/;

/** Count the entries the paths give (one walk, nothing kept). */
export function findCaseFiles(paths: readonly string[], ops?: WalkFs): FoundCases {
  let total = 0;
  for (const _ of caseEntries(paths, ops)) total++;
  const walk = new FolderWalk(ops);
  const folders = paths.filter((p) => p !== STDIN_ARG && isFolder(walk.stat(p))).length;
  return { paths, total, folders };
}

/** The entries of the paths, in order: a file stays as given (even if missing: reading it reports that); a folder
 * contributes its *.yaml / *.yml files but expectation files (*.expect.yaml), or a no-cases problem when it has none. */
export function* caseEntries(paths: readonly string[], ops?: WalkFs): Generator<CaseEntry> {
  const walk = new FolderWalk(ops);
  for (const path of paths) {
    const st = path === STDIN_ARG ? undefined : walk.stat(path);
    if (!isFolder(st)) {
      yield { file: path };
      continue;
    }
    const items = walk.folder(path, st);
    let found = 0;
    for (let r = items.next(); ; r = items.next()) {
      if (r.done) {
        // false: walked already in this run (named twice, or inside a folder named before), not empty
        if (r.value && found === 0) yield { file: path, problem: diag('no-cases', `no case files (*.yaml, *.yml) in the folder ${path}`, { file: path }) };
        break;
      }
      if (!r.value.problem && EXPECT_FILE.test(r.value.file)) continue;
      found++;
      yield r.value;
    }
  }
}

const isFolder = (st: Stats | Error | undefined): st is Stats => st !== undefined && !(st instanceof Error) && st.isDirectory();
