// Test helpers for the case pack: a fixture read, validated and assessed from source, with its evidence files
// looked at as the CLI would (or with fixed file facts, for goldens that must not depend on the checkout).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { evidencePaths, type FileFact, type PackInput } from '../src/pack/pack.js';
import { fileFact } from '../src/cli/commands/pack.js';
import { builtinRules, ROOT } from './helpers.js';

export const TODAY = '2026-03-15';
export const PACK_CASE = 'test/pack/cases/hk-wire-furniture.yaml';

/** The pack input for a case file (relative to the repository). `files`: 'disk' looks at the files, 'fixed'
 * gives every file the same made-up facts (one reported missing), so that goldens do not depend on mtimes. */
export function packInput(file: string, files: 'disk' | 'fixed' = 'fixed'): PackInput {
  const doc = readYaml(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!doc.ok) throw new Error(doc.diagnostics.map((d) => d.message).join('\n'));
  const c = validateCase(doc.value, { today: TODAY });
  if (!c.ok) throw new Error(c.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  const rules = builtinRules();
  const assessment = assess(c.value, rules, { today: TODAY, file });
  const paths = evidencePaths(c.value);
  const fact = (p: string, i: number): FileFact =>
    files === 'disk'
      ? fileFact(p, dirname(join(ROOT, file)))
      : i === paths.length - 1
        ? { path: p, found: false, problem: 'no such file' }
        : { path: p, found: true, size: 1000 * (i + 1), sha256: String(i).repeat(64).slice(0, 64), mtime: '2026-03-01T12:00:00Z' };
  return { case: c.value, assessment, catalogue: rules.catalogue, caseFile: file, files: new Map(paths.map((p, i) => [p, fact(p, i)])) };
}
