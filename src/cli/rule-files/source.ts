// Where the rule set comes from: the built-in packs (from the compiled cache when the YAML is unchanged)
// plus any --rules folders, all validated.
import { join, relative } from 'node:path';
import { readYaml, type YamlDoc } from '../../source/read-yaml.js';
import type { Diagnostic, Result } from '../../source/diagnostics.js';
import { loadRules } from '../../rules/load.js';
import type { RuleSet } from '../../rules/types.js';
import { packageRoot, readTextFile, yamlFilesIn } from '../io/files.js';
import { cachedRuleSet, type RuleOptions, type RuleText } from './cache.js';

export type { RuleOptions } from './cache.js';

/** Load the rule set for a run: built-in packs (unless turned off) then each --rules folder. */
export function loadRuleSet(opts: RuleOptions): Result<RuleSet> {
  const cached = cachedRuleSet(opts);
  if (cached) return { ok: true, value: cached };
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = packageRoot();
  // With --rules, the built-in rules still come from the compiled cache when it applies: only the extra files
  // are read and validated, and the semantic pass runs over the whole set.
  const base = opts.builtinRules !== false ? cachedRuleSet({}) : undefined;
  const builtin = opts.builtinRules !== false && !base ? yamlFilesIn(join(root, 'rules')) : [];
  for (const dir of opts.rules ?? []) {
    try {
      const found = yamlFilesIn(dir);
      if (found.length === 0)
        diagnostics.push({ code: 'rules-none', message: `no .yaml rule files in ${dir}`, file: dir, line: 1, column: 1, severity: 'error' });
      files.push(...found);
    } catch {
      diagnostics.push({ code: 'rules-dir', message: `cannot read the rules folder ${dir}`, file: dir, line: 1, column: 1, severity: 'error' });
    }
  }
  if (diagnostics.length) return { ok: false, diagnostics };
  const texts: RuleText[] = [];
  const sources = [...builtin.map((path) => ({ path, shown: relative(root, path) })), ...files.map((path) => ({ path, shown: path }))];
  for (const { path, shown } of sources) {
    const r = readTextFile(path);
    if (!r.ok) diagnostics.push({ ...r.diagnostic, file: shown });
    else texts.push({ file: shown, text: r.text });
  }
  if (diagnostics.length) return { ok: false, diagnostics };
  return parseAndLoad(texts, base);
}

/** Parse and validate rule texts into a rule set (added to a base set, if given). */
export function parseAndLoad(texts: RuleText[], base?: RuleSet): Result<RuleSet> {
  const docs: YamlDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const t of texts) {
    const r = readYaml(t.text, t.file);
    if (r.ok) docs.push(r.value);
    else diagnostics.push(...r.diagnostics);
  }
  return diagnostics.length ? { ok: false, diagnostics } : loadRules(docs, base);
}
