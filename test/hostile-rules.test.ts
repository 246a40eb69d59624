// Hostile rule packs: every schema violation and semantic error is a positioned diagnostic, deep trees
// do not crash, and nothing a rule file names is ever executed.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import { loadRules } from '../src/rules/load.js';
import { MAX_CONDITION_DEPTH } from '../src/rules/semantic.js';
import { OPERATORS } from '../src/rules/types.js';
import type { YamlDoc } from '../src/source/read-yaml.js';
import { cli, ROOT } from './helpers.js';

const BUILTIN = yamlFilesIn(join(ROOT, 'rules')).map((f) => {
  const r = readTextFile(f);
  if (!r.ok) throw new Error(r.diagnostic.message);
  return { file: `rules/${f.split('/').pop()}`, text: r.text };
});
/** Load the built-in packs plus one extra file; the diagnostics about the extra file. */
const load = (text: string) => {
  const r = parseAndLoad([...BUILTIN, { file: 'bad.yaml', text }]);
  return r.ok ? [] : r.diagnostics;
};
const RULE = '- id: flag/test\n  title: Test\n  kind: flag\n  severity: low\n  rationale: Why.\n  source: [{ref: gsxt}]\n  message: Fired.\n';
const rule = (extra = '', edit: [string, string] = ['', '']) => `rules:\n${RULE.replace(edit[0], edit[1])}${extra}`;
const docOf = (value: unknown): YamlDoc => ({ file: 'lib.yaml', value, locate: () => ({ line: 1, column: 1 }) });
const nested = (n: number) => {
  let c = '{fact: order.channel, equals: offline}';
  for (let i = 0; i < n; i++) c = `{not: ${c}}`;
  return c;
};

describe('schema violations', () => {
  it.each([
    ['a list instead of a mapping', '- a\n', 'rules-invalid', 1, /expected a mapping, got a list/],
    ['an unknown section', 'rulez: []\n', 'rules-unknown-key', 1, /did you mean 'rules'/],
    ['a missing required key', rule('', ['  title: Test\n', '']), 'rules-required', 2, /required key 'title'/],
    ['an unknown kind', rule('', ['kind: flag', 'kind: flagg']), 'rules-enum', 4, /did you mean 'flag'/],
    ['a misspelt severity', rule('', ['severity: low', 'severity: hgih']), 'rules-enum', 5, /did you mean 'high'/],
    ['an id without a family', rule('', ['flag/test', 'Test Rule']), 'rules-invalid', 2, /family-prefixed id/],
    ['an empty title', rule('', ['title: Test', 'title: ""']), 'rules-invalid', 3, /must not be empty/],
    ['a title too long', rule('', ['title: Test', `title: ${'x'.repeat(201)}`]), 'rules-invalid', 3, /at most 200 characters/],
    ['no source', rule('', ['source: [{ref: gsxt}]', 'source: []']), 'rules-invalid', 7, /at least 1 item/],
    ['a source that is not a list', rule('', ['source: [{ref: gsxt}]', 'source: gsxt']), 'rules-invalid', 7, /expected a list/],
    ['a checked date that is not a date', rule('  checked: last week\n'), 'rules-invalid', 9, /date YYYY-MM-DD/],
    ['an unknown key in a rule', rule('  whenn: {fact: order.channel, equals: offline}\n'), 'rules-unknown-key', 9, /did you mean 'when'/],
    [
      'a condition with two operators',
      rule('  when: {fact: order.channel, equals: offline, not_equals: offline}\n'),
      'rules-invalid',
      9,
      /exactly one operator/,
    ],
    ['a condition with no operator', rule('  when: {fact: order.channel}\n'), 'rules-invalid', 9, /needs one operator/],
    ['an unknown operator (a regex)', rule('  when: {fact: supplier.name, matches: "(a+)+$"}\n'), 'rules-unknown-key', 9, /unknown key 'matches'/],
    ['an empty all', rule('  when: {all: []}\n'), 'rules-invalid', 9, /at least 1 item/],
    ['not with a list', rule('  when: {not: [{fact: order.channel, equals: offline}]}\n'), 'rules-invalid', 9, /expected a mapping, got a list/],
    ['in with a single value', rule('  when: {fact: order.channel, in: offline}\n'), 'rules-invalid', 9, /expected a list/],
    ['in with 301 values', rule(`  when: {fact: order.channel, in: [${Array(301).fill('offline').join(',')}]}\n`), 'rules-invalid', 9, /at most 300 items/],
    ['a checklist without then', rule('', ['kind: flag', 'kind: checklist']), 'rules-required', 2, /required key 'then'/],
    [
      'a bad checklist level',
      rule('  then: {evidence: contract, level: must, for: [quality]}\n', ['kind: flag', 'kind: checklist']),
      'rules-enum',
      9,
      /'must' is not allowed/,
    ],
    [
      'a repeated dispute type',
      rule('  then: {evidence: contract, level: required, for: [quality, quality]}\n', ['kind: flag', 'kind: checklist']),
      'rules-invalid',
      9,
      /lists 'quality' twice/,
    ],
    [
      'a strategy without score or exclude',
      rule('  then: {route: negotiation}\n', ['kind: flag', 'kind: strategy']),
      'rules-required',
      9,
      /needs 'score'.*or 'exclude/,
    ],
    ['a score out of range', rule('  then: {route: negotiation, score: 11}\n', ['kind: flag', 'kind: strategy']), 'rules-invalid', 9, /at most 10/],
    ['a due that is neither today nor a fact', rule('  then: {due: tomorrow}\n', ['kind: flag', 'kind: action']), 'rules-invalid', 9, /'today' or \{fact/],
    [
      'an offset out of range',
      rule('  then: {due: {fact: derived.ta_window_end, offset_days: 99999}}\n', ['kind: flag', 'kind: action']),
      'rules-invalid',
      9,
      /at most 3,650/,
    ],
    [
      'an unknown evidence id in the catalogue',
      'evidence:\n  photos: {title: t, proves: p, where: w}\n',
      'rules-unknown-key',
      2,
      /did you mean 'photos_video'/,
    ],
    [
      'a parameter without source',
      'parameters:\n  x_days: {value: 1, description: d, checked: 2026-01-01, confidence: stated}\n',
      'rules-required',
      2,
      /required key 'source'/,
    ],
    [
      'a parameter name with capitals',
      'parameters:\n  XDays: {value: 1, description: d, source: [{ref: gsxt}], checked: 2026-01-01, confidence: stated}\n',
      'rules-invalid',
      2,
      /lower-case letters/,
    ],
    ['a bad pack name', 'pack: My Pack\n', 'rules-invalid', 1, /lower-case letters, digits and -/],
    ['a citation that is a plain string', rule('', ['source: [{ref: gsxt}]', 'source: ["DOMAIN.md §3.10"]']), 'rules-invalid', 7, /expected a mapping/],
    [
      'a source entry without any date',
      'sources:\n  my-register: {title: t, author: a, kind: official_register}\n',
      'rules-required',
      2,
      /'published'.*or 'retrieved'/,
    ],
    [
      'a source entry of an unknown kind',
      'sources:\n  my-register: {title: t, author: a, kind: blog, retrieved: 2026-01-01}\n',
      'rules-enum',
      2,
      /expected one of/,
    ],
    [
      'a source id that is not kebab-case',
      'sources:\n  My_Register: {title: t, author: a, kind: official_register, retrieved: 2026-01-01}\n',
      'rules-invalid',
      2,
      /name/,
    ],
    [
      'an unverified parameter with neither source nor note',
      'parameters:\n  x_days: {value: 1, description: d, checked: 2026-01-01, confidence: unverified}\n',
      'rules-required',
      2,
      /'source' or.*'note'/,
    ],
  ])('%s', (_, text, code, line, message) => {
    const list = load(text);
    expect(list.length).toBe(1);
    expect(list[0]).toMatchObject({ file: 'bad.yaml', code, line });
    expect(list[0]!.message).toMatch(message);
  });

  it('an empty rule file', () => {
    expect(load('# nothing here\n').map((d) => d.code)).toEqual(['rules-empty']);
  });
});

describe('semantic errors', () => {
  it.each([
    ['an unknown fact', rule('  when: {fact: order.chanel, equals: offline}\n'), 'rules-unknown-fact', /did you mean 'order.channel'/],
    ['an operator on the wrong type', rule('  when: {fact: order.custom_made, gt: 1}\n'), 'rules-operator', /needs a fact of type number or date/],
    ['a value of the wrong type', rule('  when: {fact: order.custom_made, equals: "yes"}\n'), 'rules-operator', /expected true or false/],
    ['a value outside an enum', rule('  when: {fact: supplier.found_on, equals: alibabaa}\n'), 'rules-operator', /did you mean 'alibaba'/],
    ['contains on a single value', rule('  when: {fact: order.channel, contains: offline}\n'), 'rules-operator', /needs a fact of type list/],
    ['a date compared with text', rule('  when: {fact: order.date, lt: soon}\n'), 'rules-operator', /expected an ISO date/],
    ['a date compared with a number fact', rule('  when: {fact: order.date, lt: {fact: derived.loss_usd}}\n'), 'rules-operator', /which is number/],
    ['a duplicate id in one file', rule() + RULE, 'rules-duplicate-id', /first defined at bad.yaml:2/],
    ['a duplicate of a built-in id', rule('', ['flag/test', 'flag/extra-fees-before-delivery']), 'rules-duplicate-id', /first defined at rules\/flags.yaml/],
    ['a placeholder naming no fact', rule('', ['message: Fired.', 'message: "{order.nope}"']), 'rules-placeholder', /names no fact/],
    ['a placeholder naming no parameter', rule('', ['message: Fired.', 'message: "{params.nope}"']), 'rules-placeholder', /names no parameter/],
    [
      'a placeholder naming an Object.prototype member',
      rule('', ['message: Fired.', 'message: "{params.toString}"']),
      'rules-placeholder',
      /names no parameter/,
    ],
    ['an unknown parameter', rule('  when: {fact: derived.loss_usd, gt: {param: nope}}\n'), 'rules-unknown-param', /'nope'/],
    [
      'a parameter named like an Object.prototype member',
      rule('  when: {fact: derived.loss_usd, gt: {param: constructor}}\n'),
      'rules-unknown-param',
      /'constructor'/,
    ],
    [
      'a due date from a fact that is not a date',
      rule('  then: {due: {fact: order.channel}}\n', ['kind: flag', 'kind: action']),
      'rules-unknown-fact',
      /must be a date fact/,
    ],
    [
      'a source id not in the bibliography',
      rule('', ['source: [{ref: gsxt}]', 'source: [{ref: gsxy}]']),
      'rules-unknown-source',
      /'gsxy' is not in the bibliography.*did you mean 'gsxt'/,
    ],
    [
      'a locator that cites the research notes',
      rule('', ['source: [{ref: gsxt}]', 'source: [{ref: gsxt, at: "DOMAIN.md §3.10"}]']),
      'rules-unshipped-source',
      /'DOMAIN.md' is not part of the package/,
    ],
    ['a message that cites a seed file', rule('', ['message: Fired.', 'message: As seed 002 says.']), 'rules-unshipped-source', /'seed 002'/],
    [
      'a parameter that cites the research notes',
      'parameters:\n  x_days: {value: 1, description: d, source: [{ref: gsxt, at: DOMAIN.md}], checked: 2026-01-01, confidence: stated}\n',
      'rules-unshipped-source',
      /DOMAIN.md/,
    ],
    [
      'a built-in source id defined differently',
      'sources:\n  gsxt: {title: t, author: a, kind: official_register, retrieved: 2026-01-01}\n',
      'rules-duplicate-source',
      /already defined differently in rules\/sources.yaml/,
    ],
    [`a condition ${MAX_CONDITION_DEPTH + 1} levels deep`, rule(`  when: ${nested(MAX_CONDITION_DEPTH + 1)}\n`), 'rules-too-deep', /more than 32 levels/],
  ])('%s', (_, text, code, message) => {
    const list = load(text);
    expect(list.map((d) => d.code)).toEqual([code]);
    expect(list[0]!.file).toBe('bad.yaml');
    expect(list[0]!.message).toMatch(message);
  });

  it('a pack may bring its own bibliography, and cite it next to the built-in one', () => {
    const own =
      'sources:\n  my-register: {title: My register, author: Me, url: "https://example.org/register", kind: official_register, retrieved: 2026-01-01}\n';
    expect(load(own + rule('', ['source: [{ref: gsxt}]', 'source: [{ref: my-register, at: "p. 2"}, {ref: gsxt}]']))).toEqual([]);
    // the same entry repeated verbatim in a second file is not a conflict
    const r = parseAndLoad([
      ...BUILTIN,
      { file: 'a.yaml', text: own },
      { file: 'b.yaml', text: own + rule('', ['source: [{ref: gsxt}]', 'source: [{ref: my-register}]']) },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.sources['my-register']).toMatchObject({ title: 'My register' });
  });

  it('a checklist item without a catalogue entry (rules loaded without the built-in catalogue)', () => {
    const r = parseAndLoad([
      { file: 'only.yaml', text: rule('  then: {evidence: contract, level: required, for: [quality]}\n', ['kind: flag', 'kind: checklist']) },
    ]);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toContain('rules-catalogue');
  });
});

describe('deep condition trees do not crash', () => {
  it('1,000 levels in YAML: yaml-too-deep, before any recursive stage', () => {
    expect(load(rule(`  when: ${nested(1000)}\n`)).map((d) => d.code)).toEqual(['yaml-too-deep']);
  });

  it('1,000 and 100,000 levels built in code and passed to loadRules: rules-too-deep', () => {
    for (const n of [1000, 100_000]) {
      let when: unknown = { fact: 'order.channel', equals: 'offline' };
      for (let i = 0; i < n; i++) when = { not: when };
      const r = loadRules([
        docOf({ rules: [{ id: 'flag/x', title: 't', kind: 'flag', severity: 'low', rationale: 'r', source: [{ ref: 's' }], message: 'm', when }] }),
      ]);
      expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['rules-too-deep']);
    }
  });

  it('a cyclic value built in code ends too (no hang)', () => {
    const when: Record<string, unknown> = { fact: 'order.channel', equals: 'offline' };
    when.not = when;
    const r = loadRules([docOf({ rules: [{ when }] })]);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['rules-too-deep']);
  });

  it('a condition 40 levels deep, within the YAML limit, gets the semantic diagnostic', () => {
    expect(load(rule(`  when: ${nested(40)}\n`)).map((d) => d.code)).toEqual(['rules-too-deep']);
  });
});

describe('through the CLI', () => {
  it('--rules with a broken pack: exit 2, file:line:column, nothing assessed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-rules-'));
    writeFileSync(join(dir, 'mine.yaml'), rule('  when: {fact: order.chanel, equals: offline}\n'));
    const r = cli(['fixtures/b-offline-wire-non-delivery.yaml', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/mine\.yaml:9:16 {2}error {2}rules-unknown-fact {2}unknown fact 'order\.chanel'/);
  });
});

describe('nothing a rule file names is executed', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });
  const files = sources(join(ROOT, 'src')).map((p) => ({ p: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') }));
  const hits = (re: RegExp) => files.filter((f) => re.test(f.text)).map((f) => f.p);

  it('src/ has no eval, new Function, child_process or vm', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(hits(/\beval\s*\(/)).toEqual([]);
    expect(hits(/\bnew\s+Function\b|\bFunction\s*\(/)).toEqual([]);
    expect(hits(/child_process/)).toEqual([]);
    expect(hits(/['"]node:vm['"]|['"]vm['"]/)).toEqual([]);
    expect(hits(/\brequire\s*\(/)).toEqual([]);
  });

  it("dynamic imports only load the CLI's own modules, by literal path", () => {
    const dynamic = files.flatMap((f) => [...f.text.matchAll(/\bimport\s*\(([^)]*)\)/g)].map((m) => ({ file: f.p, arg: m[1]!.trim() })));
    // Literal paths only: the CLI's own modules and the lazily loaded libraries.
    for (const d of dynamic) expect(d.arg, `${d.file}: import(${d.arg})`).toMatch(/^'((?:\.\.?\/)+[a-z/-]+\.js|commander|chalk)'$/);
  });

  it('regular expressions are built at run time only from the --grep flag, never from rule data', () => {
    expect(hits(/new\s+RegExp\s*\(/)).toEqual(['src/cli/commands/check-flags.ts']);
  });

  it('there is no pattern-matching operator, so no rule can bring a ReDoS pattern (add a ReDoS test if one is added)', () => {
    expect([...OPERATORS].sort()).toEqual(['contains', 'contains_any', 'equals', 'gt', 'gte', 'in', 'lt', 'lte', 'not_equals', 'not_in']);
  });

  it('schema patterns are linear: a 100,000-character id finishes well under a second', () => {
    const t = performance.now();
    const list = load(rule('', ['flag/test', `a/${'a'.repeat(100_000)}!`]));
    expect(list.map((d) => d.code)).toEqual(['rules-invalid']);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
