// Rule quality over the built-in packs and the fixtures: every rule has a source and a rationale,
// every rule fires in some fixture, every fixture meets its expectations, and no fixture fact, once
// forgotten, flips a decided rule (absent facts are unknown, never false).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFixture, type FixtureResult } from '../src/check/run-fixture.js';
import { readYaml } from '../src/source/read-yaml.js';
import { DEFAULTED_FACTS } from '../src/case/derive.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import { builtinRules, ROOT } from './helpers.js';
import { movableInputs, movedBy } from './property-monotone-lib.js';

const FIXTURES = join(ROOT, 'fixtures');
const TODAY = '2026-06-01';

/** Every fixture case file under fixtures/ (expectation siblings are not cases). */
function fixtureFiles(dir = FIXTURES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return fixtureFiles(p);
    return /\.ya?ml$/.test(e.name) && !/\.expect\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => p.slice(ROOT.length + 1);

function runAll(): FixtureResult[] {
  const rules = builtinRules();
  return fixtureFiles().map((file) => {
    const sibling = file.replace(/\.ya?ml$/, '.expect.yaml');
    const sib = existsSync(sibling) ? { file: rel(sibling), text: readFileSync(sibling, 'utf8') } : undefined;
    return runFixture({ file: rel(file), text: readFileSync(file, 'utf8'), ...(sib ? { expect: sib } : {}) }, rules, TODAY);
  });
}

describe('rule quality', () => {
  const rules = builtinRules().rules;
  const results = runAll();

  it('has fixtures and rules to check', () => {
    expect(results.length).toBeGreaterThanOrEqual(20);
    expect(rules.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every rule a non-empty source and rationale', () => {
    const bad = rules.filter((r) => !r.rationale.trim() || r.source.length === 0 || r.source.some((s) => !s.ref.trim())).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('fires every rule in at least one fixture', () => {
    const fired = new Set(results.flatMap((r) => r.fired));
    const never = rules.map((r) => r.id).filter((id) => !fired.has(id));
    expect(never, `rules that no fixture under fixtures/ fires: ${never.join(', ')}`).toEqual([]);
  });

  it('passes every fixture (a skipped fixture counts as a failure)', () => {
    const failed = results
      .filter((r) => r.status !== 'pass')
      .map((r) => `${r.file}: ${r.status} ${JSON.stringify([...r.mismatches, ...r.problems.map((p) => p.message)])}`);
    expect(failed).toEqual([]);
  });
});

/** Dotted paths of the leaves of a case that can be forgotten (a list of strings counts as one leaf). */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [path];
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? [path] : v.flatMap((x, i) => leaves(x, [...path, i]));
  if ('amount' in v && 'currency' in v) return [path];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
}

/** A deep copy of the case without one leaf, or undefined when the leaf is required (e.g. a payment's amount). */
function without(c: Case, path: (string | number)[]): Case | undefined {
  const copy = structuredClone(c) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  delete node[path[path.length - 1]!];
  const valid = caseSchema.safeParse(copy);
  return valid.success ? valid.data : undefined;
}

describe('monotonicity over the fixtures', () => {
  // Forgetting a fact may leave a rule undecided, but never turns true into false or false into true.
  // Payments stay in their lists: forgetting a whole payment changes the facts, it does not hide one.
  // Rules that read eligibility.<program> are included: an uncertain programme is an unknown fact.
  const rules = builtinRules();
  const moving = new Map(rules.rules.map((r) => [r.id, movableInputs(r.when)]));
  const cases = fixtureFiles().flatMap((file) => {
    const doc = readYaml(readFileSync(file, 'utf8'), rel(file));
    if (!doc.ok) return [];
    const valid = validateCase(doc.value);
    return valid.ok ? [{ file: rel(file), c: valid.value }] : [];
  });

  it.each(cases.map((x) => [x.file, x.c] as const))('%s: forgetting any one fact flips no decided rule', (_file, c) => {
    const outcomes = (x: Case) => new Map((assess(x, rules, { today: TODAY, explain: true }).trace ?? []).map((r) => [r.id, r.outcome]));
    const full = outcomes(c);
    const flips: string[] = [];
    for (const path of leaves(c).filter((p) => p[0] !== 'expect' && p[0] !== 'as_of' && p.length > 0 && !DEFAULTED_FACTS.includes(p.join('.')))) {
      const reduced = without(c, path);
      if (!reduced) continue;
      for (const [id, outcome] of outcomes(reduced)) {
        if (movedBy(moving.get(id) ?? [], path.join('.'))) continue; // a restart or a bound moved a deadline (issue 11)
        const before = full.get(id);
        if (outcome !== 'unknown' && before !== 'unknown' && outcome !== before) flips.push(`${path.join('.')}: ${id} ${before} -> ${outcome}`);
      }
    }
    expect(flips).toEqual([]);
  });
});
