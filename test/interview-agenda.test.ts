// Issue 15's agenda: the homework list and the "I don't know" answers kept in the saved file's closing comment,
// read back on resume, and the buyer's own closing comment kept.
import { describe, expect, it } from 'vitest';
import { caseText, loadCaseDocument, newCaseDocument, setAnswer } from '../src/interview/case-document.js';
import {
  answeredByEarlier,
  dontKnowFromNotes,
  EVENTS_ASKED,
  HOMEWORK,
  homeworkLines,
  interviewNotes,
  isHomework,
  notHappenedFromNotes,
  stillOpen,
  withEvents,
  withNotes,
} from '../src/interview/agenda.js';
import { bundleQuestion, questionFor } from '../src/interview/catalogue.js';
import { ValueOfInformation } from '../src/interview/value.js';
import { relevantRules } from '../src/interview/planner.js';
import { assess } from '../src/assess.js';
import { caseSchema } from '../src/case/schema.js';
import { builtinRules } from './helpers.js';
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

describe('events that did not happen, and questions no answer of which matters', () => {
  it('keeps the unticked events apart from the "I don\'t know" answers, and reads both back', () => {
    const notes = interviewNotes([], ['order.date'], ['customs.event', 'dispute.offer.kind']);
    expect(dontKnowFromNotes(notes)).toEqual(['order.date']);
    expect(notHappenedFromNotes(notes)).toEqual(['customs.event', 'dispute.offer.kind']);
    expect(notHappenedFromNotes(interviewNotes([], [], ['order.date']))).toEqual([]);
    expect(withNotes(notes, null)).toBeNull();
  });

  it('offers the events with the warning signs, or as a checklist of their own when two or more are open', () => {
    const host = bundleQuestion('warning-signs')!;
    const merged = withEvents(host, ['customs.event'])!;
    expect(merged.question.path).toBe('warning-signs');
    expect(merged.question.choices!.map((ch) => ch.value)).toContain('customs.event');
    expect(withEvents(undefined, ['customs.event'])).toBeUndefined();
    expect(withEvents(undefined, ['customs.event', 'dispute.fraud_kind'])!.question.path).toBe(EVENTS_ASKED);
  });

  it('does not ask a date whose every possible answer leaves the verdict as it is', () => {
    const rules = builtinRules();
    // a recent order from a mainland supplier: no date of a written demand can bring the 4-year limitation near
    const c = caseSchema.parse({
      as_of: '2026-03-10',
      buyer: { country: 'GB' },
      supplier: { country: 'CN' },
      dispute: { types: ['non_delivery'], discovered_date: '2026-02-15' },
      order: { date: '2025-12-01', channel: 'offline' },
    });
    const a = assess(c, rules, { today: '2026-03-10', explain: true });
    const voi = new ValueOfInformation(c, rules, '2026-03-10', relevantRules(a, rules, c));
    expect(voi.worthAsking(questionFor('dispute.last_demand_date', rules)!)).toBe(false);
    // while who the supplier is still decides the verdict
    expect(voi.worthAsking(questionFor('supplier.payee.account_type', rules)!)).toBe(true);
    // free text cannot be tried answer by answer: left to the rules
    expect(voi.worthAsking(questionFor('supplier.payee.name', rules)!)).toBeUndefined();
  });

  it('settles from earlier answers what they say, and does not ask what an answer ruled out', () => {
    const c = (x: unknown) => caseSchema.parse(x);
    expect(answeredByEarlier(c({ dispute: { types: ['short_shipment'] } }))).toContainEqual(['order.delivery.status', 'partial']);
    expect(answeredByEarlier(c({ supplier: { payee: { account_type: 'company_in_china' } } }))).toContainEqual(['supplier.payee.country', 'CN']);
    const paidAtCheckout = c({ order: { channel: 'trade_assurance', payments: [{ via: 'alibaba_checkout' }] } });
    for (const p of ['supplier.payee.name', 'supplier.payee.account_type', 'supplier.contracting_party']) expect(stillOpen(p, paidAtCheckout), p).toBe(false);
    // an IP complaint about a supplier the buyer never paid: no order questions
    const copier = c({ dispute: { types: ['ip_infringement'] }, order: { payments: [] } });
    for (const p of ['order.channel', 'order.goods', 'order.date', 'supplier.payee.name', 'customs.event']) expect(stillOpen(p, copier), p).toBe(false);
    expect(stillOpen('supplier.name', copier)).toBe(true);
    // both names given settle whether the account is the contracting party's
    expect(
      stillOpen(
        'supplier.payee.same_as_contracting_party',
        c({ order: { payments: [{ via: 'supplier_company_account' }] }, supplier: { contracting_party: 'A Ltd', payee: { name: 'B Ltd' } } }),
      ),
    ).toBe(false);
  });
});
