// Validating case documents in the CLI. The build's standalone validator accepts a valid case in microseconds;
// only a case it rejects loads zod (src/case/validate.ts) for the positioned diagnostics with suggestions.
// Run from source (tsx, vitest) there is no generated validator, and zod decides every case.
import type { Case } from '../case/schema.js';
import type { ValidateOptions } from '../case/validate.js';
import { checkChronology } from '../case/chronology.js';
import type { Result } from '../source/diagnostics.js';
import type { YamlDoc } from '../source/read-yaml.js';

type Check = (value: unknown) => boolean;

let fast: Promise<Check | undefined> | undefined;

/** The generated validator, or undefined when running from source. */
export function fastValidator(): Promise<Check | undefined> {
  fast ??= import('#case-validator').then((m) => m.validate, () => undefined);
  return fast;
}

/** The value as a case if the fast validator and the date checks both accept it; undefined otherwise (or when
 * running from source, without the fast validator): then validateDoc gives the diagnostics. */
export async function acceptCase(value: unknown, opts: ValidateOptions = {}): Promise<Case | undefined> {
  const check = await fastValidator();
  if (!check?.(value)) return undefined;
  const c = value as Case;
  const asOf = opts.asOf ?? c.as_of ?? opts.today;
  const slack = opts.asOf === undefined && c.as_of === undefined ? 1 : 0;
  return checkChronology(c, asOf, slack).length === 0 ? c : undefined;
}

/** Validate a parsed case: the fast validator and the date checks when both accept, else zod's full diagnostics. */
export async function validateDoc(doc: YamlDoc, opts: ValidateOptions = {}): Promise<Result<Case>> {
  const accepted = await acceptCase(doc.value, opts);
  if (accepted) return { ok: true, value: accepted };
  const { validateCase } = await import('../case/validate.js');
  return validateCase(doc, opts);
}
