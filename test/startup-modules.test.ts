// Start-up is a feature: a plain run must not load Node modules it does not use. node:tty brings net and the
// stream modules, node:child_process brings net and dgram (commander requires it for subcommand processes,
// which this CLI has none of; the build gives it a stand-in). A preloaded script lists what was loaded.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './helpers.js';

const HOOK = join(mkdtempSync(join(tmpdir(), 'da-modules-')), 'hook.cjs');
writeFileSync(HOOK, `const fs = require('fs'); const base = new Set(process.moduleLoadList);
process.on('exit', () => fs.writeSync(2, '\\nLOADED ' + process.moduleLoadList.filter((m) => !base.has(m)).join(',') + '\\n'));`);

function loaded(args: string[], env: Record<string, string> = {}): string[] {
  const r = spawnSync(process.execPath, ['-r', HOOK, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '))!;
  return line.slice('LOADED '.length).split(',').map((m) => m.replace(/^(NativeModule|Internal Binding) /, ''));
}

const CASE = join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml');

describe('modules loaded at start', () => {
  it.each([
    ['a case, text report, NO_COLOR', [CASE]],
    ['a case with options (commander)', ['--format', 'json', '--no-color', CASE]],
    ['--help', ['--help']],
    ['--version', ['--version']],
  ])('%s: no tty, net, streams or child_process', (_, args) => {
    const mods = loaded(args);
    for (const m of ['tty', 'net', 'stream', 'child_process', 'worker_threads']) expect(mods, m).not.toContain(m);
  });

  it('loads node:tty when colour depends on the terminal (and no more for a single case)', () => {
    const mods = loaded([CASE], { NO_COLOR: '' });
    expect(mods).toContain('tty');
    expect(mods).not.toContain('child_process');
  });
});
