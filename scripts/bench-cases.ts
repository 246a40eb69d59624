// Synthetic case files for the benchmark (and the fast-validator test): seeded, varied, generated from the case
// JSON Schema so they follow it as it changes. Same seed, same cases.
import { impliedDelivery } from '../src/case/derived/implied.js';
import type { JsonSchema } from '../src/case/json-schema.js';

export type Rng = () => number;

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Chance that an optional field is present (1: every field, so every case fact is known). */
  presence: number;
}

const WORDS = [
  'supplier',
  'order',
  'factory',
  'deposit',
  'balance',
  'Shenzhen',
  'Ningbo',
  'furniture',
  'LED',
  'panels',
  'textiles',
  'valves',
  'Co.,',
  'Ltd.',
  'Trading',
];
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** One case document (a plain value, as YAML would give it) that the case schema accepts. */
export function generateCase(schema: JsonSchema, rng: Rng, opts: GenerateOptions): Record<string, unknown> {
  const props = { ...(schema.properties ?? {}) };
  delete props.expect;
  return consistent(generate({ ...schema, properties: props }, rng, opts, '') as Record<string, any>);
}

/** Make a generated case one that validation accepts: events in a possible order, none after as_of, and no
 * "no" contradicted by a date (random dates would otherwise make most cases diagnostics, not assessments). */
function consistent(c: Record<string, any>): Record<string, unknown> {
  const slots: [Record<string, any> | undefined, string][] = [
    [c.order, 'date'],
    ...((c.order?.payments ?? []) as Record<string, any>[]).map((p): [Record<string, any>, string] => [p, 'date']),
    [c.order?.delivery, 'shipped_date'],
    [c.order?.delivery, 'receipt_confirmed_date'],
    [c.dispute, 'discovered_date'],
    [c.dispute, 'supplier_notified_date'],
    [c.dispute?.platform_dispute, 'opened_date'],
  ];
  const present = slots.filter(([o, k]) => o && typeof o[k] === 'string');
  const dates = present.map(([o, k]) => o![k] as string).sort();
  present.forEach(([o, k], i) => (o![k] = dates[i]));
  if (c.order?.delivery?.expected_date && c.order.date && c.order.delivery.expected_date < c.order.date) c.order.delivery.expected_date = c.order.date;
  if (c.as_of !== undefined || dates.length) c.as_of = [c.as_of ?? '', dates.at(-1) ?? ''].sort().at(-1);
  if (c.dispute?.supplier_notified_date) c.dispute.supplier_notified = true;
  if (c.dispute?.platform_dispute?.opened_date) c.dispute.platform_dispute.opened = true;
  // Issue 12's implied facts: a stated value must not contradict what other facts imply.
  const pd = c.dispute?.platform_dispute;
  if (pd && pd.status !== undefined) pd.opened = true;
  if (c.dispute && (pd?.opened === true || pd?.status !== undefined)) c.dispute.supplier_notified = true;
  if (c.order?.closed_date) c.order.closed = true;
  const receipt = c.order?.delivery?.receipt_confirmed_date;
  if (c.order?.closed_date && receipt && c.order.closed_date < receipt) c.order.closed_date = receipt;
  const implied = impliedDelivery(c as never);
  if (implied && c.order?.delivery?.status !== undefined) c.order.delivery.status = implied;
  // A fraud of kind bank_switch is a change of bank details: a random "false" beside it is refused (case-contradiction).
  if (c.dispute?.fraud_kind === 'bank_switch') c.dispute.bank_details_changed = true;
  return c;
}

function generate(s: JsonSchema, rng: Rng, opts: GenerateOptions, path: string): unknown {
  if (s.anyOf) return generate(pick(rng, s.anyOf), rng, opts, path);
  if (s.enum) return pick(rng, s.enum);
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        if (required.has(k) || rng() < opts.presence) out[k] = generate(sub, rng, opts, path ? `${path}.${k}` : k);
      }
      return out;
    }
    case 'array': {
      const max = Math.min((s.maxItems as number | undefined) ?? 4, 4);
      const n = Math.max((s.minItems as number | undefined) ?? 0, opts.presence >= 1 ? 1 + Math.floor(rng() * max) : Math.floor(rng() * (max + 1)));
      const items = s.items as JsonSchema;
      const list = Array.from({ length: n }, () => generate(items, rng, opts, `${path}[]`));
      return items.enum ? [...new Set(list)] : list;
    }
    case 'string':
      return s.pattern ? date(rng) : text(rng, Math.min((s.maxLength as number | undefined) ?? 80, 80));
    case 'number':
      return number(s, rng, false);
    case 'integer':
      return number(s, rng, true);
    case 'boolean':
      return rng() < 0.5;
    default:
      throw new Error(`bench-cases: cannot generate ${path} (${JSON.stringify(s).slice(0, 80)})`);
  }
}

/** A date between 2024-01-01 and 2026-12-31. */
function date(rng: Rng): string {
  return new Date(Date.UTC(2024, 0, 1) + Math.floor(rng() * 1096) * 86_400_000).toISOString().slice(0, 10);
}

function text(rng: Rng, max: number): string {
  const words = Array.from({ length: 1 + Math.floor(rng() * 5) }, () => pick(rng, WORDS));
  return words.join(' ').slice(0, max);
}

function number(s: JsonSchema, rng: Rng, integer: boolean): number {
  const min = (s.minimum as number | undefined) ?? ((s.exclusiveMinimum as number | undefined) ?? -1) + 1;
  const max = Math.min((s.maximum as number | undefined) ?? 1e6, integer ? min + 120 : 250_000);
  const x = min + rng() * (max - min);
  return integer ? Math.floor(x) : Math.round(x * 100) / 100;
}

/** Write the benchmark's inputs under dir: case.yaml (one typical case of about 80 lines, as the issue's
 * "80-line case"), case-full.yaml (every field filled, about 200 lines), and, unless a manifest says they are
 * already there, cases/ (count varied cases in folders of 1,000) and cases-100/ (the first 100 of them). */
export async function writeBenchInputs(dir: string, schema: JsonSchema, count: number, seed: number): Promise<{ generated: boolean }> {
  const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { stringify } = await import('yaml');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'case.yaml'), typicalCase(schema, seed, stringify));
  writeFileSync(join(dir, 'case-full.yaml'), `# one full synthetic case (seed ${seed})\n${stringify(generateCase(schema, seeded(seed + 1), { presence: 1 }))}`);
  // `generator`: bump when generateCase changes what it writes, so old inputs are not reused.
  const manifest = JSON.stringify({ count, seed, schema: JSON.stringify(schema).length, generator: 2 });
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile) && readFileSync(manifestFile, 'utf8') === manifest) return { generated: false };
  for (const sub of ['cases', 'cases-100']) rmSync(join(dir, sub), { recursive: true, force: true });
  const rng = seeded(seed);
  for (let i = 0; i < count; i++) {
    const presence = [0.3, 0.6, 0.85, 1][i % 4]!;
    const text = `# synthetic case ${i} (seed ${seed})\n${stringify(generateCase(schema, rng, { presence }))}`;
    const name = `${String(i).padStart(5, '0')}.yaml`;
    const folder = join(dir, 'cases', String(Math.floor(i / 1000)).padStart(3, '0'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, name), text);
    if (i < 100) {
      mkdirSync(join(dir, 'cases-100'), { recursive: true });
      writeFileSync(join(dir, 'cases-100', name), text);
    }
  }
  writeFileSync(manifestFile, manifest);
  return { generated: true };
}

/** The first generated case (from seed) of 75 to 90 lines, with a dispute type so that the report is full. */
function typicalCase(schema: JsonSchema, seed: number, stringify: (v: unknown) => string): string {
  const rng = seeded(seed + 2);
  for (let i = 0; ; i++) {
    const c = generateCase(schema, rng, { presence: 0.6 }) as { dispute?: { types?: unknown[] } };
    const text = `# a typical synthetic case (seed ${seed}, candidate ${i})\n${stringify(c)}`;
    const lines = text.split('\n').length;
    if (lines >= 75 && lines <= 90 && (c.dispute?.types?.length ?? 0) > 0) return text;
  }
}
