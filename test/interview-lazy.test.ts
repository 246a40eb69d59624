// The prompt library is loaded only on the interview path: assessing a file must not pay its import cost.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const CJS = join(ROOT, 'dist', 'cjs');
const MARKER = 'User force closed the prompt'; // a message inside @inquirer/core
const has = (bundle: string) => readFileSync(join(CJS, bundle), 'utf8').includes(MARKER);

describe('lazy loading of @inquirer/prompts', () => {
  it('is not in the bundle that assesses files, nor in the other commands', () => {
    for (const b of ['cli.cjs', 'check-command.cjs', 'schema-command.cjs', 'validate.cjs', 'rules-source.cjs']) expect(has(b), b).toBe(false);
  });

  it('is in the interview bundle, loaded on demand', () => {
    expect(has('interview-command.cjs')).toBe(true);
    expect(readFileSync(join(CJS, 'cli.cjs'), 'utf8')).toContain('interview-command.cjs');
  });
});
