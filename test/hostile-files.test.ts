// Hostile files: missing, folders, unreadable, huge, growing, changing, wrong encoding; output to a closed pipe.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextFile, type FileOps } from '../src/cli/io/files.js';
import { YAML_LIMITS } from '../src/source/limits.js';
import { BIN, cli, ROOT } from './helpers.js';

const tmp = () => fs.mkdtempSync(join(tmpdir(), 'da-files-'));
const FIXTURE = join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml');
const write = (dir: string, name: string, data: string | Buffer) => {
  const p = join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};
const failed = (r: ReturnType<typeof readTextFile>) => {
  if (r.ok) throw new Error('expected a diagnostic');
  return r.diagnostic;
};
/** Wrap the real file system and count the bytes read. */
const counting = () => {
  const ops = { bytes: 0, ...fs } as FileOps & { bytes: number };
  ops.readSync = ((fd: number, buf: NodeJS.ArrayBufferView, off: number, len: number, pos: null) => {
    const n = fs.readSync(fd, buf, off, len, pos);
    ops.bytes += n;
    return n;
  }) as FileOps['readSync'];
  return ops;
};
const isRoot = process.getuid?.() === 0;

describe('files that are not there or not files', () => {
  it('a missing file: file-not-found, with a similar name suggested', () => {
    const dir = tmp();
    write(dir, 'case.yaml', 'buyer: {}\n');
    const d = failed(readTextFile(join(dir, 'case.yml')));
    expect(d.code).toBe('file-not-found');
    expect(d.message).toContain('case.yaml');
    const r = cli([join(dir, 'nope.yaml')]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/nope\.yaml:1:1 {2}error {2}file-not-found/);
  });

  it('a directory: file-is-directory when read as a file; a folder with no cases is a no-cases diagnostic', () => {
    expect(failed(readTextFile(tmp())).code).toBe('file-is-directory');
    const r = cli([tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:1:1 {2}error {2}no-cases {2}/);
  });

  it('a path through a file: file-not-found', () => {
    expect(failed(readTextFile(join(FIXTURE, 'x.yaml'))).code).toBe('file-not-found');
  });

  it('a symbolic link to itself: file-symlink-loop', () => {
    const dir = tmp();
    fs.symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    expect(failed(readTextFile(join(dir, 'loop.yaml'))).code).toBe('file-symlink-loop');
    expect(cli([join(dir, 'loop.yaml')]).stderr).toContain('file-symlink-loop');
  });

  it('permission denied is mapped to file-unreadable', () => {
    const denied: FileOps = {
      ...fs,
      openSync: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    expect(failed(readTextFile(FIXTURE, denied)).code).toBe('file-unreadable');
  });

  // As root, chmod 000 does not stop reads, so this check would prove nothing: it is skipped, not faked.
  it.skipIf(isRoot)('an unreadable file (chmod 000): file-unreadable, exit 2', () => {
    const p = write(tmp(), 'secret.yaml', 'buyer: {}\n');
    fs.chmodSync(p, 0o000);
    const r = cli([p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file-unreadable');
  });
});

describe('size', () => {
  it('a 50 MB file is refused from its size, before any byte is read', () => {
    const p = join(tmp(), 'huge.yaml');
    const fd = fs.openSync(p, 'w');
    fs.ftruncateSync(fd, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const ops = counting();
    const d = failed(readTextFile(p, ops));
    expect(d.code).toBe('file-too-large');
    expect(d.message).toContain('52,428,800 bytes');
    expect(ops.bytes).toBe(0);
    const t = Date.now();
    const r = cli([p]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('file-too-large');
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('a file exactly at the limit is read', () => {
    const p = write(tmp(), 'edge.yaml', '#'.repeat(YAML_LIMITS.maxBytes));
    expect(readTextFile(p).ok).toBe(true);
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('an endless device (/dev/zero) is refused as not a regular file, before a byte is read', () => {
    const ops = counting();
    expect(failed(readTextFile('/dev/zero', ops)).code).toBe('file-not-regular');
    expect(ops.bytes).toBe(0);
    expect(cli(['/dev/zero']).stderr).toContain('file-not-regular');
  });
});

describe('a file that changes while it is read', () => {
  const changing = (change: (p: string) => void, p: string): FileOps => {
    let done = false;
    return {
      ...fs,
      readSync: ((fd: number, buf: NodeJS.ArrayBufferView, off: number, len: number, pos: null) => {
        if (!done) {
          done = true;
          change(p);
        }
        return fs.readSync(fd, buf, off, len, pos);
      }) as FileOps['readSync'],
    };
  };

  it('grows: refused as file-changed, not half-read', () => {
    const p = write(tmp(), 'case.yaml', fs.readFileSync(FIXTURE));
    const d = failed(
      readTextFile(
        p,
        changing((f) => fs.appendFileSync(f, 'notes: appended\n'), p),
      ),
    );
    expect(d.code).toBe('file-changed');
  });

  it('is truncated: refused as file-changed', () => {
    const p = write(tmp(), 'case.yaml', fs.readFileSync(FIXTURE));
    expect(
      failed(
        readTextFile(
          p,
          changing((f) => fs.truncateSync(f, 10), p),
        ),
      ).code,
    ).toBe('file-changed');
  });

  it('grows past the size limit: refused as too large, reading at most limit + 1 bytes', () => {
    const p = write(tmp(), 'case.yaml', 'buyer: {}\n');
    const ops = changing((f) => fs.appendFileSync(f, '#'.repeat(YAML_LIMITS.maxBytes + 100)), p);
    const d = failed(readTextFile(p, ops));
    expect(d.code).toBe('file-too-large');
    expect(d.message).toContain('grew while being read');
  });

  it('an unchanged file reads the same as readFileSync', () => {
    const r = readTextFile(FIXTURE);
    expect(r.ok && r.text).toBe(fs.readFileSync(FIXTURE, 'utf8'));
  });
});

describe('encodings', () => {
  const text = 'buyer:\n  country: GB\n';
  it.each([
    ['UTF-16 (little-endian)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 (big-endian)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-32 (little-endian)', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x62, 0, 0, 0])],
    ['UTF-16 (little-endian) text without a byte order mark', Buffer.from(text, 'utf16le')],
  ])('%s is refused, saying UTF-8 was expected', (name, bytes) => {
    const d = failed(readTextFile(write(tmp(), 'case.yaml', bytes)));
    expect(d.code).toBe('file-encoding');
    expect(d.message).toContain(name.split(' text')[0]);
    expect(d.message).toContain('expected UTF-8');
  });

  it('invalid UTF-8 (Latin-1) is refused with line and column', () => {
    const bytes = Buffer.concat([Buffer.from('buyer:\n  name: M'), Buffer.from([0xfc]), Buffer.from('ller GmbH\n')]);
    const d = failed(readTextFile(write(tmp(), 'latin1.yaml', bytes)));
    expect(d).toMatchObject({ code: 'file-encoding', line: 2, column: 10 });
    expect(d.message).toContain('0xFC');
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe4, 0xb8]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('%s is invalid UTF-8', (_, bytes) => {
    const d = failed(readTextFile(write(tmp(), 'bad.yaml', Buffer.concat([Buffer.from('notes: '), Buffer.from(bytes)]))));
    expect(d).toMatchObject({ code: 'file-encoding', line: 1, column: 8 });
  });

  it('multi-byte UTF-8 and a UTF-8 byte order mark are fine', () => {
    const p = write(tmp(), 'ok.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('supplier: {name: 佛山家具有限公司 😀}\n')]));
    const r = readTextFile(p);
    expect(r.ok && r.text).toBe('supplier: {name: 佛山家具有限公司 😀}\n');
  });

  it('through the CLI: UTF-16 gives exit 2 and one diagnostic line', () => {
    const p = write(tmp(), 'utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = cli([p]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('file-encoding');
  });
});

describe('output to a closed pipe', () => {
  it('`| head -1` ends quietly: no EPIPE trace, exit 0', () => {
    const files = Array(40).fill(FIXTURE);
    const script = `"${process.execPath}" "${BIN}" ${files.join(' ')} --format json --explain | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).toBe('');
  });

  it('diagnostics to a closed pipe (`2>&1 | head -1`) end quietly with exit 2', () => {
    const files = Array.from({ length: 3000 }, (_, i) => `/nonexistent/${i}.yaml`);
    const script = `"${process.execPath}" "${BIN}" ${files.join(' ')} 2>&1 | head -1; echo "status=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
    // The first line is the batch header of the first case; then the pipe closes and the run ends quietly.
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringContaining('[1/3000] /nonexistent/0.yaml'), 'status=2']);
    expect(r.stderr).toBe('');
  });
});
