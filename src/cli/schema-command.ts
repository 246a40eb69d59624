// `dispute-assess schema`: print the JSON Schema of the case file (or of rule files) for editors.
import { caseJsonSchema } from '../case/json-schema.js';
import { ruleFileSchema } from '../rules/rule-schema.js';
import type { Io } from './output.js';

/** Print the case schema, or the rule-file schema with --rules. */
export function runSchema(opts: { rules?: boolean }, io: Io): number {
  io.out(JSON.stringify(opts.rules ? ruleFileSchema : caseJsonSchema(), null, 2) + '\n');
  return 0;
}
