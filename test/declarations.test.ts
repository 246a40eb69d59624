// The published type declarations stand alone: the runtime dependencies are bundled into dist/ and not installed
// for a user, so a declaration importing one (zod, chalk, yaml, ajv) would be an error or a silent `any` in the
// user's compiler. The build keeps only what dist/types/index.d.ts reaches and refuses a dependency's types
// (scripts/build-declarations.ts); scripts/pack-smoke.sh type-checks a user's file against the installed package.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { pruneDeclarations } from '../scripts/build-declarations.js';
import { ROOT } from './helpers.js';

const TYPES = join(ROOT, 'dist', 'types');

describe('the published declarations', () => {
  it('import only each other and Node built-ins', () => {
    const files = readdirSync(TYPES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'));
    const outside = files.flatMap((f) =>
      ts
        .preProcessFile(readFileSync(join(TYPES, f), 'utf8'), true, true)
        .importedFiles.map((i) => i.fileName)
        .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'))
        .map((spec) => `${f} -> ${spec}`),
    );
    expect(files).toContain('index.d.ts');
    expect(outside).toEqual([]);
  });

  it('type-check as a strict user compiler checks them (skipLibCheck off)', () => {
    const program = ts.createProgram([join(TYPES, 'index.d.ts')], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toEqual([]);
  });

  it('are pruned to what index.d.ts reaches, and an import of a dependency or of a missing file is reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-decl-'));
    mkdirSync(join(dir, 'report'));
    writeFileSync(join(dir, 'index.d.ts'), "export type { Colors } from './report/colors.js';\nexport type { Options } from './report/options.js';\n");
    writeFileSync(join(dir, 'report', 'colors.d.ts'), '/** not an import: `import { x } from "y"` */\nexport interface Colors { (text: string): string }\n');
    writeFileSync(
      join(dir, 'report', 'options.d.ts'),
      "import type { ChalkInstance } from 'chalk';\nexport interface Options { color?: ChalkInstance; width?: import('./width.js').Width }\n",
    );
    writeFileSync(join(dir, 'report', 'stray.d.ts'), "import * as z from 'zod';\nexport declare const s: z.ZodString;\n");
    const r = pruneDeclarations(dir);
    expect(r.kept.sort()).toEqual(['index.d.ts', join('report', 'colors.d.ts'), join('report', 'options.d.ts')]);
    expect(r.removed).toEqual([join('report', 'stray.d.ts')]);
    expect(r.problems).toEqual([
      `${join('report', 'options.d.ts')} imports chalk (a dependency: the package installs none)`,
      `${join('report', 'options.d.ts')} imports ./width.js, which is not there`,
    ]);
    expect(readdirSync(join(dir, 'report')).sort()).toEqual(['colors.d.ts', 'options.d.ts']);
  });
});
