// The case file's JSON Schema as the build generated it from the zod schema (src/schemas/, committed; the same
// file as dist/case.schema.json): the library hands it out without loading zod.
import schema from '../schemas/case.schema.generated.json' with { type: 'json' };
import type { JsonSchema } from './schema-walk.js';

/** The JSON Schema (draft 2020-12) of case files, for editors and validators. */
export function caseJsonSchema(): JsonSchema {
  return schema as unknown as JsonSchema;
}
