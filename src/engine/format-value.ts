// Filling {placeholders} in rule messages with fact values and parameters.
import type { Facts, FactValue } from '../case/facts.js';
import { formatMoney } from '../case/money.js';

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
  return message.replace(/\{([a-zA-Z0-9_.]+)\}/g, (_, name: string) => {
    if (name.startsWith('params.')) {
      const v = params[name.slice(7)]?.value;
      return Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? 'table' : String(v);
    }
    return formatValue(facts.get(name));
  });
}
