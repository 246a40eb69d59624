// The question catalogue and answer parsing: every fact the planner can ask has buyer wording, every enum
// value a readable label, and typed answers are validated with a clear message.
import { describe, expect, it } from 'vitest';
import { factRegistry } from '../src/rules/fact-registry.js';
import { DERIVED } from '../src/case/derive.js';
import { caseJsonSchema, schemaAt } from '../src/case/json-schema.js';
import { EVIDENCE_KINDS } from '../src/case/enums.js';
import type { Condition } from '../src/rules/types.js';
import { CATALOGUE, questionFor } from '../src/interview/catalogue.js';
import { PAYMENT_FIELDS, paymentChoices } from '../src/interview/payments.js';
import { isDontKnow, parseCountry, parseDate, parseMoney, parseText, parseWholeNumber } from '../src/interview/answers.js';
import { builtinRules } from './helpers.js';

const caseFacts = () =>
  [...factRegistry().entries()]
    .filter(([p]) => !/^(derived|eligibility)\./.test(p) && p !== 'as_of')
    .filter(([p]) => !(/\.(amount|currency)$/.test(p) && factRegistry().get(p.replace(/\.(amount|currency)$/, ''))?.kind === 'money'));

function leaves(c: Condition | undefined, out: string[] = []): string[] {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => leaves(x, out));
  else if ('any' in c) c.any.forEach((x) => leaves(x, out));
  else if ('not' in c) leaves(c.not, out);
  else out.push(c.fact);
  return out;
}

describe('question catalogue', () => {
  it('has written wording for every case fact (evidence from the evidence catalogue)', () => {
    const rules = builtinRules();
    for (const [path] of caseFacts()) {
      if (path.startsWith('evidence.')) expect(rules.catalogue.evidence[path.slice(9)], path).toBeDefined();
      else expect(CATALOGUE.get(path), `no catalogue entry for ${path}`).toBeDefined();
    }
  });

  it('has no stale entries: every entry is a case fact (or the payments or IP rights list)', () => {
    for (const path of CATALOGUE.keys()) if (path !== 'order.payments' && path !== 'ip.rights') expect(factRegistry().has(path), path).toBe(true);
  });

  it('gives every question a buyer wording and a one-line hint', () => {
    for (const [path] of caseFacts()) {
      const q = questionFor(path, builtinRules())!;
      expect(q, path).toBeDefined();
      expect(q.text, path).toMatch(/\?( \(.*\))?$/);
      expect(q.text, path).not.toContain('_');
      expect(q.hint.length, path).toBeGreaterThan(5);
      expect(q.hint, path).not.toContain('\n');
      expect(q.hint.length, path).toBeLessThanOrEqual(path.startsWith('evidence.') ? 240 : 130);
    }
  });

  it('labels every enum value of the schema, and nothing else', () => {
    for (const [path, info] of caseFacts()) {
      if ((info.kind !== 'enum' && info.kind !== 'list') || path.startsWith('evidence.') || /country$/.test(path)) continue;
      const spec = CATALOGUE.get(path)!;
      expect(Object.keys(spec.labels ?? {}).sort(), path).toEqual([...info.values!].sort());
      expect(
        questionFor(path)!.choices!.map((c) => c.value),
        path,
      ).toEqual([...info.values!]);
    }
  });

  it('labels every value of the payment fields', () => {
    for (const field of PAYMENT_FIELDS) {
      if (field === 'date') continue;
      const node = schemaAt(caseJsonSchema(), ['order', 'payments', 0, field]);
      const values = (node?.enum ?? node?.anyOf?.find((a) => a.enum)?.enum ?? []) as string[];
      expect(values.length, field).toBeGreaterThan(0);
      expect(
        paymentChoices(field)
          .map((c) => c.value)
          .sort(),
        field,
      ).toEqual([...values].sort());
    }
  });

  it('can word every case fact the loaded rules read, directly or through a derived fact', () => {
    const derived = new Map(DERIVED.map((d) => [d.name, d.inputs]));
    const rules = builtinRules();
    const facts = new Set(
      rules.rules
        .flatMap((r) => leaves(r.when))
        .flatMap((f) => derived.get(f) ?? [f])
        .flatMap((f) => derived.get(f) ?? [f]),
    );
    for (const f of facts) {
      if (/^(derived|eligibility)\./.test(f) || f === 'as_of') continue;
      const path = f.replace(/\.(amount|currency)$/, '');
      expect(questionFor(path, rules), f).toBeDefined();
    }
  });

  it('asks evidence as have / partly / no, with what the item proves', () => {
    const q = questionFor('evidence.payment_records', builtinRules())!;
    expect(q.group).toBe('evidence');
    expect(q.choices!.map((c) => c.value)).toEqual(['have', 'partial', 'missing']);
    expect(q.hint).toContain('It proves');
    expect(EVIDENCE_KINDS.every((k) => questionFor(`evidence.${k}`) !== undefined)).toBe(true);
  });
});

describe('answer parsing', () => {
  const today = '2026-03-10';
  it('treats empty, ? and "I don\'t know" as unknown', () => {
    for (const t of ['', '  ', '?', "I don't know", 'dont know', 'unknown', 'not sure']) expect(isDontKnow(t), t).toBe(true);
    expect(isDontKnow('no')).toBe(false);
    expect(parseDate('?', { today })).toEqual({ ok: true, value: undefined });
  });

  it('reads dates and explains bad ones', () => {
    expect(parseDate('2026-3-5', { today })).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate('2026/03/05', { today })).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDate('05/03/2026', { today })).toMatchObject({ ok: false, message: expect.stringContaining('YYYY-MM-DD') });
    expect(parseDate('2026-02-30', { today })).toMatchObject({ ok: false, message: expect.stringContaining('not a date in the calendar') });
    expect(parseDate('2026-04-01', { today, past: true })).toMatchObject({ ok: false, message: expect.stringContaining('after today') });
    expect(parseDate('2026-04-01', { today })).toEqual({ ok: true, value: '2026-04-01' });
  });

  it('reads dates as people type them, and asks when day and month could be swapped', () => {
    const today = '2026-11-25';
    for (const t of ['1 Sep 2026', 'Sept 1, 2026', '2026-09-01', '1st September 2026', '2026/9/1'])
      expect(parseDate(t, { today }), t).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDate('13/09/2026', { today })).toEqual({ ok: true, value: '2026-09-13' });
    expect(parseDate('01/09/2026', { today })).toMatchObject({ ok: false, message: expect.stringContaining('1 September or January 9') });
    for (const t of ['Sep 2026', 'next friday', 'banana', '1 Sep', '1 Sep 2026 to 5 Sep 2026']) expect(parseDate(t, { today }), t).toMatchObject({ ok: false });
    expect(parseDate('2026-02-30', { today })).toMatchObject({ ok: false, message: expect.stringContaining('not a date in the calendar') });
  });

  it('reads amounts with their currency', () => {
    expect(parseMoney('6000 USD')).toEqual({ ok: true, value: { amount: 6000, currency: 'USD' } });
    expect(parseMoney('usd 12,500.50')).toEqual({ ok: true, value: { amount: 12500.5, currency: 'USD' } });
    expect(parseMoney('$6000', 'US')).toEqual({ ok: true, value: { amount: 6000, currency: 'USD' } });
    expect(parseMoney('$6000', 'CA')).toEqual({ ok: true, value: { amount: 6000, currency: 'CAD' } });
    expect(parseMoney('$6000')).toMatchObject({ ok: false, message: expect.stringContaining('CAD') });
    expect(parseMoney('$6000', 'GB')).toMatchObject({ ok: false });
    expect(parseMoney('US$6000', 'CA')).toEqual({ ok: true, value: { amount: 6000, currency: 'USD' } });
    expect(parseMoney('€ 1200')).toEqual({ ok: true, value: { amount: 1200, currency: 'EUR' } });
    expect(parseMoney('RMB 30000')).toEqual({ ok: true, value: { amount: 30000, currency: 'CNY' } });
    expect(parseMoney('HK$ 800')).toEqual({ ok: true, value: { amount: 800, currency: 'HKD' } });
    expect(parseMoney('6000')).toMatchObject({ ok: false, message: expect.stringContaining('Which currency') });
    expect(parseMoney('¥6000')).toMatchObject({ ok: false, message: expect.stringContaining('CNY or JPY') });
    expect(parseMoney('6000 USX')).toMatchObject({ ok: false, message: expect.stringContaining('USD') });
    expect(parseMoney('6,00,0 USD')).toMatchObject({ ok: false });
    expect(parseMoney('lots')).toMatchObject({ ok: false });
  });

  it('reads countries by code or English name', () => {
    expect(parseCountry('gb')).toEqual({ ok: true, value: 'GB' });
    expect(parseCountry('United Kingdom')).toEqual({ ok: true, value: 'GB' });
    expect(parseCountry('UK')).toEqual({ ok: true, value: 'GB' });
    expect(parseCountry('germany')).toEqual({ ok: true, value: 'DE' });
    expect(parseCountry('Hong Kong')).toEqual({ ok: true, value: 'HK' });
    expect(parseCountry('Germny')).toMatchObject({ ok: false, message: expect.stringContaining('DE') });
  });

  it('reads whole numbers and bounded text', () => {
    expect(parseWholeNumber('18')).toEqual({ ok: true, value: 18 });
    expect(parseWholeNumber('1.5')).toMatchObject({ ok: false });
    expect(parseWholeNumber('99999')).toMatchObject({ ok: false });
    expect(parseText(' Acme Ltd ')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(parseText('x'.repeat(50), 40)).toMatchObject({ ok: false });
  });
});

describe('ip.rights as one question', () => {
  it('round-trips ticked choices through the case shape', async () => {
    const { encodeIpRights, decodeIpRights } = await import('../src/interview/ip-rights.js');
    const ticked = ['trademark:cn', 'design_patent:abroad', 'copyright'];
    expect(encodeIpRights(ticked)).toEqual([
      { kind: 'trademark', registered_in_china: true },
      { kind: 'design_patent', registered_in_china: false },
      { kind: 'copyright' },
    ]);
    expect(decodeIpRights(encodeIpRights(ticked))).toEqual(ticked);
    expect(decodeIpRights([{ kind: 'patent' }])).toEqual([]);
    expect(encodeIpRights([])).toEqual([]);
  });
});
