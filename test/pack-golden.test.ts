// Golden files for the case pack: the brief and the letters of three cases, reviewed by a person once and frozen.
// They change whenever the assessment's wording does (rules, catalogue, plan). After such a change, read the
// diff, and if it is right, regenerate them:
//
//   UPDATE_GOLDEN=1 npx vitest run test/pack-golden.test.ts
//
// and commit test/pack/golden/ with the change. The evidence files get fixed facts (see packInput), so the
// goldens do not depend on the checkout's file times.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildPack } from '../src/pack/pack.js';
import { ROOT } from './helpers.js';
import { PACK_CASE, packInput } from './pack-helpers.js';

const GOLDEN = join(ROOT, 'test', 'pack', 'golden');
const CASES: [string, string[]][] = [
  [PACK_CASE, ['brief.md', 'evidence-index.md', 'letter-en.md', 'letter-zh.md']],
  ['fixtures/b-ta-quality-wrong-steel.yaml', ['brief.md', 'letter-en.md', 'platform-text.md']],
  ['fixtures/a-sparse-phone-cases.yaml', ['brief.md', 'letter-en.md', 'platform-text.md']],
];
const update = process.env.UPDATE_GOLDEN === '1';

describe.each(CASES)('golden pack of %s', (file, names) => {
  const pack = buildPack(packInput(file));
  const dir = join(GOLDEN, basename(file, '.yaml'));
  it.each(names)('%s', (name) => {
    const actual = pack.find((p) => p.name === name)!.content;
    const golden = join(dir, name);
    if (update) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(existsSync(golden), `${golden} is missing: UPDATE_GOLDEN=1 npx vitest run test/pack-golden.test.ts`).toBe(true);
    expect(actual, `differs from ${golden}; if the change is right: UPDATE_GOLDEN=1 npx vitest run test/pack-golden.test.ts`).toBe(
      readFileSync(golden, 'utf8'),
    );
  });
});
