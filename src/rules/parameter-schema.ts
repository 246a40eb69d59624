// The parameter schema: what a figure's unit allows (type, range, whole numbers), and what an override must keep.
// Rules and derived facts compute dates and amounts from parameters, so a pack that sets a window to "thirty",
// to a list, to 1e308 or to -100000000 is refused here with its position, instead of producing an internal error
// or a deadline in the year -271765.
import type { Parameter } from './types.js';

/** The shape of a parameter's value. */
export type ParameterKind = 'number' | 'text' | 'list' | 'table';

/** What values a unit allows: a number (or a table of numbers, for rates) within a range. */
export interface UnitSchema {
  kind: 'number' | 'table';
  min: number;
  max: number;
  integer?: boolean;
  minExclusive?: boolean;
}

/** The units of the built-in parameters. Ranges keep every computed date and amount within what cases hold
 * (dates 1900-2199, amounts up to 10^12): ten years of days, thirty years. */
export const UNITS: Readonly<Record<string, UnitSchema>> = {
  days: { kind: 'number', min: 0, max: 3650, integer: true },
  months: { kind: 'number', min: 0, max: 360, integer: true },
  years: { kind: 'number', min: 0, max: 30, integer: true },
  percent: { kind: 'number', min: 0, max: 100 },
  USD: { kind: 'number', min: 0, max: 1e12 },
  CNY: { kind: 'number', min: 0, max: 1e12 },
  'USD per unit': { kind: 'table', min: 0, max: 1e6, minExclusive: true },
};

/** Numbers with a unit of their own (a pack's new parameter) are still bounded, so arithmetic stays finite. */
const ANY_NUMBER: UnitSchema = { kind: 'number', min: -1e12, max: 1e12 };

/** A problem with one parameter, at a path inside the parameter ('value', or 'value' and a table key, or 'unit'). */
export interface ParameterProblem {
  path: string[];
  message: string;
}

/** The kind of a parameter's value. */
export function kindOf(value: unknown): ParameterKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'text';
  return Array.isArray(value) ? 'list' : 'table';
}

const KIND_NAMES: Record<ParameterKind, string> = { number: 'a number', text: 'a text', list: 'a list of texts', table: 'a table of numbers' };

/** Check a parameter against its unit and, when it overrides one loaded before (a built-in), against that one's kind and unit. */
export function parameterProblems(name: string, p: Parameter, before?: Parameter): ParameterProblem[] {
  const out: ParameterProblem[] = [];
  const kind = kindOf(p.value);
  if (before) {
    const was = kindOf(before.value);
    if (kind !== was)
      return [{ path: ['value'], message: `the parameter '${name}' must be ${KIND_NAMES[was]} (it overrides one that is); got ${KIND_NAMES[kind]}` }];
    if (before.unit !== undefined && p.unit !== before.unit)
      out.push({
        path: p.unit === undefined ? [] : ['unit'],
        message: `the parameter '${name}' overrides one measured in ${before.unit}; write unit: ${before.unit}${p.unit === undefined ? '' : ` (got '${p.unit}')`}`,
      });
  }
  const unit = p.unit === undefined ? undefined : UNITS[p.unit];
  if (unit && unit.kind !== kind)
    return [
      ...out,
      { path: ['value'], message: `the parameter '${name}' is in ${p.unit}, so its value must be ${KIND_NAMES[unit.kind]}; got ${KIND_NAMES[kind]}` },
    ];
  const schema = unit ?? ANY_NUMBER;
  if (kind === 'number') out.push(...outOfRange(name, p.value as number, schema, p.unit, ['value']));
  if (kind === 'table')
    for (const [key, v] of Object.entries(p.value as Record<string, number>)) out.push(...outOfRange(name, v, schema, p.unit, ['value', key]));
  return out;
}

function outOfRange(name: string, v: number, s: UnitSchema, unit: string | undefined, path: string[]): ParameterProblem[] {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 6 });
  const range = `${s.minExclusive ? 'above' : 'from'} ${n(s.min)} ${s.minExclusive ? 'and up' : ''} to ${n(s.max)}`.replace('  ', ' ');
  const what = `the parameter '${name}'${path.length > 1 ? ` (${path[1]})` : ''}${unit ? ` in ${unit}` : ''}`;
  if (!Number.isFinite(v) || v > s.max || v < s.min || (s.minExclusive && v === s.min))
    return [{ path, message: `${what} must be ${range}${s.integer ? ', a whole number' : ''}; got ${String(v)}` }];
  if (s.integer && !Number.isInteger(v)) return [{ path, message: `${what} must be a whole number; got ${String(v)}` }];
  return [];
}
