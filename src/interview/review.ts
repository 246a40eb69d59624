// The review screen (pure): every answer in the case, by group, as the buyer reads it.
import type { Case } from '../case/schema.js';
import { flattenCase } from '../case/facts.js';
import type { RuleSet } from '../rules/types.js';
import { GROUPS, GROUP_TITLES } from './groups.js';
import { questionFor, type Question } from './catalogue.js';
import { formatAnswer, valueAt } from './values.js';

export interface ReviewEntry {
  question: Question;
  value: unknown;
  shown: string;
}

/** The answered facts of a case that the interview can ask, in group and catalogue order. */
export function reviewEntries(c: Case, set: RuleSet): ReviewEntry[] {
  const paths = [...flattenCase(c).keys()];
  if (c.order?.payments !== undefined) paths.push('order.payments');
  if (c.ip?.rights !== undefined) paths.push('ip.rights');
  const entries: ReviewEntry[] = [];
  for (const path of paths) {
    const question = questionFor(path, set);
    if (!question) continue;
    const value = valueAt(c, path);
    entries.push({ question, value, shown: formatAnswer(question, value) });
  }
  const rank = (e: ReviewEntry) => GROUPS.indexOf(e.question.group) * 10_000 + e.question.order;
  return entries.sort((a, b) => rank(a) - rank(b) || a.question.path.localeCompare(b.question.path));
}

/** The review screen as lines: a header per group, then "question: answer". */
export function reviewLines(entries: readonly ReviewEntry[]): string[] {
  const out: string[] = [];
  for (const g of GROUPS) {
    const mine = entries.filter((e) => e.question.group === g);
    if (mine.length === 0) continue;
    out.push(GROUP_TITLES[g]);
    for (const e of mine) {
      const text = e.question.text.replace(/ \(choose all that apply\)$/, '');
      if (e.question.kind === 'payments' || e.shown.includes('\n')) out.push(`  ${text}`, ...e.shown.split('\n').map((l) => `      ${l}`));
      else out.push(`  ${text}  ${e.shown}`);
    }
  }
  return out;
}
