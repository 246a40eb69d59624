// The editor JSON Schema of the case file, generated from the zod schema (never written by hand).
import * as z from 'zod';
import { caseSchema } from './schema.js';
import type { JsonSchema } from './schema-walk.js';

export type { JsonSchema } from './schema-walk.js';
export { allowedKeys, schemaAt } from './schema-walk.js';

let cached: JsonSchema | undefined;

/** The JSON Schema (draft 2020-12) of case files, for editors and for the fact registry. */
export function caseJsonSchema(): JsonSchema {
  if (!cached) {
    const s = z.toJSONSchema(caseSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    // A relative $id (issue 18): it resolves against wherever the file is read from (dist/ of a clone, or
    // node_modules/dispute-assess/dist/), so no install ever points at an address that does not exist.
    cached = { ...s, $id: 'case.schema.json', title: 'dispute-assess case file' };
  }
  return cached;
}
