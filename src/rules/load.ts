// Loading rule files: structure (ajv), merge, then the semantic pass. A broken file is a diagnostic, never a crash.
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, type Diagnostic, type Result } from '../source/diagnostics.js';
import { YAML_LIMITS } from '../source/limits.js';
import { parameterProblems } from './parameter-schema.js';
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

/** Validate and merge rule documents into one rule set (later files override parameters and catalogue entries).
 * With a base (an already validated rule set, e.g. the built-in one), the documents are added to it and the
 * semantic pass runs over the whole; problems in the base's rules are placed at their origins. */
export function loadRules(docs: readonly YamlDoc[], base?: RuleSet): Result<RuleSet> {
  const diagnostics: Diagnostic[] = [];
  const set: RuleSet = base
    ? {
        rules: [...base.rules],
        params: { ...base.params },
        sources: { ...base.sources },
        catalogue: { evidence: { ...base.catalogue.evidence }, routes: { ...base.catalogue.routes }, programs: { ...base.catalogue.programs } },
        files: [...base.files],
      }
    : { rules: [], params: {}, sources: {}, catalogue: { evidence: {}, routes: {}, programs: {} }, files: [] };
  const sourceDocs = new Map<string, YamlDoc>();
  const ruleDocs: ({ doc: YamlDoc; index: number } | undefined)[] = set.rules.map(() => undefined);
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
    // A pack may bring its own bibliography; an id two files define differently is an error, not an override.
    for (const [id, entry] of Object.entries(file.sources ?? {})) {
      const first = sourceDocs.get(id)?.file ?? (base && id in base.sources ? 'the built-in bibliography' : undefined);
      if (first && !isDeepStrictEqual(set.sources[id], entry)) {
        diagnostics.push(
          diag('rules-duplicate-source', `source '${id}' is already defined differently in ${first}; give this one another id`, {
            file: doc.file,
            path: ['sources', id],
            ...doc.locate(['sources', id], 'key'),
          }),
        );
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
    const from = ruleDocs[i];
    if (!from) {
      const { file, line, column } = set.rules[i]!.origin;
      return { file, path, line, column };
    }
    const { doc, index } = from;
    const full = ['rules', index, ...path];
    return { file: doc.file, path: full, ...doc.locate(full) };
  };
  const inSection =
    (section: string, docsById: Map<string, YamlDoc>) =>
    (name: string, sub: (string | number)[] = []) => {
      const doc = docsById.get(name) ?? docs[0];
      const full = [section, name, ...sub];
      return doc ? { file: doc.file, path: full, ...doc.locate(full) } : { file: '(rules)', path: [], line: 1, column: 1 };
    };
  const semantic = checkRuleSet(set, where, inSection('parameters', paramDocs), inSection('sources', sourceDocs));
  return semantic.length ? { ok: false, diagnostics: semantic } : { ok: true, value: set };
}
