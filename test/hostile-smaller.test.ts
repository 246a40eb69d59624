// Issue 17, item 12: the smaller ones. A full disk is a write error, commander's usage errors follow the
// diagnostic format, "too many problems" comes last, a dangling symlink is named as such, --as-of is bounded.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../src/cli/io/files.js';
import { diag, sortDiagnostics } from '../src/source/diagnostics.js';
import { BIN, cli, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'da-small-'));
const CASE = join(ROOT, 'test/cases/offline-wire.yaml');
const USAGE = /^\(arguments\):1:1 {2}error {2}usage {2}/;

describe('17.12 smaller ones', () => {
  it.skipIf(!existsSync('/dev/full'))('17.12 > /dev/full is a plain write error, exit 2, not an internal error', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, CASE], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('cannot write to standard output: no space left on the device');
      expect(r.stderr).not.toContain('internal error');
    } finally {
      closeSync(full);
    }
  });

  it('17.12 commander usage errors follow the documented diagnostic format, exit 2', () => {
    for (const args of [
      ['--bogus', CASE],
      ['check', '--bogus'],
      [CASE, '--format'],
      ['--format', 'xml', CASE],
      ['schema', 'extra'],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(USAGE);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('17.12 "too many problems" sorts after the problems it counts', () => {
    const list = [diag('too-many-problems', 'more', { file: 'a.yaml' }), diag('x', 'late', { file: 'a.yaml', line: 90 }), diag('y', 'b', { file: 'b.yaml' })];
    expect(sortDiagnostics(list).map((d) => d.code)).toEqual(['x', 'too-many-problems', 'y']);
    const file = join(tmp(), 'many.yaml');
    writeFileSync(file, Array.from({ length: 80 }, () => 'a: 1\n').join(''));
    const lines = cli([file]).stderr.trim().split('\n');
    expect(lines.at(-1)).toContain('too-many-problems');
    expect(lines[0]).toContain('yaml-duplicate-key');
  });

  it('17.12 a dangling symlink is named as one, never "did you mean" the same path', () => {
    const dir = tmp();
    const link = join(dir, 'case.yaml');
    symlinkSync('gone.yaml', link);
    const r = readTextFile(link);
    expect(r).toMatchObject({ ok: false, diagnostic: { code: 'file-not-found' } });
    const message = r.ok ? '' : r.diagnostic.message;
    expect(message).toContain('is a symbolic link to gone.yaml, which does not exist');
    expect(message).not.toContain('did you mean');
    // A missing file next to a dangling link of a similar name is not offered the link either.
    const other = readTextFile(join(dir, 'case.yml'));
    expect(other.ok ? '' : other.diagnostic.message).not.toContain(`'${link}'`);
  });

  it('17.12 --as-of is limited to the dates a case may hold (1900-2199)', () => {
    for (const bad of ['9999-12-31', '1899-12-31', '2200-01-01']) {
      const r = cli([CASE, '--as-of', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(USAGE);
      expect(r.stderr).toContain('between 1900-01-01 and 2199-12-31');
    }
    expect(cli([CASE, '--as-of', '2199-12-31']).code).toBe(0);
  });
});
