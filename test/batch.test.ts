// Batch mode: several case files or folders in one run, text reports or JSON Lines, the worst exit code.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, cli, ROOT } from './helpers.js';
import { caseEntries } from '../src/cli/batch/files.js';
import { progressBar, progressLine } from '../src/cli/batch/progress.js';
import type { Io } from '../src/cli/io/streams.js';
import { DIAGNOSTICS_FORMAT } from '../src/cli/batch/run.js';

const GOOD = readFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), 'utf8');
const BAD = 'dispute:\n  types: [non_delivery]\n  colour: red\n';

/** A temporary folder with the given files (path -> content). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'da-batch-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('batch of files', () => {
  const dir = folder({ 'a.yaml': GOOD, 'b.yaml': BAD, 'c.yaml': GOOD });
  const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((f) => join(dir, f));

  it('reports a bad file in the middle, still assesses the others, and exits 2', () => {
    const r = cli(files);
    expect(r.code).toBe(2);
    expect(r.stdout.match(/Trade Assurance: NOT ELIGIBLE/g)).toHaveLength(2);
    expect(r.stdout).toContain(`[1/3] ${files[0]}`);
    expect(r.stdout).toContain(`[2/3] ${files[1]}`);
    expect(r.stdout).toContain(`[3/3] ${files[2]}`);
    expect(r.stderr).toMatch(new RegExp(`${files[1]}:3:3  error  case-unknown-key`));
    expect(r.stderr).toContain('3 cases: 2 assessed, 1 not assessed');
  });

  it('writes JSON Lines: one parseable line per case, the bad one as its diagnostics', () => {
    const r = cli(['--format', 'json', ...files]);
    expect(r.code).toBe(2);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.format)).toEqual(['dispute-assess/assessment', 'dispute-assess/diagnostics', 'dispute-assess/assessment']);
    expect(lines[0]!.case.file).toBe(files[0]);
    expect(lines[0]!.trade_assurance.status).toBe('ineligible');
    expect(lines[1]).toMatchObject({ file: files[1], diagnostics: [{ code: 'case-unknown-key', line: 3, column: 3 }] });
    expect(lines[2]!.case.file).toBe(files[2]);
  });

  it('exits with the worst code: 1 when a finding reaches --fail-on and every file is valid', () => {
    expect(cli(['--fail-on', 'info', files[0]!, files[2]!]).code).toBe(1);
    expect(cli(['--fail-on', 'info', ...files]).code).toBe(2);
    expect(cli([files[0]!, files[2]!]).code).toBe(0);
  });

  it('keeps a single case as one pretty JSON document', () => {
    const r = cli(['--format', 'json', files[0]!]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(r.stdout).case.file).toBe(files[0]);
  });

  it("reports a missing file as that file's problem, not the whole run's", () => {
    const r = cli(['--format', 'json', files[0]!, join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ format: 'dispute-assess/diagnostics', diagnostics: [{ code: 'file-not-found' }] });
  });

  it('gives the same report with or without options parsed by commander', () => {
    const quick = cli([files[0]!]);
    const full = cli(['--format', 'text', files[0]!]);
    expect(quick.stdout).toBe(full.stdout);
    expect(quick.code).toBe(full.code);
  });
});

// Long batches (1,000 cases or more) run in a worker thread (cli/batch/worker.ts); DISPUTE_ASSESS_BATCH_WORKER_MIN=1
// puts these short ones there too, so both roads are tested.
describe.each([
  ['in the main thread', {}],
  ['in a worker thread', { DISPUTE_ASSESS_BATCH_WORKER_MIN: '1' }],
])('long batches %s', (_, workerEnv: Record<string, string>) => {
  const dir = folder({ 'a.yaml': GOOD, 'b.yaml': BAD, 'c.yaml': GOOD });
  const files = ['a.yaml', 'b.yaml', 'c.yaml'].map((f) => join(dir, f));

  it('reports each case in order and exits with the worst code', () => {
    const r = cli(['--format', 'json', dir], { env: workerEnv });
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout).map((l) => l.format)).toEqual(['dispute-assess/assessment', DIAGNOSTICS_FORMAT, 'dispute-assess/assessment']);
    expect(jsonLines(r.stdout)[1]!.file).toBe(files[1]);
    expect(r.stdout).toBe(cli(['--format', 'json', dir]).stdout);
    expect(cli(['--fail-on', 'info', files[0]!, files[2]!], { env: workerEnv }).code).toBe(1);
  });

  it('loses nothing when its reader is slow (a full non-blocking pipe)', async () => {
    const { spawn } = await import('node:child_process');
    const run = () =>
      new Promise<{ code: number | null; lines: number; bytes: number }>((resolve) => {
        const args = [BIN, '--format', 'json', '--explain', ...Array(100).fill(files[0])];
        const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...workerEnv }, stdio: ['ignore', 'pipe', 'ignore'] });
        let lines = 0;
        let bytes = 0;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 500);
        child.stdout.on('data', (d: Buffer) => {
          bytes += d.length;
          for (const b of d) if (b === 10) lines++;
        });
        child.on('close', (code) => resolve({ code, lines, bytes }));
      });
    const slow = await run();
    expect(slow.code).toBe(0);
    expect(slow.lines).toBe(100);
    expect(slow.bytes).toBeGreaterThan(1_000_000);
  });

  it('ends quietly with the exit code reached when its output pipe closes', () => {
    const many = Array(40).fill(files[0]).join(' ');
    const script = `"${process.execPath}" "${BIN}" ${many} --format json | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...workerEnv }, timeout: 20_000 });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).toBe('');
  });
});

describe('folders', () => {
  it('finds case files recursively, sorted, skipping expectation, hidden and non-YAML files', () => {
    const dir = folder({
      'b.yaml': GOOD,
      'a.yml': GOOD,
      'a.expect.yaml': 'exit_code: 0\n',
      'notes.txt': 'x',
      '.hidden.yaml': GOOD,
      'sub/z.yaml': GOOD,
      'sub/.git/x.yaml': GOOD,
      'c/d.yaml': GOOD,
    });
    expect([...caseEntries([dir])].map((e) => e.file.slice(dir.length + 1))).toEqual(['a.yml', 'b.yaml', 'c/d.yaml', 'sub/z.yaml']);
    const r = cli(['--format', 'json', dir]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.case.file.slice(dir.length + 1))).toEqual(['a.yml', 'b.yaml', 'c/d.yaml', 'sub/z.yaml']);
  });

  it('walks a symbolic link loop once and ends', () => {
    const dir = folder({ 'a.yaml': GOOD, 'sub/b.yaml': GOOD });
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync(join(dir, 'sub'), join(dir, 'again'));
    const found = [...caseEntries([dir])].map((e) => e.file.slice(dir.length + 1));
    expect(found).toEqual(['a.yaml', 'again/b.yaml']);
    const r = cli(['--format', 'json', dir, dir]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(2);
  });

  it('uses JSON Lines for a folder even with one case, and reports an empty folder', () => {
    const one = folder({ 'only.yaml': GOOD });
    expect(cli(['--format', 'json', one]).stdout.trim().split('\n')).toHaveLength(1);
    const empty = folder({ 'readme.txt': 'x' });
    const r = cli(['--format', 'json', empty]);
    expect(r.code).toBe(2);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ diagnostics: [{ code: 'no-cases' }] });
  });
});

describe('progress bar', () => {
  const fakeIo = (errIsTTY: boolean) => {
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (t) => void err.push(t), isTTY: false, errIsTTY, env: {} };
    return { io, err };
  };

  it('is drawn on a terminal for a long batch, at most ten times a second, and cleared', () => {
    const { io, err } = fakeIo(true);
    let now = 0;
    const p = progressBar(io, 100, () => now);
    for (let i = 0; i < 100; i++) {
      now += 10;
      p.tick(`case-${i}.yaml`);
    }
    p.clear();
    expect(err.length).toBeGreaterThan(3);
    expect(err.length).toBeLessThanOrEqual(11);
    expect(err.at(-2)).toContain('/100');
    expect(err.at(-1)).toBe('\r\x1b[K');
  });

  it('is never drawn when stderr is not a terminal, nor for a short batch', () => {
    for (const [tty, total] of [
      [false, 1000],
      [true, 5],
    ] as const) {
      const { io, err } = fakeIo(tty);
      let now = 0;
      const p = progressBar(io, total, () => now);
      for (let i = 0; i < total; i++) {
        now += 50;
        p.tick('x.yaml');
      }
      p.clear();
      expect(err).toEqual([]);
    }
  });

  it('fits in 80 columns', () => {
    const line = progressLine(5000, 10000, `cases/${'deep/'.repeat(30)}x.yaml`);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toMatch(/^\[#{10}\.{10}\] {2}50% {2}5000\/10000 {2}…/);
  });
});
