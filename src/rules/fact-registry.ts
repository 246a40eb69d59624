// The facts a rule may name: case paths (from the case JSON Schema), derived facts and eligibility outcomes.
import { caseJsonSchema, type JsonSchema } from '../case/json-schema.js';
import { DERIVED } from '../case/derive.js';
import { PROGRAMS } from '../case/enums.js';

export type FactKind = 'boolean' | 'number' | 'date' | 'string' | 'enum' | 'list' | 'money';
export interface FactInfo {
  path: string;
  kind: FactKind;
  values?: readonly string[];
  description?: string;
  /** For derived facts: the case facts they are computed from. */
  inputs?: readonly string[];
}

let cached: Map<string, FactInfo> | undefined;

/** Every fact path a rule can use, with its type. */
export function factRegistry(): Map<string, FactInfo> {
  if (cached) return cached;
  const out = new Map<string, FactInfo>();
  walk(caseJsonSchema(), '', out);
  for (const d of DERIVED) {
    const info: FactInfo = { path: d.name, kind: d.type, description: d.description, inputs: d.inputs };
    if (d.values) info.values = d.values;
    out.set(d.name, info);
  }
  for (const p of PROGRAMS) out.set(`eligibility.${p}`, { path: `eligibility.${p}`, kind: 'enum', values: ['eligible', 'ineligible'], description: `Outcome of the ${p} eligibility rules (unknown while uncertain)` });
  out.set('as_of', { path: 'as_of', kind: 'date', description: 'The date of the assessment' });
  cached = out;
  return out;
}

function walk(node: JsonSchema, path: string, out: Map<string, FactInfo>): void {
  if (path === 'expect') return;
  const kind = kindOf(node);
  if (kind) {
    const info: FactInfo = { path, kind };
    const values = enumValues(node);
    if (values) info.values = values;
    if (node.description) info.description = node.description;
    out.set(path, info);
    if (kind === 'money') {
      out.set(`${path}.amount`, { path: `${path}.amount`, kind: 'number' });
      out.set(`${path}.currency`, { path: `${path}.currency`, kind: 'string' });
    }
    return;
  }
  for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, path ? `${path}.${k}` : k, out);
}

function kindOf(node: JsonSchema): FactKind | undefined {
  if (node.anyOf) {
    const e = node.anyOf.find((a) => a.enum);
    return e ? 'enum' : undefined;
  }
  if (node.type === 'object') return node.properties && 'amount' in node.properties && 'currency' in node.properties ? 'money' : undefined;
  if (node.type === 'array') {
    const items = node.items as JsonSchema | undefined;
    return items && items.enum ? 'list' : undefined;
  }
  if (node.enum) return 'enum';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'number' || node.type === 'integer') return 'number';
  if (node.type === 'string') return node.format === 'date' ? 'date' : 'string';
  return undefined;
}

function enumValues(node: JsonSchema): string[] | undefined {
  if (node.enum) return node.enum.map(String);
  if (node.type === 'array' && node.items && !Array.isArray(node.items) && node.items.enum) return node.items.enum.map(String);
  const e = node.anyOf?.find((a) => a.enum);
  return e?.enum?.map(String);
}
