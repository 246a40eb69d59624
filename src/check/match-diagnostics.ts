// Matching the diagnostics of a bad-input fixture: the expected list is complete, so an unlisted one fails too.
import type { ExpectedDiagnostic } from '../case/expect-schema.js';
import type { Diagnostic } from '../source/diagnostics.js';
import type { Push } from './match.js';

const at = (d: { code: string; line?: number | undefined; column?: number | undefined }) =>
  `${d.code}${d.line !== undefined ? ` at line ${d.line}` : ''}${d.column !== undefined ? `:${d.column}` : ''}`;

const short = (m: string) => (m.length > 120 ? `${m.slice(0, 117)}...` : m);

/** Does a diagnostic meet one expected entry (code, and line, column and suggestion when given)? */
export function meets(d: Diagnostic, e: ExpectedDiagnostic): boolean {
  return (
    d.code === e.code &&
    (e.line === undefined || d.line === e.line) &&
    (e.column === undefined || d.column === e.column) &&
    (e.did_you_mean === undefined || d.message.includes(`did you mean '${e.did_you_mean}'`))
  );
}

/** Pair each expected entry with a distinct diagnostic (a near miss of the same code counts once); report the rest. */
export function matchDiagnostics(expected: readonly ExpectedDiagnostic[], got: readonly Diagnostic[], push: Push): void {
  const unused = [...got];
  const all = got.map((d) => at(d)).join(', ') || 'no diagnostics';
  for (const e of expected) {
    const i = unused.findIndex((d) => meets(d, e));
    if (i >= 0) {
      unused.splice(i, 1);
      continue;
    }
    const want = at(e) + (e.did_you_mean ? ` suggesting '${e.did_you_mean}'` : '');
    const j = unused.findIndex((d) => d.code === e.code);
    const near = j >= 0 ? unused.splice(j, 1)[0] : undefined;
    push(`diagnostic ${e.code}`, want, near ? `${at(near)}: ${short(near.message)}` : all);
  }
  for (const d of unused) push(`unexpected diagnostic ${d.code}`, 'not reported', `${at(d)}: ${short(d.message)}`);
}
