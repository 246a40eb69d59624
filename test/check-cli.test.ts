// `dispute-assess check` as a user runs it: transcripts of output and exit code, on the real fixtures
// and on small fixture folders written for each test.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cli, ROOT } from './helpers.js';
import { findAll, parseXml } from './xml.js';

const tmp = mkdtempSync(join(tmpdir(), 'da-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh folder with the given files (name -> text). */
function folder(files: Record<string, string>): string {
  const dir = join(tmp, `f${n++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A copy of the built-in rules with one rule's `when` replaced: a rule broken on purpose. */
function brokenRules(id: string, when: unknown): string {
  const dir = join(tmp, `rules${n++}`);
  mkdirSync(dir);
  let found = false;
  for (const f of readdirSync(join(ROOT, 'rules')).filter((x) => x.endsWith('.yaml'))) {
    const doc = parseDocument(readFileSync(join(ROOT, 'rules', f), 'utf8'));
    const rules = doc.toJS().rules as { id: string }[] | undefined;
    const i = rules?.findIndex((r) => r.id === id) ?? -1;
    if (i >= 0) {
      doc.setIn(['rules', i, 'when'], doc.createNode(when));
      found = true;
    }
    writeFileSync(join(dir, f), doc.toString());
  }
  expect(found, `rule ${id} exists`).toBe(true);
  return dir;
}

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1);
const CLOSING = /^(\d+) passed, (\d+) failed(, (\d+) skipped)?$/;
const IP_CASE =
  'as_of: 2026-05-01\nsupplier: { found_on: alibaba }\ndispute: { types: [ip_infringement] }\nip: { buyer_owns_rights: true, rights: [{ kind: design_patent, registered_in_china: true }] }\n';
const QUALITY_CASE = 'as_of: 2026-05-01\ndispute: { types: [quality] }\n';

describe('check over the project fixtures', () => {
  it('passes every fixture with every rule fired, ending with the closing line', () => {
    const r = cli(['check', '--coverage', '--min-coverage', '100']);
    expect(r.stderr).not.toMatch(/ {2}error {2}/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rule coverage: (\d+) of \1 rules fired by at least one fixture \(100\.0%\), at least 100% as required/);
    const [, passed, failed] = CLOSING.exec(lastLine(r.stdout)!)!;
    expect(Number(failed)).toBe(0);
    expect(Number(passed)).toBe(r.stdout.split('\n').filter((l) => l.startsWith('PASS ')).length);
  });

  it('makes the named fixture fail with a readable diff when a rule is broken on purpose', () => {
    const rules = brokenRules('strategy/ip-complaint', { fact: 'dispute.types', contains: 'compliance' });
    const r = cli(['check', '--no-builtin-rules', '--rules', rules, 'fixtures']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL fixtures/c-design-copied-ip.yaml\n');
    const diff = r.stdout.split('FAIL fixtures/c-design-copied-ip.yaml\n')[1]!.split(/\n(?=PASS|FAIL|SKIP)/)[0]!;
    expect(diff).toMatch(
      /finding strategy\/ip-complaint\n\s+expected: fired\n\s+got:\s+not fired \(its condition is false\)\n\s+rules:\s+strategy\/ip-complaint/,
    );
    expect(lastLine(r.stdout)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
  });

  it('reports the broken rule in JUnit XML: one testcase per fixture, right counts', () => {
    const rules = brokenRules('strategy/ip-complaint', { fact: 'dispute.types', contains: 'compliance' });
    const ok = cli(['check', '--format', 'junit']);
    const broken = cli(['check', '--format', 'junit', '--no-builtin-rules', '--rules', rules]);
    expect(ok.code).toBe(0);
    expect(broken.code).toBe(1);
    const lines = (out: string) => out.split('\n').filter((l) => /^(PASS|FAIL|SKIP) /.test(l));
    const fixtures = lines(cli(['check']).stdout).map((l) => l.slice(5));
    const failing = lines(cli(['check', '--no-builtin-rules', '--rules', rules]).stdout)
      .filter((l) => l.startsWith('FAIL '))
      .map((l) => l.slice(5));
    expect(failing).toContain('fixtures/c-design-copied-ip.yaml');
    for (const [r, failures] of [
      [ok, 0],
      [broken, failing.length],
    ] as const) {
      const xml = parseXml(r.stdout);
      const cases = findAll(xml, 'testcase');
      expect(cases.map((c) => c.attrs.name)).toEqual(fixtures);
      expect(xml.attrs).toMatchObject({ tests: String(fixtures.length), failures: String(failures), errors: '0' });
      expect(findAll(xml, 'failure')).toHaveLength(failures);
    }
    const failed = findAll(parseXml(broken.stdout), 'testcase').filter((c) => findAll(c, 'failure').length);
    expect(failed.map((c) => c.attrs.name)).toEqual(failing);
    const ip = failed.find((c) => c.attrs.name === 'fixtures/c-design-copied-ip.yaml')!;
    expect(findAll(ip, 'failure')[0]!.text).toContain('strategy/ip-complaint');
  });

  it('runs only fixtures whose path matches --grep', () => {
    const r = cli(['check', '--grep', '^fixtures/bad/']);
    const lines = r.stdout.split('\n').filter((l) => /^(PASS|FAIL|SKIP) /.test(l));
    expect(r.code).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.every((l) => l.startsWith('PASS fixtures/bad/'))).toBe(true);
    expect(lastLine(r.stdout)).toBe(`${lines.length} passed, 0 failed`);
  });

  it('has expectations that all validate against `schema --expect` (the editor schema)', () => {
    const r = cli(['schema', '--expect']);
    expect(r.code).toBe(0);
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(r.stdout));
    const files = (readdirSync(join(ROOT, 'fixtures'), { recursive: true }) as string[])
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(ROOT, 'fixtures', f));
    const blocks = files.flatMap((f) => {
      const doc = parseDocument(readFileSync(f, 'utf8'));
      if (doc.errors.length) return [];
      const v = doc.toJS() as { expect?: unknown } | null;
      return f.includes('.expect.') ? [[f, v]] : v && typeof v === 'object' && 'expect' in v ? [[f, v.expect]] : [];
    });
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const [f, v] of blocks) expect(validate(v), String(f)).toBe(true);
    expect(validate({ diagnostics: [{ code: 'x', lne: 3 }] })).toBe(false);
    expect(validate({ trade_assurance: { window_end: '2026-02-30' } })).toBe(false);
  });
});

describe('coverage', () => {
  it('counts per rule the fixtures that fired and decided it', () => {
    const dir = folder({
      'ip.yaml': IP_CASE + 'expect: { exit_code: 0 }\n',
      'q.yaml': QUALITY_CASE + 'expect: { exit_code: 0 }\n',
      'bad.yaml': '',
      'bad.expect.yaml': 'diagnostics: [{ code: case-empty, line: 1 }]\n',
    });
    const r = cli(['check', '--coverage', '--format', 'json', dir]);
    expect(r.code).toBe(0);
    const cov = JSON.parse(r.stdout).coverage;
    const rule = (id: string) => cov.rules.find((x: { id: string }) => x.id === id);
    expect(cov.assessed).toBe(2);
    expect(rule('strategy/ip-complaint')).toMatchObject({ fired: 1, decided: 2 });
    expect(rule('evidence/platform-chat')).toMatchObject({ fired: 2, decided: 2 });
    expect(rule('flag/extra-fees-before-delivery')).toMatchObject({ fired: 0, decided: 0 });
    expect(cov.never_decided).toContain('flag/extra-fees-before-delivery');
    expect(cov.never_fired).not.toContain('strategy/ip-complaint');
    expect(cov.covered).toBe(cov.rules.filter((x: { fired: number }) => x.fired > 0).length);
  });

  it("counts only a user's own pack when it is checked next to the built-in packs", () => {
    const dir = folder({
      'my-rules/mine.yaml':
        'rules:\n  - id: flag/my-bank-switch\n    title: Bank details changed\n    kind: flag\n    severity: critical\n    rationale: The bank-switch scam.\n    source: [{ ref: chinalawblog-bank-switch }]\n    when: { fact: dispute.bank_details_changed, equals: true }\n    message: Verify the new account by phone.\n',
      'cases/switch.yaml':
        'as_of: 2026-03-02\ndispute: { types: [non_delivery], bank_details_changed: true }\nexpect: { findings: [flag/my-bank-switch], fail_on: critical, exit_code: 1 }\n',
    });
    const r = cli(['check', '--rules', join(dir, 'my-rules'), '--min-coverage', '100', '--format', 'json', join(dir, 'cases')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).coverage).toMatchObject({ scope: 'added', total: 1, covered: 1, rules: [{ id: 'flag/my-bank-switch', fired: 1 }] });
    const alone = cli([
      'check',
      '--no-builtin-rules',
      '--rules',
      join(ROOT, 'rules'),
      '--rules',
      join(dir, 'my-rules'),
      '--min-coverage',
      '100',
      join(dir, 'cases'),
    ]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toMatch(/Rule coverage: \d+ of \d+ rules fired .*below the required 100%/);
  });

  it('fails the run below --min-coverage and passes at or above it', () => {
    const dir = folder({ 'ip.yaml': IP_CASE + 'expect: { exit_code: 0 }\n' });
    const below = cli(['check', '--min-coverage', '100', dir]);
    expect(below.code).toBe(1);
    expect(below.stdout).toMatch(/below the required 100%/);
    expect(below.stdout).toContain('Not fired by any fixture');
    expect(lastLine(below.stdout)).toBe('1 passed, 0 failed');
    const json = JSON.parse(cli(['check', '--coverage', '--format', 'json', dir]).stdout);
    const floor = Math.floor(json.coverage.percent);
    expect(cli(['check', '--min-coverage', String(floor), dir]).code).toBe(0);
    expect(cli(['check', '--min-coverage', String(floor + 1), dir]).code).toBe(1);
    expect(cli(['check', '--min-coverage', '100', '--format', 'junit', dir]).stderr).toMatch(/rule coverage .* is below --min-coverage 100/);
  });
});

describe('exit codes and diagnostics', () => {
  it('gives options after the subcommand to the subcommand (--rules, --debug, schema --rules)', () => {
    expect(cli(['check', '--rules', 'no/such/rules']).code).toBe(2);
    expect(cli(['check', '--debug', '--grep', '^fixtures/bad/']).code).toBe(0);
    const schema = cli(['schema', '--rules']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).title).toBe('dispute-assess rule file');
  });

  it('says `, N skipped` for fixtures without expectations and still exits 0', () => {
    const dir = folder({ 'a.yaml': IP_CASE + 'expect: { top_strategy: ip_complaint }\n', 'b.yaml': QUALITY_CASE });
    const r = cli(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`SKIP ${dir}/b.yaml (no expectations)`);
    expect(lastLine(r.stdout)).toBe('1 passed, 0 failed, 1 skipped');
  });

  it.each([
    [['check', '--grep', '(unclosed'], /^\(arguments\):1:1 {2}error {2}usage {2}--grep: '\(unclosed' is not a valid regular expression/],
    [['check', 'no/such/folder'], /^no\/such\/folder:1:1 {2}error {2}file-not-found/],
    [['check', '--grep', 'zzz-nothing-matches'], /error {2}no-fixtures {2}none of the \d+ fixtures matches --grep/],
    [['check', '--format', 'xml'], /usage {2}--format must be one of text, junit, json; got 'xml'/],
    [['check', '--min-coverage', 'all'], /usage {2}--min-coverage must be a percentage/],
    [['check', '--no-builtin-rules'], /usage {2}--no-builtin-rules leaves no rules/],
    [['check', '--rules', 'no/such/rules'], /error {2}rules-dir/],
  ])('exits 2 with a diagnostic, never a stack trace: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a fixture that cannot be used, and still runs the others', () => {
    const dir = folder({
      'a.yaml': IP_CASE + 'expect: { top_strategy: ip_complaint }\n',
      'b.yaml': 'dispute: { typos: [quality] }\n',
      'c.yaml': IP_CASE + 'expect: { top_stratgy: ip_complaint }\n',
    });
    const r = cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`PASS ${dir}/a.yaml`);
    expect(r.stdout).toMatch(new RegExp(`FAIL ${dir}/b.yaml \\(cannot be run: fixture-invalid, case-unknown-key`));
    expect(r.stderr).toMatch(/c\.yaml:5:11 {2}error {2}expect-unknown-key {2}unknown key 'top_stratgy' in expect \(did you mean 'top_strategy'\?\)/);
    expect(lastLine(r.stdout)).toBe('1 passed, 2 failed');
  });

  it('exits 2 for an expectation file without its case, and for an invalid rule pack', () => {
    const orphan = folder({ 'a.yaml': IP_CASE, 'gone.expect.yaml': 'exit_code: 0\n' });
    expect(cli(['check', orphan]).stderr).toMatch(/gone\.expect\.yaml:1:1 {2}error {2}expect-orphan/);
    const rules = join(tmp, 'badrules');
    mkdirSync(rules);
    for (const f of readdirSync(join(ROOT, 'rules')).filter((x) => x.endsWith('.yaml'))) copyFileSync(join(ROOT, 'rules', f), join(rules, f));
    writeFileSync(join(rules, 'zz-mine.yaml'), 'rules:\n  - id: mine/x\n    title: x\n    kind: flag\n');
    const r = cli(['check', '--no-builtin-rules', '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/zz-mine\.yaml:\d+:\d+ {2}error/);
  });
});
