// The built-in rules come from the build's compiled cache only while the rule files are byte for byte the ones it
// was compiled from; an edited rule file (even one of the same size) is loaded and validated from source.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.js';
import { cachedRuleSet } from '../src/cli/rule-files/cache.js';

const CASE = join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml');
const TITLE = 'A full refund is the best outcome; take it in writing';

/** A copy of the built package (bin, dist, rules, package.json, and its installed dependencies) in a temporary folder
 * (`installed`: as a package manager puts it, in a node_modules folder). */
function packageCopy(installed = false): string {
  const dir = installed ? join(mkdtempSync(join(tmpdir(), 'da-cache-')), 'node_modules', 'dispute-assess') : mkdtempSync(join(tmpdir(), 'da-cache-'));
  for (const p of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const run = (dir: string, args: string[]) =>
  spawnSync(process.execPath, [join(dir, 'bin', 'dispute-assess.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });

describe('the compiled rule cache', () => {
  it('applies to the rule files it was compiled from', () => {
    expect(cachedRuleSet({})?.rules.length).toBeGreaterThan(100);
    expect(cachedRuleSet({ builtinRules: false })).toBeUndefined();
    expect(cachedRuleSet({ rules: ['extra'] })).toBeUndefined();
  });

  /** A same-size edit of one rule's title in a package copy, and the titles of a case in which that rule fires. */
  const sameSizeEdit = (touch?: (dir: string) => void, installed = false) => {
    const dir = packageCopy(installed);
    const file = join(dir, 'rules', 'advice.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`title: ${TITLE}`);
    const edited = TITLE.replace('best', 'BEST');
    writeFileSync(file, text.replace(`title: ${TITLE}`, `title: ${edited}`));
    touch?.(dir);
    // A case in which the edited rule fires: the supplier offers a full refund.
    const c = readFileSync(CASE, 'utf8').replace(/supplier_position: \w+/, 'supplier_position: offers_full_refund');
    writeFileSync(join(dir, 'case.yaml'), c.includes('supplier_position') ? c : c.replace('dispute:\n', 'dispute:\n  supplier_position: offers_full_refund\n'));
    const r = run(dir, ['--format', 'json', join(dir, 'case.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    return { edited, titles: (JSON.parse(r.stdout) as { findings: { id: string; title: string }[] }).findings.map((f) => f.title) };
  };

  it('is not used once a rule file changes, even by a same-size edit', () => {
    const { edited, titles } = sameSizeEdit();
    expect(titles).toContain(edited);
    expect(titles).not.toContain(TITLE);
  });

  it('trusts a file of the same size not modified after the cache was written (no rule file read on a plain run)', () => {
    // Every file with one time (as in the tarball). The edit is then not seen, which shows the digest was not
    // computed: size and time decide, as in make and git's index.
    const npmTime = new Date('1985-10-26T08:15:00Z');
    const { edited, titles } = sameSizeEdit((dir) => {
      for (const f of [join(dir, 'dist', 'rules.compiled.json'), ...readdirSync(join(dir, 'rules')).map((n) => join(dir, 'rules', n))])
        utimesSync(f, npmTime, npmTime);
    });
    expect(titles).toContain(TITLE);
    expect(titles).not.toContain(edited);
  });

  it('in an installed copy (inside node_modules), trusts rule files of the same names and sizes, whatever their times', () => {
    // npm writes every file at install time, the rule files often after the cache: no digest at every run.
    const { edited, titles } = sameSizeEdit(undefined, true);
    expect(titles).toContain(TITLE);
    expect(titles).not.toContain(edited);
  });

  it('is not used when a rule file is broken: the file is validated and its error reported', () => {
    const dir = packageCopy();
    const file = join(dir, 'rules', 'advice.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: advice', 'kind: advise'));
    const r = run(dir, [CASE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules[/\\]advice\.yaml:\d+:\d+/);
  });
});
