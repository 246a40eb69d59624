// Validating a case document against the zod schema, with positioned diagnostics.
import type { z } from 'zod';
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, formatPath, type Diagnostic, type Result } from '../source/diagnostics.js';
import { listOf, suggestion } from '../source/suggest.js';
import { caseSchema, type Case } from './schema.js';
import { allowedKeys, caseJsonSchema, schemaAt } from './json-schema.js';

/** Validate a parsed case document; diagnostics carry file, line and column. */
export function validateCase(doc: YamlDoc): Result<Case> {
  if (doc.value === null || doc.value === undefined) {
    return { ok: false, diagnostics: [diag('case-empty', 'the case file is empty: expected a mapping with sections such as dispute, order, supplier, evidence', { file: doc.file })] };
  }
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return { ok: false, diagnostics: [diag('case-type', `expected a mapping with sections such as dispute, order, supplier, evidence; got ${describe(doc.value)}`, { file: doc.file, ...doc.locate([]) })] };
  }
  const parsed = caseSchema.safeParse(doc.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const diagnostics = parsed.error.issues.flatMap((issue) => issueToDiagnostics(issue, doc));
  return { ok: false, diagnostics };
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
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text '${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
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
      return issue.keys.map((key) =>
        diag('case-unknown-key', `unknown key '${key}' in ${name}${suggestion(key, allowed)}; expected one of ${listOf(allowed)}`, where([...path, key], 'key')),
      );
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      return [diag('case-enum', `${name}: ${describe(got)} is not allowed${typeof got === 'string' ? suggestion(got, values) : ''}; expected one of ${listOf(values)}`, where(path))];
    }
    case 'invalid_type': {
      if (got === undefined) return [diag('case-required', `${name} is required`, where(path.slice(0, -1)))];
      return [diag('case-type', `${name}: expected ${article(issue.expected)}, got ${describe(got)}`, where(path))];
    }
    case 'invalid_format': {
      const expected = issue.format === 'date' ? 'an ISO date YYYY-MM-DD that exists in the calendar' : `the format ${issue.format}`;
      return [diag('case-format', `${name}: expected ${expected}, got ${describe(got)}`, where(path))];
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
      return [diag('case-range', `${name}: ${issue.message.replace(/^Too (small|big): expected (number|string|array) to (have )?/, 'must be ')}; got ${describe(got)}`, where(path))];
    default:
      return [diag('case-invalid', `${name}: ${issue.message}`, where(path))];
  }
}

function article(expected: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', number: 'a number', string: 'a text value', boolean: 'true or false' };
  return words[expected] ?? expected;
}
