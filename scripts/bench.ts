// `npm run bench`: the performance targets of issue 16, measured as paired A/B runs on this machine.
// Options: --cases N (default 10000), --memory-cases N (default 50000), --node PATH (start-up rows on another Node), --pairs N (default 10; startup comparisons
// use twice as many, the long memory runs 3), --only startup,batch,memory,engine,rules. Inputs are generated (seeded) into .bench/ (gitignored); the table is
// printed and saved to .bench/results.md. Timings are noisy on a busy machine: the load average is printed.
import { cpus, loadavg, platform, release } from 'node:os';
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { writeBenchInputs } from './bench-cases.js';
import { pairs, reportRun, rssRun, RSS_HOOK, sample, timeRun, type Cmd, type Pair } from './bench-run.js';
import { checkSameFired, decidableSubset, engineCases, jreFired, syntheticSet, timePerCase, translate } from './bench-engine.js';
import { decideRules, evaluateRules } from '../src/engine/evaluate.js';
import { builtinRules } from '../test/helpers.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const CASES = Number(arg('cases', '10000'));
const PAIRS = Math.max(10, Number(arg('pairs', '10')));
const ONLY = new Set(arg('only', 'startup,batch,memory,engine,rules').split(','));
const MEMORY_CASES = Number(arg('memory-cases', '50000'));
// --node PATH: the start-up rows with another Node binary (both sides of each pair), e.g. a newer Node whose
// module.enableCompileCache the bin turns on.
const NODE = arg('node', '') || undefined;
const DIR = '.bench';
const BIN = 'bin/dispute-assess.js';
const HOOK = resolve(DIR, 'maxrss.cjs');

interface Row {
  name: string;
  a: string;
  b: string;
  unit: string;
  pair: Pair;
  target: string;
  met: boolean;
}
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

if (!existsSync('dist/cli.js')) throw new Error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
mkdirSync(DIR, { recursive: true });
writeFileSync(HOOK, RSS_HOOK);
log(`inputs: ${CASES} synthetic cases in ${DIR}/cases (seed 1) ...`);
const { generated } = await writeBenchInputs(DIR, caseJsonSchema(), CASES, 1);
log(generated ? 'inputs generated' : 'inputs already there (same seed, count and schema)');

const envs: { label: string; env: NodeJS.ProcessEnv }[] = [{ label: '', env: { ...process.env, NO_COLOR: '1' } }];
if (process.env.NODE_EXTRA_CA_CERTS) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete clean.NODE_EXTRA_CA_CERTS;
  envs[0]!.label = ' (NODE_EXTRA_CA_CERTS set)';
  envs.push({ label: ' (without NODE_EXTRA_CA_CERTS)', env: clean });
}
// A rules folder of one rule, for the --rules row.
const ONE_RULE = join(DIR, 'one-rule');
mkdirSync(ONE_RULE, { recursive: true });
writeFileSync(
  join(ONE_RULE, 'extra.yaml'),
  [
    'pack: extra',
    'description: One extra rule, to measure what a --rules folder costs.',
    'rules:',
    '  - id: extra/one',
    '    title: An extra rule',
    '    kind: advice',
    '    severity: low',
    '    rationale: Measures the cost of a rules folder.',
    '    source: [{ ref: bench-extra }]',
    '    when: { fact: dispute.supplier_position, equals: offers_full_refund }',
    '    message: An extra rule fired.',
    // A third-party pack brings its own bibliography entry.
    'sources:',
    '  bench-extra: { title: Bench rule, author: dispute-assess bench, url: "https://example.org/extra", retrieved: 2026-11-26, kind: secondary_article }',
    '',
  ].join('\n'),
);
const lines = (file: string) => readFileSync(join(DIR, file), 'utf8').split('\n').length;
const node0 = (env: NodeJS.ProcessEnv): Cmd => ({ args: ['-e', '0'], env, ...(NODE ? { node: NODE } : {}) });
const cli = (env: NodeJS.ProcessEnv, ...args: string[]): Cmd => ({ args: [BIN, ...args], env, ...(NODE ? { node: NODE } : {}) });
const startLoad = loadavg();

if (ONLY.has('startup')) {
  // The floor: read + yaml.parse + the compiled rules + one Intl.NumberFormat, bundled as the CLI is.
  const FLOOR = join(DIR, 'startup-floor.mjs');
  await esbuild({
    entryPoints: ['scripts/bench-startup-floor.mjs'],
    outfile: FLOOR,
    // As the CLI's build: yaml's ESM build.
    alias: { yaml: resolve('node_modules/yaml/browser/index.js') },
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    logLevel: 'warning',
  });
  for (const { label, env } of envs) {
    log(`startup: floor${label}`);
    const floor = pairs(
      PAIRS * 2,
      () => timeRun(node0(env)),
      () => timeRun({ args: [FLOOR, join(DIR, 'case.yaml'), 'dist/rules.compiled.json'], env, ...(NODE ? { node: NODE } : {}) }),
    );
    rows.push({
      name: `startup: floor, a bundled script that only reads the case, yaml.parse, JSON.parse of the compiled rules, one Intl.NumberFormat${label}`,
      a: 'node -e 0',
      b: 'floor script',
      unit: 'ms',
      pair: floor,
      target: '(for reference)',
      met: true,
    });
    for (const [name, args, target] of [
      [`dispute-assess case.yaml (text report, a ${lines('case.yaml')}-line case)`, [join(DIR, 'case.yaml')], 2.5],
      ['dispute-assess --format json case.yaml', ['--format', 'json', join(DIR, 'case.yaml')], 2.5],
      ['dispute-assess --explain case.yaml', ['--explain', join(DIR, 'case.yaml')], 2.5],
      [`dispute-assess case-full.yaml (every field, ${lines('case-full.yaml')} lines)`, [join(DIR, 'case-full.yaml')], 0],
      ['dispute-assess --help', ['--help'], 0],
      ['dispute-assess --version', ['--version'], 0],
    ] as const) {
      log(`startup: ${name}${label}`);
      const pair = pairs(
        PAIRS * 2,
        () => timeRun(node0(env)),
        () => timeRun(cli(env, ...args)),
      );
      rows.push({
        name: `startup: ${name}${label}`,
        a: 'node -e 0',
        b: name,
        unit: 'ms',
        pair,
        target: target ? `≤ ${target}x` : '(for reference)',
        met: !target || pair.ratio <= target,
      });
    }
  }
  log('startup: --rules with a folder of one rule');
  const last = envs[envs.length - 1]!;
  const plain = cli(last.env, join(DIR, 'case.yaml'));
  const withRules = cli(last.env, '--rules', ONE_RULE, join(DIR, 'case.yaml'));
  const pair = pairs(
    PAIRS * 2,
    () => timeRun(plain),
    () => timeRun(withRules),
  );
  rows.push({
    name: `startup: --rules DIR (one rule) vs the same run without it${last.label}`,
    a: 'dispute-assess case.yaml',
    b: 'dispute-assess --rules DIR case.yaml',
    unit: 'ms',
    pair,
    target: '≤ 1.5x',
    met: pair.ratio <= 1.5,
  });
}

if (ONLY.has('batch')) {
  log(`batch: ${CASES} cases, --format json, vs read + yaml.parse of the same files`);
  const env = envs[0]!.env;
  const floor: Cmd = { args: ['scripts/bench-parse-floor.mjs', join(DIR, 'cases')], env };
  const batch = cli(env, '--format', 'json', join(DIR, 'cases'));
  timeRun(batch);
  const pair = pairs(
    PAIRS,
    () => (timeRun(floor) / CASES) * 1000,
    () => (timeRun(batch) / CASES) * 1000,
  );
  rows.push({
    name: `batch: per-case cost, ${CASES} cases in one process`,
    a: 'read + yaml.parse',
    b: 'dispute-assess --format json DIR',
    unit: 'µs/case',
    pair,
    target: '≤ 1.3x',
    met: pair.ratio <= 1.3,
  });
}

if (ONLY.has('memory')) {
  const env = envs[0]!.env;
  const many = join(DIR, 'many');
  log(`memory: ${MEMORY_CASES} synthetic cases in ${many}/cases ...`);
  await writeBenchInputs(many, caseJsonSchema(), MEMORY_CASES, 1);
  const memPairs = 3;
  log(`memory: peak RSS and live heap, ${MEMORY_CASES} cases vs 100 (and 1,000)`);
  const json = (dir: string) => cli(env, '--format', 'json', dir);
  const peak = pairs(
    memPairs,
    () => rssRun(json(join(DIR, 'cases-100')), HOOK) / 1024,
    () => rssRun(json(join(many, 'cases')), HOOK) / 1024,
  );
  rows.push({
    name: `memory: peak RSS of a batch, ${MEMORY_CASES} cases vs 100`,
    a: '100 cases',
    b: `${MEMORY_CASES} cases`,
    unit: 'MB',
    pair: peak,
    target: '≤ 2x',
    met: peak.ratio <= 2,
  });
  // Live heap: after a full garbage collection at the end of a batch (--expose-gc), after the first 1,000 cases
  // (folder 000 of the generated ones) and after all of them. The target row counts data: the heap without V8's
  // code spaces, which grow while a long run optimises more functions (compiled code, not cases kept); the heap
  // with them is the reference row, from the same runs.
  const withCode: { a: number[]; b: number[] } = { a: [], b: [] };
  const liveOf = (dir: string, side: 'a' | 'b') => {
    const r = reportRun({ args: ['--expose-gc', ...json(dir).args], env: { ...env, BENCH_HEAP: '1' } }, HOOK);
    withCode[side].push(r.BENCH_HEAP! / 1024 / 1024);
    return r.BENCH_DATA! / 1024 / 1024;
  };
  const heap = pairs(
    memPairs,
    () => liveOf(join(many, 'cases', '000'), 'a'),
    () => liveOf(join(many, 'cases'), 'b'),
  );
  rows.push({
    name: `memory: live data after a full GC at the end (heap without compiled code), ${MEMORY_CASES} cases vs the first 1,000`,
    a: '1,000 cases',
    b: `${MEMORY_CASES} cases`,
    unit: 'MB',
    pair: heap,
    target: 'flat (≤ 1.1x)',
    met: heap.ratio <= 1.1,
  });
  const code = { a: sample(withCode.a.slice(1)), b: sample(withCode.b.slice(1)) };
  rows.push({
    name: `memory: heap in use after a full GC at the end (with compiled code), ${MEMORY_CASES} cases vs the first 1,000`,
    a: '1,000 cases',
    b: `${MEMORY_CASES} cases`,
    unit: 'MB',
    pair: { ...code, ratio: code.b.median / code.a.median },
    target: '(for reference)',
    met: true,
  });
  const one = pairs(
    PAIRS,
    () => rssRun(node0(env), HOOK) / 1024,
    () => rssRun(cli(env, join(DIR, 'case-full.yaml')), HOOK) / 1024,
  );
  rows.push({
    name: 'memory: peak RSS of one case (the full one)',
    a: 'node -e 0',
    b: 'dispute-assess case-full.yaml',
    unit: 'MB',
    pair: one,
    target: '(for reference)',
    met: true,
  });
}

if (ONLY.has('rules')) {
  const base = builtinRules();
  // Every field present; not every fact need be known (with 256 rules some derived facts never are in generated
  // cases, and none would qualify): the scaling with the rule count is what this row measures.
  const facts = engineCases(base, caseJsonSchema(), 300, 3, false);
  log(`rules: full evaluation (evaluateRules) of synthetic packs of 200, 1,000 and 5,000 rules on ${facts.length} cases`);
  const sets = new Map([200, 1000, 5000].map((n) => [n, syntheticSet(base, n)]));
  const per = new Map<number, number[]>();
  for (const [n, set] of sets) {
    await timePerCase(facts, (f) => evaluateRules(f, set));
    per.set(n, []);
  }
  for (let i = 0; i < PAIRS; i++) for (const [n, set] of sets) per.get(n)!.push(await timePerCase(facts, (f) => evaluateRules(f, set)));
  for (const n of [1000, 5000]) {
    const a = sample(per.get(200)!);
    const b = sample(per.get(n)!);
    const limit = 1.2 * (n / 200);
    rows.push({
      name: `rules: full evaluation per case, ${n} rules vs 200 (${n / 200}x the rules)`,
      a: '200 rules',
      b: `${n} rules`,
      unit: 'µs/case',
      pair: { a, b, ratio: b.median / a.median },
      target: `≤ ${limit}x`,
      met: b.median / a.median <= limit,
    });
  }
}

if (ONLY.has('engine')) await engineRow();

async function engineRow(): Promise<void> {
  const all = builtinRules();
  // Every field present; the rules whose facts are all known in every case (json-rules-engine has no "unknown").
  const facts = engineCases(all, caseJsonSchema(), 1000, 2, false);
  const set = decidableSubset(all, facts);
  log(`engine: ${set.rules.length} of ${all.rules.length} rules (every fact known) on ${facts.length} generated cases; checking fired rules ...`);
  const engines = translate(set);
  const fired = await checkSameFired(facts, set, engines);
  log(`engine: identical fired rules on all ${facts.length} cases (${(fired / facts.length).toFixed(1)} per case); timing ...`);
  const series = { decide: [] as number[], full: [] as number[], jre: [] as number[] };
  for (let i = 0; i <= PAIRS; i++) {
    const theirsFirst = i % 2 === 0;
    const jreBefore = theirsFirst ? await timePerCase(facts, (f) => jreFired(engines, f, set)) : 0;
    const decide = await timePerCase(facts, (f) => decideRules(f, set));
    const full = await timePerCase(facts, (f) => evaluateRules(f, set));
    const jre = theirsFirst ? jreBefore : await timePerCase(facts, (f) => jreFired(engines, f, set));
    if (i === 0) continue;
    series.jre.push(jre);
    series.decide.push(decide);
    series.full.push(full);
  }
  const row = (a: number[], what: string, b: string, target: boolean) => {
    const pair: Pair = { a: sample(a), b: sample(series.jre), ratio: sample(series.jre).median / sample(a).median };
    rows.push({
      name: `engine: ${set.rules.length} of the ${all.rules.length} built-in rules (those whose facts every case knows), ${facts.length} cases, same fired rules; ${what}`,
      a: b,
      b: 'json-rules-engine',
      unit: 'µs/case',
      pair,
      target: target ? '≥ 200x faster' : '(for reference)',
      met: !target || pair.ratio >= 200,
    });
  };
  row(series.decide, 'deciding which rules fire', 'decideRules', false);
  row(series.full, 'full evaluation (verdicts, findings, messages)', 'evaluateRules', false);
}

const cpu = cpus();
const head = [
  `Date: ${new Date().toISOString()}`,
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${platform()} ${release()}; Node ${process.version}${NODE ? `; start-up rows on ${NODE} (${execFileSync(NODE, ['-v'], { encoding: 'utf8' }).trim()})` : ''}`,
  `Load average (1, 5, 15 min): ${startLoad.map((x) => x.toFixed(2)).join(', ')} at start, ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} at end`,
  `Pairs: ${PAIRS} (startup: ${PAIRS * 2}), alternating A B, after one warm-up run each; ratio = median B / median A`,
  '',
  '| comparison | A | B | A median (min–max) | B median (min–max) | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.a} | ${r.b} | ${fmt(r.pair.a.median)} ${r.unit} (${fmt(r.pair.a.min)}–${fmt(r.pair.a.max)}) | ${fmt(r.pair.b.median)} ${r.unit} (${fmt(r.pair.b.min)}–${fmt(r.pair.b.max)}) | ${r.pair.ratio.toFixed(2)}x | ${r.target} | ${r.met ? 'yes' : 'NO'} |`,
  ),
].join('\n');
writeFileSync(join(DIR, 'results.md'), head + '\n');
writeFileSync(join(DIR, 'results.json'), JSON.stringify({ rows, cpu: cpu[0]?.model, node: process.version, load: [startLoad, loadavg()] }, null, 2));
process.stdout.write(head + '\n');
