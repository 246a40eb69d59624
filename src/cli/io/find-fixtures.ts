// Finding fixture cases under files and folders, each with its sibling expectation file when it has one.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { FolderWalk, type WalkFs } from './walk.js';

export interface FoundFixture {
  file: string;
  expect?: string;
}

const EXPECT = /\.expect\.ya?ml$/;
const YAML = /\.ya?ml$/;

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The expectation file beside a case file, if any (`x.expect.yaml`, or `x.expect.yml`). */
export function siblingOf(file: string): string | undefined {
  const stem = file.replace(YAML, '');
  return [`${stem}.expect.yaml`, `${stem}.expect.yml`].find(isFile);
}

/** Case files under the paths: a path given is used whatever its name; a folder is searched with the shared walker
 * (io/walk.ts: name order, hidden entries and node_modules skipped, each folder once, problems in place). */
export function findFixtures(paths: readonly string[], ops?: WalkFs): { fixtures: FoundFixture[]; problems: Diagnostic[] } {
  const cases = new Set<string>();
  const expects: string[] = [];
  const problems: Diagnostic[] = [];
  const walk = new FolderWalk(ops);
  const take = (file: string) => {
    if (EXPECT.test(file)) expects.push(file);
    else cases.add(file);
  };
  for (const p of paths) {
    const st = walk.stat(p);
    if (st instanceof Error) {
      const loop = st.code === 'ELOOP';
      problems.push(
        diag(loop ? 'file-symlink-loop' : 'file-not-found', loop ? `${p} is a symbolic link that points back to itself` : `no such file or folder: ${p}`, {
          file: p,
        }),
      );
    } else if (!st.isDirectory()) take(p);
    else
      for (const item of walk.folder(p, st)) {
        if (item.problem) problems.push(item.problem);
        else take(item.file);
      }
  }
  for (const e of expects) {
    const stem = e.replace(EXPECT, '');
    const c = [`${stem}.yaml`, `${stem}.yml`].find(isFile);
    if (c) cases.add(c);
    else problems.push(diag('expect-orphan', `expectation file without a case: no ${basename(stem)}.yaml beside it`, { file: e }));
  }
  const fixtures = [...cases].map((file): FoundFixture => {
    const expect = siblingOf(file);
    return expect ? { file, expect } : { file };
  });
  return { fixtures, problems };
}
