// The one folder walker (src/cli/io/walk.ts) behind both the main command's folders of cases and `check`'s fixture
// folders: the same files in the same order, the same problems in the same places, for both.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseEntries, findCaseFiles } from '../src/cli/batch/files.js';
import { findFixtures } from '../src/cli/io/find-fixtures.js';
import type { WalkFs } from '../src/cli/io/walk.js';
import { MAX_FOLDER_DEPTH } from '../src/source/limits.js';
import { cli, ROOT } from './helpers.js';

const CASE = 'buyer: {}\n';

function tree(files: string[], links: [string, string][] = []): string {
  const root = fs.mkdtempSync(join(tmpdir(), 'da-walk-'));
  for (const f of files) {
    fs.mkdirSync(join(root, f, '..'), { recursive: true });
    fs.writeFileSync(join(root, f), CASE);
  }
  for (const [name, target] of links) fs.symlinkSync(target, join(root, name));
  return root;
}

/** Both commands' view of a tree: the files found and the problems (code at path), relative to the root. */
function both(root: string, ops?: WalkFs) {
  const rel = (p: string) => p.slice(root.length + 1);
  const entries = [...caseEntries([root], ops)];
  const check = findFixtures([root], ops);
  return {
    batch: {
      files: entries.filter((e) => !e.problem).map((e) => rel(e.file)),
      problems: entries.filter((e) => e.problem).map((e) => `${e.problem!.code} ${rel(e.problem!.file)}`),
    },
    check: { files: check.fixtures.map((f) => rel(f.file)), problems: check.problems.map((d) => `${d.code} ${rel(d.file)}`) },
    order: entries.map((e) => rel(e.file)),
  };
}

describe('one walker, one rule for the main command and check', () => {
  it('the same files in per-folder name order, hidden entries and node_modules skipped, links followed once, problems in place', () => {
    const root = tree(
      ['B.yaml', 'a/b.yaml', 'a-b/x.yaml', 'a.yaml', 'notes.txt', '.hidden.yaml', '.git/x.yaml', 'node_modules/pkg/x.yaml', 'sub/c.yaml', 'sub/c.expect.yaml'],
      [
        ['again', 'sub'], // an alias of sub/: its case is found once, under the first name in walk order
        ['sub/up', '..'], // a loop back to the root
        ['gone.yaml', 'nowhere.yaml'], // a case file's link to nothing
        ['readme', 'nowhere'], // any other link to nothing: not ours
        ['loop', 'loop'], // a link to itself
        ['modules', 'node_modules'], // node_modules under another name is a folder like any other
      ],
    );
    const r = both(root);
    // Per folder, by name: a/ before a-b/ before a.yaml ('/' is not compared: each folder is walked where its name falls).
    const files = ['B.yaml', 'a/b.yaml', 'a-b/x.yaml', 'a.yaml', 'again/c.yaml', 'modules/pkg/x.yaml'];
    expect(r.batch.files).toEqual(files);
    expect(r.check.files).toEqual(files);
    const problems = ['file-not-found gone.yaml', 'file-symlink-loop loop'];
    expect(r.batch.problems).toEqual(problems);
    expect(r.check.problems).toEqual(problems);
    expect(r.order).toEqual(['B.yaml', 'a/b.yaml', 'a-b/x.yaml', 'a.yaml', 'again/c.yaml', 'gone.yaml', 'loop', 'modules/pkg/x.yaml']);
    // check pairs the expectation file the walk found with its case; batch never assesses it.
    expect(findFixtures([root]).fixtures.find((f) => f.file.endsWith('c.yaml'))?.expect).toBe(join(root, 'again', 'c.expect.yaml'));
  });

  it('an unreadable folder is a folder-unreadable problem at its path, and the walk goes on (simulated: chmod does not stop root)', () => {
    const root = tree(['a.yaml', 'locked/x.yaml', 'z/y.yaml']);
    const ops: WalkFs = {
      statSync: fs.statSync,
      readdirSync: ((p: fs.PathLike, o: never) => {
        if (String(p).endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readdirSync(p, o);
      }) as WalkFs['readdirSync'],
    };
    const r = both(root, ops);
    expect(r.batch).toEqual({ files: ['a.yaml', 'z/y.yaml'], problems: ['folder-unreadable locked'] });
    expect(r.check).toEqual(r.batch);
    expect(r.order).toEqual(['a.yaml', 'locked', 'z/y.yaml']);
  });

  it(`a folder nested more than ${MAX_FOLDER_DEPTH} deep is a folder-too-deep problem; one at the limit is searched`, () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `d${i + 1}`).join('/');
    const root = tree([`${chain(MAX_FOLDER_DEPTH)}/ok.yaml`, `${chain(MAX_FOLDER_DEPTH + 1)}/deep.yaml`]);
    const r = both(root);
    expect(r.batch).toEqual({ files: [`${chain(MAX_FOLDER_DEPTH)}/ok.yaml`], problems: [`folder-too-deep ${chain(MAX_FOLDER_DEPTH + 1)}`] });
    expect(r.check).toEqual(r.batch);
  });

  it('a folder given on the command line is searched whatever its name; named twice, it is searched once', () => {
    const root = tree(['node_modules/x.yaml', '.cases/y.yaml']);
    expect([...caseEntries([join(root, 'node_modules'), join(root, '.cases'), join(root, '.cases')])].map((e) => e.file)).toEqual([
      join(root, 'node_modules', 'x.yaml'),
      join(root, '.cases', 'y.yaml'),
    ]);
    expect(findFixtures([join(root, '.cases')]).fixtures.map((f) => f.file)).toEqual([join(root, '.cases', 'y.yaml')]);
  });
});

describe('through the commands', () => {
  it("a problem met on the way is that entry's diagnostic: the main command assesses the rest, check stops before running", () => {
    const root = tree([]);
    fs.copyFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), join(root, 'a.yaml'));
    fs.symlinkSync('loop', join(root, 'loop'));
    const r = cli(['--format', 'json', root]);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { format: string; diagnostics?: { code: string }[] });
    expect(lines.map((l) => l.format)).toEqual(['dispute-assess/assessment', 'dispute-assess/diagnostics']);
    expect(lines[1]!.diagnostics!.map((d) => d.code)).toEqual(['file-symlink-loop']);
    const c = cli(['check', root]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/loop:1:1 {2}error {2}file-symlink-loop/);
  });
});

describe('the batch walks lazily', () => {
  it('reads a folder only when the run reaches it, and counts without keeping the entries', () => {
    const root = tree(['0/a.yaml', '1/b.yaml', '2/c.yaml', '3/d.yaml']);
    const read: string[] = [];
    const ops: WalkFs = {
      statSync: fs.statSync,
      readdirSync: ((p: fs.PathLike, o: never) => {
        read.push(String(p).slice(root.length));
        return fs.readdirSync(p, o);
      }) as WalkFs['readdirSync'],
    };
    const entries = caseEntries([root], ops);
    expect(entries.next().value).toEqual({ file: join(root, '0', 'a.yaml') });
    expect(read).toEqual(['', '/0']);
    expect(entries.next().value).toEqual({ file: join(root, '1', 'b.yaml') });
    expect(read).toEqual(['', '/0', '/1']);
    expect(findCaseFiles([root, join(root, '0', 'a.yaml')])).toEqual({ paths: [root, join(root, '0', 'a.yaml')], total: 5, folders: 1 });
  });

  it('a folder whose only YAML files are expectation files has no cases', () => {
    const root = tree(['a.expect.yaml']);
    expect([...caseEntries([root])].map((e) => e.problem?.code)).toEqual(['no-cases']);
  });
});
