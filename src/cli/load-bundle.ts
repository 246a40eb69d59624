// Loading the CLI's CommonJS bundles (dist/cjs/*.cjs) with the V8 code caches the build made for them
// (file + '.cache'): the functions a typical run needs are deserialised instead of parsed and compiled, about
// half of the start-up work. Node 20 has no compile cache for ES modules, hence CommonJS here.
// A cache made by another Node version is rejected by V8, and the code is simply compiled as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How a CommonJS file is wrapped to run as a function, as Node's own loader does. */
export const WRAP = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

const loaded = new Map<string, { exports: unknown; script: Script }>();

/** Run a CommonJS file as require would (once; later calls give the same exports), with its code cache. */
export function loadBundle(file: string): { exports: unknown; script: Script } {
  const known = loaded.get(file);
  if (known) return known;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(WRAP[0] + readFileSync(file, 'utf8') + WRAP[1], { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const result = { module, script, get exports() { return module.exports; } };
  loaded.set(file, result);
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return result;
}

/** Every bundle loaded so far, with its script (the build makes their code caches from these). */
export function loadedBundles(): ReadonlyMap<string, { script: Script }> {
  return loaded;
}
