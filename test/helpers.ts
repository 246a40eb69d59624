// Test helpers: run the built CLI as a user would, and load the built-in rules from source.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import type { RuleSet } from '../src/rules/types.js';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'dispute-assess.js');

/** Run the built binary; colour off, no stdin. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    // No user config file (issue 18): a developer's own defaults must not change what the tests see.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', XDG_CONFIG_HOME: join(ROOT, 'test', 'no-user-config'), ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let builtin: RuleSet | undefined;

/** The built-in rule set, loaded from rules/*.yaml through the full validation. */
export function builtinRules(): RuleSet {
  if (builtin) return builtin;
  const texts = yamlFilesIn(join(ROOT, 'rules')).map((file) => {
    const r = readTextFile(file);
    if (!r.ok) throw new Error(r.diagnostic.message);
    return { file: `rules/${file.split('/').pop()}`, text: r.text };
  });
  const set = parseAndLoad(texts);
  if (!set.ok) throw new Error(set.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  builtin = set.value;
  return builtin;
}
