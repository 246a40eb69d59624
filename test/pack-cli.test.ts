// `dispute-assess pack` as a user runs it (the built binary): the folder and its files, refusing to overwrite,
// --force, --lang, positioned diagnostics with exit 2 for bad input, and no half-written folder on failure.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePack } from '../src/cli/commands/pack.js';
import { cli } from './helpers.js';
import { PACK_CASE } from './pack-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'da-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NAMES = ['brief.html', 'brief.md', 'evidence-index.md', 'letter-en.md', 'letter-zh.md', 'platform-text.md'];

describe('dispute-assess pack', () => {
  it('writes the pack into a new folder and lists it; exit 0', () => {
    const out = join(tmp, 'p1');
    const r = cli(['pack', PACK_CASE, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(NAMES);
    expect(r.stdout).toContain(`case pack written to ${out}/`);
    // The evidence files were found relative to the case file, not the working folder.
    expect(readFileSync(join(out, 'evidence-index.md'), 'utf8')).toMatch(/`evidence\/proforma-EB-2025-118\.pdf`: 70 bytes, SHA-256 `[0-9a-f]{64}`/);
    // Nothing but the pack is left beside it (no temporary folder).
    expect(readdirSync(tmp)).toEqual(['p1']);
  });

  it('refuses to replace an existing pack without --force (exit 2, nothing changed); --force replaces it', () => {
    const out = join(tmp, 'p2');
    expect(cli(['pack', PACK_CASE, '-o', out]).code).toBe(0);
    writeFileSync(join(out, 'brief.md'), 'old');
    const r = cli(['pack', PACK_CASE, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${out}:1:1  error  pack-exists  .*--force`, 'm'));
    expect(readFileSync(join(out, 'brief.md'), 'utf8')).toBe('old');
    const f = cli(['pack', PACK_CASE, '-o', out, '--force', '--lang', 'zh']);
    expect(f.code).toBe(0);
    expect(readFileSync(join(out, 'brief.md'), 'utf8')).toMatch(/^# 案件简报/);
    expect(readdirSync(tmp).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('--force does not replace a folder that is not a case pack', () => {
    const out = join(tmp, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    const r = cli(['pack', PACK_CASE, '-o', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an earlier case pack');
    expect(readdirSync(out)).toEqual(['thesis.docx']);
  });

  it('a bad case file: the positioned diagnostic, exit 2, and no folder', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'dispute:\n  types: [non_delivery]\n  colour: red\n');
    const out = join(tmp, 'p3');
    const r = cli(['pack', bad, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${bad}:3:3  error  case-unknown-key`, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors: no -o, an unknown --lang (with a suggestion); exit 2', () => {
    const a = cli(['pack', PACK_CASE]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^\(arguments\):1:1 {2}error {2}usage {2}pack needs the folder to write: -o DIR/m);
    const b = cli(['pack', PACK_CASE, '-o', join(tmp, 'p4'), '--lang', 'ZH']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--lang must be one of en, zh; got 'ZH' \(did you mean 'zh'\?\)/);
    expect(existsSync(join(tmp, 'p4'))).toBe(false);
  });

  it('is listed in --help', () => {
    const r = cli(['--help']);
    expect(r.stdout).toMatch(/^\s+pack \[options\] <case>/m);
  });
});

describe('writePack', () => {
  it('leaves nothing behind when a file cannot be written (no half-written folder, no temporary one)', () => {
    const parent = mkdtempSync(join(tmp, 'w-'));
    const out = join(parent, 'pack');
    const why = writePack(out, [
      { name: 'brief.md', content: 'a' },
      { name: 'no/such/dir.md', content: 'b' },
    ]);
    expect(why).toMatch(/ENOENT/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps the earlier pack when replacing it fails', () => {
    const parent = mkdtempSync(join(tmp, 'w-'));
    const out = join(parent, 'pack');
    expect(writePack(out, [{ name: 'brief.md', content: 'first' }])).toBeUndefined();
    expect(
      writePack(out, [
        { name: 'brief.md', content: 'second' },
        { name: 'x/y.md', content: '' },
      ]),
    ).toMatch(/ENOENT/);
    expect(readFileSync(join(out, 'brief.md'), 'utf8')).toBe('first');
    expect(readdirSync(parent)).toEqual(['pack']);
  });
});
