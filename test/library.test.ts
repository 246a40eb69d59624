// The library's one call: assess(caseText) reads, validates and assesses with the built-in rules, no rule loading
// or chalk needed; the README's example runs as written. Tested on the built package entry (dist/index.js) and on
// the source, which must agree.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as source from '../src/index.js';
import { ROOT } from './helpers.js';
import { caseJsonSchema as fromZod } from '../src/case/json-schema.js';

const CASE = readFileSync(join(ROOT, 'test', 'cases', 'ta-quality.yaml'), 'utf8');
const built = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof source;

describe.each([
  ['source', source],
  ['built package', built],
])('assess(caseText) from the %s', (_, lib) => {
  it('assesses a case text with the built-in rules', () => {
    const r = lib.assess(CASE, { today: '2026-03-10' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assessment.trade_assurance.status).toBe('eligible');
    expect(r.assessment.stats.rules).toBe(lib.builtinRuleSet().rules.length);
    const text = lib.render(r.assessment, 'text');
    expect(text).toContain('Trade Assurance');
    expect(text).not.toContain('\u001b[');
    expect(JSON.parse(lib.render(r.assessment, 'json')).format).toBe('dispute-assess/assessment');
  });

  it('hands out the case JSON Schema the build generated from the zod schema, without loading zod', () => {
    expect(lib.caseJsonSchema()).toEqual(fromZod());
  });

  it('gives positioned diagnostics for bad input instead of throwing', () => {
    const r = lib.assess('order:\n  channel: by_pigeon\n', { file: 'bad.yaml', today: '2026-03-10' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ file: 'bad.yaml', line: 2 });
    expect(lib.assess('a: [', { today: '2026-03-10' }).ok).toBe(false);
  });
});

describe('the README example', () => {
  it('runs as written against the built package, from a folder with a case.yaml', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const code = /## Library use[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toContain("assess(readFileSync('case.yaml', 'utf8'))");
    const dir = mkdtempSync(join(tmpdir(), 'da-lib-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'dispute-assess'));
    writeFileSync(join(dir, 'case.yaml'), CASE);
    writeFileSync(join(dir, 'example.mjs'), code!);
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('eligible');
    expect(r.stdout).toContain('Trade Assurance');
  });
});
