// The CLI again, as CommonJS bundles in dist/cjs/, which bin/dispute-assess.js runs: cli.cjs (what assessing
// needs, and commander; chalk included but evaluated only for colour), bundles loaded only when needed
// (validate.cjs: zod, rules-source.cjs: ajv, check-command.cjs, schema-command.cjs, interview-command.cjs with
// the prompt library), load-bundle.cjs, and a V8
// code cache for each (*.cjs.cache) made by running the CLI on sample cases, --help, check and schema.
import { build, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { generateCase, seeded } from './bench-cases.js';

const OUT = 'dist/cjs';
/** Lazy imports that become bundles of their own (zod, ajv, and the commands that use them). Commander stays in
 * cli.cjs: loaded from there, with the code cache, --help starts faster than from a bundle of its own. */
const LAZY: Record<string, string> = {
  '../case/validate.js': './validate.cjs',
  '../source/read-yaml.js': './read-yaml.cjs',
  './rules-source.js': './rules-source.cjs',
  './check-command.js': './check-command.cjs',
  './schema-command.js': './schema-command.cjs',
  './interview-command.js': './interview-command.cjs',
  './rules-command.js': './rules-command.cjs',
};

const common = {
  bundle: true,
  format: 'cjs' as const,
  platform: 'node' as const,
  target: 'node20',
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  alias: { yaml: resolve('node_modules/yaml/browser/index.js') },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifySyntax: true,
  minifyWhitespace: !process.env.BUILD_READABLE,
  legalComments: 'none' as const,
  logLevel: 'warning' as const,
};

/** Build dist/cjs/{cli,validate,rules-source,load-bundle}.cjs; `generated` resolves #case-validator. */
export async function buildCommonJs(generated: Plugin): Promise<void> {
  const lazy: Plugin = {
    name: 'lazy-bundles',
    setup(b) {
      // import('../case/validate.js') becomes a module that loads ./validate.cjs (with its code cache) when first
      // imported: through load-bundle.cjs, since a script run through node:vm cannot import().
      b.onResolve({ filter: /^\.\.?\/[a-z/-]+\.js$/ }, (args) =>
        args.kind === 'dynamic-import' && LAZY[args.path] ? { path: LAZY[args.path]!, namespace: 'lazy' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
        contents: `module.exports = require('./load-bundle.cjs').loadBundle(require('node:path').join(__dirname, ${JSON.stringify(args.path)})).exports;`,
        loader: 'js',
      }));
      b.onResolve({ filter: /\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
  // commander requires node:child_process at load (for executable subcommands, which this CLI has none of);
  // loading it pulls in net, dgram and the stream modules, milliseconds of every run with options. It gets a
  // stand-in that refuses any use instead.
  const noChildProcess: Plugin = {
    name: 'no-child-process',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        /[/\\]node_modules[/\\]commander[/\\]/.test(args.importer) ? { path: 'child_process', namespace: 'no-child-process' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'no-child-process' }, () => ({
        contents: "module.exports = new Proxy({}, { get() { throw new Error('dispute-assess starts no other process'); } });",
        loader: 'js',
      }));
    },
  };
  const result = await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, plugins: [generated, lazy, noChildProcess], metafile: true });
  const left = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import' && i.external));
  if (left.length) throw new Error(`build: cli.cjs must not import() (node:vm cannot): ${left.map((i) => i.path).join(', ')}`);
  // '../case/validate.js' (imported from src/cli/) is src/case/validate.ts; './rules-source.js' is src/cli/rules-source.ts.
  const source = (from: string) => `src/${from.startsWith('../') ? from.slice(3) : `cli/${from.slice(2)}`}`.replace(/\.js$/, '.ts');
  const own = Object.fromEntries(Object.entries(LAZY).map(([from, to]) => [to.slice(2, -4), source(from)]));
  await build({ ...common, entryPoints: { ...own, 'load-bundle': 'src/cli/load-bundle.ts' } });
  writeFileSync(join(OUT, 'batch-worker.cjs'), WORKER);
}

/** A long batch's worker thread (src/cli/batch-worker.ts): cli.cjs with its code cache, then runWorker. */
const WORKER = `'use strict';
// Written by scripts/build-cjs.ts. The worker thread of a long batch (see src/cli/batch-worker.ts).
const { workerData } = require('node:worker_threads');
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');
loadBundle(join(__dirname, 'cli.cjs')).exports.runWorker(workerData).then((code) => process.exit(code));
`;

/** Run cli.cjs on sample cases (valid and not, text and JSON), --help, check and schema, and save the code cache
 * of each bundle that was loaded. */
export function makeCodeCache(): void {
  const dir = mkdtempSync(join(tmpdir(), 'da-cache-'));
  try {
    const sample = join(dir, 'case.yaml');
    writeFileSync(sample, stringify(generateCase(caseJsonSchema(), seeded(1), { presence: 1 })));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'order: {channel: offline}\nbuyer: [1]\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', CACHE_SCRIPT, resolve(OUT, 'cli.cjs'), sample, resolve('fixtures'), bad], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Runs in a plain node (the same binary and V8 flags as the users' runs), loading as bin/dispute-assess.js does.
const CACHE_SCRIPT = `
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const [file, sample, fixtures, bad] = process.argv.slice(1);
const { loadBundle, loadedBundles } = createRequire(file)('./load-bundle.cjs');
const { main } = loadBundle(file).exports;
const io = { out: () => {}, err: () => {}, isTTY: false, errIsTTY: false, env: {} };
await main([sample], io);
await main(['--format', 'json', sample, fixtures, bad], io);
await main(['--help'], io);
await main(['--version'], io);
await main(['check', fixtures], io);
await main(['schema'], io);
for (const [path, { script }] of loadedBundles()) writeFileSync(path + '.cache', script.createCachedData());
`;
