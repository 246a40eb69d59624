// Issue 18: the conventions people expect of a CLI, each through the built bin: help <cmd> and "did you mean",
// `-` for standard input, -o/--output written atomically, shell completion, schema --assessment, root --help
// with examples and exit codes, config files for defaults.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cli, ROOT } from './helpers.js';

const CASE = join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml');
const CASE_TEXT = readFileSync(CASE, 'utf8');
/** The same case without its buyer section: buyer.country is absent. */
const NO_BUYER = CASE_TEXT.replace(/^buyer:\n( .*\n)+/m, '');
let home: string;
/** Run with an empty user config folder, so a developer's own config cannot change the results. */
const run = (args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) =>
  cli(args, { ...opts, env: { XDG_CONFIG_HOME: join(home, 'xdg'), HOME: home, ...opts.env } });
const tmp = () => mkdtempSync(join(tmpdir(), 'da-i18-'));

beforeAll(() => {
  home = tmp();
});

describe('help and mistyped commands', () => {
  it("help <command> is that command's help", () => {
    const r = run(['help', 'interview']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: dispute-assess interview/);
  });

  it('a mistyped command suggests the closest command, not "no such file"', () => {
    const r = run(['interveiw']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage .*'interview'/);
    expect(r.stderr).not.toMatch(/no such file/);
  });

  it('help <mistyped command> suggests the closest command', () => {
    const r = run(['help', 'interveiw']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage .*'interview'/);
    expect(r.stdout).toBe('');
  });

  it('an existing file named like a mistyped command is still assessed', () => {
    const dir = tmp();
    copyFileSync(CASE, join(dir, 'interveiw'));
    const r = run(['interveiw', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).case.file).toBe('interveiw');
  });

  it('a missing .yaml file is still "no such file", not a command suggestion', () => {
    const r = run(['interview.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });

  it('the root --help has examples and exit codes', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n/);
    expect(r.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
  });
});

describe('standard input', () => {
  it('- reads the case from standard input, shown as <stdin>', () => {
    const r = run(['-', '-f', 'json'], { input: CASE_TEXT });
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.case.file).toBe('<stdin>');
    expect(a.findings.length).toBeGreaterThan(0);
  });

  it('bad YAML on standard input gets a <stdin>:line:column diagnostic', () => {
    const r = run(['-'], { input: 'buyer:\n  country: [\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+ /m);
  });

  it('- may be given once', () => {
    const r = run(['-', '-'], { input: CASE_TEXT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/only once/);
  });
});

describe('-o/--output', () => {
  it('writes every format to the file, nothing to stdout, with the exit code unchanged', () => {
    const dir = tmp();
    for (const format of ['json', 'text']) {
      const out = join(dir, `report.${format}`);
      const r = run([CASE, '-f', format, '-o', out, '--fail-on', 'high']);
      const plain = run([CASE, '-f', format, '--fail-on', 'high']);
      expect(r.code).toBe(plain.code);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
    }
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.text']);
  });

  it('leaves an existing file untouched, and no temporary file, when the case is invalid', () => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'before');
    const r = run(['-', '-f', 'json', '-o', out], { input: 'buyer:\n  country: XX\n' });
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('sanitises the report file like standard output: a bidi override from the case is shown escaped', () => {
    const dir = tmp();
    const out = join(dir, 'r.txt');
    const r = run(['-', '-o', out], { input: CASE_TEXT.replace(/^(supplier:\n {2}name: ).*$/m, '$1"Evil\\u202E Co"') });
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Evil\\u202E Co');
    expect(text).not.toContain('\u202e');
  });

  it('refuses a missing folder and a case file as the output (exit 2)', () => {
    expect(run([CASE, '-o', join(tmp(), 'no', 'such', 'r.json')]).code).toBe(2);
    const dir = tmp();
    copyFileSync(CASE, join(dir, 'c.yaml'));
    const r = run(['c.yaml', '-o', 'c.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(CASE_TEXT);
  });
});

describe('completion', () => {
  const bashComplete = (script: string, words: string[]) => {
    const line = `source /dev/stdin <<'EOS'\n${script}EOS\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _dispute_assess; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return spawnSync('bash', ['-c', line], { encoding: 'utf8' }).stdout.trim().split('\n');
  };

  it('bash completes commands, options, option choices and help topics from the program', () => {
    const r = run(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(bashComplete(r.stdout, ['dispute-assess', 'inte'])).toEqual(['interview']);
    expect(bashComplete(r.stdout, ['dispute-assess', '--format', ''])).toEqual(['text', 'json']);
    expect(bashComplete(r.stdout, ['dispute-assess', 'check', '--min'])).toEqual(['--min-coverage']);
    expect(bashComplete(r.stdout, ['dispute-assess', 'help', 'pa'])).toEqual(['pack']);
    expect(bashComplete(r.stdout, ['dispute-assess', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('zsh and fish scripts name every command and every main-command option', () => {
    const help = run(['--help']).stdout;
    const options = help.slice(help.indexOf('Options:'), help.indexOf('Commands:')).match(/--[a-z-]+/g)!;
    expect(options).toContain('--output');
    for (const shell of ['zsh', 'fish']) {
      const r = run(['completion', shell]);
      expect(r.code).toBe(0);
      for (const c of ['schema', 'check', 'interview', 'pack', 'completion']) expect(r.stdout).toContain(c);
      for (const o of new Set(options)) expect(r.stdout, `${shell} ${o}`).toContain(shell === 'zsh' ? `'${o}[` : `-l ${o.slice(2)} `);
    }
  });

  it('an unknown shell is a usage error', () => {
    expect(run(['completion', 'tcsh']).code).toBe(2);
  });
});

describe('schema --assessment', () => {
  it('prints the schema that the JSON output validates against', () => {
    const r = run(['schema', '--assessment']);
    expect(r.code).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(r.stdout));
    const out = JSON.parse(run([CASE, '-f', 'json', '--explain']).stdout);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ format: 'dispute-assess/assessment' })).toBe(false);
  });

  it('is one of --rules, --expect and --assessment', () => {
    expect(run(['schema', '--assessment', '--rules']).code).toBe(2);
  });
});

describe('config files', () => {
  const project = (config: string, name = 'dispute-assess.config.yaml') => {
    const dir = tmp();
    writeFileSync(join(dir, name), config);
    writeFileSync(join(dir, 'case.yaml'), NO_BUYER);
    writeFileSync(join(dir, 'gb.yaml'), CASE_TEXT);
    return dir;
  };
  const json = (r: { stdout: string }) => JSON.parse(r.stdout);

  it('a buyer country fills only an absent buyer.country, and the report says so', () => {
    const dir = project('buyer:\n  country: DE\n');
    const filled = run(['case.yaml', '-f', 'json'], { cwd: dir });
    expect(filled.code).toBe(0);
    expect(json(filled).defaults).toEqual([{ fact: 'buyer.country', value: 'DE', from: join(dir, 'dispute-assess.config.yaml') }]);
    expect(run(['case.yaml'], { cwd: dir }).stdout).toMatch(/from your config: buyer\.country DE/);
    const stated = json(run(['gb.yaml', '-f', 'json'], { cwd: dir }));
    expect(stated.defaults).toBeUndefined();
    expect(json(run(['case.yaml', '-f', 'json', '--no-config'], { cwd: dir })).defaults).toBeUndefined();
  });

  it('is found upward from the current folder, and in package.json', () => {
    const dir = project('{"name": "x", "dispute-assess": {"buyer": {"alibaba_tier": "enterprise"}}}', 'package.json');
    mkdirSync(join(dir, 'sub'));
    const r = run(['../case.yaml', '-f', 'json'], { cwd: join(dir, 'sub') });
    expect(r.code).toBe(0);
    expect(json(r).defaults).toEqual([{ fact: 'buyer.alibaba_tier', value: 'enterprise', from: join(dir, 'package.json') }]);
  });

  it('the search ends at a project root (a package.json without the key)', () => {
    const dir = project('buyer:\n  country: DE\n');
    mkdirSync(join(dir, 'proj'));
    writeFileSync(join(dir, 'proj', 'package.json'), '{"name": "p"}');
    const r = run(['../case.yaml', '-f', 'json'], { cwd: join(dir, 'proj') });
    expect(r.code).toBe(0);
    expect(json(r).defaults).toBeUndefined();
  });

  it('an invalid config is exit 2 with file:line:column, in YAML and in package.json', () => {
    const dir = project('buyer:\n  country: XX\n');
    const r = run(['case.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'dispute-assess.config.yaml')}:2:12`);
    const pkg = project('{\n  "dispute-assess": {\n    "langue": "zh"\n  }\n}\n', 'package.json');
    const p = run(['case.yaml'], { cwd: pkg });
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`${join(pkg, 'package.json')}:3:5`);
  });

  it('the user config (XDG), the project config over it, and flags over both', () => {
    const dir = project('as_of: today\n');
    mkdirSync(join(home, 'xdg2', 'dispute-assess'), { recursive: true });
    writeFileSync(join(home, 'xdg2', 'dispute-assess', 'config.yaml'), 'buyer:\n  country: FR\nas_of: case\n');
    const env = { XDG_CONFIG_HOME: join(home, 'xdg2') };
    const today = new Date().toISOString().slice(0, 10);
    const a = json(run(['case.yaml', '-f', 'json'], { cwd: dir, env }));
    expect(a.defaults[0]).toMatchObject({ fact: 'buyer.country', value: 'FR' });
    expect(a.as_of).toBe(today);
    const flag = json(run(['case.yaml', '-f', 'json', '--as-of', '2026-03-12'], { cwd: dir, env }));
    expect(flag.as_of).toBe('2026-03-12');
    const userOnly = json(run([join(dir, 'case.yaml'), '-f', 'json'], { cwd: home, env }));
    expect(userOnly.as_of).toBe('2026-03-10');
  });

  it('pack takes the brief language from the config, and --lang wins', () => {
    const dir = project('lang: zh\n');
    expect(run(['pack', 'gb.yaml', '-o', 'p1'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'p1', 'brief.md'), 'utf8')).toMatch(/^# 案件简报/);
    expect(run(['pack', 'gb.yaml', '-o', 'p2', '--lang', 'en'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'p2', 'brief.md'), 'utf8')).not.toMatch(/^# 案件简报/);
  });

  it('extra rule folders are relative to the config file', () => {
    const dir = project('rules: [no-such-rules]\n');
    const r = run(['case.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'no-such-rules'));
    expect(existsSync(join(dir, 'no-such-rules'))).toBe(false);
  });
});

describe('schema addresses that resolve for a local install', () => {
  it("every dist schema's $id is its own file name (relative: it resolves wherever the file is read from)", () => {
    for (const name of ['case', 'expect', 'rules', 'assessment']) {
      const schema = JSON.parse(readFileSync(join(ROOT, 'dist', `${name}.schema.json`), 'utf8'));
      expect(schema.$id).toBe(`${name}.schema.json`);
    }
  });

  it("the README's modeline points into node_modules/dispute-assess at a file the package ships", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const lines = [...readme.matchAll(/yaml-language-server: \$schema=(\S+)/g)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const ref of lines) {
      const inPackage = /^(?:\.\/)?node_modules\/dispute-assess\/(.+)$/.exec(ref)?.[1];
      expect(inPackage, ref).toBeDefined();
      expect(existsSync(join(ROOT, inPackage!)), ref).toBe(true);
      expect(pkg.files).toContain(inPackage!.split('/')[0]);
    }
  });
});
