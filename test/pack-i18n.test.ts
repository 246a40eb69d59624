// The pack's translations: every key in both languages, non-empty, with the same {placeholders}; and a word in
// both for every route, programme, evidence kind, dispute type and other vocabulary the case file can hold.
import { describe, expect, it } from 'vitest';
import { EN } from '../src/pack/i18n/en.js';
import { ZH } from '../src/pack/i18n/zh.js';
import { DICTIONARIES, LANGS, translator } from '../src/pack/i18n/index.js';
import { DISPUTE_TYPES, EVIDENCE_KINDS, PROGRAMS, ROUTES, ELIGIBILITY, STRENGTHS, SEVERITIES } from '../src/case/enums.js';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { builtinRules } from './helpers.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The enum values of a case field, read off the JSON Schema (so a new value without a translation fails here). */
function enumAt(path: string[]): string[] {
  let node: any = caseJsonSchema();
  for (const p of path) node = p === '[]' ? node.items : node.properties[p];
  return node.enum ?? node.anyOf.find((a: any) => a.enum).enum;
}

describe('pack translations', () => {
  it('have the same keys in English and Chinese, none empty (except where English needs no word)', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
    for (const lang of LANGS) {
      const empty = Object.entries(DICTIONARIES[lang]).filter(([k, v]) => v.trim() === '' && k !== 'letter.channel_offline');
      expect(empty, lang).toEqual([]);
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const differ = Object.keys(EN).filter((k) => placeholders(EN[k as keyof typeof EN]).join() !== placeholders(ZH[k as keyof typeof ZH]).join());
    expect(differ).toEqual([]);
  });

  it('the Chinese is Chinese: every text with words has Han characters, except names kept as they are', () => {
    const latinOnly = Object.entries(ZH)
      .filter(([, v]) => /[A-Za-z]{3}/.test(v.replace(/\{\w+\}/g, '')) && !/\p{Script=Han}/u.test(v))
      .map(([k]) => k);
    // A brand name stays as it is.
    expect(latinOnly).toEqual(['method.paypal']);
  });

  it('have a word for every id the case, the rules and the assessment can produce', () => {
    const catalogue = builtinRules().catalogue;
    const vocab: [string, readonly string[]][] = [
      ['route', [...ROUTES, ...Object.keys(catalogue.routes)]],
      ['program', [...PROGRAMS, ...Object.keys(catalogue.programs)]],
      ['evidence', [...EVIDENCE_KINDS, ...Object.keys(catalogue.evidence)]],
      ['dispute', DISPUTE_TYPES],
      ['elig', ELIGIBILITY],
      ['strength', STRENGTHS],
      ['severity', SEVERITIES],
      ['status', [...enumAt(['evidence', 'payment_records']), 'unknown']],
      ['registry', enumAt(['supplier', 'registration_status'])],
      ['account', enumAt(['supplier', 'payee', 'account_type'])],
      ['method', enumAt(['order', 'payments', '[]', 'method'])],
      ['via', enumAt(['order', 'payments', '[]', 'via'])],
      ['stage', enumAt(['order', 'payments', '[]', 'stage'])],
      ['found', enumAt(['supplier', 'found_on'])],
      ['claimed', enumAt(['supplier', 'claimed_type'])],
      ['position', enumAt(['dispute', 'supplier_position'])],
      ['right', enumAt(['ip', 'rights', '[]', 'kind'])],
      ['breach', DISPUTE_TYPES],
      ['problem', DISPUTE_TYPES],
    ];
    const missing = vocab.flatMap(([prefix, ids]) => ids.map((id) => `${prefix}.${id}`)).filter((k) => !(k in EN) || !(k in ZH));
    expect(missing).toEqual([]);
  });

  it('fill placeholders and leave an unknown one visible', () => {
    expect(translator('zh')('letter.date', { date: '2026-03-10' })).toBe('日期：2026-03-10');
    expect(translator('en')('letter.date')).toBe('Date: {date}');
  });
});
