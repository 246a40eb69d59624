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

/** Peak resident memory of one run in KB, reported by the process itself at exit (a preloaded hook). */
export function rssRun(cmd: Cmd, hook: string, what: 'BENCH_MAXRSS' | 'BENCH_HEAP' = 'BENCH_MAXRSS'): number {
  const flags = cmd.args[0] === '--expose-gc' ? ['--expose-gc'] : [];
  const r = spawnSync(process.execPath, [...flags, '--require', hook, ...cmd.args.slice(flags.length)], {
    env: cmd.env,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const m = new RegExp(`${what}=(\\d+)`).exec(r.stderr?.toString() ?? '');
  if (!m) throw new Error(`bench: no peak memory reported by node ${cmd.args.join(' ')}: ${r.stderr?.toString().slice(0, 500)}`);
  return Number(m[1]);
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

/** The source of the preloaded hook that prints the peak memory at exit. */
export const RSS_HOOK =
  "process.on('exit', () => { let heap = ''; if (process.env.BENCH_HEAP && global.gc) { global.gc(); heap = 'BENCH_HEAP=' + process.memoryUsage().heapUsed + '\\n'; } require('fs').writeSync(2, '\\nBENCH_MAXRSS=' + process.resourceUsage().maxRSS + '\\n' + heap); });\n";
