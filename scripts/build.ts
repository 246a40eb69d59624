// Build: one ESM bundle for the CLI (dist/cli.js, run by bin/dispute-assess.js) and the library
// (dist/index.js), with shared and lazily loaded chunks (dist/chunks/: each command, zod, ajv); the runtime
// dependencies are bundled in (the package installs none). Also the JSON Schemas, the
// case-fact list and the Case type, the built-in rule packs validated and compiled (a rule error fails the build), and
// the type declarations a user's compiler reaches from dist/types/index.d.ts, which must import no dependency.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import {
  CASE_VALIDATOR_FILE,
  CONFIG_VALIDATOR_FILE,
  EXPECT_VALIDATOR_FILE,
  RULE_VALIDATOR_FILE,
  SCHEMA_JSON_FILES,
  caseValidatorSource,
  configValidatorSource,
  expectValidatorSource,
  ruleValidatorSource,
  schemaJsonSources,
} from './build-rule-validator.js';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { formatDiagnostic } from '../src/source/diagnostics.js';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { ruleFileSchema } from '../src/rules/rule-schema.js';
import { caseFactsFromSchema, caseFactsSource } from '../src/rules/case-facts.js';
import { COMPILED_RULES, sha256, type CompiledRules } from '../src/cli/rule-files/cache.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';

const STAMP_FILE = join('dist', '.build-stamp');
const started = Date.now();
// `--if-stale` (npm test): nothing to do when dist/ was built from the same sources (e.g. by npm install just before).
const stamp = buildStamp();
if (process.argv.includes('--if-stale') && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8') === stamp) {
  console.log('build: dist/ is up to date with the sources');
  process.exit(0);
}
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

// The case-path facts are generated source (committed), so assessing never builds the JSON Schema at run time.
const FACTS_FILE = 'src/rules/case-facts.generated.ts';
const facts = caseFactsSource(caseFactsFromSchema(caseJsonSchema()));
if (readFileSync(FACTS_FILE, 'utf8') !== facts) {
  writeFileSync(FACTS_FILE, facts);
  console.log(`build: ${FACTS_FILE} was out of date with the case schema and has been regenerated: commit it`);
}
// So is the Case type of the published declarations (json-schema-to-typescript), so that they import no zod.
const { CASE_TYPE_FILE, caseTypeDigest, caseTypeSource } = await import('./build-case-type.js');
if (!existsSync(CASE_TYPE_FILE) || !readFileSync(CASE_TYPE_FILE, 'utf8').includes(caseTypeDigest())) {
  writeFileSync(CASE_TYPE_FILE, await caseTypeSource());
  console.log(`build: ${CASE_TYPE_FILE} was out of date with the case schema and has been regenerated: commit it`);
}

// The validators are generated source too (ajv standalone from the JSON Schemas; zod writes the case, config and
// expectation ones), made before the rules are validated with one of them; so are the JSON Schemas the `schema`
// command prints.
const schemaTexts = schemaJsonSources();
for (const [file, source, what] of [
  [RULE_VALIDATOR_FILE, ruleValidatorSource, 'rule'],
  [CASE_VALIDATOR_FILE, caseValidatorSource, 'case'],
  [CONFIG_VALIDATOR_FILE, configValidatorSource, 'config'],
  [EXPECT_VALIDATOR_FILE, expectValidatorSource, 'expectation'],
  ...Object.entries(SCHEMA_JSON_FILES).map(([k, file]) => [file, () => schemaTexts[k as keyof typeof SCHEMA_JSON_FILES], k] as const),
] as const) {
  const text = source();
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`build: ${file} was out of date with the ${what} schema and has been regenerated: commit it`);
  }
}
const { parseAndLoad } = await import('../src/cli/rule-files/source.js');

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
// The cache, and the size and digest of each file it was compiled from (compared at start-up: an edited rule
// file is loaded and validated from source instead).
const raw = texts.map(({ file }) => ({ file, bytes: readFileSync(file) }));
writeFileSync(
  COMPILED_RULES,
  JSON.stringify({ sources: raw.map((r) => ({ file: r.file, bytes: r.bytes.length, sha256: sha256(r.bytes) })), set: rules.value } satisfies CompiledRules),
);
// The published schemas are the generated files the `schema` command prints, byte for byte.
for (const [k, text] of Object.entries(schemaTexts)) writeFileSync(`dist/${k}.schema.json`, text);
writeFileSync('dist/rules.schema.json', JSON.stringify(ruleFileSchema, null, 2) + '\n');

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'batch-worker': 'src/cli/batch/worker-main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // yaml's ESM build (its "default" export) rather than its CommonJS one: the same code, in one scope.
  alias: { yaml: resolve('node_modules/yaml/browser/index.js') },
  // The bundled CommonJS dependencies (commander, ajv) require Node's built-in modules.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: !process.env.BUILD_READABLE,
  minifyWhitespace: !process.env.BUILD_READABLE,
  minifyIdentifiers: !process.env.BUILD_READABLE,
  legalComments: 'none',
  logLevel: 'warning',
});

try {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
} catch {
  console.error('build: type declarations failed (see the errors above)');
  process.exit(2);
}
// The package keeps the declarations dist/types/index.d.ts reaches, and none of them may import a dependency.
const { pruneDeclarations } = await import('./build-declarations.js');
const { problems } = pruneDeclarations('dist/types');
if (problems.length) {
  console.error(`${problems.join('\n')}\nbuild: the published type declarations must stand alone (see above)`);
  process.exit(2);
}
writeFileSync(STAMP_FILE, stamp);
console.log(`build: ${rules.value.rules.length} rules, dist/ written in ${Date.now() - started} ms`);

/** A hash of everything the build reads: sources, rules, the build scripts, the lock file and the configs. */
function buildStamp(): string {
  const hash = createHash('sha256');
  const files = [
    'src',
    'rules',
    'scripts/build.ts',
    'scripts/build-rule-validator.ts',
    'scripts/build-case-type.ts',
    'scripts/build-declarations.ts',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
  ]
    .flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p, { recursive: true, encoding: 'utf8' }).map((f) => join(p, f)) : [p]))
    .filter((f) => statSync(f).isFile())
    .sort();
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}
