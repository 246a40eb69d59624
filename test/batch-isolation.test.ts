// Issue 17, item 5: an internal error in one case is reported for that file and the batch goes on.
// The assessment is made to fail (as a bug would) for files whose name contains "boom".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBatch } from '../src/cli/batch/run.js';
import { findCaseFiles } from '../src/cli/batch/files.js';
import { plainColor, type Io } from '../src/cli/io/streams.js';
import { builtinRules, ROOT } from './helpers.js';

vi.mock('../src/assess.js', async (original) => {
  const real = await original<typeof import('../src/assess.js')>();
  return {
    ...real,
    assess: (...args: Parameters<typeof real.assess>) => {
      if (args[2]?.file?.includes('boom')) throw new TypeError('x.includes is not a function');
      return real.assess(...args);
    },
  };
});

const GOOD = readFileSync(join(ROOT, 'fixtures', 'b-offline-wire-non-delivery.yaml'), 'utf8');

async function batch(format: 'text' | 'json') {
  const dir = mkdtempSync(join(tmpdir(), 'da-iso-'));
  for (const name of ['a.yaml', 'b-boom.yaml', 'c.yaml', 'd-boom.yaml', 'e.yaml']) writeFileSync(join(dir, name), GOOD);
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), isTTY: false, env: {} };
  const code = await runBatch(findCaseFiles([dir]), { rules: builtinRules(), format, color: plainColor, explain: false, today: '2026-03-10' }, io);
  return { code, stdout, stderr };
}

describe('17.5 an internal error in one case does not end the batch', () => {
  it('17.5 text: the failing cases are reported by file, every other case is assessed, exit 2', async () => {
    const r = await batch('text');
    expect(r.code).toBe(2);
    expect(r.stdout.match(/Trade Assurance:/g)).toHaveLength(3);
    expect(r.stderr).toMatch(/b-boom\.yaml:1:1 {2}error {2}internal-error {2}internal error while assessing this case: x\.includes is not a function/);
    expect(r.stderr).toMatch(/d-boom\.yaml:1:1 {2}error {2}internal-error/);
    expect(r.stderr).toContain('5 cases: 3 assessed, 2 not assessed');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('17.5 JSON Lines: one line per case, the failing ones as diagnostics lines', async () => {
    const r = await batch('json');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { format: string; file?: string; diagnostics?: { code: string }[] });
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.format === 'dispute-assess/diagnostics').map((l) => l.diagnostics![0]!.code)).toEqual(['internal-error', 'internal-error']);
  });
});
