// Facts: the case flattened to dotted paths, plus derived facts. Absent paths are unknown.
import type { Money } from './case-type.generated.js';

export type FactValue = string | number | boolean | readonly string[] | Money;
/** Known facts by path; a path that is not in the map is unknown. */
export type Facts = ReadonlyMap<string, FactValue>;

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as Money).amount === 'number' &&
  typeof (v as Money).currency === 'string' &&
  Object.keys(v).length === 2;

/** Flatten a validated case into facts: scalars, lists of scalars and money by dotted path. */
export function flattenCase(value: unknown): Map<string, FactValue> {
  const out = new Map<string, FactValue>();
  walk(value, '', out);
  return out;
}

function walk(v: unknown, prefix: string, out: Map<string, FactValue>): void {
  if (v === undefined || v === null) return;
  if (prefix === 'expect') return;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    out.set(prefix, v);
    return;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) out.set(prefix, v as string[]);
    return;
  }
  if (typeof v !== 'object') return;
  if (isMoney(v)) {
    out.set(prefix, v);
    out.set(`${prefix}.amount`, v.amount);
    out.set(`${prefix}.currency`, v.currency);
    return;
  }
  for (const [k, child] of Object.entries(v)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (prefix === 'evidence' && child && typeof child === 'object' && 'status' in child) out.set(path, (child as { status: string }).status);
    else walk(child, path, out);
  }
}
