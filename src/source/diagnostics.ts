// Diagnostics: problems with the inputs (case files, rule files, arguments). They stop the run.
import { safeInline } from './safe-text.js';

/** One problem with an input, with the place it was found. */
export interface Diagnostic {
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Path inside the document, e.g. ["order", "payments", 0, "amount"]. */
  path?: (string | number)[];
  severity: 'error' | 'warning';
}

/** The outcome of a stage that can fail on bad input. */
export type Result<T> = { ok: true; value: T; warnings?: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Build a failed result from diagnostics. */
export const fail = <T>(diagnostics: Diagnostic[]): Result<T> => ({ ok: false, diagnostics });

/** Build an error diagnostic. */
export function diag(code: string, message: string, where: { file: string; line?: number; column?: number; path?: (string | number)[] }): Diagnostic {
  const d: Diagnostic = { code, message, file: where.file, line: where.line ?? 1, column: where.column ?? 1, severity: 'error' };
  if (where.path) d.path = where.path;
  return d;
}

/** `file:line:column  error  code  message`, the one printed form of a diagnostic: always one line, whatever the
 * file name or the message quotes (a line feed in a name cannot forge a second diagnostic). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${safeInline(d.file)}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${safeInline(d.message)}`;
}

/** Sort diagnostics by file, then position, for stable output; a file's "too many problems" comes after its problems. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const last = (d: Diagnostic) => (d.code === 'too-many-problems' ? 1 : 0);
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || last(a) - last(b) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** Format a document path for messages: order.payments[0].amount */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out || '(document)';
}
