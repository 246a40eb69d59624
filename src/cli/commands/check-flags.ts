// Checking the options of `check` before anything runs: each problem is a usage diagnostic (exit 2).
import { diag, type Diagnostic } from '../../source/diagnostics.js';
import { suggestion } from '../../source/suggest.js';
import { CHECK_FORMATS, type CheckFormat } from '../../check/formats.js';

export interface CheckFlags {
  rules: string[];
  builtinRules: boolean;
  color: boolean;
  format: string;
  grep?: string;
  coverage?: boolean;
  minCoverage?: string;
}

export interface CheckSettings {
  format: CheckFormat;
  grep?: RegExp;
  minCoverage?: number;
}

/** Validate the flags; settings when they are usable, else usage diagnostics. */
export function checkSettings(flags: CheckFlags): { ok: true; value: CheckSettings } | { ok: false; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const usage = (message: string) => out.push(diag('usage', message, { file: '(arguments)' }));
  const value: CheckSettings = { format: flags.format as CheckFormat };
  if (!(CHECK_FORMATS as readonly string[]).includes(flags.format))
    usage(`--format must be one of ${CHECK_FORMATS.join(', ')}; got '${flags.format}'${suggestion(flags.format, CHECK_FORMATS)}`);
  if (flags.grep !== undefined) {
    try {
      value.grep = new RegExp(flags.grep);
    } catch (e) {
      const why = String((e as Error).message)
        .split(': ')
        .pop();
      usage(`--grep: '${flags.grep}' is not a valid regular expression (${why})`);
    }
  }
  if (flags.minCoverage !== undefined) {
    const n = Number(flags.minCoverage);
    if (!/^\d+(\.\d+)?$/.test(flags.minCoverage) || n > 100) usage(`--min-coverage must be a percentage from 0 to 100; got '${flags.minCoverage}'`);
    else value.minCoverage = n;
  }
  if (!flags.builtinRules && flags.rules.length === 0) usage('--no-builtin-rules leaves no rules to check; add --rules DIR with your rule pack');
  return out.length ? { ok: false, diagnostics: out } : { ok: true, value };
}
