// Reading the built bundle's module graph (dist/), for tests that check what a command or the library loads.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './helpers.js';

export const DIST = join(ROOT, 'dist');
const STATIC = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]*from\s*)?"([^"]+)"/g;
export const DYNAMIC = /\bimport\("([^"]+)"\)/g;

/** What a built module imports (statically, and with `dynamic` also through import()), followed through the
 * package's own chunks: their absolute paths, and the bare specifiers (a package or `node:` module) as written. */
export function moduleClosure(file: string, dynamic = false, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of [...text.matchAll(STATIC), ...(dynamic ? text.matchAll(DYNAMIC) : [])]) {
    if (spec!.startsWith('.')) moduleClosure(resolve(dirname(file), spec!), dynamic, seen);
    else seen.add(spec!);
  }
  return seen;
}

/** The package's own files among a closure (absolute paths). */
export const ownFiles = (closure: Iterable<string>) => [...closure].filter((f) => f.startsWith('/'));

/** The built chunk a lazily loaded module became (`dist/chunks/<name>-<hash>.js`). */
export const chunk = (prefix: string) =>
  join(
    DIST,
    'chunks',
    readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith(`${prefix}-`))!,
  );
