// The `check` output formats: one pure function each, from the report to a string.
import type { ChalkInstance } from 'chalk';
import type { CheckReport } from './report.js';
import { renderCheckText } from './format-text.js';
import { renderJunit } from './format-junit.js';
import { renderCheckJson } from './format-json.js';

export const CHECK_FORMATS = ['text', 'junit', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export interface CheckRenderOptions {
  color: ChalkInstance;
  coverageTable?: boolean;
}

const formatters = {
  text: (r, o) => renderCheckText(r, o),
  junit: (r) => renderJunit(r),
  json: (r) => renderCheckJson(r),
} satisfies Record<CheckFormat, (r: CheckReport, o: CheckRenderOptions) => string>;

/** Render a check report in a format. */
export function renderCheck(report: CheckReport, format: CheckFormat, opts: CheckRenderOptions): string {
  return formatters[format](report, opts);
}
