// Where start-up time goes, by source module: `npm run profile -- <args of dispute-assess>`.
// Builds a readable bundle (BUILD_READABLE=1, whose "// src/..." comments mark where each module starts),
// runs the CLI N times under `node --cpu-prof`, and prints the average self time per module (bundle code
// mapped back to its source module; Node's own start-up, module loading and GC as their own lines).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Profile {
  nodes: { id: number; callFrame: { url: string; lineNumber: number; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const RUNS = Number(process.env.PROFILE_RUNS ?? 10);
execFileSync('npx', ['tsx', 'scripts/build.ts'], { env: { ...process.env, BUILD_READABLE: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
const dir = mkdtempSync(join(tmpdir(), 'da-prof-'));
for (let i = 0; i < RUNS; i++)
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', 'bin/dispute-assess.js', ...args], { stdio: 'ignore' });

const markers = new Map<string, { line: number; module: string }[]>();
/** The source module a line of a bundle belongs to, from esbuild's "// path" comments. */
function moduleAt(url: string, line: number): string {
  if (!url.includes('/dist/')) return url.startsWith('node:') ? `(node) ${url.replace(/^node:internal\/(modules\/)?/, '').split('/')[0]}` : url || '(native)';
  const file = url.replace('file://', '');
  if (!markers.has(file)) {
    const list: { line: number; module: string }[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
        if (m)
          list.push({
            line: i,
            module: m[1]!.replace(/^node_modules\/([^/]+(?:\/[^/]+)?).*$/, (_, pkg: string) => `node_modules/${pkg.startsWith('@') ? pkg : pkg.split('/')[0]}`),
          });
      });
    markers.set(file, list);
  }
  let found = `${file.replace(/^.*\/dist\//, 'dist/')} (bundle glue)`;
  for (const m of markers.get(file)!) if (m.line <= line) found = m.module;
  return found;
}

const total = new Map<string, number>();
const files = readdirSync(dir);
for (const f of files) {
  const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profile;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  p.samples.forEach((id, i) => {
    const n = nodes.get(id)!;
    const key = n.callFrame.url ? moduleAt(n.callFrame.url, n.callFrame.lineNumber) : `(${n.callFrame.functionName})`;
    total.set(key, (total.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000 / files.length);
  });
}
rmSync(dir, { recursive: true, force: true });
const sum = [...total.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`dispute-assess ${args.join(' ')}: ${files.length} profiled runs, ${sum.toFixed(1)} ms of samples on average (profiling adds overhead)\n`);
for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`${ms.toFixed(2).padStart(8)} ms  ${k}\n`);
