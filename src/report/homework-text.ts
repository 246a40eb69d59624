// The text report's homework section (issue 15): the register and court look-ups that would still change the
// verdict, each with how to do it (the site, what to type, what the Chinese status words mean). Pure: the lines
// only; text.ts places them after the questions that would change the verdict.
import type { Colors } from './colors.js';
import type { Assessment } from '../engine/assessment.js';
import { safeInline } from '../source/safe-text.js';

/** Wraps `text` to the report's width, the first line after `first`, the others after `rest`. */
type Wrap = (text: string, first?: string, rest?: string) => string[];

/** The "Homework" section's body (without its heading); none when there is no homework. */
export function homeworkLines(a: Assessment, c: Colors, wrap: Wrap): string[] {
  if (!a.homework?.length) return [];
  const file = a.case.file ? ` ${safeInline(a.case.file)}` : ' <case file>';
  return [
    ...wrap(c.dim(`Do them when you can, then add what you find to the case (or run: dispute-assess interview --resume${file}).`), '  '),
    ...a.homework.flatMap((h, i) => [...wrap(c.bold(h.title), `  ${i + 1}. `), ...wrap(c.dim(h.how), `      ${c.dim('how:')} `, '        ')]),
  ];
}
