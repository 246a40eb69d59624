// Issue 17, items 8-11: interview saves keep what the user had. Another writer is noticed, mode and link target
// are kept, read-only files are refused, file and folder are flushed, temporary files are private and stale ones
// removed, and a save that fails when stopping says what was not saved and where the answers are (exit 130).
import * as fs from 'node:fs';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isReadOnly, ReadOnlyError, removeStaleTemps, writeFileAtomic, type SaveOps } from '../src/cli/interview/files.js';
import { noteSeen, save, saveOnStop } from '../src/cli/interview/save.js';
import type { SessionState } from '../src/cli/interview/session.js';
import { loadCaseDocument, setAnswer } from '../src/interview/case-document.js';
import { BIN } from './helpers.js';
import { HAS_TMUX, keys, SOCKET, tmux, waitFor, rcOf } from './interview-tmux.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'da-save-'));
const mode = (p: string) => statSync(p).mode & 0o777;

/** A session with one answer, saving to path; what it writes to stderr is collected. */
function session(path: string, supplier: string) {
  const errors: string[] = [];
  const doc = loadCaseDocument('');
  setAnswer(doc, 'supplier.name', supplier);
  const s = {
    o: { doc, io: { out: () => {}, err: (t: string) => void errors.push(t), isTTY: false, env: {} } },
    savePath: path,
    partial: false,
    touched: true,
    skipped: new Set(),
  } as unknown as SessionState;
  noteSeen(s);
  return { s, errors };
}
const supplierIn = (p: string) => (parse(readFileSync(p, 'utf8')) as { supplier: { name: string } }).supplier.name;

describe('17.8 two interviews on the same --out', () => {
  it('17.8 the second writer notices the first: nothing is overwritten, each keeps its answers, and is told where', () => {
    const dir = tmp();
    const out = join(dir, 'case.yaml');
    const a = session(out, 'Alpha Ltd');
    const b = session(out, 'Beta Ltd');
    save(a.s);
    save(b.s);
    expect(supplierIn(out)).toBe('Alpha Ltd');
    expect(b.s.savePath).toBe(join(dir, 'case-2.yaml'));
    expect(supplierIn(b.s.savePath!)).toBe('Beta Ltd');
    expect(b.errors.join('')).toContain('was changed by another program');
    // Both go on saving to their own file.
    setAnswer(a.s.o.doc, 'supplier.name', 'Alpha 2');
    save(a.s);
    save(b.s);
    expect([supplierIn(out), supplierIn(b.s.savePath!)]).toEqual(['Alpha 2', 'Beta Ltd']);
  });

  it('17.8 an edit by another program to a resumed file is kept too', () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, 'supplier:\n  name: Original\n');
    const a = session(file, 'Mine');
    writeFileSync(file, 'supplier:\n  name: Edited elsewhere\n');
    save(a.s);
    expect(supplierIn(file)).toBe('Edited elsewhere');
    expect(supplierIn(a.s.savePath!)).toBe('Mine');
  });
});

describe('17.9 saving updates the file instead of replacing it', () => {
  it('17.9 a 0600 file stays 0600; a new case file is private', () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, 'a: 1\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'b: 2\n');
    expect(mode(file)).toBe(0o600);
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'c: 3\n');
    expect(mode(file)).toBe(0o640);
    writeFileAtomic(join(dir, 'new.yaml'), 'd: 4\n');
    expect(mode(join(dir, 'new.yaml'))).toBe(0o600);
  });

  it('17.9 a symlinked case file stays a link; its target gets the answers', () => {
    const dir = tmp();
    fs.mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'case.yaml');
    writeFileSync(target, 'a: 1\n');
    const link = join(dir, 'link.yaml');
    symlinkSync(join('real', 'case.yaml'), link);
    writeFileAtomic(link, 'b: 2\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('b: 2\n');
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real']);
  });

  it('17.9 a read-only file is refused and left as it was (even for root)', () => {
    const file = join(tmp(), 'case.yaml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o444);
    expect(isReadOnly(file)).toBe(true);
    expect(() => writeFileAtomic(file, 'b: 2\n')).toThrow(ReadOnlyError);
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
  });

  it('17.9 the file is flushed before the rename and the folder after it', () => {
    const dir = tmp();
    const calls: string[] = [];
    const fds = new Map<number, string>();
    const ops: SaveOps = {
      ...fs,
      openSync: ((p: string, f: string, m?: number) => {
        const fd = fs.openSync(p, f, m);
        fds.set(fd, p === dir ? 'folder' : 'temp');
        return fd;
      }) as SaveOps['openSync'],
      fsyncSync: (fd: number) => {
        calls.push(`fsync ${fds.get(fd)}`);
        fs.fsyncSync(fd);
      },
      renameSync: (a: fs.PathLike, b: fs.PathLike) => {
        calls.push('rename');
        fs.renameSync(a, b);
      },
    };
    writeFileAtomic(join(dir, 'case.yaml'), 'a: 1\n', ops);
    expect(calls).toEqual(['fsync temp', 'rename', 'fsync folder']);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('17.9 interview --out or --resume of a read-only file is refused at the start, exit 2', () => {
    const file = join(tmp(), 'case.yaml');
    writeFileSync(file, 'supplier:\n  name: X\n');
    chmodSync(file, 0o444);
    for (const args of [`--out "${file}"`, `--resume "${file}"`]) {
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" interview ${args}`, '/dev/null'], {
        encoding: 'utf8',
        timeout: 20_000,
        input: '',
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('read-only');
    }
    expect(readFileSync(file, 'utf8')).toBe('supplier:\n  name: X\n');
  });
});

describe('17.10 a failing save when stopping', () => {
  it('17.10 says what could not be saved, where the earlier answers are, and prints all answers', () => {
    const file = join(tmp(), 'case.yaml');
    const a = session(file, 'Alpha Ltd');
    save(a.s);
    chmodSync(file, 0o444);
    setAnswer(a.s.o.doc, 'supplier.name', 'Alpha Two');
    const message = saveOnStop(a.s);
    expect(message).toContain(`Could not save your answers in ${file} (the file is read-only)`);
    expect(message).toContain(`Your answers before the latest one are in ${file}`);
    expect(message).toContain('name: Alpha Two');
    expect(message).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
  });

  describe.skipIf(!HAS_TMUX)('on a terminal (tmux)', () => {
    afterAll(() => void spawnSync('tmux', ['-L', SOCKET, 'kill-server']));

    it('17.10 SIGTERM while the save fails: the message and the answers on screen, no stack trace, exit 130', async () => {
      const dir = tmp();
      spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', 'e2e']);
      tmux(
        'new-session',
        '-d',
        '-s',
        'e2e',
        '-x',
        '120',
        '-y',
        '60',
        '-c',
        dir,
        `NO_COLOR=1 node ${BIN} interview --out case.yaml --as-of 2026-03-10; echo $? > rc.txt; sleep 60`,
      );
      await waitFor(/\? What went wrong\?/);
      keys('Space', 'Enter');
      await waitFor(/\? In which country is your business based\?/);
      chmodSync(join(dir, 'case.yaml'), 0o444);
      const shell = tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}').trim();
      const node = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!;
      expect(Number(node)).toBeGreaterThan(1);
      // SIGTERM at the prompt: the handler saves what was answered, and that save fails.
      process.kill(Number(node), 'SIGTERM');
      await waitFor(() => rcOf(dir, 'rc.txt') !== '');
      expect(rcOf(dir, 'rc.txt')).toBe('130');
      const screen = tmux('capture-pane', '-p', '-J', '-t', 'e2e', '-S', '-3000');
      expect(screen).toContain('Could not save your answers in case.yaml');
      expect(screen).toContain('types:');
      expect(screen).not.toMatch(/at .*\.(c?js):\d+|internal error/);
    });
  });
});

describe('17.11 temporary files', () => {
  it('17.11 a save killed before its rename leaves a private temp file, removed by the next run', () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    // What a save killed after writing its temporary file leaves behind (the process is gone).
    const ops: SaveOps = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('killed'), { code: 'EINTR' });
      },
    };
    const leftover = join(dir, '.case.yaml.999999.1.tmp');
    expect(() => writeFileAtomic(file, 'secret: 1\n', ops)).toThrow('killed');
    expect(readdirSync(dir)).toEqual([]);
    const fd = fs.openSync(leftover, 'wx', 0o600);
    fs.closeSync(fd);
    writeFileSync(join(dir, `.case.yaml.${process.pid}.2.tmp`), 'ours, still writing');
    expect(removeStaleTemps(file, (pid) => pid === process.pid)).toBe(1);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(join(dir, `.case.yaml.${process.pid}.2.tmp`))).toBe(true);
  });

  it('17.11 the temporary file is created private (0600) whatever the final mode', () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o644);
    let tempMode = -1;
    const ops: SaveOps = {
      ...fs,
      writeFileSync: ((fd: number, text: string) => {
        tempMode = fs.fstatSync(fd).mode & 0o777;
        fs.writeFileSync(fd, text);
      }) as SaveOps['writeFileSync'],
    };
    writeFileAtomic(file, 'b: 2\n', ops);
    expect(tempMode).toBe(0o600);
    expect(mode(file)).toBe(0o644);
  });
});
