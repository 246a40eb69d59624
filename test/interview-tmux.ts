// Driving the built binary in a tmux pseudo-terminal: send keys, read the screen, answer generically.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleQuestion, questionFor } from '../src/interview/catalogue.js';
import { BUNDLES } from '../src/interview/bundles.js';
import { factRegistry } from '../src/rules/fact-registry.js';
import { BIN, builtinRules } from './helpers.js';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
export const SOCKET = `da-e2e-${process.pid}`;
export const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
export const keys = (...k: string[]) => void tmux('send-keys', '-t', 'e2e', ...k);
export const type = (text: string) => void tmux('send-keys', '-t', 'e2e', '-l', text);
export const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'e2e', '-S', '-3000');
export const done = (s: string) => s.split('\n').filter((l) => l.startsWith('✔')).length;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The exit code written to a file in dir, or '' while the command runs. */
export const rcOf = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : '');

/** Poll the screen until it shows what is expected (or a predicate holds). */
export async function waitFor(what: RegExp | ((s: string) => boolean), ms = 8000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (typeof what === 'function' ? what(s) : what.test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${String(what)}; screen:\n${s.split('\n').slice(-30).join('\n')}`);
    await sleep(40);
  }
}

/** A fresh tmux session running the binary with args; its exit code goes to rcFile. */
export function start(dir: string, args: string, rcFile: string): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', 'e2e']);
  tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '40', '-c', dir, `NO_COLOR=1 node ${BIN} ${args}; echo $? > ${rcFile}; sleep 60`);
}

/** The question on screen now (the last "? ..." line) and which kind of prompt shows it. */
export function prompt(s: string): { text: string; kind: 'select' | 'checkbox' | 'confirm' | 'input' } {
  const lines = s.split('\n');
  const i = lines.map((l) => l.startsWith('? ')).lastIndexOf(true);
  const rest = lines.slice(i).join('\n');
  const text = lines[i]!.slice(2);
  if (/space select/.test(rest)) return { text, kind: 'checkbox' };
  if (/⏎ select/.test(rest)) return { text, kind: 'select' };
  if (/\((y\/N|Y\/n)\)/.test(text)) return { text, kind: 'confirm' };
  return { text, kind: 'input' };
}

/** Whether a prompt is waiting: a "? ..." line below the last answered "✔ ..." line. */
export function waiting(s: string): boolean {
  const lines = s.split('\n');
  return lines.map((l) => l.startsWith('? ')).lastIndexOf(true) > lines.map((l) => l.startsWith('✔')).lastIndexOf(true);
}

/** Answer the question on screen with "I don't know" (or the default for a yes/no), then wait for what follows. */
export async function answerDontKnow(): Promise<string> {
  const s = await waitFor(waiting);
  const before = done(s);
  const p = prompt(s);
  // "I don't know" is the last choice; lists stop at their ends, so enough Downs always reach it.
  const toEnd = Array.from({ length: 24 }, () => 'Down');
  if (p.kind === 'checkbox') keys(...toEnd, 'Space', 'Enter');
  else if (p.kind === 'select') keys(...toEnd, 'Enter');
  else keys('Enter');
  await waitFor((now) => done(now) > before);
  return p.text;
}

/** The fact a question on screen asks about (any wording the interview can show, including fallbacks). */
export const pathOf = (text: string) =>
  [...factRegistry().keys(), 'order.payments', ...BUNDLES.map((b) => b.id)]
    .map((p) => questionFor(p, builtinRules()) ?? bundleQuestion(p))
    .find((q) => q && text.startsWith(q.text.replace(/ \(.*\)$/, '')))?.path;
