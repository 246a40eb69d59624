// The prompt library is loaded only on the interview path: assessing a file must not pay its import cost.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
const MARKER = 'User force closed the prompt'; // a message inside @inquirer/core

/** Files reached from a module through static imports only (dynamic import() is a lazy chunk). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'](\.[^"']+)["']/g)) staticClosure(resolve(dirname(file), m[1]!), seen);
  return seen;
}

const has = (files: Iterable<string>) => [...files].some((f) => readFileSync(f, 'utf8').includes(MARKER));
const chunk = (prefix: string) => join(DIST, 'chunks', readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith(prefix))!);

describe('lazy loading of @inquirer/prompts', () => {
  it('is not in the static graph of the CLI entry, the assess command or the interview entry checks', () => {
    expect(has(staticClosure(join(DIST, 'cli.js')))).toBe(false);
    expect(has(staticClosure(chunk('assess-command-')))).toBe(false);
    expect(has(staticClosure(chunk('interview-command-')))).toBe(false);
  });

  it('is in the interview session chunk, loaded on demand', () => {
    expect(has(staticClosure(chunk('interview-session-')))).toBe(true);
  });
});
