// The published declarations: tsc writes one .d.ts for every module src/index.ts imports, types or not; the package
// keeps those a user's compiler reaches from dist/types/index.d.ts and drops the rest. What is reached may import
// only other declarations of the package and Node's built-in modules: the runtime dependencies are bundled into
// dist/ and not installed for a user, so a type of theirs in a declaration would be an error or a silent `any`.
import ts from 'typescript';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface Declarations {
  /** Declaration files kept (reached from index.d.ts), relative to the folder. */
  kept: string[];
  /** Declaration files removed (nothing reaches them). */
  removed: string[];
  /** Problems: a file outside the package that the declarations reach (a dependency's types), or an error the
   * compiler finds in a kept declaration when it checks it as a user's compiler does (skipLibCheck off). */
  problems: string[];
}

/** Keep the declarations that `dir/index.d.ts` reaches, remove the others, and list what is wrong with them. */
export function pruneDeclarations(dir: string): Declarations {
  const root = resolve(dir);
  const program = ts.createProgram([join(root, 'index.d.ts')], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: ['node'],
  });
  const inside = (f: string) => f.startsWith(root + sep);
  const files = program.getSourceFiles();
  const reached = new Set(files.map((s) => resolve(s.fileName)));
  const problems: string[] = [];
  for (const s of files) {
    const file = resolve(s.fileName);
    if (!inside(file)) continue;
    const name = relative(root, file);
    for (const { fileName: spec } of ts.preProcessFile(s.text, true, true).importedFiles) {
      if (!spec.startsWith('.') && !spec.startsWith('node:')) problems.push(`${name} imports ${spec} (a dependency: the package installs none)`);
    }
    const found = [...program.getSyntacticDiagnostics(s), ...program.getSemanticDiagnostics(s)];
    problems.push(...found.map((d) => `${name}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
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
