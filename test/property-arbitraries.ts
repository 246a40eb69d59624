// Shared by the property tests and scripts/fuzz.ts: cases generated from the case JSON Schema (so they
// follow the schema as it changes), the pipeline run end to end, and the published assessment schema.
import { contradictions } from '../src/case/chronology.js';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { stringify } from 'yaml';
import { Chalk } from 'chalk';
import { caseJsonSchema, type JsonSchema } from '../src/case/json-schema.js';
import { caseSchema, type Case } from '../src/case/schema.js';
import { readWithDiagnostics, readYaml, YAML_LIMITS } from '../src/source/read-yaml.js';
import { isDeepStrictEqual } from 'node:util';
import { validateCase } from '../src/case/validate.js';
import { assess } from '../src/assess.js';
import { render } from '../src/report/render.js';
import { assessmentJsonSchema } from '../src/report/assessment-schema.js';
import type { RuleSet } from '../src/rules/types.js';
import type { Diagnostic } from '../src/source/diagnostics.js';
import type { Assessment } from '../src/engine/assessment.js';

export const TODAY = '2026-03-10';
const ROOT = join(import.meta.dirname, '..');

/** Dates mostly near TODAY (so deadlines and chronology interact), sometimes at the edges of what the schema accepts. */
const near = (min: number, max: number) => fc.integer({ min, max }).map((d) => new Date(Date.UTC(2026, 2, 10 + d)).toISOString().slice(0, 10));
export const dateArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: near(-400, 0) },
  { weight: 1, arbitrary: near(1, 200) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('0000-01-01', '0001-02-28', '1899-12-31', '1900-01-01', '2000-02-29', '2199-12-31', '2200-01-01', '9999-12-31', '9996-02-29'),
  },
);

const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'toString', '{order.date}', '{params.x}', '\u202e', '') },
);

/** An arbitrary for the values a JSON Schema (as generated from zod) accepts; optional keys may be absent. */
export function fromSchema(s: JsonSchema, key = ''): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((a) => fromSchema(a, key)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([k]) => k !== 'expect')
          .map(([k, v]) => [k, fromSchema(v, k)]),
      );
      return fc.record(props, { requiredKeys: (s.required as string[] | undefined) ?? [] });
    }
    case 'array': {
      const max = Math.min(Number(s.maxItems ?? 4), key === 'payments' ? 5 : 3);
      return fc.array(fromSchema(s.items as JsonSchema, key), { maxLength: max });
    }
    case 'string':
      return s.format === 'date' ? dateArb : textArb.map((t) => t.slice(0, Number(s.maxLength ?? 2000)));
    case 'integer':
      return fc.integer({ min: Number(s.minimum ?? -1e6), max: Number(s.maximum ?? 1e6) });
    case 'number': {
      const [min, max] = [Number(s.minimum ?? -1e12), Number(s.maximum ?? 1e12)];
      return fc.oneof(
        fc.constantFrom(min, max, 0, 0.01, 1),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: Math.max(min, 0), max: 50_000 }),
      );
    }
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant(undefined);
  }
}

/** Cases the zod schema accepts (parsed, as assess() receives them). */
export const caseArb: fc.Arbitrary<Case> = fromSchema(caseJsonSchema())
  .map((v) => caseSchema.safeParse(v))
  .filter((r) => r.success)
  .map((r) => r.data as Case)
  .filter((c) => contradictions(c).length === 0);

/** Generated cases that validateCase also accepts (dates in order, none after as_of), as YAML text. */
export function validCaseTexts(n: number, seed: number): string[] {
  const out: string[] = [];
  for (const c of fc.sample(caseArb, { seed, numRuns: n * 40 })) {
    const text = toYaml(c);
    const doc = readYaml(text, 'case.yaml');
    if (doc.ok && validateCase(doc.value, { today: TODAY }).ok) out.push(text);
    if (out.length === n) break;
  }
  return out;
}

/** The fixture case files, as text. */
export function fixtureTexts(): { file: string; text: string }[] {
  const dir = join(ROOT, 'fixtures');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !/\.expect\./.test(f))
    .sort()
    .map((f) => ({ file: `fixtures/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

let validator: (((v: unknown) => boolean) & { errors?: unknown }) | undefined;

/** Validate against the published assessment JSON Schema (what dist/assessment.schema.json holds). */
export function matchesAssessmentSchema(a: unknown): { ok: boolean; errors?: unknown } {
  validator ??= new Ajv2020({ strict: false, allErrors: true }).compile(assessmentJsonSchema());
  const ok = validator(JSON.parse(JSON.stringify(a)));
  return ok ? { ok } : { ok, errors: validator.errors };
}

export type PipelineResult = { kind: 'diagnostics'; diagnostics: Diagnostic[] } | { kind: 'assessment'; assessment: Assessment; json: string; text: string };

/** Everything the CLI does with one case text, minus the process: read, validate, assess, render. */
export function runPipeline(text: string, rules: RuleSet, file = 'case.yaml'): PipelineResult {
  const doc = readYaml(text, file);
  // readYaml takes the yaml library's plain road when it can: what it reads must be what the careful road reads.
  const careful = readWithDiagnostics(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file, YAML_LIMITS);
  if (doc.ok && (!careful.ok || !isDeepStrictEqual(doc.value.value, careful.value.value))) throw new Error('the plain and careful YAML roads disagree');
  if (!doc.ok) return { kind: 'diagnostics', diagnostics: doc.diagnostics };
  const valid = validateCase(doc.value, { today: TODAY });
  if (!valid.ok) return { kind: 'diagnostics', diagnostics: valid.diagnostics };
  const assessment = assess(valid.value, rules, { today: TODAY, file, explain: true });
  const color = new Chalk({ level: 0 });
  return { kind: 'assessment', assessment, json: render(assessment, 'json', { color }), text: render(assessment, 'text', { color, explain: true }) };
}

/** YAML text for a value, as a buyer's file would hold it. */
export const toYaml = (v: unknown): string => stringify(v, { lineWidth: 0 });

const SNIPPETS = [
  ':',
  ': ',
  '- ',
  '-',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!binary ',
  '!x ',
  '#',
  '"',
  "'",
  '|',
  '>',
  '? ',
  '---\n',
  '...\n',
  '\0',
  '\ufeff',
  '\u001b',
  'é',
  '中',
  '😀',
  '0',
  '-1',
  '1e308',
  '.nan',
  '~',
  'null',
  'true',
  'yes',
  '2026-02-30',
  '9999-12-31',
  '__proto__: 1\n',
  'constructor',
  '<<: *a\n',
  '%YAML 1.1\n',
];

/** One edit of a text: delete, insert, replace, duplicate or swap lines, re-indent, truncate. */
const editArb = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ op: fc.constant('line' as const), at: fc.nat(), how: fc.constantFrom('duplicate', 'swap', 'indent', 'dedent', 'delete') }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  if (e.op === 'delete') return text.slice(0, at) + text.slice(at + e.len);
  if (e.op === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.op === 'truncate') return text.slice(0, at);
  const lines = text.split('\n');
  const i = e.at % lines.length;
  const line = lines[i]!;
  if (e.how === 'duplicate') lines.splice(i, 0, line);
  else if (e.how === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
  else if (e.how === 'indent') lines[i] = `  ${line}`;
  else if (e.how === 'dedent') lines[i] = line.replace(/^ {1,2}/, '');
  else if (e.how === 'delete') lines.splice(i, 1);
  return lines.join('\n');
}

/** A few random edits, to apply with applyEdits. */
export const editsArb = fc.array(editArb, { minLength: 1, maxLength: 4 });
/** A text with the edits applied in turn. */
export const applyEdits = (text: string, edits: readonly Edit[]): string => edits.reduce(applyEdit, text);

/** A text with a few random edits. */
export const textMutationArb = (texts: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...texts), editsArb).map(([t, edits]) => applyEdits(t, edits));

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1,
    0,
    2 ** 53 + 1,
    '',
    'x'.repeat(3000),
    '2026-02-30',
    '01/02/2026',
    'usd',
    'RMB',
    'UK',
    'yes',
    null,
    [],
    {},
  ),
  dateArb,
);

/** All paths in a plain value. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
}

/** The value with one path set, deleted or renamed. */
function mutateAt(root: unknown, path: (string | number)[], how: 'set' | 'delete' | 'rename', value: unknown): unknown {
  if (path.length === 0) return how === 'set' ? value : {};
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (how === 'set') parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else {
    const old = parent[last];
    delete parent[last];
    if (how === 'rename') parent[`${String(last)}_x`] = old;
  }
  return copy;
}

/** A case value with a few random values replaced, deleted or renamed, as YAML text. */
export const valueMutationArb = (values: readonly unknown[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...values),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('set' as const, 'delete' as const, 'rename' as const), oddValue), { minLength: 1, maxLength: 3 }),
    )
    .map(([v, muts]) =>
      muts.reduce((acc, [i, how, value]) => {
        const all = paths(acc);
        return mutateAt(acc, all[i % all.length]!, how, value);
      }, v),
    )
    .map(toYaml);
