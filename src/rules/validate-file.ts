// Structural validation of one rule file against the strict JSON Schema, with positioned diagnostics.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, formatPath, type Diagnostic } from '../source/diagnostics.js';
import { listOf, suggestion } from '../source/suggest.js';
import { ruleFileSchema } from './rule-schema.js';

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, verbose: true, allowUnionTypes: true }).compile(ruleFileSchema);
  return validator;
}

const BRANCH_KEY = ['all', 'any', 'not', 'fact'];

/** Validate a parsed rule file's structure; [] when it is valid. */
export function validateRuleFile(doc: YamlDoc): Diagnostic[] {
  const validate = getValidator();
  if (validate(doc.value)) return [];
  const errors = (validate.errors ?? []).filter((e) => relevant(e, doc.value));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of deepest(errors)) {
    const path = pointerToPath(e.instancePath);
    const d = toDiagnostic(e, path, doc);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function relevant(e: ErrorObject, root: unknown): boolean {
  if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'allOf') return false;
  const m = /\$defs\/condition\/anyOf\/(\d)/.exec(e.schemaPath);
  if (!m) return true;
  const value = valueAt(root, pointerToPath(e.instancePath.replace(/\/(all|any|not|fact)(\/.*)?$/, '')));
  if (!value || typeof value !== 'object' || Array.isArray(value)) return Number(m[1]) === 3 || e.keyword === 'type';
  const present = BRANCH_KEY.findIndex((k) => k in value);
  return present === -1 ? Number(m[1]) === 3 : Number(m[1]) === present;
}

function deepest(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => !errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/') && e.keyword !== 'additionalProperties' && e.keyword !== 'required'));
}

function toDiagnostic(e: ErrorObject, path: (string | number)[], doc: YamlDoc): Diagnostic {
  const where = (p: (string | number)[], at: 'key' | 'value' = 'value') => ({ file: doc.file, path: p, ...doc.locate(p, at) });
  const name = formatPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return diag('rules-unknown-key', `unknown key '${key}' in ${name}${suggestion(key, allowed)}; expected one of ${listOf(allowed)}`, where([...path, key], 'key'));
    }
    case 'required':
      return diag('rules-required', `${name} is missing the required key '${String(e.params.missingProperty)}'`, where(path));
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const got = valueAt(doc.value, path);
      return diag('rules-enum', `${name}: '${String(got)}' is not allowed${suggestion(String(got), allowed)}; expected one of ${listOf(allowed)}`, where(path));
    }
    case 'propertyNames': {
      const key = String(e.params.propertyName);
      return diag('rules-unknown-key', `${name}: '${key}' is not a known id`, where([...path, key], 'key'));
    }
    case 'const':
      return diag('rules-invalid', `${name}: expected '${String(e.params.allowedValue)}'`, where(path));
    default:
      return diag('rules-invalid', `${name}: ${e.message ?? 'is invalid'}`, where(path));
  }
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
