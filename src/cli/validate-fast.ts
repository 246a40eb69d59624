// Validating case documents in the CLI. The build's standalone validator accepts a valid case in microseconds;
// only a case it rejects loads zod (src/case/validate.ts) for the positioned diagnostics with suggestions.
// Run from source (tsx, vitest) there is no generated validator, and zod decides every case.
import type { Case } from '../case/schema.js';
import type { Result } from '../source/diagnostics.js';
import type { YamlDoc } from '../source/read-yaml.js';

type Check = (value: unknown) => boolean;

let fast: Promise<Check | undefined> | undefined;

/** The generated validator, or undefined when running from source. */
export function fastValidator(): Promise<Check | undefined> {
  fast ??= import('#case-validator').then((m) => m.validate, () => undefined);
  return fast;
}

/** Validate a parsed case: the fast validator when it accepts, else zod's full diagnostics. */
export async function validateDoc(doc: YamlDoc): Promise<Result<Case>> {
  const check = await fastValidator();
  if (check?.(doc.value)) return { ok: true, value: doc.value as Case };
  const { validateCase } = await import('../case/validate.js');
  return validateCase(doc);
}
