// The facts a rule may name: case paths (generated from the case JSON Schema), derived facts and eligibility outcomes.
import { CASE_FACTS } from './case-facts.generated.js';
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
  for (const f of CASE_FACTS) out.set(f.path, f);
  for (const d of DERIVED) {
    const info: FactInfo = { path: d.name, kind: d.type, description: d.description, inputs: d.inputs };
    if (d.values) info.values = d.values;
    out.set(d.name, info);
  }
  for (const p of PROGRAMS)
    out.set(`eligibility.${p}`, {
      path: `eligibility.${p}`,
      kind: 'enum',
      values: ['eligible', 'ineligible'],
      description: `Outcome of the ${p} eligibility rules (unknown while uncertain)`,
    });
  out.set('as_of', { path: 'as_of', kind: 'date', description: 'The date of the assessment' });
  cached = out;
  return out;
}
