// Structural validation of one rule file against the strict JSON Schema, with positioned diagnostics
// that say what is wrong and what was expected (one per problem, not one per schema branch).
import type { ErrorObject } from 'ajv';
import type { YamlDoc } from '../source/read-yaml.js';
import { diag, formatPath, type Diagnostic } from '../source/diagnostics.js';
import { clip, listOf, suggestion } from '../source/suggest.js';
import { validate as generatedValidator } from './rule-validator.generated.js';
import { OPERATORS } from './types.js';

/** The rule JSON Schema's validator, generated at build time by ajv standalone (scripts/build-rule-validator.ts). */
const getValidator = () => generatedValidator;

const BRANCH_KEY = ['all', 'any', 'not', 'fact'];
/** A condition branch in a schema path: inside the recursive condition function the path starts at its own root. */
const CONDITION_BRANCH = /^#\/anyOf\/(\d)|\$defs\/condition\/anyOf\/(\d)/;
const MAX_DIAGNOSTICS = 50;

/** Validate a parsed rule file's structure; [] when it is valid. */
export function validateRuleFile(doc: YamlDoc): Diagnostic[] {
  const validate = getValidator();
  if (validate(doc.value)) return [];
  const errors = (validate.errors ?? []).filter((e) => relevant(e, doc.value));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of deepest(errors)) {
    const d = toDiagnostic(e, pointerToPath(e.instancePath), doc);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (d.message && !seen.has(key) && out.length < MAX_DIAGNOSTICS) {
      seen.add(key);
      out.push(d);
    }
  }
  return out.length ? out : [diag('rules-invalid', 'the rule file does not match the rule format (see `dispute-assess schema --rules`)', { file: doc.file })];
}

function relevant(e: ErrorObject, root: unknown): boolean {
  if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'allOf' || e.keyword === 'propertyNames') return false;
  const m = CONDITION_BRANCH.exec(e.schemaPath);
  if (!m) return true;
  const branch = Number(m[1] ?? m[2]);
  const path = pointerToPath(e.instancePath);
  const own = valueAt(root, path);
  const value = own && typeof own === 'object' && !Array.isArray(own) ? own : valueAt(root, path.slice(0, -1));
  if (!value || typeof value !== 'object' || Array.isArray(value)) return branch === 3 || e.keyword === 'type';
  const present = BRANCH_KEY.findIndex((k) => k in value);
  return present === -1 ? branch === 3 : branch === present;
}

function deepest(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter(
    (e) => !errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/') && e.keyword !== 'additionalProperties' && e.keyword !== 'required'),
  );
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function toDiagnostic(e: ErrorObject, path: (string | number)[], doc: YamlDoc): Diagnostic {
  const where = (p: (string | number)[], at: 'key' | 'value' = 'value') => ({ file: doc.file, path: p, ...doc.locate(p, at) });
  const name = formatPath(path);
  const got = valueAt(doc.value, path);
  const last = path.at(-1);
  const key = (e as { propertyName?: string }).propertyName;
  if (key !== undefined) return nameDiagnostic(e, path, key, where);
  const invalid = (message: string) => diag('rules-invalid', `${name}: ${message}`, where(path));
  const n = (x: unknown) => Number(x).toLocaleString('en-US');
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return diag(
        'rules-unknown-key',
        `unknown key '${clip(extra)}' in ${name}${suggestion(extra, allowed)}; expected one of ${listOf(allowed)}`,
        where([...path, extra], 'key'),
      );
    }
    case 'required': {
      const missing = String(e.params.missingProperty);
      if (e.schemaPath.includes('/then/anyOf/'))
        return diag('rules-required', `${name} needs 'score' (a number from -10 to 10) or 'exclude: true'`, where(path));
      if (e.schemaPath.includes('/sources/additionalProperties/anyOf/'))
        return diag('rules-required', `${name} needs 'published' (date of publication) or 'retrieved' (date read), or both`, where(path));
      if (e.schemaPath.includes('/parameters/additionalProperties/else/anyOf/'))
        return diag('rules-required', `${name} needs 'source' or, for an inferred or unverified figure, a 'note' saying what it rests on`, where(path));
      return diag('rules-required', `${name} is missing the required key '${missing}'`, where(path));
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      return diag(
        'rules-enum',
        `${name}: '${clip(String(got))}' is not allowed${suggestion(String(got), allowed)}; expected one of ${listOf(allowed)}`,
        where(path),
      );
    }
    case 'const':
    case 'type':
      if (last === 'due') return invalid(`expected 'today' or {fact: DATE_FACT, offset_days: N}, got ${describe(got)}`);
      return e.keyword === 'const'
        ? invalid(`expected '${String(e.params.allowedValue)}'`)
        : invalid(
            `expected ${String(e.params.type)
              .split(',')
              .map((t) => TYPE_WORDS[t] ?? t)
              .join(' or ')}, got ${describe(got)}`,
          );
    case 'minProperties':
      return invalid(`a condition needs one operator (${OPERATORS.join(', ')}) besides 'fact'`);
    case 'maxProperties':
      return invalid(`a condition has exactly one operator; to combine several, use all: [...] or any: [...]`);
    case 'minLength':
      return invalid(Number(e.params.limit) === 1 ? 'must not be empty' : `must have at least ${n(e.params.limit)} characters`);
    case 'maxLength':
      return invalid(`must have at most ${n(e.params.limit)} characters, got ${n(String(got).length)}`);
    case 'minItems':
      return invalid(`must have at least ${n(e.params.limit)} item${Number(e.params.limit) === 1 ? '' : 's'}`);
    case 'maxItems':
      return invalid(`must have at most ${n(e.params.limit)} items`);
    case 'minimum':
    case 'maximum':
      return invalid(`must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${n(e.params.limit)}, got ${String(got)}`);
    case 'uniqueItems':
      return invalid(`lists '${String((got as unknown[])[Number(e.params.i)])}' twice`);
    case 'pattern':
      return invalid(`${patternWords(last)}, got ${describe(got)}`);
    default:
      return invalid(e.message ?? 'is invalid');
  }
}

function nameDiagnostic(
  e: ErrorObject,
  path: (string | number)[],
  key: string,
  where: (p: (string | number)[], at: 'key' | 'value') => { file: string; line: number; column: number; path: (string | number)[] },
): Diagnostic {
  const at = where([...path, key], 'key');
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).map(String);
    return diag(
      'rules-unknown-key',
      `${formatPath(path)}: '${clip(key)}' is not a known id${suggestion(key, allowed)}; expected one of ${listOf(allowed)}`,
      at,
    );
  }
  return diag('rules-invalid', `${formatPath(path)}: the name '${clip(key)}' must be lower-case letters, digits and _, starting with a letter`, at);
}

function patternWords(field: string | number | undefined): string {
  if (field === 'id') return 'must be a family-prefixed id such as flag/extra-fees (lower-case letters, digits, - and _)';
  if (field === 'checked' || field === 'date') return 'must be a date YYYY-MM-DD';
  if (field === 'pack') return 'must be lower-case letters, digits and -';
  return 'has the wrong form';
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${clip(v)}'`;
  return String(v);
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
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
