// Types of the generated rule-file validator (scripts/build-rule-validator.ts).
import type { ValidateFunction } from 'ajv';

export declare const validate: ValidateFunction;
export default validate;
