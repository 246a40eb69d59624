// Issue 15's agenda: the homework list and the "I don't know" answers kept in the saved file's closing comment,
// read back on resume, and the buyer's own closing comment kept.
import { describe, expect, it } from 'vitest';
import { caseText, loadCaseDocument, newCaseDocument, setAnswer } from '../src/interview/case-document.js';
import { dontKnowFromNotes, HOMEWORK, homeworkLines, interviewNotes, isHomework, withNotes } from '../src/interview/agenda.js';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';

describe('homework and "I don\'t know" notes in the case file', () => {
  it('writes each homework item with how to do it, and reads the "I don\'t know" list back', () => {
    const doc = newCaseDocument(['header']);
    setAnswer(doc, 'dispute.types', ['non_delivery']);
    doc.comment = interviewNotes(['supplier.registration_status', 'supplier.dishonest_judgment_debtor'], ['order.date', 'warning-signs']);
    const text = caseText(doc);
    expect(text).toMatch(/^# Homework: /m);
    expect(text).toContain('gsxt.gov.cn');
    expect(text).toContain('经营异常');
    expect(text).toContain('zxgk.court.gov.cn');
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(130);
    // still a valid case file
    const read = readYaml(text, 'case.yaml');
    expect(read.ok && validateCase(read.value).ok).toBe(true);
    expect(dontKnowFromNotes(loadCaseDocument(text).comment)).toEqual(['order.date', 'warning-signs']);
  });

  it('replaces its own notes and keeps a closing comment the buyer wrote', () => {
    const first = withNotes(' my own note', interviewNotes(['assets'], ['order.date']));
    expect(first).toMatch(/^ my own note\n Homework:/);
    const second = withNotes(first, interviewNotes([], ['order.value']));
    expect(second).toContain('my own note');
    expect(second).not.toContain('Homework:');
    expect(dontKnowFromNotes(second)).toEqual(['order.value']);
    expect(withNotes(second, null)).toBe(' my own note');
    expect(dontKnowFromNotes(' nothing of ours')).toEqual([]);
  });

  it('lists only homework it knows, in its order', () => {
    expect(HOMEWORK.every((h) => isHomework(h.path))).toBe(true);
    expect(isHomework('order.date')).toBe(false);
    const lines = homeworkLines(['assets', 'supplier.uscc', 'order.date']);
    expect(lines.filter((l) => /^\d\. /.test(l))).toEqual([`1. ${HOMEWORK[0]!.title}`, `2. ${HOMEWORK.find((h) => h.path === 'assets')!.title}`]);
  });
});
