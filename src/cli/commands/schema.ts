// `dispute-assess schema`: print a JSON Schema for editors: case files, rule files (--rules) or expectations (--expect).
// The schemas are the ones the build generated from the zod schemas (committed JSON, copied to dist/*.schema.json),
// so printing one loads no zod and the source tree prints what the package ships.
import caseSchema from '../../schemas/case.schema.generated.json' with { type: 'json' };
import expectSchema from '../../schemas/expect.schema.generated.json' with { type: 'json' };
import assessmentSchema from '../../schemas/assessment.schema.generated.json' with { type: 'json' };
import { ruleFileSchema } from '../../rules/rule-schema.js';
import { diag } from '../../source/diagnostics.js';
import { printDiagnostics, type Io } from '../io/output.js';

/** Print the case schema, or the rule-file schema with --rules, or the expectation schema with --expect. */
export function runSchema(opts: { rules?: boolean; expect?: boolean; assessment?: boolean }, io: Io): number {
  if ([opts.rules, opts.expect, opts.assessment].filter(Boolean).length > 1) {
    printDiagnostics(io, [diag('usage', 'give one of --rules, --expect and --assessment', { file: '(arguments)' })]);
    return 2;
  }
  const schema = opts.rules ? ruleFileSchema : opts.expect ? expectSchema : opts.assessment ? assessmentSchema : caseSchema;
  io.out(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
