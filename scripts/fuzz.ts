// `npm run fuzz [-- --runs N --seed S --timeout MS]`: a long, seeded fuzz run over everything that reads input.
// Inputs: text edits and value changes of valid cases, schema-generated cases, random bytes, and edited rule packs.
// Each input runs in a worker thread; one that takes longer than the timeout is a hang (the worker is replaced).
// Prints inputs tried, crashes (exceptions or malformed results) and hangs; exits 1 if either is not 0.
// `--hang-at N` makes input N loop forever, to check that the hang detector works.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

type Kind = 'text-edit' | 'value-change' | 'schema-case' | 'random-bytes' | 'rule-edit';
interface WorkerData { seed: number; from: number; to: number; hangAt: number }
interface Done { i: number; kind: Kind; outcome: string; crash?: string; input?: string }
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (isMainThread) await main();
else await work(workerData as WorkerData);

async function main(): Promise<void> {
  const [runs, seed, timeout, hangAt] = [arg('runs', 100_000), arg('seed', 1), arg('timeout', 5000), arg('hang-at', -1)];
  const started = Date.now();
  const outcomes = new Map<string, number>();
  const crashes: Done[] = [];
  const hangs: number[] = [];
  let next = 0;
  let lastReport = Date.now();
  while (next < runs) {
    next = await runWorker({ seed, from: next, to: runs, hangAt }, timeout, (d) => {
      outcomes.set(`${d.kind} ${d.outcome}`, (outcomes.get(`${d.kind} ${d.outcome}`) ?? 0) + 1);
      if (d.crash) crashes.push(d);
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        process.stderr.write(`fuzz: ${d.i + 1} / ${runs} inputs, ${crashes.length} crashes, ${hangs.length} hangs\n`);
      }
    }, (i) => hangs.push(i));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${seed}, timeout ${timeout} ms per input`);
  for (const [k, n] of [...outcomes].sort()) console.log(`  ${k.padEnd(40)} ${n}`);
  for (const c of crashes.slice(0, 10)) console.log(`CRASH #${c.i} (${c.kind}): ${c.crash}\n  input: ${JSON.stringify(c.input?.slice(0, 500))}`);
  for (const h of hangs.slice(0, 10)) console.log(`HANG #${h}: rerun with --seed ${seed} --runs ${h + 1} to reproduce`);
  console.log(`inputs tried: ${runs}, crashes: ${crashes.length}, hangs: ${hangs.length}, time: ${seconds} s`);
  process.exitCode = crashes.length || hangs.length ? 1 : 0;
}

/** Run inputs [from, to) in a worker; resolves to the next index to run (after a hang, the one after it). */
function runWorker(data: WorkerData, timeout: number, onDone: (d: Done) => void, onHang: (i: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: data });
    let current = data.from;
    let timer = setTimeout(hang, timeout * 4);
    function hang(): void {
      onHang(current);
      void worker.terminate();
      resolve(current + 1);
    }
    worker.on('message', (d: Done) => {
      clearTimeout(timer);
      onDone(d);
      current = d.i + 1;
      timer = setTimeout(hang, timeout);
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      onDone({ i: current, kind: 'text-edit', outcome: 'worker-error', crash: String(e) });
      resolve(current + 1);
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(Math.max(current, data.from));
    });
  });
}

async function work({ seed, from, to, hangAt }: WorkerData): Promise<void> {
  const fc = (await import('fast-check')).default;
  const { parse } = await import('yaml');
  const gen = await import('../test/property-arbitraries.js');
  const { builtinRules } = await import('../test/helpers.js');
  const { decodeUtf8 } = await import('../src/source/decode.js');
  const { parseAndLoad } = await import('../src/cli/rules-source.js');
  const { readTextFile, yamlFilesIn } = await import('../src/cli/io.js');
  const { assess } = await import('../src/assess.js');
  const { join } = await import('node:path');
  const rules = builtinRules();
  const seeds = [...gen.fixtureTexts().map((f) => f.text), ...gen.validCaseTexts(20, seed)];
  const ruleTexts = yamlFilesIn(join(import.meta.dirname, '..', 'rules')).map((f) => ({ file: f, text: (readTextFile(f) as { text: string }).text }));
  const arb = fc.oneof(
    { weight: 40, arbitrary: gen.textMutationArb(seeds).map((input) => ({ kind: 'text-edit' as const, input })) },
    { weight: 25, arbitrary: gen.valueMutationArb(seeds.map((t) => parse(t) as unknown)).map((input) => ({ kind: 'value-change' as const, input })) },
    { weight: 15, arbitrary: gen.caseArb.map((c) => ({ kind: 'schema-case' as const, input: JSON.stringify(c) })) },
    { weight: 10, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => ({ kind: 'random-bytes' as const, input: Buffer.from(b).toString('latin1') })) },
    { weight: 10, arbitrary: fc.tuple(fc.nat(ruleTexts.length - 1), gen.editsArb).map(([f, edits]) => ({ kind: 'rule-edit' as const, input: JSON.stringify([f, edits]) })) },
  );
  for (let i = from; i < to; i++) {
    const { kind, input } = fc.sample(arb, { seed: seed * 1_000_003 + i, numRuns: 1 })[0]!;
    let done: Done;
    while (i === hangAt);
    try {
      done = { i, kind, outcome: run(kind, input, i) };
    } catch (e) {
      done = { i, kind, outcome: 'crash', crash: (e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(e), input };
    }
    parentPort!.postMessage(done);
  }

  function run(kind: Kind, input: string, i: number): string {
    if (kind === 'schema-case') {
      const c = JSON.parse(input);
      const a = JSON.stringify(assess(c, rules, { today: gen.TODAY, explain: true }));
      if (a !== JSON.stringify(assess(structuredClone(c), rules, { today: gen.TODAY, explain: true }))) throw new Error('output differs between two runs');
      return check({ kind: 'assessment', assessment: JSON.parse(a) });
    }
    if (kind === 'rule-edit') {
      const [f, edits] = JSON.parse(input) as [number, Parameters<typeof gen.applyEdits>[1]];
      const texts = ruleTexts.map((t, k) => (k === f ? { ...t, text: gen.applyEdits(t.text, edits) } : t));
      const r = parseAndLoad(texts);
      if (!r.ok) return check({ kind: 'diagnostics', diagnostics: r.diagnostics });
      return check(gen.runPipeline(seeds[i % seeds.length]!, r.value));
    }
    if (kind === 'random-bytes') {
      const text = decodeUtf8(Buffer.from(input, 'latin1'));
      if (!text.ok) return 'encoding';
      return check(gen.runPipeline(text.text, rules));
    }
    return check(gen.runPipeline(input, rules));
  }

  function check(r: { kind: 'diagnostics'; diagnostics: { code: string; line: number; column: number; message: string }[] } | { kind: 'assessment'; assessment: unknown }): string {
    if (r.kind === 'assessment') {
      const v = gen.matchesAssessmentSchema(r.assessment);
      if (!v.ok) throw new Error(`assessment does not match its schema: ${JSON.stringify(v.errors).slice(0, 300)}`);
      return 'assessed';
    }
    if (r.diagnostics.length === 0) throw new Error('failed without diagnostics');
    for (const d of r.diagnostics) {
      if (!/^[a-z0-9-]+$/.test(d.code) || !(d.line >= 1) || !(d.column >= 1) || !d.message) throw new Error(`malformed diagnostic ${JSON.stringify(d)}`);
    }
    return 'diagnostics';
  }
}
