// CLI transcripts: command, output (colour off), exit code.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, ROOT } from './helpers.js';
import pkg from '../package.json' with { type: 'json' };
import { caseJsonSchema } from '../src/case/json-schema.js';
import { expectJsonSchema } from '../src/case/expect-schema.js';
import { assessmentJsonSchema } from '../src/report/assessment-schema.js';

const OFFLINE = 'test/cases/offline-wire.yaml';
const TA = 'test/cases/ta-quality.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'da-cli-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const ESC = '\u001b[';

describe('dispute-assess <case>', () => {
  it('prints the text report and exits 0', () => {
    const r = cli([OFFLINE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Trade Assurance: NOT ELIGIBLE');
    expect(r.stdout).toMatch(/✔ Payment records/);
    expect(r.stdout).not.toContain(ESC);
  });

  it('shows the window end, the recoverable amount and what is beyond Trade Assurance', () => {
    const r = cli([TA]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Window ends 2026-03-31 (16 days left)');
    expect(r.stdout).toContain('at most USD 10,000.00');
    expect(r.stdout).toContain('USD 14,000.00');
  });

  it('--format json prints the versioned assessment', () => {
    const r = cli([TA, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ format: 'dispute-assess/assessment', version: 2, as_of: '2026-03-15' });
    expect(a.trade_assurance.status).toBe('eligible');
    expect(a.trace).toBeUndefined();
  });

  it('--explain shows each rule, its conditions with the values seen, and its source', () => {
    const r = cli([OFFLINE, '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[✔✖?] ta\/paid-on-platform \[eligibility\] rules\/trade-assurance\.yaml:\d+:\d+$/m);
    expect(r.stdout).toMatch(/^\s+✔ order\.channel equals "offline" \(seen: offline\)$/m);
    // Long lines are wrapped to the width, continued further indented: joined back for the text of a source.
    expect(r.stdout.replace(/\n {6,}/g, ' ')).toMatch(/source: .*Off-Platform Trap/);
  });

  it('--as-of overrides the date of the case', () => {
    const a = JSON.parse(cli([TA, '--format', 'json', '--as-of', '2026-04-10']).stdout);
    expect(a.as_of).toBe('2026-04-10');
    expect(a.trade_assurance.status).toBe('ineligible');
  });

  it('--fail-on exits 1 when a finding reaches the severity, 0 otherwise', () => {
    expect(cli([OFFLINE, '--fail-on', 'high']).code).toBe(1);
    expect(cli([OFFLINE, '--fail-on', 'critical']).code).toBe(0);
  });

  it('colours only when asked for on a terminal or forced, never with NO_COLOR or --no-color', () => {
    expect(cli([OFFLINE], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(cli([OFFLINE, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(cli([OFFLINE], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(cli([OFFLINE], { env: { NO_COLOR: '', FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
  });

  it.runIf(spawnSync('script', ['--version']).status === 0)('on a terminal: colour, but not with TERM=dumb or FORCE_COLOR=0', () => {
    // script(1) runs the CLI on a pseudo-terminal.
    const onTerminal = (env: Record<string, string>) => {
      const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', TERM: 'xterm', ...env };
      if (!('FORCE_COLOR' in env)) delete base.FORCE_COLOR;
      // A person's terminal, not a CI runner's: chalk's detection turns colour off whenever CI is set (as .ci/run does).
      delete base.CI;
      return spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" "${OFFLINE}"`, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: base,
        timeout: 20_000,
      }).stdout;
    };
    expect(onTerminal({})).toContain(ESC);
    expect(onTerminal({ TERM: 'dumb' })).not.toContain(ESC);
    expect(onTerminal({ FORCE_COLOR: '0' })).not.toContain(ESC);
  });
});

describe('help, version, schema', () => {
  it('--help and --version exit 0', () => {
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: dispute-assess');
    expect(h.stdout).toContain('--format');
    const v = cli(['--version']);
    expect(v).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('schema prints the case JSON Schema generated from the zod schema', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.properties.order.properties.channel.enum).toEqual(['trade_assurance', 'wholesale_checkout', 'offline']);
    expect(s.additionalProperties).toBe(false);
    expect(JSON.parse(cli(['schema', '--rules']).stdout).properties.rules.type).toBe('array');
  });

  it('schema prints the JSON Schemas zod writes, as the package ships them (dist/*.schema.json)', () => {
    for (const [flag, name, fromZod] of [
      [[], 'case', caseJsonSchema()],
      [['--expect'], 'expect', expectJsonSchema()],
      [['--assessment'], 'assessment', assessmentJsonSchema()],
    ] as const) {
      const r = cli(['schema', ...flag]);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toBe(readFileSync(join(ROOT, 'dist', `${name}.schema.json`), 'utf8'));
      expect(JSON.parse(r.stdout), name).toEqual(fromZod);
    }
  });
});

describe('bad input: a file:line:column diagnostic and exit 2', () => {
  it.each([
    ['YAML syntax error', 'order:\n  channel: [offline\n', /:3:1 {2}error {2}yaml-syntax {2}/],
    [
      'wrong type',
      'order:\n  value: { amount: lots, currency: USD }\n',
      /:2:20 {2}error {2}case-type {2}order\.value\.amount: expected a number, got the text 'lots'/,
    ],
    [
      'unknown key with suggestion',
      'order:\n  chanel: offline\n',
      /:2:3 {2}error {2}case-unknown-key {2}unknown key 'chanel' in order \(did you mean 'channel'\?\)/,
    ],
    [
      'unknown enum value',
      'order:\n  channel: ofline\n',
      /:2:12 {2}error {2}case-enum {2}order\.channel: .*did you mean 'offline'.*expected one of 'trade_assurance', 'wholesale_checkout', 'offline'/,
    ],
    ['empty file', '', /:1:1 {2}error {2}case-empty {2}/],
    ['a file that is not YAML', '\u0000\u0001binary\u0000', /:1:1 {2}error {2}(yaml-syntax|yaml-control-char|case-type) {2}/],
    ['plain text', 'hello there\n', /:1:1 {2}error {2}case-type {2}expected a mapping/],
  ])('%s', (name, text, pattern) => {
    const p = file(`${name.replace(/\W+/g, '-')}.yaml`, text);
    const r = cli([p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(p);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file, and a folder with no case files', () => {
    const missing = cli([join(tmp, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml:1:1 {2}error {2}file-not-found/);
    const empty = join(tmp, 'empty-folder');
    mkdirSync(empty);
    const dir = cli([empty]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/empty-folder:1:1 {2}error {2}no-cases {2}/);
  });

  it('a case with only `dispute: {}` is assessed: everything is unknown', () => {
    const r = cli([file('min.yaml', 'dispute: {}\n'), '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.trade_assurance.status).toBe('uncertain');
    expect(a.unknowns.length).toBeGreaterThan(3);
  });

  it.each([
    [['--format', 'xml', OFFLINE], /argument 'xml' is invalid/],
    [['--fail-on', 'severe', OFFLINE], /--fail-on must be one of .*got 'severe'/],
    [['--as-of', '2026-13-01', OFFLINE], /--as-of must be an ISO date/],
    [['--bogus'], /unknown option '--bogus'/],
    [[], /no case file given/],
  ])('usage error %j', (args, pattern) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
