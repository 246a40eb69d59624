// Loading rule files: structure (ajv), merge, then the semantic pass. A broken file is a diagnostic, never a crash.
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, type Diagnostic, type Result } from '../source/diagnostics.js';
import { YAML_LIMITS } from '../source/limits.js';
import { deeperThan } from '../source/yaml-checks.js';
import { validateRuleFile } from './validate-file.js';
import { checkRuleSet } from './semantic.js';
import { isDeepStrictEqual } from 'node:util';
import type { Catalogue, Parameter, Rule, RuleSet, SourceEntry } from './types.js';

interface RuleFileShape {
  rules?: Omit<Rule, 'origin'>[];
  parameters?: Record<string, Parameter>;
  evidence?: Catalogue['evidence'];
  routes?: Catalogue['routes'];
  programs?: Catalogue['programs'];
  sources?: Record<string, SourceEntry>;
}

/** Validate and merge rule documents into one rule set (later files override parameters and catalogue entries). */
export function loadRules(docs: readonly YamlDoc[]): Result<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const set: RuleSet = { rules: [], params: {}, sources: {}, catalogue: { evidence: {}, routes: {}, programs: {} }, files: [] };
  const sourceDocs = new Map<string, YamlDoc>();
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
      set.params[name] = p;
      paramDocs.set(name, doc);
    }
    // A pack may bring its own bibliography; an id two files define differently is an error, not an override.
    for (const [id, entry] of Object.entries(file.sources ?? {})) {
      const first = sourceDocs.get(id);
      if (first && !isDeepStrictEqual(set.sources[id], entry)) {
        diagnostics.push(diag('rules-duplicate-source', `source '${id}' is already defined differently in ${first.file}; give this one another id`, { file: doc.file, path: ['sources', id], ...doc.locate(['sources', id], 'key') }));
        continue;
      }
      set.sources[id] = entry;
      sourceDocs.set(id, doc);
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
  const inSection = (section: string, docsById: Map<string, YamlDoc>) => (name: string, sub: (string | number)[] = []) => {
    const doc = docsById.get(name) ?? docs[0];
    const full = [section, name, ...sub];
    return doc ? { file: doc.file, path: full, ...doc.locate(full) } : { file: '(rules)', path: [], line: 1, column: 1 };
  };
  const semantic = checkRuleSet(set, where, inSection('parameters', paramDocs), inSection('sources', sourceDocs));
  return semantic.length ? { ok: false, diagnostics: semantic } : { ok: true, value: set };
}
