// Comparing an assessment (or the diagnostics of a bad-input fixture) with a fixture's expectations.
import type { Expectations } from '../case/expect-schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { Diagnostic } from '../source/diagnostics.js';

/** One failed expectation: what was expected, what came out, and the rules involved. */
export interface Mismatch { what: string; expected: string; got: string; rules: string[] }

/** Every expectation the outcome does not meet ([] = pass). */
export function matchExpectations(exp: Expectations, got: { assessment?: Assessment; diagnostics?: Diagnostic[]; exitCode: number }): Mismatch[] {
  const out: Mismatch[] = [];
  const push = (what: string, expected: unknown, actual: unknown, rules: string[] = []) => out.push({ what, expected: show(expected), got: show(actual), rules });
  if (exp.exit_code !== undefined && exp.exit_code !== got.exitCode) push('exit code', exp.exit_code, got.exitCode);
  if (exp.diagnostics) matchDiagnostics(exp.diagnostics, got.diagnostics ?? [], push);
  const a = got.assessment;
  if (!a) {
    const wantsAssessment = Object.keys(exp).some((k) => !['description', 'exit_code', 'diagnostics', 'fail_on'].includes(k));
    if (wantsAssessment) push('assessment', 'an assessment', (got.diagnostics ?? []).map((d) => `${d.code} at line ${d.line}`).join(', ') || 'none');
    return out;
  }
  if (exp.trade_assurance && exp.trade_assurance !== a.trade_assurance.status) push('trade_assurance', exp.trade_assurance, a.trade_assurance.status, a.trade_assurance.reasons.map((r) => r.rule));
  for (const [program, status] of Object.entries(exp.programs ?? {})) {
    const p = [a.trade_assurance, ...a.programs].find((x) => x.program === program);
    if ((p?.status ?? 'uncertain') !== status) push(`programs.${program}`, status, p?.status ?? 'no rules', p?.reasons.map((r) => r.rule) ?? []);
  }
  const ranked = a.strategies.filter((s) => s.rank !== undefined);
  const rankOf = (r: string) => ranked.find((s) => s.route === r)?.rank ?? Infinity;
  const reasons = (r: string) => a.strategies.find((s) => s.route === r)?.reasons.map((x) => x.rule) ?? [];
  const ranking = ranked.map((s) => `${s.route}(${s.score})`).join(' > ') || 'none';
  if (exp.top_strategy && ranked[0]?.route !== exp.top_strategy) push('top_strategy', exp.top_strategy, ranking, [...reasons(exp.top_strategy), ...(ranked[0] ? reasons(ranked[0].route) : [])]);
  for (const [hi, lo] of exp.ranked_above ?? []) if (!(rankOf(hi) < rankOf(lo))) push(`ranked_above ${hi} > ${lo}`, `${hi} above ${lo}`, ranking, [...reasons(hi), ...reasons(lo)]);
  for (const r of exp.recommended ?? []) if (rankOf(r) === Infinity) push(`recommended ${r}`, 'recommended', 'not recommended', reasons(r));
  for (const r of exp.not_recommended ?? []) if (rankOf(r) !== Infinity) push(`not_recommended ${r}`, 'not recommended', `rank ${rankOf(r)}`, reasons(r));
  const fired = new Set(a.findings.map((f) => f.id));
  for (const id of exp.findings ?? []) if (!fired.has(id)) push(`finding ${id}`, 'fired', 'not fired', [id]);
  for (const id of exp.no_findings ?? []) if (fired.has(id)) push(`no finding ${id}`, 'not fired', 'fired', [id]);
  for (const [type, strength] of Object.entries(exp.evidence_strength ?? {})) {
    const g = a.evidence.find((e) => e.dispute_type === type);
    if (g?.strength !== strength) push(`evidence_strength.${type}`, strength, g?.strength ?? 'no such dispute type', g?.items.map((i) => i.rule) ?? []);
  }
  const unknown = new Set(a.unknowns.map((u) => u.fact));
  for (const f of exp.unknowns ?? []) if (!unknown.has(f)) push(`unknown ${f}`, 'listed as unknown', 'not listed');
  return out;
}

function matchDiagnostics(expected: NonNullable<Expectations['diagnostics']>, got: Diagnostic[], push: (w: string, e: unknown, g: unknown) => void): void {
  for (const e of expected) {
    const hit = got.find((d) => d.code === e.code && (e.line === undefined || d.line === e.line));
    if (!hit) push(`diagnostic ${e.code}`, e.line ? `${e.code} at line ${e.line}` : e.code, got.map((d) => `${d.code} at line ${d.line}`).join(', ') || 'no diagnostics');
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
