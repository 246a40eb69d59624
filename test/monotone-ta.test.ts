// Unknown facts behave like unknowns, for the Trade Assurance, strategy, plan and advice packs: take each
// b- fixture, remove facts (one at a time, then seeded random subsets), and check that every rule decided
// with fewer facts has the outcome it has with all of them, and that every programme decided with fewer
// facts keeps its verdict.
//
// The facts with a documented default (DEFAULTED_FACTS: an absent claim is the amount paid, an absent tier
// the standard one) are never removed: removing them changes a value instead of hiding one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseSchema, type Case } from '../src/case/schema.js';
import { flattenCase } from '../src/case/facts.js';
import { DEFAULTED_FACTS, deriveFacts } from '../src/case/derive.js';
import { evaluateRules } from '../src/engine/evaluate.js';
import type { Outcome } from '../src/engine/conditions.js';
import { builtinRules, ROOT } from './helpers.js';
import { movableInputs, movedBy } from './property-monotone-lib.js';

const DIR = join(ROOT, 'fixtures');
const PACKS = ['rules/trade-assurance.yaml', 'rules/strategy.yaml', 'rules/plan.yaml', 'rules/advice.yaml'];
const KEPT = new Set(['as_of', 'expect', ...DEFAULTED_FACTS]);
const fixtures = readdirSync(DIR)
  .filter((f) => /^b-.*\.ya?ml$/.test(f))
  .sort();

/** Outcomes of the packs' rules and the programme verdicts (an `uncertain` verdict counts as unknown). */
function outcomes(c: Case): Map<string, Outcome> {
  const set = builtinRules();
  const asOf = c.as_of!;
  const facts = deriveFacts(c, flattenCase(c), set.params, asOf);
  const ev = evaluateRules(facts, set);
  const out = new Map<string, Outcome>();
  for (const p of ev.programs) out.set(`program:${p.program}`, p.status === 'uncertain' ? 'unknown' : (p.status as Outcome));
  for (const r of set.rules.filter((x) => PACKS.includes(x.origin.file))) {
    out.set(r.id, ev.byId.get(r.id)!.outcome);
  }
  return out;
}

/** Paths of removable leaves: scalars, lists of scalars and money objects; list items of objects by index. */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [path];
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? [path] : v.flatMap((x, i) => leaves(x, [...path, i]));
  const o = v as Record<string, unknown>;
  if ('amount' in o && 'currency' in o) return [path];
  return Object.entries(o).flatMap(([k, x]) => leaves(x, [...path, k]));
}

function without(value: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(value);
  for (const p of paths) {
    let node = copy as Record<string | number, unknown>;
    for (const seg of p.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
    delete node[p.at(-1)!];
  }
  return copy;
}

/** A small seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** The case facts that may move a deadline each rule reads (a restart or a bound: MOVABLE_DEADLINES, by law). */
const MOVING = new Map(builtinRules().rules.map((r) => [r.id, movableInputs(r.when)]));

function flips(full: Map<string, Outcome>, fewer: Map<string, Outcome>, removed: string[]): string[] {
  const moved = (id: string) => removed.some((path) => movedBy(MOVING.get(id) ?? [], path));
  return [...fewer]
    .filter(([id, o]) => o !== 'unknown' && full.get(id) !== o && !moved(id))
    .map(([id, o]) => `${id}: ${o} with fewer facts, ${full.get(id)} with all`);
}

describe('monotonicity of the Trade Assurance, strategy, plan and advice packs', () => {
  it.each(fixtures)('%s', (f) => {
    const raw = parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>;
    delete raw.expect;
    const full = outcomes(caseSchema.parse(raw));
    const removable = leaves(raw).filter((p) => !KEPT.has(p.filter((s) => typeof s === 'string').join('.')));
    const next = random(f.length * 7919);
    const variants = [...removable.map((p) => [p]), ...Array.from({ length: 20 }, () => removable.filter(() => next() < 0.35))];
    let checked = 0;
    for (const remove of variants) {
      const parsed = caseSchema.safeParse(without(raw, remove));
      if (!parsed.success) continue;
      checked++;
      const removed = remove.map((p) => p.filter((x) => typeof x === 'string').join('.'));
      expect(flips(full, outcomes(parsed.data), removed), `removed ${remove.map((p) => p.join('.')).join(', ')}`).toEqual([]);
    }
    expect(checked).toBeGreaterThan(removable.length / 2);
  });
});
