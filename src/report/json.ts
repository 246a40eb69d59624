// JSON output: the assessment as is (versioned by its `format` and `version` fields).
import type { Assessment } from '../engine/assessment.js';

/** One assessment as pretty JSON (or one line, for JSON Lines). */
export function renderJson(a: Assessment, opts: { lines?: boolean } = {}): string {
  return opts.lines ? JSON.stringify(a) : JSON.stringify(a, null, 2);
}
