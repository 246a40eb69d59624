// Finding fixture cases under files and folders, each with its sibling expectation file when it has one.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diag, type Diagnostic } from '../../source/diagnostics.js';

export interface FoundFixture {
  file: string;
  expect?: string;
}

const EXPECT = /\.expect\.ya?ml$/;
const YAML = /\.ya?ml$/;
const MAX_DEPTH = 20;

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

/** Case files under the paths (folders walked in name order, skipping dot-folders and node_modules). */
export function findFixtures(paths: readonly string[]): { fixtures: FoundFixture[]; problems: Diagnostic[] } {
  const cases = new Set<string>();
  const expects: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const walk = (p: string, depth: number, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const loop = (e as NodeJS.ErrnoException).code === 'ELOOP';
      problems.push(
        diag(loop ? 'file-symlink-loop' : 'file-not-found', loop ? `${p} is a symbolic link that points back to itself` : `no such file or folder: ${p}`, {
          file: p,
        }),
      );
      return;
    }
    if (st.isDirectory()) {
      // Each folder once (by device and inode): links back up the tree would otherwise make the walk exponential.
      const id = `${st.dev}:${st.ino}`;
      if (depth > MAX_DEPTH || seen.has(id) || (!explicit && (basename(p).startsWith('.') || basename(p) === 'node_modules'))) return;
      seen.add(id);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch {
        problems.push(diag('file-unreadable', `cannot read the folder ${p}`, { file: p }));
        return;
      }
      for (const name of names) walk(join(p, name), depth + 1, false);
    } else if (EXPECT.test(p)) expects.push(p);
    else if (YAML.test(p) || explicit) cases.add(p);
  };
  for (const p of paths) walk(p, 0, true);
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
