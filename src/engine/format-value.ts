// Filling {placeholders} in rule messages with fact values and parameters.
import type { Facts, FactValue } from '../case/facts.js';
import { formatMoney } from '../case/money.js';
import { factRegistry } from '../rules/fact-registry.js';

/** A fact value as a reader sees it. */
export function formatValue(v: FactValue | undefined | null): string {
  if (v === undefined || v === null) return 'unknown';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return formatMoney(v as { amount: number; currency: string } as never);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return String(v);
}

/** Replace {fact.path} and {params.name} in a message. */
export function fillMessage(message: string, facts: Facts, params: Record<string, { value: unknown }>): string {
  const parts = template(message);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (name.startsWith('params.')) {
      const v = params[name.slice(7)]?.value;
      out += Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? 'table' : String(v);
    } else {
      const v = facts.get(name);
      // Issue 12: amounts are optional; an unknown one reads as such, not as the word "unknown" where a sum should be.
      out += v === undefined && factRegistry().get(name)?.kind === 'money' ? 'amount not known' : formatValue(v);
    }
    out += parts[i + 1]!;
  }
  return out;
}

const templates = new Map<string, string[]>();

/** A message split once into [text, name, text, name, ..., text]. */
function template(message: string): string[] {
  let parts = templates.get(message);
  if (!parts) {
    parts = message.split(/\{([a-zA-Z0-9_.]+)\}/);
    if (templates.size < 10_000) templates.set(message, parts);
  }
  return parts;
}
