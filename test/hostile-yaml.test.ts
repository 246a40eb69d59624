// Hostile YAML: every case gives a positioned diagnostic, quickly, and never an exception or a crash.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readYaml, YAML_LIMITS } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { cli, ROOT } from './helpers.js';

const read = (text: string) => readYaml(text, 'case.yaml');
const codes = (text: string) => {
  const r = read(text);
  return r.ok ? [] : r.diagnostics.map((d) => d.code);
};
const first = (text: string) => {
  const r = read(text);
  if (r.ok) throw new Error('expected diagnostics');
  return r.diagnostics[0]!;
};
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};
const tmp = () => mkdtempSync(join(tmpdir(), 'da-yaml-'));
const FIXTURE = readFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), 'utf8');

describe('YAML syntax and structure', () => {
  it('reports a syntax error with its line', () => {
    const d = first('order:\n  date: 2026-01-01\n  value: [1, 2\nbuyer: {}\n');
    expect(d.code).toBe('yaml-syntax');
    expect(d.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicate key at the second occurrence and names the first line', () => {
    const d = first('buyer:\n  country: GB\n  country: US\n');
    expect(d).toMatchObject({ code: 'yaml-duplicate-key', line: 3, column: 3 });
    expect(d.message).toContain('line 2');
  });

  it('checks duplicate keys in linear time (60,000 keys under the size limit)', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(text.length).toBeLessThan(YAML_LIMITS.maxBytes);
    const [r, ms] = timed(() => read(text + '\nk7: 2\n'));
    expect(r.ok).toBe(false);
    expect(ms).toBeLessThan(8000);
  });

  it('refuses several documents in one file', () => {
    const d = first('buyer: {country: GB}\n---\nbuyer: {country: US}\n');
    expect(d).toMatchObject({ code: 'yaml-multiple-documents', line: 2 });
    expect(read('---\nbuyer: {country: GB}\n...\n').ok).toBe(true);
  });

  it('treats an empty file, whitespace and only comments as an empty case', () => {
    for (const text of ['', '   \n\n', '# only\n# comments\n']) {
      const r = read(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(validateCase(r.value)).toMatchObject({ ok: false, diagnostics: [{ code: 'case-empty' }] });
    }
  });
});

describe('resource exhaustion', () => {
  it('stops a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const [me, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${me}: &${me} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [c, ms] = timed(() => codes(lines.join('\n')));
    expect(c).toEqual(['yaml-aliases']);
    expect(ms).toBeLessThan(2000);
  });

  it('allows a few aliases and refuses more than the limit', () => {
    const aliases = (n: number) => `a: &x 1\nb: [${Array(n).fill('*x').join(', ')}]\n`;
    expect(read(aliases(10)).ok).toBe(true);
    expect(codes(aliases(YAML_LIMITS.maxAliasCount + 50))).toEqual(['yaml-aliases']);
  });

  it.each([
    ['flow lists', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow mappings', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['compact block lists', '- '.repeat(10_000) + 'x\n'],
    ['block mappings (1,000 levels; 10,000 would pass the size limit)', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'],
  ])('refuses 10,000-level nesting of %s before it reaches a recursive parser', (_, text) => {
    const d = first(text);
    expect(d.code).toBe('yaml-too-deep');
    expect(d.message).toContain(String(YAML_LIMITS.maxDepth));
  });

  it('accepts nesting up to the limit', () => {
    const n = YAML_LIMITS.maxDepth;
    expect(read('['.repeat(n) + ']'.repeat(n)).ok).toBe(true);
    expect(codes('['.repeat(n + 1) + ']'.repeat(n + 1))).toEqual(['yaml-too-deep']);
  });

  it('refuses text over the size limit before parsing', () => {
    const [d, ms] = timed(() => first('notes: ' + 'x'.repeat(YAML_LIMITS.maxBytes)));
    expect(d.code).toBe('file-too-large');
    expect(ms).toBeLessThan(1000);
  });

  it('counts the size limit in bytes, not characters', () => {
    const chars = Math.floor(YAML_LIMITS.maxBytes / 3) + 10;
    expect(codes('notes: ' + '中'.repeat(chars))).toEqual(['file-too-large']);
  });
});

describe('tags and schema', () => {
  it.each([
    ['!!js/function', 'notes: !!js/function "function () { return 1 }"'],
    ['!!js/undefined', 'notes: !!js/undefined ~'],
    ['!!binary', 'notes: !!binary aGVsbG8='],
    ['!!set', 'notes: !!set {a, b}'],
    ['!!omap', 'notes: !!omap [{a: 1}]'],
    ['!!timestamp', 'as_of: !!timestamp 2026-01-01'],
    ['a local tag', 'notes: !evil x'],
    ['a verbatim tag', 'notes: !<tag:yaml.org,2002:js/function> x'],
  ])('refuses %s', (_, text) => {
    const d = first(text);
    expect(d).toMatchObject({ code: 'yaml-tag', line: 1 });
    expect(d.message).toContain('not allowed');
  });

  it('keeps YAML 1.2 meanings even when the file asks for YAML 1.1', () => {
    const r = read('%YAML 1.1\n---\nnotes: yes\nas_of: 2026-01-01\n');
    expect(r.ok && r.value.value).toEqual({ notes: 'yes', as_of: '2026-01-01' });
  });

  it('does not merge << keys', () => {
    const r = read('base: &b {country: GB}\nbuyer: {<<: *b}\n');
    expect(r.ok && r.value.value).toEqual({ base: { country: 'GB' }, buyer: { '<<': { country: 'GB' } } });
  });

  it('refuses keys that are not text', () => {
    expect(codes('? [a, b]\n: 1\n')).toContain('yaml-syntax');
  });
});

describe('characters and line endings', () => {
  it('reads a UTF-8 byte order mark without shifting positions', () => {
    const d = first('\ufeffbuyer:\n  country: GB\n  country: US\n');
    expect(d).toMatchObject({ code: 'yaml-duplicate-key', line: 3, column: 3 });
  });

  it('gives the same document and positions for CRLF line endings', () => {
    const lf = read(FIXTURE);
    const crlf = read(FIXTURE.replace(/\n/g, '\r\n'));
    expect(crlf.ok && lf.ok).toBe(true);
    if (crlf.ok && lf.ok) {
      expect(crlf.value.value).toEqual(lf.value.value);
      expect(crlf.value.locate(['order', 'payments', 1, 'amount'])).toEqual(lf.value.locate(['order', 'payments', 1, 'amount']));
    }
    expect(first('buyer:\r\n  country: GB\r\n  country: US\r\n')).toMatchObject({ line: 3, column: 3 });
  });

  it('refuses tabs used for indentation, with the line', () => {
    expect(first('buyer:\n\tcountry: GB\n')).toMatchObject({ code: 'yaml-tab', line: 2 });
  });

  it('accepts tabs inside values', () => {
    expect(read('notes: "a\tb"\n').ok).toBe(true);
  });

  it('refuses a raw NUL byte with its position', () => {
    expect(first('buyer:\n  name: A\0B\n')).toMatchObject({ code: 'yaml-control-char', line: 2, column: 10 });
  });

  it('refuses control characters written as escapes (terminal escape injection)', () => {
    const d = first('supplier:\n  name: "\\e]0;pwned\\a Ltd"\n');
    expect(d).toMatchObject({ code: 'yaml-control-char', line: 2 });
    expect(d.message).toContain('U+001B');
  });

  it('refuses the reserved keys __proto__, constructor and prototype anywhere', () => {
    for (const text of ['__proto__: {x: 1}', 'buyer: {constructor: 1}', 'order:\n  payments:\n    - prototype: 1']) {
      expect(codes(text)).toEqual(['yaml-reserved-key']);
    }
  });

  it('caps the number of diagnostics for a file full of problems', () => {
    const text = Array.from({ length: 500 }, () => 'a: 1').join('\n');
    const r = read(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.length).toBeLessThanOrEqual(51);
      expect(r.diagnostics.at(-1)!.code).toBe('too-many-problems');
    }
  });
});

describe('through the CLI', () => {
  it('reports 10,000-level nesting as a diagnostic, exit 2, no stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'deep.yaml'), 'notes: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    const r = cli([join(dir, 'deep.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.yaml:1:\d+ {2}error {2}yaml-too-deep/);
    expect(r.stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
    expect(r.stdout).toBe('');
  });

  it('reports an alias bomb as a diagnostic, exit 2', () => {
    const dir = tmp();
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*a${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(join(dir, 'bomb.yaml'), lines.join('\n') + '\n');
    const r = cli([join(dir, 'bomb.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('yaml-aliases');
  });

  it('assesses a fixture saved with a BOM and CRLF line endings exactly as the original', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bom-crlf.yaml'), '\ufeff' + FIXTURE.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'plain.yaml'), FIXTURE);
    const a = cli([join(dir, 'bom-crlf.yaml'), '--format', 'json']);
    const b = cli([join(dir, 'plain.yaml'), '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout.replace(/bom-crlf/g, 'plain')).toBe(b.stdout);
  });
});
