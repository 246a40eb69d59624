// Validating a case document with the validator ajv generated from the case JSON Schema (which zod writes from
// src/case/schema.ts at build time), with positioned diagnostics, then its chronology. zod itself is not loaded.
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, formatPath, type Diagnostic, type Result } from '../source/diagnostics.js';
import { listOf } from '../source/suggest.js';
import type { Case } from './case-type.generated.js';
import { allowedKeys, schemaAt, type JsonSchema } from './schema-walk.js';
import { validate as validateGenerated, schema as caseSchemaJson } from './case-validator.generated.js';
import { dateHint, enumGuess, quote, typeHint } from './validate-hints.js';
import { checkChronology } from './chronology.js';

/** Diagnostics reported per case file at most; the rest are counted in one more. */
const MAX_DIAGNOSTICS = 50;

export interface ValidateOptions {
  /** The assessment date given on the command line (overrides the case's as_of, as in assess()). */
  asOf?: string;
  /** Today's date, used when neither asOf nor the case's as_of is given (with a day's slack for time zones). */
  today?: string;
}

/** Validate a parsed case document; diagnostics carry file, line and column. Impossible dates are diagnostics too. */
export function validateCase(doc: YamlDoc, opts: ValidateOptions = {}): Result<Case> {
  const shape = validateCaseShape(doc);
  if (!shape.ok) return shape;
  const data = shape.value;
  const asOf = opts.asOf ?? data.as_of ?? opts.today;
  const slack = opts.asOf === undefined && data.as_of === undefined ? 1 : 0;
  const chrono = checkChronology(data, asOf, slack).map((c) => ({
    ...diag(c.code, c.message, { file: doc.file, path: c.path, ...doc.locate(c.path) }),
    severity: c.severity,
  }));
  return chrono.length ? { ok: false, diagnostics: chrono } : { ok: true, value: data };
}

/** The schema's part of validateCase (structure, types, values), without the chronology: what the interview
 * checks after each answer, with the same validator and the same diagnostics as the main command. */
export function validateCaseShape(doc: YamlDoc): Result<Case> {
  if (doc.value === null || doc.value === undefined) {
    return {
      ok: false,
      diagnostics: [
        diag('case-empty', 'the case file is empty (or only comments): expected a mapping with sections such as dispute, order, supplier, evidence', {
          file: doc.file,
        }),
      ],
    };
  }
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return {
      ok: false,
      diagnostics: [
        diag('case-type', `expected a mapping with sections such as dispute, order, supplier, evidence; got ${describe(doc.value)}`, {
          file: doc.file,
          ...doc.locate([]),
        }),
      ],
    };
  }
  if (!validateGenerated(doc.value))
    return { ok: false, diagnostics: cap(schemaErrorsToDiagnostics(validateGenerated.errors ?? [], doc, caseSchemaJson), doc.file) };
  return { ok: true, value: doc.value as Case };
}

function cap(list: Diagnostic[], file: string): Diagnostic[] {
  if (list.length <= MAX_DIAGNOSTICS) return list;
  return [...list.slice(0, MAX_DIAGNOSTICS), diag('too-many-problems', 'more problems not shown; fix these first', { file })];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value (remove the line, or fill it in)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${quote(v)}`;
  if (typeof v === 'number' && Number.isNaN(v)) return '.nan';
  return `${typeof v} ${String(v)}`;
}

/** A schema problem in zod's terms (the diagnostics were written against zod's issues; the generated validator's
 * errors are read into the same shape). Paths are absolute. */
type Issue =
  | { code: 'unrecognized_keys'; path: Path; keys: string[]; allowed: string[] }
  | { code: 'invalid_value'; path: Path; values: unknown[] }
  | { code: 'invalid_type'; path: Path; expected: string; isDate: boolean }
  | { code: 'invalid_format'; path: Path; format: string; example?: string }
  | { code: 'invalid_union'; path: Path; branches: Issue[][] }
  | { code: 'too_small' | 'too_big'; path: Path; origin: 'string' | 'array' | 'number'; limit: number; inclusive: boolean }
  | { code: 'invalid'; path: Path; message: string };
type Path = (string | number)[];
/** Problems that do not stop zod from taking a value (the value has the right shape; a check on it failed). */
const CHECKS = new Set<Issue['code']>(['unrecognized_keys', 'too_small', 'too_big', 'invalid_format']);

/** An error of a generated validator: the fields of ajv's ErrorObject read here (so ajv's errors fit it, and the
 * published declarations need no ajv). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

/** Diagnostics for the errors of a generated validator (ajv, allErrors) over a document: one per problem, in the
 * order of the schema's keys (unknown keys of a mapping after its known ones), as zod reported them. `prefix`:
 * where the validated value sits in the document (check's `expect:` block inside a case), for names and positions. */
export function schemaErrorsToDiagnostics(
  errors: readonly SchemaError[],
  doc: YamlDoc,
  schema: Record<string, unknown>,
  { prefix = [] }: { prefix?: readonly (string | number)[] } = {},
): Diagnostic[] {
  const value = prefix.length ? valueAt(doc.value, prefix) : doc.value;
  const issues = toIssues(errors, value, schema as JsonSchema);
  const out: Diagnostic[] = [];
  for (const issue of sortIssues(issues, schema as JsonSchema)) {
    if (out.length > MAX_DIAGNOSTICS) break;
    out.push(...issueToDiagnostics(prefix.length ? prefixed(issue, prefix) : issue, doc));
  }
  return out;
}

/** An issue (and the issues of a union's alternatives) with its paths put under `prefix`. */
function prefixed(issue: Issue, prefix: readonly (string | number)[]): Issue {
  const path = [...prefix, ...issue.path];
  return issue.code === 'invalid_union' ? { ...issue, path, branches: issue.branches.map((b) => b.map((i) => prefixed(i, prefix))) } : { ...issue, path };
}

/** Whether an error is at a document location or below it. */
const under = (e: SchemaError, instancePath: string) => e.instancePath === instancePath || e.instancePath.startsWith(`${instancePath}/`);

/** Errors as issues. The generated validator checks each mapping and each anyOf in a function of its own, so an
 * error's schemaPath is relative to the nearest of them; where the schema is needed, it is looked up by the
 * document path instead. The alternatives of an anyOf are never split, so their errors sit under it. */
function toIssues(errors: readonly SchemaError[], root: unknown, schema: JsonSchema): Issue[] {
  const unions = errors.filter(
    (e) =>
      e.keyword === 'anyOf' && !errors.some((o) => o !== e && o.keyword === 'anyOf' && under(e, o.instancePath) && e.schemaPath.startsWith(`${o.schemaPath}/`)),
  );
  const branchOf = (e: SchemaError) => unions.find((u) => u !== e && under(e, u.instancePath) && e.schemaPath.startsWith(`${u.schemaPath}/`));
  // A value an enum or const rejects is an invalid value whatever its type (zod's enums do not report the type).
  const valued = new Set(
    errors.filter((e) => e.keyword === 'enum' || e.keyword === 'const').map((e) => `${e.instancePath}\0${e.schemaPath.replace(/\/(enum|const)$/, '')}`),
  );
  const out: Issue[] = [];
  for (const e of errors) {
    if (branchOf(e) || e.keyword === 'propertyNames') continue;
    const path = pointerToPath(e.instancePath, root);
    const here = schemaAt(schema, path);
    const p = e.params as Record<string, unknown>;
    const key = (e as { propertyName?: string }).propertyName;
    if (key !== undefined) {
      // A key a record's propertyNames rejects: an unknown key of that mapping.
      if (e.keyword === 'enum') out.push({ code: 'unrecognized_keys', path, keys: [key], allowed: ((p.allowedValues as unknown[]) ?? []).map(String) });
      continue;
    }
    switch (e.keyword) {
      case 'anyOf': {
        const branches = (here?.anyOf ?? []).map((_, i) => {
          const prefix = `${e.schemaPath}/${i}/`;
          const own = errors
            .filter((o) => o !== e && under(o, e.instancePath) && o.schemaPath.startsWith(prefix))
            .map((o) => ({ ...o, schemaPath: `#/${o.schemaPath.slice(prefix.length)}` }));
          return toIssues(own, root, schema);
        });
        // As zod: when exactly one alternative took the value and only its checks failed (unknown keys, lengths,
        // ranges, formats), those are the problems; otherwise the value matches no alternative.
        const took = branches.filter((b) => b.length > 0 && b.every((i) => CHECKS.has(i.code)));
        if (took.length === 1) out.push(...took[0]!);
        else out.push({ code: 'invalid_union', path, branches });
        break;
      }
      case 'additionalProperties':
        out.push({ code: 'unrecognized_keys', path, keys: [String(p.additionalProperty)], allowed: allowedKeys(here) });
        break;
      case 'required': {
        const missing = String(p.missingProperty);
        const own = schemaAt(schema, [...path, missing]);
        // zod reports a missing enum as a value it does not allow, anything else as a missing value of its type.
        if (own?.enum) out.push({ code: 'invalid_value', path: [...path, missing], values: own.enum });
        else out.push({ code: 'invalid_type', path: [...path, missing], expected: String(own?.type ?? 'value'), isDate: own?.format === 'date' });
        break;
      }
      case 'enum':
        out.push({ code: 'invalid_value', path, values: (p.allowedValues as unknown[]) ?? [] });
        break;
      case 'const':
        out.push({ code: 'invalid_value', path, values: [p.allowedValue] });
        break;
      case 'type': {
        if (valued.has(`${e.instancePath}\0${e.schemaPath.replace(/\/type$/, '')}`)) break;
        const got = valueAt(root, path);
        const expected = p.type === 'integer' ? (typeof got === 'number' && Number.isFinite(got) ? 'int' : 'number') : String(p.type);
        out.push({ code: 'invalid_type', path, expected, isDate: here?.format === 'date' });
        break;
      }
      case 'pattern': {
        const example = Array.isArray(here?.examples) && typeof here.examples[0] === 'string' ? here.examples[0] : undefined;
        out.push({ code: 'invalid_format', path, format: here?.format === 'date' ? 'date' : 'regex', ...(example ? { example } : {}) });
        break;
      }
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum':
        out.push({
          code: e.keyword.endsWith('inimum') ? 'too_small' : 'too_big',
          path,
          origin: 'number',
          limit: Number(p.limit),
          inclusive: !e.keyword.startsWith('exclusive'),
        });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
        out.push({
          code: e.keyword.startsWith('min') ? 'too_small' : 'too_big',
          path,
          origin: e.keyword.endsWith('Length') ? 'string' : 'array',
          limit: Number(p.limit),
          inclusive: true,
        });
        break;
      default:
        out.push({ code: 'invalid', path, message: `does not match the schema (${e.keyword})` });
    }
  }
  return out;
}

/** Issues in the order zod gave them: depth first in the order of the schema's keys, a mapping's unknown keys
 * after its known ones (in the document's order), list items in order. Stable for everything else. */
function sortIssues(issues: Issue[], schema: JsonSchema): Issue[] {
  const keyOf = (issue: Issue): number[] => {
    const out: number[] = [];
    let node: JsonSchema | undefined = schemaAt(schema, []);
    for (const seg of issue.path) {
      if (typeof seg === 'number') out.push(seg);
      else {
        const keys = allowedKeys(node);
        const i = keys.indexOf(seg);
        out.push(i === -1 ? Number.MAX_SAFE_INTEGER : i);
      }
      node = schemaAt(schema, issue.path.slice(0, out.length));
    }
    // A mapping's unknown keys come after every problem inside it.
    if (issue.code === 'unrecognized_keys') out.push(Number.MAX_SAFE_INTEGER);
    return out;
  };
  const keyed = issues.map((issue, i) => ({ issue, key: keyOf(issue), i }));
  keyed.sort((a, b) => {
    for (let j = 0; j < Math.min(a.key.length, b.key.length); j++) if (a.key[j] !== b.key[j]) return a.key[j]! - b.key[j]!;
    return a.key.length !== b.key.length ? a.key.length - b.key.length : a.i - b.i;
  });
  // zod reports a mapping's unknown keys as one issue.
  const out: Issue[] = [];
  for (const { issue } of keyed) {
    const last = out.at(-1);
    if (issue.code === 'unrecognized_keys' && last?.code === 'unrecognized_keys' && formatPath(last.path) === formatPath(issue.path))
      last.keys.push(...issue.keys);
    else out.push(issue);
  }
  return out;
}

/** A JSON pointer into the document as a path (list indices as numbers). */
function pointerToPath(pointer: string, root: unknown): Path {
  const path: Path = [];
  let v: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step: string | number = Array.isArray(v) && /^\d+$/.test(seg) ? Number(seg) : seg;
    path.push(step);
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function issueToDiagnostics(issue: Issue, doc: YamlDoc): Diagnostic[] {
  const path = issue.path;
  const where = (p: (string | number)[], at: 'key' | 'value' = 'value') => ({ file: doc.file, path: p, ...doc.locate(p, at) });
  const name = formatPath(path);
  const got = valueAt(doc.value, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = issue.allowed;
      return issue.keys.slice(0, MAX_DIAGNOSTICS).map((key) => {
        const guess = enumGuess(undefined, key, allowed);
        return diag(
          'case-unknown-key',
          `unknown key ${quote(key)} in ${name}${guess ? ` (did you mean '${guess}'?)` : ''}; expected one of ${listOf(allowed)}`,
          where([...path, key], 'key'),
        );
      });
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof got === 'string' ? enumGuess(path.at(-1), got, values) : undefined;
      return [
        diag(
          'case-enum',
          `${name}: ${describe(got)} is not allowed${guess ? ` (did you mean '${guess}'?)` : ''}; expected one of ${listOf(values)}`,
          where(path),
        ),
      ];
    }
    case 'invalid_type': {
      if (got === undefined) return [diag('case-required', `${name} is required`, where(path.slice(0, -1)))];
      const hint = issue.isDate ? dateHint(got) || '; write the date as YYYY-MM-DD' : typeHint(issue.expected, got);
      return [diag('case-type', `${name}: expected ${issue.isDate ? 'a date YYYY-MM-DD' : article(issue.expected)}, got ${describe(got)}${hint}`, where(path))];
    }
    case 'invalid_format': {
      const expected =
        issue.format === 'date'
          ? 'a date YYYY-MM-DD that exists in the calendar'
          : issue.example
            ? `text like '${issue.example}'`
            : `the format ${issue.format}`;
      return [diag('case-format', `${name}: expected ${expected}, got ${describe(got)}${issue.format === 'date' ? dateHint(got) : ''}`, where(path))];
    }
    case 'invalid_union': {
      const inner = issue.branches.flat();
      // A union of constants (expect.exit_code: 0, 1 or 2): one value not allowed, with every allowed value.
      const consts = inner.flatMap((i) => (i.code === 'invalid_value' && i.path.length === path.length ? [i.values] : []));
      if (consts.length && consts.length === inner.length) return issueToDiagnostics({ code: 'invalid_value', path, values: consts.flat() }, doc);
      if (typeof got === 'string') {
        const enumIssue = inner.find((i) => i.code === 'invalid_value' && i.path.length === path.length);
        if (enumIssue) return issueToDiagnostics({ ...enumIssue, path }, doc);
      }
      const nested = inner.filter((i) => i.code !== 'invalid_type' || i.path.length > path.length);
      if (nested.length > 0) return nested.flatMap((i) => issueToDiagnostics(i, doc));
      return [diag('case-type', `${name}: got ${describe(got)}, which matches none of the allowed forms`, where(path))];
    }
    case 'too_small':
    case 'too_big':
      return [diag('case-range', `${name}: ${bound(issue)}; got ${describe(got)}`, where(path))];
    default:
      return [diag('case-invalid', `${name}: ${issue.message}`, where(path))];
  }
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = issue.limit;
  const n = limit.toLocaleString('en-US');
  const inclusive = issue.inclusive;
  if (issue.origin === 'string') return small ? `must have at least ${n} characters` : `must have at most ${n} characters`;
  if (issue.origin === 'array') return small ? `must have at least ${n} items` : `must have at most ${n} items`;
  if (small) return limit === 0 && inclusive ? 'must not be negative' : `must be ${inclusive ? 'at least' : 'more than'} ${n}`;
  return `must be ${inclusive ? 'at most' : 'less than'} ${n}`;
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', number: 'a number', string: 'a text value', boolean: 'true or false' };
  return words[expected] ?? expected;
}
