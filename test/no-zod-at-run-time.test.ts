// zod is the schemas' source of truth at build time only (issue 16, "one validator"): every command validates
// with the validators ajv generated from zod's JSON Schemas and prints the JSON Schemas the build wrote. Checked
// on the built bundle, as interview-lazy.test.ts does for the prompt library: no module that the CLI entry or the
// batch worker imports, statically or lazily (import()), and so no command's chunk, holds zod; nor does the
// library's entry (its caseJsonSchema() hands out the generated JSON).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './helpers.js';
import { chunk, DIST, moduleClosure, ownFiles } from './bundle-helpers.js';

/** A name zod's core gives its base type (`$constructor("$ZodType", ...)`): a string, so minifying keeps it. */
const MARKER = '"$ZodType"';
/** The package's own modules a built module imports, statically and lazily. */
const closure = (file: string) => new Set(ownFiles(moduleClosure(file, true)));
const withZod = (files: Iterable<string>) => [...files].filter((f) => readFileSync(f, 'utf8').includes(MARKER)).map((f) => basename(f));

describe('zod at run time', () => {
  it('the marker finds zod in a bundle built as the package is (minified)', async () => {
    const out = await build({
      stdin: { contents: "import * as z from 'zod'; export const s = z.object({ a: z.string() });", resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      minify: true,
      logLevel: 'silent',
    });
    expect(out.outputFiles[0]!.text).toContain(MARKER);
  });

  it('is loaded by no command nor the library: the CLI entry, the batch worker and index.js, with every chunk they import or load', () => {
    for (const entry of ['cli.js', 'batch-worker.js', 'index.js']) {
      const modules = closure(join(DIST, entry));
      expect(modules.size, entry).toBeGreaterThan(1);
      expect(withZod(modules), entry).toEqual([]);
    }
  });

  it('is in none of the chunks of the main command, check, schema, the interview and batch', () => {
    const all = closure(join(DIST, 'cli.js'));
    for (const name of ['assess', 'check', 'schema', 'interview', 'session', 'worker']) {
      const file = chunk(name);
      expect(all.has(file), `${name} is loaded by the CLI`).toBe(true);
      expect(withZod(closure(file)), name).toEqual([]);
    }
  });
});
