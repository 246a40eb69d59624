// Running one fixture: read, validate and assess exactly as the main command does, then match expectations.
import { readYaml, type YamlDoc } from '../source/read-yaml.js';
import { diag, type Diagnostic } from '../source/diagnostics.js';
import type { Expectations } from '../case/expect-schema.js';
import { validate as validateExpectations, schema as expectJsonSchema } from '../case/expect-validator.generated.js';
import { schemaErrorsToDiagnostics } from '../case/validate.js';
import { assessText } from '../assess-text.js';
import { assess } from '../assess.js';
import type { RuleSet } from '../rules/types.js';
import type { Assessment } from '../engine/assessment.js';
import { exitCode } from '../exit-code.js';
import { matchExpectations, type Mismatch } from './match.js';

export type FixtureStatus = 'pass' | 'fail' | 'skip' | 'error';

/** A fixture's text and, when there is one, its sibling expectation file's text. */
export interface FixtureInput {
  file: string;
  text: string;
  expect?: { file: string; text: string };
}

export interface FixtureResult {
  file: string;
  /** error: the fixture itself is unusable (unreadable, invalid expectations, an invalid case with none). */
  status: FixtureStatus;
  mismatches: Mismatch[];
  /** Whether the case was assessed (coverage counts only these). */
  assessed: boolean;
  /** Rule ids that fired, and that were decided (true or false), for coverage. */
  fired: string[];
  decided: string[];
  /** Why the fixture is unusable (status error). */
  problems: Diagnostic[];
  warnings: Diagnostic[];
  /** Wall time of the run, filled in by the caller. */
  time_ms?: number;
}

/** The result for a fixture that cannot be run at all. */
export function fixtureError(file: string, problems: Diagnostic[]): FixtureResult {
  return { file, status: 'error', mismatches: [], assessed: false, fired: [], decided: [], problems, warnings: [] };
}

/** Parse the expectations: the case's own `expect:` block or a sibling expectation file, never both. */
export function readExpectations(caseDoc: YamlDoc | undefined, sibling?: { file: string; text: string }): { exp?: Expectations; problems: Diagnostic[] } {
  const root = caseDoc?.value;
  const inline = root !== null && typeof root === 'object' && !Array.isArray(root) && 'expect' in root;
  if (sibling) {
    if (inline)
      return {
        problems: [
          diag('expect-duplicate', `expectations both in the case's expect: block and in ${sibling.file}; keep one`, {
            file: caseDoc!.file,
            ...caseDoc!.locate(['expect'], 'key'),
          }),
        ],
      };
    const doc = readYaml(sibling.text, sibling.file);
    if (!doc.ok) return { problems: doc.diagnostics };
    if (doc.value.value === null || doc.value.value === undefined)
      return { problems: [diag('expect-empty', 'the expectation file is empty', { file: sibling.file })] };
    return parseExpectations(doc.value.value, doc.value, []);
  }
  if (!inline) return { problems: [] };
  return parseExpectations((root as { expect: unknown }).expect, caseDoc!, ['expect']);
}

/** Validate expectations with the generated validator (as the main command validates a case), with the case's
 * diagnostics under check's own codes: an unknown key is expect-unknown-key, any other problem expect-invalid. */
function parseExpectations(value: unknown, doc: YamlDoc, prefix: string[]): { exp?: Expectations; problems: Diagnostic[] } {
  if (validateExpectations(value)) return { exp: value as Expectations, problems: [] };
  const problems = schemaErrorsToDiagnostics(validateExpectations.errors ?? [], doc, expectJsonSchema, { prefix }).map((d) => ({
    ...d,
    code: d.code === 'case-unknown-key' ? 'expect-unknown-key' : d.code.startsWith('case-') ? 'expect-invalid' : d.code,
  }));
  return { problems: problems.length ? problems : [diag('expect-invalid', 'not valid expectations', { file: doc.file })] };
}

/** Expectations that need the what-if analysis (alternatives, conditional steps, the recommendation). */
const WHAT_IF_KEYS = ['recommendation', 'alternatives', 'conditional_steps', 'dated_steps'] as const;

/** Assess one fixture and compare the outcome with its expectations. Pure. */
export function runFixture(input: FixtureInput, rules: RuleSet, today: string): FixtureResult {
  const { file } = input;
  // The same road as the main command (assessText), with every rule's trace for coverage.
  const r = assessText(input.text, { rules, today, explain: true, file });
  const diagnostics: Diagnostic[] | undefined = r.ok ? undefined : r.diagnostics;
  let assessment: Assessment | undefined = r.ok ? r.assessment : undefined;
  const asOfGiven = r.ok && r.case.as_of !== undefined;
  const { exp, problems } = readExpectations(r.doc, input.expect);
  // The what-if analysis costs a few ms per case: only for fixtures whose expectations read it.
  if (r.ok && WHAT_IF_KEYS.some((k) => exp?.[k] !== undefined)) assessment = assess(r.case, rules, { today, explain: true, file, whatIf: true });
  if (problems.length) return fixtureError(file, problems);
  if (!exp && diagnostics) {
    const sibling = file.replace(/\.ya?ml$/, '.expect.yaml');
    return fixtureError(file, [
      diag('fixture-invalid', `the fixture is not a valid case and has no expectations (for a bad-input fixture, list its diagnostics in ${sibling})`, {
        file,
      }),
      ...diagnostics,
    ]);
  }
  const trace = assessment?.trace ?? [];
  const base = {
    file,
    assessed: assessment !== undefined,
    fired: trace.filter((r) => r.outcome === 'true').map((r) => r.id),
    decided: trace.filter((r) => r.outcome !== 'unknown').map((r) => r.id),
    problems: [],
    warnings:
      assessment && !asOfGiven
        ? [
            {
              ...diag('fixture-no-as-of', `the fixture has no as_of, so it is assessed as of today (${today}) and its deadlines move; set as_of`, { file }),
              severity: 'warning' as const,
            },
          ]
        : [],
  };
  if (!exp) return { ...base, status: 'skip', mismatches: [] };
  const code = assessment ? exitCode(assessment, exp.fail_on) : 2;
  const mismatches = matchExpectations(exp, assessment ? { assessment, exitCode: code } : { diagnostics: diagnostics ?? [], exitCode: code });
  return { ...base, status: mismatches.length ? 'fail' : 'pass', mismatches };
}
