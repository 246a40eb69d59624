// `dispute-assess check [paths...]`: run fixture cases and compare with their expectations.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { todayIso } from '../case/dates.js';
import { diag, type Diagnostic } from '../source/diagnostics.js';
import { runFixture, type FixtureResult } from '../check/run-fixture.js';
import { colorFor, printDiagnostics, type Io } from './output.js';
import { readTextFile } from './io.js';
import { loadRuleSet } from './rules-source.js';
import { EXIT } from './exit-code.js';

export interface CheckFlags { rules: string[]; builtinRules: boolean; color: boolean; grep?: string }

/** Find fixture case files under the given paths (expectation files are not cases). Symbolic-link loops are visited once. */
export function findFixtures(paths: string[]): { files: string[]; problems: Diagnostic[] } {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const walk = (p: string, depth: number) => {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const loop = (e as NodeJS.ErrnoException).code === 'ELOOP';
      problems.push(diag(loop ? 'file-symlink-loop' : 'file-not-found', loop ? `${p} is a symbolic link that points back to itself` : `no such file or folder: ${p}`, { file: p }));
      return;
    }
    if (st.isDirectory()) {
      const id = `${st.dev}:${st.ino}`;
      if (depth > 20 || seen.has(id)) return;
      seen.add(id);
      let names: string[];
      try {
        names = readdirSync(p).sort();
      } catch {
        problems.push(diag('file-unreadable', `cannot list the folder ${p}`, { file: p }));
        return;
      }
      for (const name of names) walk(join(p, name), depth + 1);
    } else if (/\.ya?ml$/.test(p) && !/\.expect\.ya?ml$/.test(p)) files.push(p);
  };
  for (const p of paths) walk(p, 0);
  return { files, problems };
}

/** Run `check`; returns the exit code: 0 all passed, 1 a fixture failed, 2 unreadable fixtures or rules. */
export function runCheck(paths: string[], flags: CheckFlags, io: Io): number {
  const rules = loadRuleSet({ rules: flags.rules, builtinRules: flags.builtinRules });
  if (!rules.ok) {
    printDiagnostics(io, rules.diagnostics);
    return EXIT.input;
  }
  const found = findFixtures(paths.length ? paths : ['fixtures']);
  if (found.problems.length) {
    printDiagnostics(io, found.problems);
    return EXIT.input;
  }
  const pattern = flags.grep ? new RegExp(flags.grep) : undefined;
  const c = colorFor(io, flags.color);
  const today = todayIso();
  const results: FixtureResult[] = [];
  let unreadable = false;
  for (const file of found.files.filter((f) => !pattern || pattern.test(f))) {
    const read = readTextFile(file);
    if (!read.ok) {
      printDiagnostics(io, [read.diagnostic]);
      unreadable = true;
      continue;
    }
    const siblingPath = file.replace(/\.ya?ml$/, '.expect.yaml');
    const sib = readTextFile(siblingPath);
    const result = runFixture(file, read.text, rules.value, today, sib.ok ? { file: siblingPath, text: sib.text } : undefined);
    results.push(result);
    if (result.problems.length) {
      unreadable = true;
      printDiagnostics(io, result.problems);
    }
    const tag = result.status === 'pass' ? c.green('PASS') : result.status === 'skip' ? c.yellow('SKIP') : c.red('FAIL');
    io.out(`${tag} ${file}${result.status === 'skip' ? c.dim(' (no expectations)') : ''}\n`);
    for (const m of result.mismatches) {
      io.out(`     ${m.what}\n       expected: ${c.green(m.expected)}\n       got:      ${c.red(m.got)}\n${m.rules.length ? c.dim(`       rules:    ${[...new Set(m.rules)].join(', ')}\n`) : ''}`);
    }
  }
  const count = (s: FixtureResult['status']) => results.filter((r) => r.status === s).length;
  const skipped = count('skip');
  io.out(`${count('pass')} passed, ${count('fail')} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  if (unreadable) return EXIT.input;
  return count('fail') > 0 ? EXIT.findings : EXIT.ok;
}
