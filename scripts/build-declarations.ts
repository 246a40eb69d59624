// The published declarations. tsc (tsconfig.build.json) writes one .d.ts for every module src/index.ts imports,
// types or not; the package keeps those a user's compiler reaches from dist/types/index.d.ts and drops the rest.
// What is kept may import only other declarations of the package and Node's built-in modules: the runtime
// dependencies are bundled into dist/ and not installed for a user, so a type of theirs in a declaration would be
// an error or a silent `any` in the user's compiler. test/declarations.test.ts type-checks what is kept as a user's
// compiler does (skipLibCheck off), and scripts/pack-smoke.sh does so against the installed package.
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Declarations {
  /** Declaration files kept (reached from index.d.ts), relative to the folder. */
  kept: string[];
  /** Declaration files removed (nothing reaches them). */
  removed: string[];
  /** What stops the declarations from standing alone: an import of a dependency, or of a file that is not there. */
  problems: string[];
}

/** Keep the declarations that `dir/index.d.ts` reaches, remove the others, and list what they import from outside. */
export function pruneDeclarations(dir: string): Declarations {
  const root = resolve(dir);
  const reached = new Set<string>();
  const problems: string[] = [];
  const stack = [join(root, 'index.d.ts')];
  while (stack.length) {
    const file = stack.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const name = relative(root, file);
    // The compiler's own scan of a file's imports (static, `export ... from` and `import("...")` types; not comments).
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        problems.push(`${name} imports ${spec} (a dependency: the package installs none)`);
        continue;
      }
      // Declarations of ES modules name their imports with the .js extension; the declaration is the .d.ts beside it.
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
      if (existsSync(target)) stack.push(target);
      else problems.push(`${name} imports ${spec}, which is not there`);
    }
  }
  const all = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
  const removed = all.filter((f) => !reached.has(join(root, f)));
  for (const f of removed) rmSync(join(root, f));
  // Folders left empty go too (deepest first).
  for (const d of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().reverse()) {
    const p = join(root, d);
    if (statSync(p).isDirectory() && readdirSync(p).length === 0) rmSync(p, { recursive: true });
  }
  return { kept: all.filter((f) => reached.has(join(root, f))), removed, problems };
}
