// quickYaml (src/source/quick-yaml.ts) reads plain case YAML without the yaml library. Whenever it gives a value,
// that value must be the one readYaml gives: on every fixture and test case, on generated cases written in the
// styles yaml.stringify and people use, and on thousands of mutations of them (where it must mostly decline).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { quickYaml } from '../src/source/quick-yaml.js';
import { readYaml } from '../src/source/read-yaml.js';
import { yamlFilesIn } from '../src/cli/io.js';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { generateCase, seeded, type Rng } from '../scripts/bench-cases.js';
import { cli, ROOT } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** quickYaml's answer for a text: undefined (declined) or a value that must equal readYaml's. */
function agree(text: string): 'declined' | 'read' {
  const quick = quickYaml(text);
  if (!quick) return 'declined';
  const full = readYaml(text, 'x.yaml');
  expect(full.ok, `quickYaml read a text readYaml rejects:\n${text}`).toBe(true);
  if (full.ok) expect(quick.value, text).toEqual(full.value.value);
  // toEqual treats -0 and 0 alike and ignores prototypes: check those too.
  if (full.ok) expect(JSON.stringify(quick.value)).toBe(JSON.stringify(full.value.value));
  return 'read';
}

const fixtureTexts = () => ['fixtures', join('test', 'cases')].flatMap((d) => yamlFilesIn(join(ROOT, d)).map((f) => readFileSync(f, 'utf8')));

function generated(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = generateCase(caseJsonSchema(), rng, { presence: [0.3, 0.6, 1][i % 3]! });
    out.push(stringify(c));
    out.push(stringify(c, { collectionStyle: 'flow' }));
    out.push(stringify(c, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }));
    out.push(stringify(c, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', indentSeq: false }));
    out.push(stringify(c, { indent: 4, flowCollectionPadding: false }));
  }
  return out;
}

/** Characters that matter to YAML, and some that do not. */
const NOISE = [' ', '  ', '\n', ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '?', '%', '@', '`', '\\', '\\u0007', 'x', '0', '.', '1e3', '0x1', '.inf', '~', 'null', 'True', '\t', '\r\n', '\u00a0', 'é', '---\n', '__proto__: 1\n', '\ufeff'];

function mutate(text: string, rng: Rng): string {
  let t = text;
  const edits = 1 + Math.floor(rng() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rng() * (t.length + 1));
    const r = rng();
    if (r < 0.45) t = t.slice(0, at) + NOISE[Math.floor(rng() * NOISE.length)] + t.slice(at);
    else if (r < 0.8) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rng() * 3));
    else {
      // Duplicate a line elsewhere (duplicate keys, odd indentation).
      const lines = t.split('\n');
      const line = lines[Math.floor(rng() * lines.length)]!;
      lines.splice(Math.floor(rng() * lines.length), 0, line);
      t = lines.join('\n');
    }
  }
  return t;
}

describe('quickYaml', () => {
  it('reads every fixture and test case it takes exactly as readYaml does, and takes most of them', () => {
    const texts = fixtureTexts();
    const read = texts.filter((t) => agree(t) === 'read').length;
    expect(texts.length).toBeGreaterThan(60);
    expect(read / texts.length).toBeGreaterThan(0.8);
  });

  it('reads generated cases in five writing styles as readYaml does', () => {
    const texts = generated(seeded(11), 60);
    const read = texts.filter((t) => agree(t) === 'read').length;
    expect(read / texts.length).toBeGreaterThan(0.6);
  });

  // QY_N=60000 QY_SEED=n npx vitest run test/quick-yaml.test.ts -t mutated: a longer run (raise testTimeout).
  it('never disagrees with readYaml on mutated cases (it declines what it is unsure of)', () => {
    const rng = seeded(Number(process.env.QY_SEED ?? 12));
    const base = [...fixtureTexts().slice(0, 30), ...generated(rng, 10)];
    const seen = { read: 0, declined: 0 };
    for (let i = 0; i < Number(process.env.QY_N ?? 4000); i++) seen[agree(mutate(base[i % base.length]!, rng))]++;
    expect(seen.read).toBeGreaterThan(500);
    expect(seen.declined).toBeGreaterThan(500);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a reserved key', 'a:\n  __proto__: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['tabs', 'a:\n\tb: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a control character', 'a: "\\u0007"\n'],
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['.inf', 'a: .inf\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['an empty file', ''],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
  ])('declines %s', (_, text) => {
    expect(quickYaml(text)).toBeUndefined();
  });

  it.each([
    ['numbers as the core schema reads them', 'a: 007\nb: -0\nc: +5\nd: .5\ne: 5.\nf: 1e3\ng: 1_000\nh: 2026-01-05\n'],
    ['null and booleans', 'a:\nb: ~\nc: Null\nd: TRUE\ne: false\nf: yes\n'],
    ['quotes and escapes', `a: "x \\"y\\" \\\\ \\u00e9 \\t"\nb: 'it''s # not a comment'\nc: plain # a comment\n`],
    ['nested flow collections', 'a: { b: [1, "two", { c: d }], e: {} }\nf: []\n'],
    ['a list at its key\'s indent', 'a:\n- 1\n- b: 2\n  c: 3\nd: x\n'],
    ['an empty case', '# nothing known yet\n{}\n'],
    ['a case on one line', '{ dispute: { types: [quality, damage] }, as_of: 2026-01-05 } # short\n'],
  ])('reads %s as readYaml does', (_, text) => {
    expect(agree(text)).toBe('read');
  });

  it('gives the CLI the same report through the fast road as through the yaml library', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-quick-'));
    const text = readFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), 'utf8');
    expect(quickYaml(text)).toBeDefined();
    writeFileSync(join(dir, 'lf.yaml'), text);
    writeFileSync(join(dir, 'crlf.yaml'), text.replaceAll('\n', '\r\n'));
    const strip = (s: string) => JSON.parse(s, (k, v) => (k === 'file' ? undefined : v));
    const lf = cli(['--format', 'json', join(dir, 'lf.yaml')]);
    const crlf = cli(['--format', 'json', join(dir, 'crlf.yaml')]);
    expect(lf.code).toBe(0);
    expect(crlf.code).toBe(0);
    expect(strip(lf.stdout)).toEqual(strip(crlf.stdout));
  });
});
