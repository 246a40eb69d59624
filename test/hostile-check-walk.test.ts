// `check` walks fixture folders: symbolic-link loops are visited once and never hang or multiply.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFixtures } from '../src/cli/io/find-fixtures.js';
import { cli, ROOT } from './helpers.js';

const FIXTURE = join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml');

/** a/ holds one case and links back to itself and to its parent, twice each: 2^20 paths without loop detection. */
function loopingTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'da-walk-'));
  const a = join(root, 'a');
  mkdirSync(a);
  copyFileSync(FIXTURE, join(a, 'case.yaml'));
  const links: [string, string][] = [
    ['self1', '.'],
    ['self2', '.'],
    ['up1', '..'],
    ['up2', '..'],
  ];
  for (const [name, target] of links) symlinkSync(target, join(a, name));
  return root;
}

describe('findFixtures', () => {
  it('visits each folder once through symbolic-link loops', () => {
    const root = loopingTree();
    const found = findFixtures([root]);
    expect(found.problems).toEqual([]);
    expect(found.fixtures.map((f) => f.file)).toEqual([join(root, 'a', 'case.yaml')]);
  });

  it('reports a link that points to itself as file-symlink-loop', () => {
    const root = mkdtempSync(join(tmpdir(), 'da-walk-'));
    symlinkSync('me.yaml', join(root, 'me.yaml'));
    writeFileSync(join(root, 'ok.yaml'), 'buyer: {}\n');
    const found = findFixtures([root]);
    expect(found.fixtures.map((f) => f.file)).toEqual([join(root, 'ok.yaml')]);
    expect(found.problems.map((d) => d.code)).toEqual(['file-symlink-loop']);
  });

  it('the check command finishes on a looping tree, running the case once', () => {
    const r = cli(['check', loopingTree()]);
    expect(r.stdout.match(/^PASS /gm)).toHaveLength(1);
    expect(r.code).toBe(0);
  });
});
