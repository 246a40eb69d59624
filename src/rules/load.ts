// Loading rule files: structure (ajv), merge, then the semantic pass. A broken file is a diagnostic, never a crash.
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, type Diagnostic, type Result } from '../source/diagnostics.js';
import { YAML_LIMITS } from '../source/limits.js';
import { parameterProblems } from './parameter-schema.js';
import { deeperThan } from '../source/yaml-checks.js';
import { validateRuleFile } from './validate-file.js';
import { checkRuleSet } from './semantic.js';
import type { Catalogue, Parameter, Rule, RuleSet } from './types.js';

interface RuleFileShape {
  rules?: Omit<Rule, 'origin'>[];
  parameters?: Record<string, Parameter>;
  evidence?: Catalogue['evidence'];
  routes?: Catalogue['routes'];
  programs?: Catalogue['programs'];
}

/** Validate and merge rule documents into one rule set (later files override parameters and catalogue entries). */
export function loadRules(docs: readonly YamlDoc[]): Result<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const set: RuleSet = { rules: [], params: {}, catalogue: { evidence: {}, routes: {}, programs: {} }, files: [] };
  const ruleDocs: { doc: YamlDoc; index: number }[] = [];
  const paramDocs = new Map<string, YamlDoc>();
  for (const doc of docs) {
    if (doc.value === null || doc.value === undefined) {
      diagnostics.push(diag('rules-empty', 'the rule file is empty', { file: doc.file }));
      continue;
    }
    if (deeperThan(doc.value, YAML_LIMITS.maxDepth)) {
      diagnostics.push(diag('rules-too-deep', `the rule file nests more than ${YAML_LIMITS.maxDepth} levels deep`, { file: doc.file }));
      continue;
    }
    const problems = validateRuleFile(doc);
    if (problems.length) {
      diagnostics.push(...problems);
      continue;
    }
    const file = doc.value as RuleFileShape;
    set.files.push(doc.file);
    (file.rules ?? []).forEach((r, index) => {
      const pos = doc.locate(['rules', index]);
      set.rules.push({ ...r, origin: { file: doc.file, ...pos } } as Rule);
      ruleDocs.push({ doc, index });
    });
    for (const [name, p] of Object.entries(file.parameters ?? {})) {
      const bad = parameterProblems(name, p, Object.hasOwn(set.params, name) ? set.params[name] : undefined);
      for (const b of bad) {
        const path = ['parameters', name, ...b.path];
        diagnostics.push(diag('rules-parameter', b.message, { file: doc.file, path, ...doc.locate(path) }));
      }
      if (bad.length) continue;
      set.params[name] = p;
      paramDocs.set(name, doc);
    }
    Object.assign(set.catalogue.evidence, file.evidence ?? {});
    Object.assign(set.catalogue.routes, file.routes ?? {});
    Object.assign(set.catalogue.programs, file.programs ?? {});
  }
  if (diagnostics.length) return { ok: false, diagnostics };
  const where = (i: number, path: (string | number)[]) => {
    const { doc, index } = ruleDocs[i]!;
    const full = ['rules', index, ...path];
    return { file: doc.file, path: full, ...doc.locate(full) };
  };
  const paramWhere = (name: string) => {
    const doc = paramDocs.get(name) ?? docs[0];
    return doc ? { file: doc.file, path: ['parameters', name], ...doc.locate(['parameters', name]) } : { file: '(rules)', path: [], line: 1, column: 1 };
  };
  const semantic = checkRuleSet(set, where, paramWhere);
  return semantic.length ? { ok: false, diagnostics: semantic } : { ok: true, value: set };
}
