// Limits that keep hostile or broken input from exhausting memory, the stack or time.
// To change one, edit the value here and rebuild (`npm run build`); docs/limits.md explains each.

/** The limits applied to every case and rule file. */
export const YAML_LIMITS = {
  /** Largest file, in bytes. The CLI checks it before reading the file; readYaml checks it again. */
  maxBytes: 1_000_000,
  /** Alias expansions (`*name`) per document, weighted by the size of what each one repeats. */
  maxAliasCount: 100,
  /** Deepest nesting of mappings and lists. Case files need 5 levels, rule files about 70. */
  maxDepth: 100,
} as const;

export type YamlLimits = { readonly [K in keyof typeof YAML_LIMITS]: number };
