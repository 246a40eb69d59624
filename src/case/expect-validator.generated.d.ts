// Types of the generated expectation-file validator (scripts/build-rule-validator.ts).
import type { ValidateFunction } from 'ajv';

export declare const validate: ValidateFunction;
/** The JSON Schema the validator checks (descriptions left out). */
export declare const schema: Record<string, unknown>;
export default validate;
