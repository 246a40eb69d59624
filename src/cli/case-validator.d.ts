// The standalone case validator the build generates (scripts/build-validator.ts); it exists only in the bundle.
declare module '#case-validator' {
  /** Whether a value is a valid case file, exactly as the zod schema decides. */
  export function validate(value: unknown): boolean;
}
