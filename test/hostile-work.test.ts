// Issue 17, items 4, 6 and 7: the work per file is bounded (nodes, not only bytes and depth), rule-pack parameters
// are type- and range-checked with positions, and non-regular files (FIFOs, devices) are refused before opening.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYaml, YAML_LIMITS } from '../src/source/read-yaml.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { cli, ROOT } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'da-work-'));
const GOOD = readFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), 'utf8');
const diagnostics = (text: string) => {
  const r = readYaml(text, 'x.yaml');
  if (r.ok) throw new Error('expected diagnostics');
  return r.diagnostics;
};

describe('17.4 the work per file is bounded by nodes and collection items', () => {
  it('17.4 a 400 KB [][][] file is a positioned diagnostic, found by counting no further than the limit', () => {
    const max = YAML_LIMITS.maxNodes;
    const d = diagnostics('[]'.repeat(200_000));
    expect(d).toHaveLength(1);
    // Each [] is two tokens: the first one past the limit starts at column max + 1.
    expect(d[0]).toMatchObject({ code: 'yaml-too-many-nodes', line: 1, column: max + 1 });
  });

  it('17.4 other huge-but-small shapes: one long flow list, a block list, a flow mapping, all on their line', () => {
    const max = YAML_LIMITS.maxNodes;
    expect(diagnostics(`[${'[],'.repeat(130_000)}]`)[0]).toMatchObject({ code: 'yaml-too-many-nodes', line: 1 });
    // "- 1" is two tokens (the dash and the value): the limit is crossed on line max / 2 + 1.
    expect(diagnostics('- 1\n'.repeat(100_000))[0]).toMatchObject({ code: 'yaml-too-many-nodes', line: max / 2 + 1, column: 1 });
    expect(diagnostics(`{${'a: 1, '.repeat(80_000)}}`)[0]).toMatchObject({ code: 'yaml-too-many-nodes', line: 1 });
  });

  it('17.4 the limit is a parameter, and files within it are read as before', () => {
    const text = 'a: 1\nb: [1, 2, "x", {c: d}]\n';
    expect(readYaml(text, 'x.yaml', { limits: { maxNodes: 9 } })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'yaml-too-many-nodes', line: 2, column: 9 }],
    });
    expect(readYaml(text, 'x.yaml', { limits: { maxNodes: 21 } }).ok).toBe(true);
    // The largest built-in rule pack is far inside the limit.
    for (const f of yamlFilesIn(join(ROOT, 'rules'))) expect(readYaml(readFileSync(f, 'utf8'), f).ok).toBe(true);
  });

  it('17.4 a batch with such a file reports it (exit 2) and assesses the others', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), GOOD);
    writeFileSync(join(dir, 'b-bomb.yaml'), '[]'.repeat(200_000));
    writeFileSync(join(dir, 'c.yaml'), GOOD);
    const r = cli([dir, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b-bomb\.yaml:1:20001 {2}error {2}yaml-too-many-nodes/);
    expect(r.stderr).toContain('3 cases: 2 assessed, 1 not assessed');
  });
});

describe('17.6 rule-pack parameters have a schema: type, unit, range', () => {
  const BUILTIN = yamlFilesIn(join(ROOT, 'rules')).map((f) => ({ file: `rules/${f.split('/').pop()}`, text: readFileSync(f, 'utf8') }));
  const param = (name: string, value: string, unit = 'days') =>
    `parameters:\n  ${name}:\n    value: ${value}\n${unit ? `    unit: ${unit}\n` : ''}    description: x\n    source: [{ ref: prc-civil-code, at: x }]\n    checked: 2026-01-01\n    confidence: stated\n`;
  const load = (text: string) => {
    const r = parseAndLoad([...BUILTIN, { file: 'pack.yaml', text }]);
    return r.ok ? [] : r.diagnostics;
  };

  it.each([
    ['1e308', 'days'],
    ['-100000000', 'days'],
    ['thirty', 'days'],
    ['[a, b]', 'days'],
    ['2.5', 'days'],
    ['3650.5', 'days'],
  ])('17.6 ta_window_days: %s is refused at the value, with its position', (value, unit) => {
    const d = load(param('ta_window_days', value, unit));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'rules-parameter', file: 'pack.yaml', line: 3, column: 12, path: ['parameters', 'ta_window_days', 'value'] });
  });

  it('17.6 an override keeps the unit of the figure it replaces, and a table keeps its entries in range', () => {
    expect(load(param('ta_window_days', '30', 'hours'))[0]).toMatchObject({ code: 'rules-parameter', line: 4, path: ['parameters', 'ta_window_days', 'unit'] });
    expect(load(param('ta_window_days', '30', ''))[0]).toMatchObject({ code: 'rules-parameter', path: ['parameters', 'ta_window_days'] });
    const fx = load(param('fx_usd_per_unit', '{ USD: 1, EUR: -1.08 }', 'USD per unit'));
    expect(fx[0]).toMatchObject({ code: 'rules-parameter', line: 3, path: ['parameters', 'fx_usd_per_unit', 'value', 'EUR'] });
    expect(load(param('limitation_years_general', '1e308', 'years'))[0]?.code).toBe('rules-parameter');
    // A pack's own parameter with its own unit is still a finite, bounded number.
    expect(load(param('my_figure', '1e308', 'widgets'))[0]?.code).toBe('rules-parameter');
  });

  it('17.6 sensible overrides still load', () => {
    expect(load(param('ta_window_days', '45'))).toEqual([]);
    expect(load(param('fx_usd_per_unit', '{ USD: 1, EUR: 1.1 }', 'USD per unit'))).toEqual([]);
    expect(load(param('my_figure', '12', 'widgets'))).toEqual([]);
  });

  it('17.6 through the CLI: exit 2 with file:line:column, never an internal error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'pack.yaml'), param('ta_window_days', '1e308'));
    const r = cli(['--rules', dir, join(ROOT, 'test/cases/offline-wire.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pack\.yaml:3:12 {2}error {2}rules-parameter/);
    expect(r.stderr).not.toContain('internal error');
  });
});

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasMkfifo)('17.7 a FIFO (or any non-regular file) is refused before it is opened', () => {
  const fifo = (dir: string, name: string) => {
    const p = join(dir, name);
    expect(spawnSync('mkfifo', [p]).status).toBe(0);
    return p;
  };

  it('17.7 as a case, in a batch folder, in a --rules folder and under check: a diagnostic, no hang', () => {
    const dir = tmp();
    const cases = join(dir, 'cases');
    const rules = join(dir, 'rules');
    mkdirSync(cases);
    mkdirSync(rules);
    writeFileSync(join(cases, 'a.yaml'), GOOD);
    const p = fifo(cases, 'b-pipe.yaml');
    fifo(rules, 'pack.yaml');
    expect(readTextFile(p)).toMatchObject({ ok: false, diagnostic: { code: 'file-not-regular' } });
    const single = cli([p]);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/b-pipe\.yaml:1:1 {2}error {2}file-not-regular {2}.*FIFO/);
    const batch = cli([cases]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toContain('2 cases: 1 assessed, 1 not assessed');
    const withRules = cli(['--rules', rules, join(cases, 'a.yaml')]);
    expect(withRules.code).toBe(2);
    expect(withRules.stderr).toContain('file-not-regular');
    const check = cli(['check', cases]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('file-not-regular');
  });

  it.skipIf(!hasScript)('17.7 interview --resume of a FIFO, on a terminal: refused at once', () => {
    const p = fifo(tmp(), 'resume.yaml');
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${join(ROOT, 'bin/dispute-assess.js')}" interview --resume "${p}"`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 20_000,
      input: '',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('file-not-regular');
  });
});
