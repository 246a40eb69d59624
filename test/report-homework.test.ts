// Research as homework in the report (issue 15): the register and court look-ups that would still change the
// verdict are listed in the assessment (JSON, against the published schema) and in the text report, each with how.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { assess } from '../src/assess.js';
import { caseSchema } from '../src/case/schema.js';
import { assessmentSchema } from '../src/report/assessment-schema.js';
import { homeworkLines } from '../src/report/homework-text.js';
import { renderText } from '../src/report/text.js';
import { HOMEWORK } from '../src/interview/homework.js';
import { isHomework } from '../src/interview/agenda.js';
import { builtinRules, cli } from './helpers.js';

const plain = new Chalk({ level: 0 });
/** No wrapping: each text on one line after its prefix. */
const oneLine = (text: string, first = '') => [`${first}${text}`];
const AS_OF = '2026-03-10';
const nonDelivery = caseSchema.parse({
  as_of: AS_OF,
  buyer: { country: 'GB' },
  dispute: { types: ['non_delivery'] },
  supplier: { name: 'Foshan Everbright Furniture Co., Ltd.', country: 'CN', activity: { responsive: 'unresponsive' } },
  order: {
    date: '2025-12-01',
    channel: 'offline',
    payments: [{ date: '2025-12-02', amount: { amount: 6000, currency: 'USD' }, method: 'tt', via: 'supplier_company_account', stage: 'full' }],
  },
});

describe('homework in the report', () => {
  it('lists the look-ups whose facts are unknown and still matter, in order, each with how to do it', () => {
    const a = assess(nonDelivery, builtinRules(), { today: AS_OF });
    const ids = (a.homework ?? []).map((h) => h.id);
    expect(ids).toContain('supplier.registration_status');
    expect(ids).toEqual(HOMEWORK.map((h) => h.path).filter((p) => ids.includes(p)));
    const unknown = new Set(a.unknowns.map((u) => u.fact));
    for (const h of a.homework!) {
      expect(isHomework(h.id), h.id).toBe(true);
      expect(h.how).toMatch(/\S/);
      for (const f of h.facts) expect(unknown.has(f), f).toBe(true);
    }
    expect(assessmentSchema.safeParse(JSON.parse(JSON.stringify(a))).success).toBe(true);
  });

  it('has none once the look-ups are done', () => {
    const known = caseSchema.parse({
      ...nonDelivery,
      supplier: {
        ...nonDelivery.supplier,
        uscc: '91440604MA4UQ8X051',
        registration_status: 'active',
        dishonest_judgment_debtor: false,
        closely_held: false,
        identified: { shareholders: true, actual_controller: false, affiliates: false },
        payee: { name: 'x' },
      },
      assets: { bank_accounts: true, equipment: false, property: false, receivables: false },
    });
    const a = assess(known, builtinRules(), { today: AS_OF });
    expect(a.homework).toBeUndefined();
    expect(homeworkLines(a, plain, oneLine)).toEqual([]);
    expect(renderText(a, { color: plain })).not.toContain('Homework: look-ups');
  });

  it('prints a Homework section after the questions, with the Chinese status words', () => {
    const a = assess(nonDelivery, builtinRules(), { today: AS_OF, file: 'case.yaml' });
    const lines = homeworkLines(a, plain, oneLine);
    expect(lines.join('\n')).toContain('interview --resume case.yaml');
    expect(lines.join('\n')).toContain('经营异常');
    const text = renderText(a, { color: plain });
    expect(text.indexOf('Homework: look-ups')).toBeGreaterThan(text.indexOf('Questions that would change the verdict'));
    // A look-up is homework, not also a question to answer from memory.
    const questions = text.slice(text.indexOf('Questions that would change the verdict'), text.indexOf('Homework: look-ups'));
    expect(questions).not.toContain('gsxt.gov.cn');
  });

  it('is in the JSON output of the command', () => {
    const r = cli(['test/cases/offline-wire.yaml', '--format', 'json', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { homework?: { id: string }[] };
    expect(out.homework?.map((h) => h.id)).toContain('supplier.registration_status');
  });
});
