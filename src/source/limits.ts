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
  /** Values, keys, brackets and list items per document (the parser's tokens other than spaces, line breaks and
   * comments). A case file has a few hundred, the largest built-in rule pack about 3,000; 400 KB of `[][][]...`
   * would be 400,000 and cost the library gigabytes, so it stops at the first token past this limit. */
  maxNodes: 20_000,
} as const;

export type YamlLimits = { readonly [K in keyof typeof YAML_LIMITS]: number };

/** Deepest folder below a folder given on the command line that the main command and `check` search for case files
 * (a deeper one is reported as folder-too-deep). Links are followed but no folder is entered twice, so only a real
 * tree this deep reaches it. */
export const MAX_FOLDER_DEPTH = 20;
