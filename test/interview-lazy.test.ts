// The prompt library is loaded only on the interview path: assessing a file must not pay its import cost.
// Checked on the built bundle: the modules dist/cli.js and the other commands import statically (the code that
// runs before a command's own chunk is imported) never hold @inquirer/prompts; the interview's chunks do.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './helpers.js';

const DIST = join(ROOT, 'dist');
const PROMPTS = '@inquirer/prompts';
const MARKER = 'User force closed the prompt'; // a message inside @inquirer/core, when the library is bundled
/** Whether the modules hold the prompt library, imported or bundled. */
const hasPrompts = (closure: Set<string>) => closure.has(PROMPTS) || [...closure].some((f) => f.startsWith('/') && readFileSync(f, 'utf8').includes(MARKER));
const STATIC = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]*from\s*)?"([^"]+)"/g;
const DYNAMIC = /\bimport\("([^"]+)"\)/g;

/** The bare and relative specifiers a built module imports statically, followed through the package's own chunks. */
function staticClosure(file: string, seen = new Set<string>(), dynamic = false): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of [...text.matchAll(STATIC), ...(dynamic ? text.matchAll(DYNAMIC) : [])]) {
    if (spec!.startsWith('.')) staticClosure(resolve(dirname(file), spec!), seen, dynamic);
    else seen.add(spec!);
  }
  return seen;
}

const chunk = (prefix: string) =>
  join(
    DIST,
    'chunks',
    readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith(`${prefix}-`))!,
  );

describe('lazy loading of @inquirer/prompts', () => {
  it('is not imported by the CLI entry, the library entry, nor the other commands', () => {
    for (const file of [join(DIST, 'cli.js'), join(DIST, 'index.js'), chunk('assess'), chunk('check'), chunk('schema')]) {
      expect(hasPrompts(staticClosure(file)), file).toBe(false);
    }
  });

  it('is imported by the interview, which the CLI loads on demand', () => {
    expect(hasPrompts(staticClosure(chunk('interview'), new Set(), true))).toBe(true);
    const dynamic = [...readFileSync(join(DIST, 'cli.js'), 'utf8').matchAll(DYNAMIC)].map((m) => m[1]);
    expect(dynamic.some((d) => /chunks\/interview-[A-Z0-9]+\.js/.test(d!))).toBe(true);
  });
});
