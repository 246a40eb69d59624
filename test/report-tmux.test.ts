// The report as a buyer sees it (issue 14): the README's first command run in a real terminal (tmux) 80 and 60
// columns wide and 24 rows high. The verdict and "Your next steps" are on the first screen, and no line is wider
// than the terminal (tmux joins a line it had to wrap, so a too-wide line shows up as one).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { ROOT } from './helpers.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `da-report-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const ROWS = 24;

/** The README's first command: the assessment in the quick start ("npm install && npx dispute-assess <case>"). */
function readmeCommand(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## Quick start[\s\S]*?```sh\n([^\n]*)\n/.exec(readme)![1]!;
  const command = block
    .replace(/#.*$/, '')
    .split('&&')
    .map((s) => s.trim())
    .find((s) => s.startsWith('npx dispute-assess '));
  if (!command) throw new Error(`no "npx dispute-assess" in the README's first command: ${block}`);
  return command;
}

/** Run a command in a fresh pane of the given size; resolves to its output as the terminal kept it (wrapped lines joined). */
async function runInPane(command: string, columns: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'da-report-'));
  const rc = join(dir, 'rc');
  tmux('kill-session', '-t', 'report');
  // npx finds the package in this repository (no network); no user config, no colour.
  const env = `NO_COLOR=1 npm_config_offline=true npm_config_update_notifier=false XDG_CONFIG_HOME=${join(ROOT, 'test', 'no-user-config')}`;
  const r = tmux(
    'new-session',
    '-d',
    '-s',
    'report',
    '-x',
    String(columns),
    '-y',
    String(ROWS),
    '-c',
    ROOT,
    `env ${env} ${command}; echo $? > ${rc}; sleep 120`,
  );
  expect(r.status, r.stderr).toBe(0);
  const end = Date.now() + 60_000;
  for (;;) {
    let done = '';
    try {
      done = readFileSync(rc, 'utf8').trim();
    } catch {
      // still running
    }
    if (done !== '') {
      expect(done).toBe('0');
      break;
    }
    if (Date.now() > end) throw new Error(`the command did not finish: ${command}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  // The whole history from its first line, wrapped lines joined (-J), trailing blanks dropped.
  const out = tmux('capture-pane', '-p', '-J', '-t', 'report', '-S', '-', '-E', '-')
    .stdout.split('\n')
    .map((l) => l.trimEnd());
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

describe.skipIf(!HAS_TMUX)("the README's first command in a terminal (tmux)", () => {
  afterAll(() => {
    if (HAS_TMUX) tmux('kill-server');
  });

  it('is the assessment of a fixture', () => {
    expect(readmeCommand()).toMatch(/^npx dispute-assess fixtures\/[\w-]+\.yaml$/);
  });

  it.each([80, 60])(
    'at %i columns: the verdict and the next steps on the first screen, no line wider than the terminal',
    async (columns) => {
      const lines = await runInPane(readmeCommand(), columns);
      expect(lines.length).toBeGreaterThan(ROWS);
      expect(lines.filter((l) => stringWidth(l) > columns)).toEqual([]);
      const first = lines.slice(0, ROWS);
      expect(first.some((l) => l.startsWith('In short: '))).toBe(true);
      expect(first.some((l) => l.startsWith('Start with: '))).toBe(true);
      const at = first.indexOf('Your next steps');
      expect(at).toBeGreaterThan(0);
      // Today's steps follow it on the same screen.
      expect(first[at + 1]).toMatch(/^Today \(\d{4}-\d{2}-\d{2}\)$/);
      expect(first[at + 2]).toMatch(/^ {2}1\. \S/);
      // At 80 columns the whole list fits, up to the pointer to the steps in full.
      if (columns === 80) expect(first.some((l) => l.startsWith('Each step in full'))).toBe(true);
    },
    90_000,
  );
});
