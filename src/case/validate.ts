// Validating a case document against the zod schema, with positioned diagnostics, then its chronology.
import type { z } from 'zod';
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, formatPath, type Diagnostic, type Result } from '../source/diagnostics.js';
import { listOf } from '../source/suggest.js';
import { caseSchema, type Case } from './schema.js';
import { allowedKeys, caseJsonSchema, schemaAt } from './json-schema.js';
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
  if (doc.value === null || doc.value === undefined) {
    return { ok: false, diagnostics: [diag('case-empty', 'the case file is empty (or only comments): expected a mapping with sections such as dispute, order, supplier, evidence', { file: doc.file })] };
  }
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return { ok: false, diagnostics: [diag('case-type', `expected a mapping with sections such as dispute, order, supplier, evidence; got ${describe(doc.value)}`, { file: doc.file, ...doc.locate([]) })] };
  }
  const parsed = caseSchema.safeParse(doc.value, { jitless: true });
  if (!parsed.success) return { ok: false, diagnostics: cap(issuesToDiagnostics(parsed.error.issues, doc), doc.file) };
  const asOf = opts.asOf ?? parsed.data.as_of ?? opts.today;
  const slack = opts.asOf === undefined && parsed.data.as_of === undefined ? 1 : 0;
  const chrono = checkChronology(parsed.data, asOf, slack).map((c) => ({ ...diag(c.code, c.message, { file: doc.file, path: c.path, ...doc.locate(c.path) }), severity: c.severity }));
  return chrono.length ? { ok: false, diagnostics: chrono } : { ok: true, value: parsed.data };
}

export function issuesToDiagnostics(issues: readonly Issue[], doc: YamlDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (out.length > MAX_DIAGNOSTICS) break;
    out.push(...issueToDiagnostics(issue, doc));
  }
  return out;
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

type Issue = z.core.$ZodIssue;

function issueToDiagnostics(issue: Issue, doc: YamlDoc): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = (p: (string | number)[], at: 'key' | 'value' = 'value') => ({ file: doc.file, path: p, ...doc.locate(p, at) });
  const name = formatPath(path);
  const got = valueAt(doc.value, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(caseJsonSchema(), path));
      return issue.keys.slice(0, MAX_DIAGNOSTICS).map((key) => {
        const guess = enumGuess(undefined, key, allowed);
        return diag('case-unknown-key', `unknown key ${quote(key)} in ${name}${guess ? ` (did you mean '${guess}'?)` : ''}; expected one of ${listOf(allowed)}`, where([...path, key], 'key'));
      });
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof got === 'string' ? enumGuess(path.at(-1), got, values) : undefined;
      return [diag('case-enum', `${name}: ${describe(got)} is not allowed${guess ? ` (did you mean '${guess}'?)` : ''}; expected one of ${listOf(values)}`, where(path))];
    }
    case 'invalid_type': {
      if (got === undefined) return [diag('case-required', `${name} is required`, where(path.slice(0, -1)))];
      const isDate = schemaAt(caseJsonSchema(), path)?.format === 'date';
      const hint = isDate ? dateHint(got) || '; write the date as YYYY-MM-DD' : typeHint(issue.expected, got);
      return [diag('case-type', `${name}: expected ${isDate ? 'a date YYYY-MM-DD' : article(issue.expected)}, got ${describe(got)}${hint}`, where(path))];
    }
    case 'invalid_format': {
      const expected = issue.format === 'date' ? 'a date YYYY-MM-DD that exists in the calendar' : `the format ${issue.format}`;
      return [diag('case-format', `${name}: expected ${expected}, got ${describe(got)}${issue.format === 'date' ? dateHint(got) : ''}`, where(path))];
    }
    case 'invalid_union': {
      const inner = issue.errors.flat();
      if (typeof got === 'string') {
        const enumIssue = inner.find((i) => i.code === 'invalid_value');
        if (enumIssue) return issueToDiagnostics({ ...enumIssue, path: issue.path }, doc);
      }
      const nested = inner.filter((i) => i.code !== 'invalid_type' || i.path.length > 0);
      if (nested.length > 0) return nested.flatMap((i) => issueToDiagnostics({ ...i, path: [...issue.path, ...i.path] }, doc));
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
  const limit = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
  const n = limit.toLocaleString('en-US');
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  if (issue.origin === 'string') return small ? `must have at least ${n} characters` : `must have at most ${n} characters`;
  if (issue.origin === 'array') return small ? `must have at least ${n} items` : `must have at most ${n} items`;
  if (small) return limit === 0 && inclusive ? 'must not be negative' : `must be ${inclusive ? 'at least' : 'more than'} ${n}`;
  return `must be ${inclusive ? 'at most' : 'less than'} ${n}`;
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', number: 'a number', string: 'a text value', boolean: 'true or false' };
  return words[expected] ?? expected;
}
