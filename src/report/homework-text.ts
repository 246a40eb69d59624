// The text report's homework section (issue 15): the register and court look-ups that would still change the
// verdict, each with how to do it (the site, what to type, what the Chinese status words mean). Pure: the lines
// only; text.ts places them after the questions that would change the verdict.
import type { ChalkInstance } from 'chalk';
import type { Assessment } from '../engine/assessment.js';
import { safeInline } from '../source/safe-text.js';

/** The "Homework" section as lines (a blank line and the heading first); none when there is no homework. */
export function homeworkSection(a: Assessment, c: ChalkInstance): string[] {
  if (!a.homework?.length) return [];
  const file = a.case.file ? ` ${safeInline(a.case.file)}` : ' <case file>';
  return [
    '',
    c.bold.underline('Homework: look-ups that would change the verdict'),
    c.dim(`  Do them when you can, then add what you find to the case (or run: dispute-assess interview --resume${file}).`),
    ...a.homework.flatMap((h, i) => [`  ${i + 1}. ${c.bold(h.title)}`, c.dim(`      how: ${h.how}`)]),
  ];
}
