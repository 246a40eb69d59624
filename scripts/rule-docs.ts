// The rule reference, generated from the rule files: docs/rules/ (a page per rule, the derived facts, an
// index) and dist/rule-fixtures.json (which fixtures fire each rule, for `dispute-assess rules <id>`).
// Run by `npm run build` after scripts/build.ts; `--check` only compares (exit 1 when a page is stale).
// test/rule-docs.test.ts generates the same pages in memory and compares them with the committed ones.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAndLoad } from '../src/cli/rule-files/source.js';
import { readTextFile, yamlFilesIn } from '../src/cli/io/files.js';
import { findFixtures } from '../src/cli/io/find-fixtures.js';
import { runFixture } from '../src/check/run-fixture.js';
import { formatDiagnostic } from '../src/source/diagnostics.js';
import { ruleReferencePages, type FixtureIndex, type ReferenceOptions } from '../src/rules/reference.js';
import type { RuleSet } from '../src/rules/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCS_DIR = 'docs/rules';
export const FIXTURE_INDEX = 'dist/rule-fixtures.json';
/** Fixtures are assessed as of this date when they give none (as `check` in the tests), so the pages do not move. */
const TODAY = '2026-06-01';

/** The built-in rule set, read from rules/*.yaml with the full validation. */
function builtinRules(): RuleSet {
  const texts = yamlFilesIn(join(ROOT, 'rules')).map((file) => {
    const r = readTextFile(file);
    if (!r.ok) throw new Error(formatDiagnostic(r.diagnostic));
    return { file: relative(ROOT, file), text: r.text };
  });
  const set = parseAndLoad(texts);
  if (!set.ok) throw new Error(set.diagnostics.map(formatDiagnostic).join('\n'));
  return set.value;
}

/** Which fixtures under fixtures/ fire and decide each rule. */
export function fixtureIndex(set: RuleSet): FixtureIndex {
  const { fixtures } = findFixtures([join(ROOT, 'fixtures')]);
  const index: FixtureIndex = { fires: {}, decides: {} };
  for (const f of fixtures) {
    const file = relative(ROOT, f.file);
    const text = readFileSync(f.file, 'utf8');
    const expect = f.expect ? { file: relative(ROOT, f.expect), text: readFileSync(f.expect, 'utf8') } : undefined;
    const r = runFixture({ file, text, ...(expect ? { expect } : {}) }, set, TODAY);
    for (const id of r.fired) (index.fires[id] ??= []).push(file);
    for (const id of r.decided) (index.decides[id] ??= []).push(file);
  }
  for (const list of [...Object.values(index.fires), ...Object.values(index.decides)]) list.sort();
  return index;
}

/** Where each derived fact is defined: the file of the first line naming it in src/case/derive.ts or src/case/derived/
 * (no line number: the pages would go stale with every edit above it). */
export function derivedDefinitions(): Record<string, string> {
  const files = [
    'src/case/derive.ts',
    ...readdirSync(join(ROOT, 'src/case/derived'))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => `src/case/derived/${f}`),
  ];
  const out: Record<string, string> = {};
  // `name: 'derived.x'`, or a helper called with the name first (`deadline('derived.x', ...)`), not a read (`ctx.fact('derived.x')`).
  const DEF = /(?:name:\s*|\b(?!fact\b)[A-Za-z]\w*\(\s*)['"](derived\.[a-z0-9_]+)['"]/g;
  for (const file of files) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(DEF)) out[m[1]!] ??= file;
  }
  return out;
}

/** The reference's inputs and pages, in memory. */
export function generateRuleDocs(): { pages: Map<string, string>; options: Required<ReferenceOptions> } {
  const set = builtinRules();
  const options = { fixtures: fixtureIndex(set), definedIn: derivedDefinitions() };
  return { pages: ruleReferencePages(set, options), options };
}

/** Committed pages that differ from the generated ones, are missing, or are no longer generated. */
export function stalePages(pages: Map<string, string>): string[] {
  const dir = join(ROOT, DOCS_DIR);
  const onDisk = existsSync(dir) ? walk(dir).map((f) => relative(dir, f)) : [];
  const stale = [...pages].filter(([path, text]) => !existsSync(join(dir, path)) || readFileSync(join(dir, path), 'utf8') !== text).map(([path]) => path);
  return [...stale, ...onDisk.filter((p) => !pages.has(p))].sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { pages, options } = generateRuleDocs();
  if (process.argv.includes('--check')) {
    const stale = stalePages(pages);
    if (stale.length) {
      console.error(
        `rule-docs: ${stale.length} page(s) under ${DOCS_DIR} are stale: ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ', ...' : ''}\nrun npm run build and commit docs/rules`,
      );
      process.exit(1);
    }
  } else {
    const stale = stalePages(pages);
    const dir = join(ROOT, DOCS_DIR);
    for (const path of stale) {
      const text = pages.get(path);
      if (text === undefined) rmSync(join(dir, path));
      else {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    if (existsSync(join(ROOT, 'dist'))) writeFileSync(join(ROOT, FIXTURE_INDEX), JSON.stringify(options.fixtures.fires) + '\n');
    console.log(`rule-docs: ${pages.size} pages, ${stale.length} written or removed, in ${Date.now() - started} ms`);
  }
}
