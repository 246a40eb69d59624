// The library surface: `import { assess, loadRules, readYaml, validateCase } from 'dispute-assess'`.
export { assess, type AssessOptions } from './assess.js';
export { readYaml, type YamlDoc } from './source/read-yaml.js';
export { formatDiagnostic, type Diagnostic, type Result } from './source/diagnostics.js';
export { validateCase } from './case/validate.js';
export { caseSchema, type Case, type Money } from './case/schema.js';
export { caseJsonSchema } from './case/json-schema.js';
export { loadRules } from './rules/load.js';
export { ruleFileSchema } from './rules/rule-schema.js';
export type { Rule, RuleSet, Condition, Parameter, Citation, SourceEntry, SourceKind } from './rules/types.js';
export type { CitedSource } from './rules/bibliography.js';
export type { Assessment, Finding } from './engine/assessment.js';
export { render, FORMATS, type Format } from './report/render.js';
export { exitCode } from './cli/exit-code.js';
