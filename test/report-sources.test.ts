// The report cites like a brief: [n] after a message, a short footer by default, every entry with its
// address behind --sources, --explain and in JSON.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { render } from '../src/report/render.js';
import { assess } from '../src/assess.js';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { readTextFile } from '../src/cli/io/files.js';
import { assessmentSchema } from '../src/report/assessment-schema.js';
import { builtinRules, cli } from './helpers.js';

const FIXTURE = 'fixtures/a-bank-switch-hong-kong.yaml';
const plain = new Chalk({ level: 0 });
const load = (file: string, explain = false) => {
  const doc = readYaml((readTextFile(file) as { text: string }).text, file);
  if (!doc.ok) throw new Error('bad yaml');
  const v = validateCase(doc.value);
  if (!v.ok) throw new Error('bad case');
  return assess(v.value, builtinRules(), { today: '2026-06-01', file, explain });
};
const sourcesPart = (t: string) => t.slice(t.lastIndexOf('\nSources\n'));
/** Reference numbers in the order the text shows them, each number once. */
const firstSeen = (t: string) => [...new Set([...t.matchAll(/ \[(\d+(?:, \d+)*)\]/g)].flatMap((m) => m[1]!.split(', ').map(Number)))];

describe('sources in the report', () => {
  const a = load(FIXTURE);

  it('numbers the sources from 1, each once with its full entry, and every citation shown resolves to one', () => {
    expect(a.sources.length).toBeGreaterThan(5);
    expect(a.sources.map((s) => s.n)).toEqual(a.sources.map((_, i) => i + 1));
    const set = builtinRules();
    for (const s of a.sources) expect(s).toMatchObject({ ...set.sources[s.id], id: s.id });
    expect(new Set(a.sources.map((s) => s.id)).size).toBe(a.sources.length);
    // Every citation of a finding or a programme reason resolves to a numbered entry, and every entry is cited.
    const ids = new Set(a.sources.map((s) => s.id));
    const cited = [...a.findings.flatMap((f) => f.source), ...[a.trade_assurance, ...a.programs].flatMap((p) => p.reasons.flatMap((r) => r.source))];
    expect(cited.filter((c) => !ids.has(c.ref))).toEqual([]);
    expect([...ids].filter((id) => !cited.some((c) => c.ref === id))).toEqual([]);
    for (const r of a.trade_assurance.reasons) expect(r.source).toEqual(set.rules.find((x) => x.id === r.rule)!.source);
    expect(assessmentSchema.safeParse(JSON.parse(JSON.stringify(a))).success).toBe(true);
  });

  it('the text marks messages with [n], first seen in order, and ends with a footer of at most three lines', () => {
    const t = render(a, 'text', { color: plain });
    const seen = firstSeen(t.slice(0, t.lastIndexOf('\nSources\n')));
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    // The footer: the lines between the heading and the blank line before the closing notice.
    const footer = sourcesPart(t).trim().split('\n\n')[0]!.split('\n').slice(1);
    expect(footer.length).toBeGreaterThan(0);
    expect(footer.length).toBeLessThanOrEqual(3);
    expect(sourcesPart(t)).not.toMatch(/https?:\/\//);
    expect(sourcesPart(t)).toContain(`${a.sources.length} numbered sources`);
  });

  it('--sources lists every cited entry with its number, title and address', () => {
    // Entries are wrapped to the width, continued further indented: joined back to find each title.
    const t = sourcesPart(render(a, 'text', { color: plain, sources: true })).replace(/\n {4,}(?! *(\[|https?:|cited at|note))/g, ' ');
    for (const s of a.sources) {
      expect(t).toContain(`[${s.n}] ${s.title}`);
      if (s.url) expect(t).toContain(s.url);
    }
  });

  it("--explain names each rule's sources by number and lists them all, for rules that did not fire too", () => {
    const e = load(FIXTURE, true);
    const t = render(e, 'text', { color: plain, explain: true });
    const notFired = e.trace!.find((r) => r.outcome === 'false')!;
    const entry = e.sources.find((s) => s.id === notFired.source[0]!.ref)!;
    expect(entry).toBeDefined();
    // The report wraps to the terminal width: a long title may run over two lines.
    expect(t.replace(/\s+/g, ' ')).toContain(`[${entry.n}] ${entry.title}`);
    expect(t).toMatch(/source: \[\d+\] /);
  });

  it('the CLI: --sources prints the addresses, --format json carries the entries', () => {
    const t = cli(['--sources', FIXTURE]);
    expect(t.stdout).toContain('https://service.alibaba.com/buyer/faq_detail/');
    const j = cli(['--format', 'json', FIXTURE]);
    const out = JSON.parse(j.stdout) as { sources: { n: number; url?: string; title: string }[] };
    expect(out.sources[0]).toMatchObject({ n: 1 });
    expect(out.sources.some((s) => s.url?.startsWith('https://'))).toBe(true);
    const d = cli([FIXTURE]);
    expect(sourcesPart(d.stdout)).not.toMatch(/https?:\/\//);
  });
});
