// Loading a CommonJS bundle of the CLI (dist/cjs/cli.cjs) with the V8 code cache the build made for it
// (dist/cjs/cli.cjs.cache): the functions a typical run needs are deserialised instead of parsed and compiled,
// about half of the start-up work. Node 20 has no compile cache for ES modules, hence CommonJS here.
// A cache made by another Node version is rejected by V8, and the code is simply compiled as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** How a CommonJS file is wrapped to run as a function, as Node's own loader does (the build uses the same). */
export const WRAP = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** Run a CommonJS file as require would, with its code cache (file + '.cache') when there is one. */
export function loadBundle(file: string): { exports: unknown; script: Script } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(WRAP[0] + readFileSync(file, 'utf8') + WRAP[1], { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}
