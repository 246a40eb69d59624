// The library surface: `import { assess, render } from 'dispute-assess'`; assess(caseText) reads, validates and
// assesses with the built-in rules; the stages (readYaml, validateCase, loadRules, assess of a validated case)
// are exported too.
import { assess as assessCase, type AssessOptions } from './assess.js';
import { assessText, type AssessTextOptions, type TextAssessment } from './assess-text.js';
import { loadRuleSet } from './cli/rule-files/source.js';
import { formatDiagnostic } from './source/diagnostics.js';
import type { Case } from './case/case-type.generated.js';
import type { RuleSet } from './rules/types.js';
import type { Assessment } from './engine/assessment.js';

export type { AssessOptions, AssessTextOptions, TextAssessment };
export { assessText };

let builtin: RuleSet | undefined;

/** The built-in rule set (from the build's compiled cache while the rule files are unchanged, else validated
 * from the package's rules/ folder). */
export function builtinRuleSet(): RuleSet {
  if (!builtin) {
    const r = loadRuleSet({});
    if (!r.ok) throw new Error(`dispute-assess: the built-in rules are invalid:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
    builtin = r.value;
  }
  return builtin;
}

/** Assess a case: from its YAML text with the built-in rules (or opts.rules), giving the assessment or the
 * diagnostics that stopped it; or, as the pure stage, a validated case against a rule set. */
export function assess(caseText: string, opts?: Partial<AssessTextOptions>): TextAssessment;
export function assess(c: Case, rules: RuleSet, opts: AssessOptions): Assessment;
export function assess(input: string | Case, rules?: Partial<AssessTextOptions> | RuleSet, opts?: AssessOptions): TextAssessment | Assessment {
  if (typeof input === 'string') {
    const o = (rules ?? {}) as Partial<AssessTextOptions>;
    return assessText(input, { ...o, rules: o.rules ?? builtinRuleSet() });
  }
  return assessCase(input, rules as RuleSet, opts!);
}

export { readYaml, type YamlDoc } from './source/read-yaml.js';
export { formatDiagnostic, type Diagnostic, type Result } from './source/diagnostics.js';
export { validateCase } from './case/validate.js';
export type { Case, Money } from './case/case-type.generated.js';
export { caseJsonSchema } from './case/case-json-schema.js';
export { loadRules } from './rules/load.js';
export { ruleFileSchema } from './rules/rule-schema.js';
export type { Rule, RuleSet, Condition, Parameter, Citation, SourceEntry, SourceKind } from './rules/types.js';
export type { CitedSource } from './rules/bibliography.js';
export type { Assessment, Finding } from './engine/assessment.js';
export { render, FORMATS, type Format, type RenderOptions } from './report/render.js';
export type { Colors } from './report/colors.js';
export { exitCode } from './exit-code.js';
