// The text report built around the decision (issue 14): the verdict and "Your next steps" on the first screen, every
// line within the width in display cells (CJK counts two), references numbered in the order the text cites them,
// no raw scores, the jargon explained once, and "Next order" from the prevention rules.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import type { Case } from '../src/case/schema.js';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import { reportWidth, wrapLines } from '../src/report/text.js';
import { stepGroups } from '../src/engine/report-order.js';
import { builtinRules, cli } from './helpers.js';
import { fixtureTexts, TODAY } from './property-arbitraries.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const rules = builtinRules();
/** As the CLI assesses one case: with the what-if analysis (conditional steps, alternatives). */
const assessCase = (c: Case, file?: string) => assess(c, rules, { today: TODAY, whatIf: true, ...(file ? { file } : {}) });
const fixtures = fixtureTexts().flatMap((f) => {
  const doc = readYaml(f.text, f.file);
  const v = doc.ok ? validateCase(doc.value) : undefined;
  return v?.ok ? [{ file: f.file, a: assessCase(v.value, f.file) }] : [];
});
const lines = (t: string) => t.replace(/\n$/, '').split('\n');
const tooWide = (t: string, width: number) => lines(t.replace(/\u001b\[[0-9;]*m/g, '')).filter((l) => stringWidth(l) > width);
/** Reference numbers in the order the text shows them, each once. */
const firstSeen = (t: string) => [...new Set([...t.matchAll(/ \[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1]!.split(', ').map(Number)))];
const body = (t: string) => t.slice(0, t.lastIndexOf('\nSources\n'));

describe('the text report', () => {
  it('has the fixtures to look at', () => expect(fixtures.length).toBeGreaterThan(60));

  it.each([60, 80, 100])('keeps every line of every fixture within %i cells, in colour too', (width) => {
    const wide: string[] = [];
    for (const { file, a } of fixtures) {
      for (const color of [plain, colour]) wide.push(...tooWide(render(a, 'text', { color, width, sources: true }), width).map((l) => `${file}: ${l}`));
    }
    // --sources keeps an address whole (a broken one cannot be followed): those lines only.
    expect(wide.filter((l) => !/https?:\/\//.test(l))).toEqual([]);
  });

  it('numbers the references in the order the text cites them, for every fixture', () => {
    for (const { file, a } of fixtures) {
      const seen = firstSeen(body(render(a, 'text', { color: plain })));
      expect(seen, file).toEqual(seen.map((_, i) => i + 1));
    }
  });

  it('puts the verdict and the next steps on the first screen of an 80-column terminal, for every fixture', () => {
    for (const { file, a } of fixtures) {
      const t = lines(render(a, 'text', { color: plain, width: 80 }));
      const at = t.indexOf('Your next steps');
      expect(at, file).toBeGreaterThan(0);
      expect(at, file).toBeLessThan(12);
      expect(
        t.findIndex((l) => l.startsWith('In short: ')),
        file,
      ).toBeLessThan(at);
      // The first step (or the line saying there is none yet) is on the screen too.
      expect(at + 2, file).toBeLessThan(24);
      expect(t[at + 1]!.trim().length, file).toBeGreaterThan(0);
    }
  });

  it('lists every step of the plan once, numbered, and shows no raw score', () => {
    for (const { file, a } of fixtures) {
      const t = render(a, 'text', { color: plain });
      const plan = t.slice(t.indexOf('\nPlan: each step in full\n'));
      const numbers = [...plan.matchAll(/^ {2}(\d+)\. /gm)].map((m) => Number(m[1]));
      if (a.plan.length) expect(numbers.slice(0, a.plan.length), file).toEqual(a.plan.map((_, i) => i + 1));
      expect(stepGroups(a).flatMap((g) => g.steps).length, file).toBe(a.plan.length);
      expect(t, file).not.toMatch(/\(score -?\d+\)/);
    }
  });

  it('shows a step that depends on an open answer with its condition, never as a plain step', () => {
    const cases = fixtures.filter(({ a }) => a.plan.some((s) => s.condition));
    expect(cases.length).toBeGreaterThan(3);
    for (const { file, a } of cases) {
      const t = render(a, 'text', { color: plain, width: 100 });
      // Wrapped steps joined back to one line each.
      const steps = t.slice(t.indexOf('Your next steps'), t.indexOf('\nRoutes')).replace(/\n {5,}/g, ' ');
      const conditional = a.plan.filter((s) => s.condition);
      expect(steps, file).toContain('Depending on the answers to the questions below');
      // The first screen shows at most three of them, each under its condition ("If ...:"), numbered as in the plan.
      const shown = stepGroups(a)
        .find((g) => g.group === 'depends')!
        .steps.slice(0, 3);
      const first = a.plan.length - conditional.length + 1;
      shown.forEach((s, i) => {
        const c = s.condition!;
        const words = c.parts && c.parts.length > 1 ? `${c.parts[0]} (and ${c.parts.length - 1} more` : `${c.text}:`;
        const at = steps.indexOf(`If ${words}`);
        expect(at, file).toBeGreaterThan(0);
        expect(steps.indexOf(`${first + i}. ${s.title}`, at), file).toBeGreaterThan(at);
      });
    }
  });

  it('explains each term of the trade it uses once, under "Words used"', () => {
    const { a } = fixtures.find((f) => f.file.endsWith('b-offline-wire-non-delivery.yaml'))!;
    const t = render(a, 'text', { color: plain });
    const words = t.slice(t.indexOf('\nWords used\n'), t.indexOf('\nSources\n'));
    for (const term of ['PRC:', 'USCC (credit code):', 'Contracting party:', 'CIETAC:', 'Asset preservation:']) expect(words.split(term).length - 1).toBe(1);
    // A report that never uses a term does not explain it.
    const ta = fixtures.find((f) => !/CIETAC/.test(body(render(f.a, 'text', { color: plain })).split('\nWords used\n')[0]!))!;
    expect(render(ta.a, 'text', { color: plain })).not.toContain('CIETAC:');
  });

  it('ends with "Next order" when a prevention rule fired, before the words and the sources', () => {
    const fired = fixtures.filter(({ a }) => a.findings.some((f) => f.category === 'prevention'));
    expect(fired.length).toBeGreaterThan(10);
    for (const { file, a } of fired) {
      const t = render(a, 'text', { color: plain, width: 100 });
      const at = t.indexOf('\nNext order: what would have avoided this\n');
      expect(at, file).toBeGreaterThan(
        t.indexOf('\nQuestions that would change the verdict') === -1 ? 0 : t.indexOf('\nQuestions that would change the verdict'),
      );
      for (const f of a.findings.filter((x) => x.category === 'prevention')) expect(t.slice(at), file).toContain(f.title);
      // Not repeated among the standing advice.
      const adviceSection = t.indexOf('\nAdvice\n') === -1 ? '' : t.slice(t.indexOf('\nAdvice\n'), at);
      for (const f of a.findings.filter((x) => x.category === 'prevention')) expect(adviceSection, file).not.toContain(f.message.slice(0, 40));
    }
    const none = fixtures.find(({ a }) => !a.findings.some((f) => f.category === 'prevention'))!;
    expect(render(none.a, 'text', { color: plain })).not.toContain('Next order');
  });

  it('keeps CJK and emoji supplier names within the width, and the box square', () => {
    const c: Case = {
      as_of: TODAY,
      supplier: {
        name: '深圳市光明照明科技有限公司（东莞分公司）📦 Shenzhen Guangming Lighting Technology Co., Ltd.',
        country: 'CN',
        found_on: 'alibaba',
        contracting_party: '深圳市光明照明科技有限公司',
        payee: { name: '香港光明国际贸易有限公司', country: 'HK', account_type: 'hong_kong_company' },
      },
      order: {
        channel: 'trade_assurance',
        date: '2026-01-05',
        payments: [{ date: '2026-01-06', amount: { amount: 12000, currency: 'USD' }, method: 'tt', via: 'hong_kong_account', stage: 'full' }],
        delivery: { status: 'none', expected_date: '2026-02-01' },
      },
      dispute: { types: ['non_delivery'], summary: '货物没有发出，供应商不回复。Nothing shipped 🚫' },
    } as Case;
    const a = assessCase(c, '案件/光明.yaml');
    for (const width of [60, 80]) {
      const t = render(a, 'text', { color: plain, width });
      expect(tooWide(t, width)).toEqual([]);
      expect(t).toContain('深圳市光明照明');
      const box = lines(t).filter((l) => /^[┌│└]/.test(l));
      expect(box.length).toBeGreaterThan(2);
      expect(new Set(box.map((l) => stringWidth(l))).size).toBe(1);
    }
  });

  it('wraps under a label: the first line after it, the others after the indent, no word lost or split', () => {
    const text = 'Search its name or credit code on gsxt.gov.cn (National Enterprise Credit Information Publicity System) 深圳市光明照明科技有限公司 [1, 2, 3]';
    for (const [first, rest] of [
      ['      how to find out: ', '        '],
      ['  1. ', '     '],
      ['', '  '],
    ] as const) {
      const out = wrapLines(text.replace(/, /g, ',\u00a0'), 60, first, rest);
      expect(out.length).toBeGreaterThan(1);
      expect(out[0]!.startsWith(first)).toBe(true);
      for (const l of out.slice(1)) expect(l.startsWith(rest) && l[rest.length] !== ' ').toBe(true);
      for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(60);
      expect([out[0]!.slice(first.length), ...out.slice(1).map((l) => l.slice(rest.length))].join(' ')).toBe(text);
    }
  });

  it('keeps the width between 60 and 100 columns, 80 when none is given', () => {
    expect([reportWidth(), reportWidth(0), reportWidth(20), reportWidth(72), reportWidth(300), reportWidth(Number.NaN)]).toEqual([80, 80, 60, 72, 100, 80]);
  });

  it('the CLI wraps to COLUMNS when the output is not a terminal, else to 80', () => {
    const file = 'fixtures/b-offline-wire-non-delivery.yaml';
    for (const [env, width] of [
      [{ COLUMNS: '' }, 80],
      [{ COLUMNS: '64' }, 64],
      [{ COLUMNS: '200' }, 100],
      [{ COLUMNS: 'x' }, 80],
    ] as const) {
      const r = cli([file], { env: { ...env } });
      expect(r.code).toBe(0);
      expect(tooWide(r.stdout, width)).toEqual([]);
      expect(lines(r.stdout).some((l) => stringWidth(l) > width - 8)).toBe(true);
    }
  });
});
