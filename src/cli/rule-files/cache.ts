// The built-in rule set from the build's compiled cache (dist/rules.compiled.json), used when the rule files
// on disk are exactly the ones it was compiled from (same names, sizes and SHA-256). No YAML parser, no ajv: the
// fast start of every command.
import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RuleSet } from '../../rules/types.js';
import { packageRoot, yamlFilesIn } from '../io/files.js';

export interface RuleOptions {
  rules?: string[];
  builtinRules?: boolean;
}

/** A compiled rule set, and the rule files it came from with their sizes in bytes and SHA-256 digests. */
export interface CompiledRules {
  sources: { file: string; bytes: number; sha256: string }[];
  set: RuleSet;
}
export interface RuleText {
  file: string;
  text: string;
}

/** Where the compiled cache lives. */
export const COMPILED_RULES = join('dist', 'rules.compiled.json');

/** A file's SHA-256 digest, hex. node:crypto is loaded on first use: a plain run does not need it. */
export const sha256 = (bytes: Buffer) => process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');

/** The built-in rule set from the cache, or undefined when it does not apply (extra rules, no built-ins,
 * no cache, or rule files that differ from the compiled ones). As make and git's index do, a file is read and
 * its digest compared only when its size or time says it may have changed: a different size is a change, and a
 * file modified after the cache was written is hashed (an edit, a checkout). A fresh build reads no rule file.
 * An installed copy (a package folder inside node_modules: npm, npx, a global install) is trusted on names and
 * sizes alone, as webpack's `snapshot.managedPaths` trusts what a package manager wrote: npm writes the files at
 * install time in tarball order, so the rule files are often a few milliseconds newer than the cache, and they
 * would be hashed at every run for nothing. */
export function cachedRuleSet(opts: RuleOptions): RuleSet | undefined {
  if (opts.builtinRules === false || (opts.rules ?? []).length > 0) return undefined;
  try {
    const root = packageRoot();
    const cache = join(root, COMPILED_RULES);
    const written = statSync(cache).mtimeMs;
    const compiled = JSON.parse(readFileSync(cache, 'utf8')) as CompiledRules;
    const files = yamlFilesIn(join(root, 'rules'));
    const managed = root.split(sep).includes('node_modules');
    if (!Array.isArray(compiled.sources) || files.length !== compiled.sources.length) return undefined;
    for (const [i, path] of files.entries()) {
      const source = compiled.sources[i]!;
      const st = statSync(path);
      if (source.file !== relative(root, path) || st.size !== source.bytes) return undefined;
      if (!managed && st.mtimeMs > written && sha256(readFileSync(path)) !== source.sha256) return undefined;
    }
    return compiled.set;
  } catch {
    return undefined;
  }
}
