// Build: one ESM bundle for the CLI (lazy chunks for commands), the library entry, the JSON Schemas,
// and the built-in rule packs validated and compiled (a rule error fails the build).
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { formatDiagnostic } from '../src/source/diagnostics.js';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { expectJsonSchema } from '../src/case/expect-schema.js';
import { ruleFileSchema } from '../src/rules/rule-schema.js';
import { assessmentJsonSchema } from '../src/report/assessment-schema.js';
import { hashTexts, parseAndLoad } from '../src/cli/rules-source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io.js';

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const texts = yamlFilesIn('rules').map((file) => {
  const r = readTextFile(file);
  if (!r.ok) throw new Error(formatDiagnostic(r.diagnostic));
  return { file, text: r.text };
});
const rules = parseAndLoad(texts);
if (!rules.ok) {
  console.error(rules.diagnostics.map(formatDiagnostic).join('\n'));
  console.error('build: the built-in rules are invalid');
  process.exit(2);
}
writeFileSync('dist/rules.compiled.json', JSON.stringify({ hash: hashTexts(texts), set: rules.value }));
writeFileSync('dist/case.schema.json', JSON.stringify(caseJsonSchema(), null, 2) + '\n');
writeFileSync('dist/expect.schema.json', JSON.stringify(expectJsonSchema(), null, 2) + '\n');
writeFileSync('dist/rules.schema.json', JSON.stringify(ruleFileSchema, null, 2) + '\n');
writeFileSync('dist/assessment.schema.json', JSON.stringify(assessmentJsonSchema(), null, 2) + '\n');

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
} catch {
  console.error('build: type declarations failed (see the errors above)');
  process.exit(2);
}
console.log(`build: ${rules.value.rules.length} rules, dist/ written in ${Date.now() - started} ms`);
