// `npm run fuzz [-- --runs N --seed S --timeout MS]`: a long, seeded fuzz run over everything that reads input.
// Inputs: text edits and value changes of valid cases, schema-generated cases, random bytes, edited rule packs, and
// (issue 17) tag escapes (%XX-encoded control, bidi and separator characters), file names with such characters,
// and huge-but-small collections ([][][]..., long flow and block lists). Printed output must be terminal-safe.
// Each input runs in a worker thread; one that takes longer than the timeout is a hang (the worker is replaced).
// Prints inputs tried, crashes (exceptions or malformed results) and hangs; exits 1 if either is not 0.
// `--hang-at N` makes input N loop forever, to check that the hang detector works.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

type Kind = 'text-edit' | 'value-change' | 'schema-case' | 'random-bytes' | 'rule-edit' | 'tag-escape' | 'file-name' | 'huge-small';
interface WorkerData {
  seed: number;
  from: number;
  to: number;
  hangAt: number;
}
interface Done {
  i: number;
  kind: Kind;
  outcome: string;
  crash?: string;
  input?: string;
  ms?: number;
}
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Characters that must never reach a terminal raw (tab and line feed are layout). */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2028\u2029\ufeff]|[\u{E0000}-\u{E007F}]/u;
/** What a hostile name or tag is made of: escape-sequence pieces, C0 and C1 controls, bidi, zero-width, separators, tags. */
const HOSTILE_CHARS = [
  '\x1b',
  '[',
  ']',
  ';',
  '\x07',
  '\x00',
  '\r',
  '\n',
  '\t',
  '\x7f',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u{E0041}',
  '\u061c',
  'a',
  '2',
  'J',
  ':',
  ' ',
  '.',
  '/',
  '%',
  '中',
];

/** The UTF-8 bytes of a text as %XX escapes (how a YAML tag writes any character). */
const percent = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

if (isMainThread) await main();
else await work(workerData as WorkerData);

async function main(): Promise<void> {
  const [runs, seed, timeout, hangAt] = [arg('runs', 100_000), arg('seed', 1), arg('timeout', 5000), arg('hang-at', -1)];
  const started = Date.now();
  const outcomes = new Map<string, number>();
  const slowest = new Map<Kind, number>();
  const crashes: Done[] = [];
  const hangs: number[] = [];
  let next = 0;
  let lastReport = Date.now();
  while (next < runs) {
    next = await runWorker(
      { seed, from: next, to: runs, hangAt },
      timeout,
      (d) => {
        outcomes.set(`${d.kind} ${d.outcome}`, (outcomes.get(`${d.kind} ${d.outcome}`) ?? 0) + 1);
        slowest.set(d.kind, Math.max(slowest.get(d.kind) ?? 0, d.ms ?? 0));
        if (d.crash) crashes.push(d);
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          process.stderr.write(`fuzz: ${d.i + 1} / ${runs} inputs, ${crashes.length} crashes, ${hangs.length} hangs\n`);
        }
      },
      (i) => hangs.push(i),
    );
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: seed ${seed}, timeout ${timeout} ms per input`);
  for (const [k, n] of [...outcomes].sort()) console.log(`  ${k.padEnd(40)} ${n}`);
  console.log(
    `  slowest input per kind (ms): ${[...slowest]
      .sort()
      .map(([k, ms]) => `${k} ${ms}`)
      .join(', ')}`,
  );
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
  const { parseAndLoad } = await import('../src/cli/rule-files/source.js');
  const { readTextFile, yamlFilesIn } = await import('../src/cli/io/files.js');
  const { assess } = await import('../src/assess.js');
  const { readYaml } = await import('../src/source/read-yaml.js');
  const { validateCase } = await import('../src/case/validate.js');
  const { render } = await import('../src/report/render.js');
  const { formatDiagnostic } = await import('../src/source/diagnostics.js');
  const { safeOutput } = await import('../src/source/safe-text.js');
  const { plainColor } = await import('../src/cli/io/streams.js');
  const { join } = await import('node:path');
  const rules = builtinRules();
  const seeds = [...gen.fixtureTexts().map((f) => f.text), ...gen.validCaseTexts(20, seed)];
  const ruleTexts = yamlFilesIn(join(import.meta.dirname, '..', 'rules')).map((f) => ({ file: f, text: (readTextFile(f) as { text: string }).text }));
  const arb = fc.oneof(
    { weight: 40, arbitrary: gen.textMutationArb(seeds).map((input) => ({ kind: 'text-edit' as const, input })) },
    { weight: 25, arbitrary: gen.valueMutationArb(seeds.map((t) => parse(t) as unknown)).map((input) => ({ kind: 'value-change' as const, input })) },
    { weight: 15, arbitrary: gen.caseArb.map((c) => ({ kind: 'schema-case' as const, input: JSON.stringify(c) })) },
    { weight: 10, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => ({ kind: 'random-bytes' as const, input: Buffer.from(b).toString('latin1') })) },
    {
      weight: 10,
      arbitrary: fc.tuple(fc.nat(ruleTexts.length - 1), gen.editsArb).map(([f, edits]) => ({ kind: 'rule-edit' as const, input: JSON.stringify([f, edits]) })),
    },
    { weight: 6, arbitrary: tagEscapeArb(fc, seeds).map((input) => ({ kind: 'tag-escape' as const, input })) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(hostileNameArb(fc), fc.nat(seeds.length - 1), fc.boolean())
        .map(([name, k, tagged]) => ({ kind: 'file-name' as const, input: JSON.stringify([name, k, tagged]) })),
    },
    { weight: 3, arbitrary: hugeSmallArb(fc).map((input) => ({ kind: 'huge-small' as const, input })) },
  );
  for (let i = from; i < to; i++) {
    const { kind, input } = fc.sample(arb, { seed: seed * 1_000_003 + i, numRuns: 1 })[0]!;
    let done: Done;
    while (i === hangAt);
    const t0 = Date.now();
    try {
      done = { i, kind, outcome: run(kind, input, i), ms: Date.now() - t0 };
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
    if (kind === 'tag-escape' || kind === 'huge-small') return printed(input, 'case.yaml');
    if (kind === 'file-name') {
      const [name, k, tagged] = JSON.parse(input) as [string, number, boolean];
      const text = seeds[k]!;
      return printed(tagged ? text.replace(/: /, `: !!x${percent(name)} `) : text, `${name}.yaml`);
    }
    if (kind === 'random-bytes') {
      const text = decodeUtf8(Buffer.from(input, 'latin1'));
      if (!text.ok) return 'encoding';
      return check(gen.runPipeline(text.text, rules));
    }
    return check(gen.runPipeline(input, rules));
  }

  /** The CLI's path without the quick reader (readYaml, validate, assess, render), then what it would print
   * passed through the sanitiser: no raw control, bidi, zero-width or separator character may remain, a name
   * cannot add a line, and JSON output still reads back as the same value. */
  function printed(text: string, file: string): string {
    const doc = readYaml(text, file);
    const valid = doc.ok ? validateCase(doc.value, { today: gen.TODAY }) : doc;
    const allow = { colors: () => false, eraseLine: () => false };
    if (!valid.ok) {
      const lines = valid.diagnostics.map(formatDiagnostic);
      if (lines.some((l) => l.includes('\n'))) throw new Error('a diagnostic spans more than one line');
      terminalSafe(safeOutput(lines.join('\n'), allow));
      return check({ kind: 'diagnostics', diagnostics: valid.diagnostics });
    }
    const a = assess(valid.value, rules, { today: gen.TODAY, file, explain: true });
    const out = safeOutput(render(a, 'text', { color: plainColor, explain: true }), allow);
    terminalSafe(out);
    if (!out.split('\n')[1]?.startsWith('Dispute:')) throw new Error('the file name added a line to the report header');
    const json = render(a, 'json', { color: plainColor });
    const safeJson = safeOutput(json, allow);
    terminalSafe(safeJson);
    if (JSON.stringify(JSON.parse(safeJson)) !== JSON.stringify(JSON.parse(json))) throw new Error('sanitised JSON reads back differently');
    return check({ kind: 'assessment', assessment: JSON.parse(json) });
  }

  function terminalSafe(out: string): void {
    const m = RAW.exec(out);
    if (m)
      throw new Error(`raw U+${m[0].codePointAt(0)!.toString(16)} reaches the terminal: ${JSON.stringify(out.slice(Math.max(0, m.index - 30), m.index + 10))}`);
  }

  function check(
    r: { kind: 'diagnostics'; diagnostics: { code: string; line: number; column: number; message: string }[] } | { kind: 'assessment'; assessment: unknown },
  ): string {
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

function hostileNameArb(fc: typeof import('fast-check').default) {
  return fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 12 }).map((cs) => cs.join('').replace(/\//g, '_'));
}

/** A seed case with a tag (%-escaped hostile characters) on one value, or a %TAG directive with such a prefix. */
function tagEscapeArb(fc: typeof import('fast-check').default, seeds: readonly string[]) {
  return fc.tuple(fc.nat(seeds.length - 1), fc.nat(), hostileNameArb(fc), fc.constantFrom('!!x', '!', '!<tag:x,', 'directive')).map(([k, at, chars, form]) => {
    const text = seeds[k]!;
    if (form === 'directive') return `%TAG !e! tag:${percent(chars)}:\n---\n${text.replace(/: /, ': !e!v ')}`;
    const spots = [...text.matchAll(/: (?=\S)/g)].map((m) => m.index! + 2);
    const spot = spots.length ? spots[at % spots.length]! : 0;
    const tag = form === '!<tag:x,' ? `!<tag:x,${percent(chars)}>` : `${form}${percent(chars)}`;
    return `${text.slice(0, spot)}${tag} ${text.slice(spot)}`;
  });
}

/** Huge-but-small collections under the size limit: many tiny collections or items, alone or inside a case. */
function hugeSmallArb(fc: typeof import('fast-check').default) {
  const pieces = ['[]', '{}', '[],', '{},', '[[]]', '- ', '- []\n', '- 1\n', 'a: 1, ', '? ', '&a [] ', '*a ', '"", ', "'', ", ',', '[', '{'];
  return fc
    .tuple(fc.constantFrom(...pieces), fc.integer({ min: 1_000, max: 250_000 }), fc.constantFrom('alone', 'flow-list', 'in-case'))
    .map(([piece, n, where]) => {
      const body = piece.repeat(Math.min(n, Math.floor(900_000 / piece.length)));
      if (where === 'flow-list') return `[${body}]`;
      if (where === 'in-case') return `supplier:\n  name: x\nevidence: [${body}]\n`;
      return body;
    });
}
