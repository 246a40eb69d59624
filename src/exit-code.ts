// Exit codes: 0 assessed; 1 a finding at or above --fail-on (or a failed fixture); 2 bad input, bad rules, usage, crash.
import { SEVERITIES, type Severity } from './case/enums.js';
import type { Assessment } from './engine/assessment.js';

export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

/** 1 when some fired finding is at or above the fail-on severity, else 0. */
export function exitCode(a: Assessment, failOn?: Severity): 0 | 1 {
  if (!failOn) return 0;
  const min = SEVERITIES.indexOf(failOn);
  return a.findings.some((f) => SEVERITIES.indexOf(f.severity) >= min) ? 1 : 0;
}
