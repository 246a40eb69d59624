#!/usr/bin/env node
// Moves TypeScript modules with `git mv` and rewrites every relative import that points at them (static
// imports and exports, import(), vi.mock/importActual) and every repository path string ('src/cli/x.ts').
// Usage: node move-modules.mjs MAP.json   (MAP: { "src/cli/old.ts": "src/cli/dir/new.ts", ... }), run at repo root.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const map = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const moves = new Map(Object.entries(map).map(([a, b]) => [path.normalize(a), path.normalize(b)]));
for (const from of moves.keys()) if (!existsSync(from)) throw new Error(`no such file: ${from}`);

const ROOTS = ['src', 'test', 'scripts', 'bin'];
const DOCS = ['ARCHITECTURE.md', 'CONTRIBUTING.md', 'README.md', 'eslint.config.js', 'vitest.config.ts', 'package.json'];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) { if (name !== 'node_modules' && name !== 'fixtures') walk(p); }
    else if (/\.(ts|mts|js|mjs)$/.test(name)) files.push(p);
  }
}
ROOTS.forEach((r) => existsSync(r) && walk(r));

const newPath = (p) => moves.get(p) ?? p;
// A specifier's target on disk: './x.js' may name x.ts.
function target(fromFile, spec) {
  const abs = path.normalize(path.join(path.dirname(fromFile), spec));
  for (const cand of [abs, abs.replace(/\.js$/, '.ts'), abs.replace(/\.mjs$/, '.mts')]) if (moves.has(cand) || existsSync(cand)) return { abs: cand, viaJs: cand !== abs };
  return null;
}
function spec(fromFile, toFile, viaJs) {
  let rel = path.relative(path.dirname(fromFile), toFile);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return viaJs ? rel.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs') : rel;
}
const IMPORT = /((?:\bfrom|\bimport|\bimport\(|\bmock\(|\bimportActual\(|\bimportMock\(|\brequire\()\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;
let rewritten = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(IMPORT, (all, pre, q, s) => {
    const t = target(file, s);
    if (!t) return all;
    const next = spec(newPath(file), newPath(t.abs), t.viaJs);
    if (next === s) return all;
    rewritten++;
    return `${pre}${q}${next}${q}`;
  });
  const out2 = replacePaths(out);
  if (out2 !== text) writeFileSync(file, out2);
}
for (const doc of DOCS) if (existsSync(doc)) { const t = readFileSync(doc, 'utf8'); const o = replacePaths(t); if (o !== t) writeFileSync(doc, o); }
function replacePaths(text) {
  let o = text;
  for (const [a, b] of moves) o = o.split(a).join(b);
  return o;
}
for (const [a, b] of moves) {
  mkdirSync(path.dirname(b), { recursive: true });
  execFileSync('git', ['mv', a, b]);
}
console.log(`moved ${moves.size} files, rewrote ${rewritten} import specifiers`);
