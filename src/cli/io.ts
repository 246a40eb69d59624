// File access for the CLI: reading case and rule files with clear diagnostics instead of exceptions.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../source/diagnostics.js';
import { YAML_LIMITS } from '../source/read-yaml.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Read a text file, refusing directories, oversized files and unreadable ones with a diagnostic. */
export function readTextFile(file: string): ReadResult {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, diagnostic: diag('file-is-directory', `${file} is a directory, not a case file`, { file }) };
    if (st.size > YAML_LIMITS.maxBytes) return { ok: false, diagnostic: diag('file-too-large', `file is ${st.size} bytes; the limit is ${YAML_LIMITS.maxBytes}`, { file }) };
    const buf = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, diagnostic: diag('file-not-found', `no such file: ${file}`, { file }) };
    if (err.code === 'EACCES' || err.code === 'EPERM') return { ok: false, diagnostic: diag('file-unreadable', `permission denied reading ${file}`, { file }) };
    if (err instanceof TypeError) return { ok: false, diagnostic: diag('file-encoding', 'the file is not valid UTF-8 text', { file }) };
    return { ok: false, diagnostic: diag('file-unreadable', `cannot read ${file}: ${err.message}`, { file }) };
  }
}

/** The YAML files of a folder, sorted; [] when it has none. */
export function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The package's own folder (where package.json and rules/ live), found from this module. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      statSync(join(dir, 'rules', 'parameters.yaml'));
      return dir;
    } catch {
      dir = resolve(dir, '..');
    }
  }
  throw new Error('cannot find the built-in rules folder');
}
