// Running commands for the benchmark: paired, alternating A B A B runs, wall time or peak memory of each.
import { spawnSync } from 'node:child_process';

export interface Sample {
  values: number[];
  median: number;
  min: number;
  max: number;
}
export interface Pair {
  a: Sample;
  b: Sample;
  ratio: number;
}

/** A command: arguments to node, and the environment to run it in. */
export interface Cmd {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The node binary (default: the one running the bench), e.g. a newer Node for the start-up rows. */
  node?: string;
}

/** Summary statistics of a list of numbers. */
export function sample(values: number[]): Sample {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { values, median, min: s[0]!, max: s[s.length - 1]! };
}

/** Wall time of one run in ms (stdout discarded); throws when the command fails unexpectedly. */
export function timeRun(cmd: Cmd, okCodes: number[] = [0]): number {
  const start = performance.now();
  const r = spawnSync(cmd.node ?? process.execPath, cmd.args, { env: cmd.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`bench: node ${cmd.args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
  return ms;
}

/** What the preloaded hook reported at exit (BENCH_MAXRSS in KB, BENCH_HEAP and BENCH_DATA in bytes). */
export function reportRun(cmd: Cmd, hook: string): Record<string, number> {
  const flags = cmd.args[0] === '--expose-gc' ? ['--expose-gc'] : [];
  const r = spawnSync(cmd.node ?? process.execPath, [...flags, '--require', hook, ...cmd.args.slice(flags.length)], {
    env: cmd.env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  // The first report of each (a batch worker reports before its parent process).
  const out: Record<string, number> = {};
  for (const [, k, v] of (r.stderr?.toString() ?? '').matchAll(/(BENCH_[A-Z]+)=(\d+)/g)) out[k!] ??= Number(v);
  if (out.BENCH_MAXRSS === undefined) throw new Error(`bench: no peak memory reported by node ${cmd.args.join(' ')}: ${r.stderr?.toString().slice(0, 500)}`);
  return out;
}

/** Peak resident memory of one run in KB (or another figure the hook reports), from the process itself at exit. */
export function rssRun(cmd: Cmd, hook: string, what: 'BENCH_MAXRSS' | 'BENCH_HEAP' | 'BENCH_DATA' = 'BENCH_MAXRSS'): number {
  const v = reportRun(cmd, hook)[what];
  if (v === undefined) throw new Error(`bench: node ${cmd.args.join(' ')} reported no ${what}`);
  return v;
}

/** Run A and B alternately (A B A B ...), after one unmeasured warm-up run of each. */
export function pairs(n: number, a: () => number, b: () => number): Pair {
  a();
  b();
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    xs.push(a());
    ys.push(b());
  }
  const sa = sample(xs);
  const sb = sample(ys);
  return { a: sa, b: sb, ratio: sb.median / sa.median };
}

/** The source of the preloaded hook that prints the peak memory at exit; with BENCH_HEAP (and --expose-gc), after a
 * full collection, the heap in use (BENCH_HEAP) and the part of it that is data, not compiled code (BENCH_DATA:
 * every heap space but V8's code spaces, which grow as more functions are optimised over a long run). */
export const RSS_HOOK =
  "process.on('exit', () => { let heap = ''; if (process.env.BENCH_HEAP && global.gc) { global.gc(); const code = require('v8').getHeapSpaceStatistics().filter((s) => s.space_name.startsWith('code_')).reduce((n, s) => n + s.space_used_size, 0); const used = process.memoryUsage().heapUsed; heap = 'BENCH_HEAP=' + used + '\\nBENCH_DATA=' + (used - code) + '\\n'; } require('fs').writeSync(2, '\\nBENCH_MAXRSS=' + process.resourceUsage().maxRSS + '\\n' + heap); });\n";
