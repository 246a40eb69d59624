// From case text to an assessment: the one road the CLI, check, batch and the library take (read the YAML,
// validate the case, assess it). Bad input gives diagnostics, never an exception.
import { readYaml, type YamlDoc } from './source/read-yaml.js';
import type { Diagnostic } from './source/diagnostics.js';
import { validateCase } from './case/validate.js';
import type { Case } from './case/case-type.generated.js';
import type { RuleSet } from './rules/types.js';
import type { Assessment } from './engine/assessment.js';
import { assess } from './assess.js';
import { applyCaseDefaults, type CaseDefaults } from './case/defaults.js';

export interface AssessTextOptions {
  /** The rule set; the built-in rules when absent (see builtinRuleSet). */
  rules: RuleSet;
  /** The file name shown in diagnostics and in the assessment (default "case.yaml"). */
  file?: string;
  /** The date to assess for when the case has no `as_of` (default: today, UTC). */
  today?: string;
  /** Overrides the case's own `as_of`. */
  asOf?: string;
  /** Keep every rule's trace (for --explain). */
  explain?: boolean;
  /** Issue 12's what-if analysis (see AssessOptions.whatIf). */
  whatIf?: boolean;
  /** Facts to fill where the case states nothing (a config file's defaults); each filled one is listed in `defaults`. */
  defaults?: CaseDefaults;
}

/** What came of a case text: its assessment, or the diagnostics that stopped it (with the document when the
 * YAML itself was readable, for callers that read more from it, such as check's expectations). */
export type TextAssessment = { ok: true; assessment: Assessment; case: Case; doc: YamlDoc } | { ok: false; diagnostics: Diagnostic[]; doc?: YamlDoc };

/** Read, validate and assess a case text. */
export function assessText(text: string, opts: AssessTextOptions): TextAssessment {
  const file = opts.file ?? 'case.yaml';
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const doc = readYaml(text, file);
  if (!doc.ok) return { ok: false, diagnostics: doc.diagnostics };
  const filled = opts.defaults ? applyCaseDefaults(doc.value.value, opts.defaults) : [];
  const valid = validateCase(doc.value, { today, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  if (!valid.ok) return { ok: false, diagnostics: valid.diagnostics, doc: doc.value };
  const assessment = assess(valid.value, opts.rules, {
    today,
    file,
    explain: opts.explain === true,
    whatIf: opts.whatIf === true,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
  });
  if (filled.length) assessment.defaults = filled;
  return { ok: true, assessment, case: valid.value, doc: doc.value };
}
