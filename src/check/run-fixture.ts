// Running one fixture: read, validate and assess exactly as the main command does, then match expectations.
import { readYaml } from '../source/read-yaml.js';
import type { Diagnostic } from '../source/diagnostics.js';
import { validateCase } from '../case/validate.js';
import { expectSchema, type Expectations } from '../case/expect-schema.js';
import { assess } from '../assess.js';
import type { RuleSet } from '../rules/types.js';
import type { Assessment } from '../engine/assessment.js';
import { exitCode } from '../cli/exit-code.js';
import { matchExpectations, type Mismatch } from './match.js';

export interface FixtureResult {
  file: string;
  status: 'pass' | 'fail' | 'skip';
  mismatches: Mismatch[];
  /** Rule ids that fired, and that were decided (true or false), for coverage. */
  fired: string[];
  decided: string[];
  /** Problems with the fixture itself (its expectations unreadable). */
  problems: Diagnostic[];
}

/** Parse the expectations: the case's own `expect:` block, else a sibling expect file's text. */
export function readExpectations(caseValue: unknown, sibling?: { file: string; text: string }): { exp?: Expectations; problems: Diagnostic[] } {
  if (sibling) {
    const doc = readYaml(sibling.text, sibling.file);
    if (!doc.ok) return { problems: doc.diagnostics };
    const parsed = expectSchema.safeParse(doc.value.value);
    if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ code: 'expect-invalid', message: `${i.path.join('.')}: ${i.message}`, file: sibling.file, ...doc.value.locate(i.path as (string | number)[]), severity: 'error' as const })) };
    return { exp: parsed.data, problems: [] };
  }
  const block = caseValue && typeof caseValue === 'object' ? (caseValue as { expect?: unknown }).expect : undefined;
  return block === undefined ? { problems: [] } : { exp: expectSchema.parse(block), problems: [] };
}

/** Assess one fixture text and compare with its expectations. */
export function runFixture(file: string, text: string, rules: RuleSet, today: string, sibling?: { file: string; text: string }): FixtureResult {
  const base = { file, fired: [] as string[], decided: [] as string[], problems: [] as Diagnostic[] };
  const doc = readYaml(text, file);
  let diagnostics: Diagnostic[] | undefined;
  let assessment: Assessment | undefined;
  let caseValue: unknown;
  if (!doc.ok) diagnostics = doc.diagnostics;
  else {
    caseValue = doc.value.value;
    const valid = validateCase(doc.value);
    if (!valid.ok) diagnostics = valid.diagnostics;
    else assessment = assess(valid.value, rules, { today, explain: true, file });
  }
  const { exp, problems } = readExpectations(diagnostics && !sibling ? undefined : caseValue, sibling);
  if (problems.length) return { ...base, status: 'fail', mismatches: [], problems };
  if (!exp) return { ...base, status: 'skip', mismatches: [] };
  const code = assessment ? exitCode(assessment, exp.fail_on) : 2;
  const mismatches = matchExpectations(exp, assessment ? { assessment, exitCode: code } : { diagnostics: diagnostics ?? [], exitCode: code });
  const trace = assessment?.trace ?? [];
  return {
    ...base,
    status: mismatches.length ? 'fail' : 'pass',
    mismatches,
    fired: trace.filter((r) => r.outcome === 'true').map((r) => r.id),
    decided: trace.filter((r) => r.outcome !== 'unknown').map((r) => r.id),
  };
}
