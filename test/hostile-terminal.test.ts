// Issue 17, items 1-3: nothing from outside (file contents, file and folder names, arguments, rule packs) reaches
// the terminal raw. Every printed field gets a payload of each class (escape sequences, C0 and C1 controls, bidi
// overrides and isolates, zero-width characters, tag characters, line and paragraph separators, a line feed that
// forges a diagnostic), in every output mode, and no raw byte of those classes may reach stdout or stderr.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io/streams.js';
import { safeInline, safeOutput } from '../src/source/safe-text.js';
import { reviewLines } from '../src/interview/review.js';
import { cli, ROOT } from './helpers.js';

/** One of each class. The forged line would read as a diagnostic of another file if the line feed got through. */
const PAYLOAD =
  '\x1b]52;c;SEFDS0VE\x07\x1b[2J\x1b]0;owned\x07\u009b31m\u0085\u202e\u2066\u200b\u200d\u2028\u2029\ufeff\u{E0041}\r\nfake.yaml:9:9  error  forged  x';
/** The same classes as YAML escapes in a double-quoted value (YAML itself refuses C0 and C1 controls in values). */
const VALUE_PAYLOAD = '\\u202E\\u2066\\u200B\\u200D\\L\\P\\U000E0041\\nfake.yaml:9:9  error  forged  x';
/** Any raw character of the classes above (tab and line feed are layout). */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2028\u2029\ufeff]|[\u{E0000}-\u{E007F}]/u;
/** The tool's own colours, allowed when colour is on. */
const OWN_SGR = /\x1b\[(?:[124]|2[24]|3\d|9[0-7])m/g;
/** A tag that the yaml library decodes into the payload (%XX escapes, UTF-8). */
const TAG = `!!x${[...Buffer.from(PAYLOAD.replace(/[\r\n]/g, ''))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`;

const tmp = () => mkdtempSync(join(tmpdir(), 'da-term-'));
const CASE = readFileSync(join(ROOT, 'test/cases/offline-wire.yaml'), 'utf8').replace(
  'name: Foshan Everbright Furniture Co., Ltd.',
  `name: "Foshan${VALUE_PAYLOAD}"`,
);

/** Run the CLI in this process with a captured Io (the sanitiser sits in main, around any Io). */
async function run(argv: string[], opts: { color?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    isTTY: opts.color === true,
    errIsTTY: false,
    env: opts.color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function expectClean(r: { stdout: string; stderr: string }, color = false): void {
  for (const text of [r.stdout, r.stderr]) {
    const t = color ? text.replace(OWN_SGR, '') : text;
    const m = RAW.exec(t);
    expect(m ? `raw U+${m[0].codePointAt(0)!.toString(16)} in ${JSON.stringify(t.slice(Math.max(0, m.index - 40), m.index + 20))}` : 'clean').toBe('clean');
    expect(text).not.toMatch(/^fake\.yaml:9:9/m);
  }
}

/** A folder with a valid case named after the payload, and a case file whose content is the payload. */
function payloadFiles() {
  const dir = join(tmp(), `cases${PAYLOAD.replace(/\//g, '')}`);
  mkdirSync(dir);
  const named = join(dir, `a${PAYLOAD}.yaml`);
  writeFileSync(named, CASE);
  const tagged = join(dir, 'b-tag.yaml');
  writeFileSync(tagged, `supplier:\n  name: ${TAG} x\n`);
  return { dir, named, tagged };
}

describe('17.1 terminal injection through decoded YAML tags', () => {
  it('17.1 the OSC 52 tag of the report reaches no terminal raw: text, JSON stderr, batch, check (the built CLI)', () => {
    const dir = tmp();
    const file = join(dir, 't.yaml');
    writeFileSync(file, 'supplier:\n  name: !!x%1B%5D52%3Bc%3BSEFDS0VE%07 x\n');
    for (const args of [[file], [file, '--format', 'json'], [dir], ['check', dir], ['check', dir, '--format', 'json'], ['check', dir, '--format', 'junit']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expectClean(r);
      expect(r.stderr + r.stdout).toContain('\\u001B]52;c;SEFDS0VE\\u0007');
    }
  });

  it('17.1 a tag escape of every class in a case file: text, colour, JSON and batch', async () => {
    const { dir, tagged } = payloadFiles();
    for (const [args, color] of [
      [[tagged]],
      [[tagged], true],
      [[tagged, '--format', 'json']],
      [[dir]],
      [[dir, '--format', 'json']],
      [[dir, '--explain'], true],
    ] as [string[], boolean?][]) {
      const r = await run(args, { color: color === true });
      expect(r.code).toBe(2);
      expectClean(r, color === true);
      expect(r.stderr).toMatch(/b-tag\.yaml:2:9 {2}error {2}yaml-tag {2}the tag !!x\\u001B\]52/);
    }
  });

  it('17.1 a third-party rule pack: its tag escapes and its file name', async () => {
    const rules = join(tmp(), 'rules');
    mkdirSync(rules);
    writeFileSync(join(rules, `pack${PAYLOAD}.yaml`), `pack: evil\nrules:\n  - id: ${TAG}\n`);
    const r = await run(['--rules', rules, join(ROOT, 'test/cases/offline-wire.yaml')]);
    expect(r.code).toBe(2);
    expectClean(r);
    expect(r.stderr).toContain('yaml-tag');
  });
});

describe('17.1 interview --resume on a terminal', () => {
  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    '17.1 a resumed file with tag escapes, named with every class: refused, nothing raw on the terminal',
    () => {
      const { tagged } = payloadFiles();
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${join(ROOT, 'bin/dispute-assess.js')}" interview --resume "${tagged}"`, '/dev/null'], {
        encoding: 'utf8',
        timeout: 20_000,
        input: '',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('yaml-tag');
      // The terminal turns each line feed into CR LF; those are the terminal's, not the file's.
      expectClean({ stdout: r.stdout.replace(/\r\n/g, '\n'), stderr: r.stderr });
    },
  );
});

describe('17.2 terminal injection through file and folder names and echoed arguments', () => {
  it('17.2 a case file and folder named with every class: report header, batch header, JSON, --explain, colour', async () => {
    const { dir, named } = payloadFiles();
    for (const [args, color] of [
      [[named]],
      [[named], true],
      [[named, '--format', 'json']],
      [[named, '--explain']],
      [[dir]],
      [[dir], true],
      [[dir, '--format', 'json']],
    ] as [string[], boolean?][]) {
      const r = await run(args, { color: color === true });
      expectClean(r, color === true);
      expect(r.stdout + r.stderr).toContain('\\u202E');
    }
  });

  it('17.2 a forged line feed in a file name stays on its diagnostic line (missing file, did you mean)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, `x${PAYLOAD}.yaml`), 'a: 1\n');
    const r = await run([join(dir, `x${PAYLOAD}.yml`)]);
    expect(r.code).toBe(2);
    expectClean(r);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('file-not-found');
  });

  it('17.2 echoed option values: --as-of, --fail-on, --format, an unknown option, check --grep and --format', async () => {
    const file = join(ROOT, 'test/cases/offline-wire.yaml');
    for (const args of [
      [file, '--as-of', PAYLOAD, '--fail-on', PAYLOAD],
      [file, '--format', PAYLOAD],
      [file, `--x${PAYLOAD}`],
      ['check', '--format', PAYLOAD, 'fixtures'],
      ['check', '--grep', PAYLOAD, 'fixtures'],
      ['interview', '--out', PAYLOAD],
      [`schema${PAYLOAD}`],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expectClean(r);
    }
  });

  it('17.2 check: a fixture named with every class, in text, JSON and JUnit', async () => {
    const { dir } = payloadFiles();
    for (const format of ['text', 'json', 'junit']) {
      const r = await run(['check', dir, '--format', format]);
      expectClean(r);
    }
  });
});

describe('17.3 bidi overrides, zero-width characters and line separators', () => {
  it('17.3 a supplier name with bidi, zero-width, tag and separator characters: text, colour, JSON, --explain', async () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, CASE);
    for (const [args, color] of [[[file]], [[file], true], [[file, '--format', 'json']], [[file, '--explain']], [[file, '--explain'], true]] as [
      string[],
      boolean?,
    ][]) {
      const r = await run(args, { color: color === true });
      expectClean(r, color === true);
    }
    const json = await run([file, '--format', 'json']);
    // The escapes in JSON are JSON escapes: the value reads back exactly as written.
    expect(JSON.parse(json.stdout).case.supplier).toBe(`Foshan\u202e\u2066\u200b\u200d\u2028\u2029\u{E0041}\nfake.yaml:9:9  error  forged  x`);
  });

  it('17.3 the interview review and its prompt defaults show such values escaped', () => {
    const lines = reviewLines([
      {
        question: { path: 'supplier.name', text: 'Supplier name', group: 'supplier', kind: 'text', order: 1 } as never,
        value: 'x',
        shown: `Acme\u202eevil\u2028`,
      },
    ]);
    const out = safeOutput(lines.join('\n'), { colors: () => false, eraseLine: () => false });
    expect(out).not.toMatch(RAW);
    expect(safeInline(`Acme\u202e\n`)).toBe('Acme\\u202E\\u000A');
  });

  it("17.3 the sanitiser keeps the tool's own colours only when they are allowed, and escapes every other sequence", () => {
    const colored = '\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m \x1b[8mhidden\x1b[0m \x1b]0;title\x07';
    expect(safeOutput(colored, { colors: () => true, eraseLine: () => false })).toBe(
      '\x1b[1mbold\x1b[22m \x1b[31mred\x1b[39m \\u001B[8mhidden\\u001B[0m \\u001B]0;title\\u0007',
    );
    expect(safeOutput(colored, { colors: () => false, eraseLine: () => false })).not.toContain('\x1b');
    expect(safeOutput('\r\x1b[Kprogress', { colors: () => false, eraseLine: () => true })).toBe('\r\x1b[Kprogress');
    expect(safeOutput('\r\x1b[Kprogress', { colors: () => false, eraseLine: () => false })).toBe('\\u000D\\u001B[Kprogress');
    expect(safeOutput('tab\tand\nline', { colors: () => false, eraseLine: () => false })).toBe('tab\tand\nline');
  });
});
