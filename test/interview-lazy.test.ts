// The prompt library is loaded only on the interview path: assessing a file must not pay its import cost.
// Checked on the built bundle: the modules dist/cli.js and the other commands import statically (the code that
// runs before a command's own chunk is imported) never hold @inquirer/prompts; the interview's chunks do.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunk, DIST, DYNAMIC, moduleClosure, ownFiles } from './bundle-helpers.js';

const PROMPTS = '@inquirer/prompts';
const MARKER = 'User force closed the prompt'; // a message inside @inquirer/core, when the library is bundled
/** Whether the modules hold the prompt library, imported or bundled. */
const hasPrompts = (closure: Set<string>) => closure.has(PROMPTS) || ownFiles(closure).some((f) => readFileSync(f, 'utf8').includes(MARKER));

describe('lazy loading of @inquirer/prompts', () => {
  it('is not imported by the CLI entry, the library entry, nor the other commands', () => {
    for (const file of [join(DIST, 'cli.js'), join(DIST, 'index.js'), chunk('assess'), chunk('check'), chunk('schema')]) {
      expect(hasPrompts(moduleClosure(file)), file).toBe(false);
    }
  });

  it('is imported by the interview, which the CLI loads on demand', () => {
    expect(hasPrompts(moduleClosure(chunk('interview'), true))).toBe(true);
    const dynamic = [...readFileSync(join(DIST, 'cli.js'), 'utf8').matchAll(DYNAMIC)].map((m) => m[1]);
    expect(dynamic.some((d) => /chunks\/interview-[A-Z0-9]+\.js/.test(d!))).toBe(true);
  });
});
