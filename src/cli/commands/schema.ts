// `dispute-assess schema`: print a JSON Schema for editors: case files, rule files (--rules) or expectations (--expect).
import { caseJsonSchema } from '../../case/json-schema.js';
import { expectJsonSchema } from '../../case/expect-schema.js';
import { ruleFileSchema } from '../../rules/rule-schema.js';
import { assessmentJsonSchema } from '../../report/assessment-schema.js';
import { diag } from '../../source/diagnostics.js';
import { printDiagnostics, type Io } from '../io/output.js';

/** Print the case schema, or the rule-file schema with --rules, or the expectation schema with --expect. */
export function runSchema(opts: { rules?: boolean; expect?: boolean; assessment?: boolean }, io: Io): number {
  if ([opts.rules, opts.expect, opts.assessment].filter(Boolean).length > 1) {
    printDiagnostics(io, [diag('usage', 'give one of --rules, --expect and --assessment', { file: '(arguments)' })]);
    return 2;
  }
  const schema = opts.rules ? ruleFileSchema : opts.expect ? expectJsonSchema() : opts.assessment ? assessmentJsonSchema() : caseJsonSchema();
  io.out(JSON.stringify(schema, null, 2) + '\n');
  return 0;
}
