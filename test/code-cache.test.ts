// The built CLI runs from a CommonJS bundle with a V8 code cache (src/cli/load-bundle.ts); the cache made by
// the build must be accepted by this Node, or every start silently pays for compiling the bundle again.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../src/cli/load-bundle.js';
import { cli, ROOT } from './helpers.js';

describe('the code-cached CLI bundle', () => {
  it('has a code cache that V8 accepts, and exports main', () => {
    const file = join(ROOT, 'dist', 'cjs', 'cli.cjs');
    expect(existsSync(`${file}.cache`)).toBe(true);
    const { script, exports } = loadBundle(file);
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof (exports as { main?: unknown }).main).toBe('function');
  });

  it('has an accepted code cache for each bundle that has one (zod, check, schema)', () => {
    const dir = join(ROOT, 'dist', 'cjs');
    const cached = readdirSync(dir).filter((f) => f.endsWith('.cjs.cache')).map((f) => f.slice(0, -'.cache'.length));
    expect(cached).toEqual(expect.arrayContaining(['cli.cjs', 'validate.cjs', 'check-command.cjs']));
    for (const f of cached) expect(loadBundle(join(dir, f)).script.cachedDataRejected, f).toBe(false);
  });

  it('prints the version and help through the bin', () => {
    const version = cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dispute-assess');
    expect(help.stdout).toContain('check');
  });
});
