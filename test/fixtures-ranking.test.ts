// The Trade Assurance / strategy fixtures (fixtures/b-*.yaml): expectations hold, every route but the
// embassy wins somewhere, the embassy never does, and every rule of these packs fires in one of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../src/case/enums.js';
import { runFixture } from '../src/check/run-fixture.js';
import { parse } from 'yaml';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { builtinRules, ROOT } from './helpers.js';

const DIR = join(ROOT, 'fixtures');
const PACKS = ['rules/trade-assurance.yaml', 'rules/strategy.yaml', 'rules/plan.yaml', 'rules/advice.yaml'];
const mine = readdirSync(DIR)
  .filter((f) => /^b-.*\.ya?ml$/.test(f) && !f.endsWith('.expect.yaml'))
  .sort();
const all = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.expect.yaml'))
  .sort();
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

function assessed(f: string) {
  const doc = readYaml(text(f), f);
  if (!doc.ok) return undefined;
  const c = validateCase(doc.value);
  return c.ok ? assess(c.value, builtinRules(), { today: '2026-01-01' }) : undefined;
}

describe('b- fixtures', () => {
  it('there are at least 22 of them', () => expect(mine.length).toBeGreaterThanOrEqual(22));

  it.each(mine)('%s meets its expectations', (f) => {
    const r = runFixture({ file: f, text: text(f) }, builtinRules(), '2026-01-01');
    expect(r.status, JSON.stringify(r.mismatches, null, 2)).toBe('pass');
  });

  it('each route except the embassy is expected to win in some fixture, and does', () => {
    const winners = new Set(mine.map((f) => assessed(f)?.strategies.find((s) => s.rank === 1)?.route));
    const expected = new Set(mine.map((f) => (parse(text(f)) as { expect?: { top_strategy?: string } }).expect?.top_strategy));
    for (const route of ROUTES.filter((r) => r !== 'embassy_trade_association')) {
      expect(expected.has(route), `no fixture expects ${route} on top`).toBe(true);
      expect(winners.has(route), `${route} never ranks first`).toBe(true);
    }
  });

  it.each(all)('%s: embassy or trade association is never the top route, nor recommended', (f) => {
    const a = assessed(f);
    if (!a) return;
    expect(a.strategies.find((s) => s.rank === 1)?.route).not.toBe('embassy_trade_association');
    expect(a.strategies.find((s) => s.route === 'embassy_trade_association')?.rank).toBeUndefined();
  });

  it('every rule of the Trade Assurance, strategy, plan and advice packs fires in a b- fixture', () => {
    const fired = new Set(mine.flatMap((f) => assessed(f)?.findings.map((x) => x.id) ?? []));
    const rules = builtinRules().rules.filter((r) => PACKS.includes(r.origin.file));
    expect(rules.length).toBeGreaterThan(90);
    expect(rules.filter((r) => !fired.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('every strategy score stays on the documented scale', () => {
    const scores = builtinRules().rules.flatMap((r) => (r.kind === 'strategy' && r.then.score !== undefined ? [r.then.score] : []));
    for (const s of scores) expect([-4, -3, -2, -1, 1, 2, 3, 4, 5]).toContain(s);
  });
});
