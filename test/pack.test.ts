// The case pack's documents from the pure functions: every document for every fixture (sparse ones too) with
// visible placeholders and nothing undefined; case text escaped in HTML; several files per evidence kind; the
// letter addressed to the payee too where it differs; no platform text for a programme the assessment rules out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseArb } from './property-arbitraries.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack, type PackFile } from '../src/pack/pack.js';
import { exhibits } from '../src/pack/model.js';
import { md } from '../src/pack/markdown.js';
import { RESPONSE_DAYS } from '../src/pack/letter.js';
import { assess } from '../src/assess.js';
import type { Case } from '../src/case/schema.js';
import { builtinRules, ROOT } from './helpers.js';
import { PACK_CASE, packInput, TODAY } from './pack-helpers.js';

const NAMES = ['brief.md', 'brief.html', 'evidence-index.md', 'letter-en.md', 'letter-zh.md', 'platform-text.md'];
const file = (pack: PackFile[], name: string) => pack.find((f) => f.name === name)!.content;
const fixtures = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `fixtures/${f}`);

/** A pack straight from a case object (no file), assessed with the built-in rules. */
function packOf(c: Case, lang: 'en' | 'zh' = 'en'): PackFile[] {
  const rules = builtinRules();
  return buildPack({ case: c, assessment: assess(c, rules, { today: TODAY }), catalogue: rules.catalogue, caseFile: 'case.yaml', files: new Map() }, lang);
}

describe('case pack documents', () => {
  it('every fixture gets every document in both languages, with no undefined, NaN or unfilled {name}', () => {
    for (const f of [...fixtures, PACK_CASE]) {
      const input = packInput(f);
      for (const lang of ['en', 'zh'] as const) {
        const pack = buildPack(input, lang);
        expect(
          pack.map((p) => p.name),
          f,
        ).toEqual(NAMES);
        for (const p of pack) {
          expect(p.content, `${f} ${p.name}`).not.toMatch(/undefined|NaN|\[object |\{[a-z_]+\}/);
          expect(p.content.length, `${f} ${p.name}`).toBeGreaterThan(100);
        }
      }
    }
  });

  it('any case the schema accepts gets every document, deterministic, with nothing undefined and no raw HTML', () => {
    const rules = builtinRules();
    fc.assert(
      fc.property(caseArb, fc.constantFrom('en' as const, 'zh' as const), (c, lang) => {
        // A case's own text may hold "{a}": only the documents' own placeholders must all be filled.
        fc.pre(!/\{[a-z_]+\}/.test(JSON.stringify(c)));
        const input = { case: c, assessment: assess(c, rules, { today: TODAY }), catalogue: rules.catalogue, caseFile: 'case.yaml', files: new Map() };
        const pack = buildPack(input, lang);
        expect(pack.map((p) => p.name)).toEqual(NAMES);
        for (const p of pack) expect(p.content, p.name).not.toMatch(/undefined|NaN|\[object |\{[a-z_]+\}/);
        expect(file(pack, 'brief.html')).not.toMatch(
          /<(?!\/?(?:!doctype|html|head|meta|title|style|body|header|h1|h2|p|section|ul|ol|li|table|thead|tbody|tr|th|td|strong|em|code|br|hr|blockquote)\b)[a-z]/i,
        );
        expect(buildPack(structuredClone(input), lang)).toEqual(pack);
      }),
      { seed: 20261126, numRuns: 60 },
    );
  });

  it('an empty case still gets every document, with the unknown facts as visible placeholders', () => {
    const pack = packOf({});
    expect(pack.map((p) => p.name)).toEqual(NAMES);
    const en = file(pack, 'letter-en.md');
    for (const ph of [
      "[supplier's registered name]",
      "[supplier's registered Chinese name]",
      '[Unified Social Credit Code, 18 characters]',
      '[your company name]',
      '[order date]',
      '[amount]',
      '[Describe what went wrong]',
    ])
      expect(en).toContain(ph);
    expect(file(pack, 'letter-zh.md')).toContain('[供应商注册中文名称]');
    expect(en).toMatch(/^> \*\*DRAFT for review by a PRC-licensed lawyer/);
    expect(en).toContain('Article 195 of the PRC Civil Code');
    expect(file(pack, 'brief.md')).toContain('## Open questions');
    expect(file(pack, 'platform-text.md')).toContain('[order number]');
  });

  it('the sparse fixture: the letter demands by a date RESPONSE_DAYS after the assessment and names no supplier', () => {
    const pack = buildPack(packInput('fixtures/a-sparse-phone-cases.yaml'));
    const letter = file(pack, 'letter-en.md');
    expect(letter).toContain(`by 2026-06-${String(1 + RESPONSE_DAYS).padStart(2, '0')} (${RESPONSE_DAYS} days`);
    expect(letter).toContain("To: [supplier's registered name]");
    expect(letter).toContain('We paid [total paid]');
  });

  it('the letter goes to the contracting party and also to the payee when they differ', () => {
    const letter = file(buildPack(packInput(PACK_CASE)), 'letter-en.md');
    expect(letter).toContain('To: Foshan Everbright Furniture Co., Ltd.');
    expect(letter).toContain('And to (holder of the account that received the payment): Everbright Trading (HK) Limited');
    expect(letter).toContain('Unified Social Credit Code: 91440604MA4UQ8X051');
    const same = packOf({ supplier: { contracting_party: 'A Co', payee: { name: 'A Co' } } });
    expect(file(same, 'letter-en.md')).not.toContain('And to');
  });

  it('what was ordered: in the letters as the buyer wrote it, a visible placeholder when absent, and in the brief', () => {
    const goods = '500 oak dining chairs, model "Aldo"';
    const pack = packOf({ dispute: { types: ['non_delivery'] }, order: { goods, date: '2026-01-05' } });
    expect(file(pack, 'letter-en.md')).toContain(`for ${goods} (order number`);
    expect(file(pack, 'letter-zh.md')).toContain(`订购 ${goods}（`);
    expect(file(pack, 'brief.md')).toMatch(/\*\*Goods ordered\*\*: 500 oak dining chairs/);
    const none = packOf({ dispute: { types: ['non_delivery'] }, order: { date: '2026-01-05' } });
    expect(file(none, 'letter-en.md')).toContain('for [goods, quantity and unit price] (order number');
    expect(file(none, 'letter-zh.md')).toContain('[货物、数量和单价]');
    expect(file(none, 'brief.md')).toMatch(/\*\*Goods ordered\*\*: \*not stated\*/);
  });

  it('lists several files for one evidence kind, with size and SHA-256, and a missing one as not found', () => {
    const input = packInput(PACK_CASE, 'disk');
    const chats = exhibits(input).find((e) => e.kind === 'other_chat')!;
    expect(chats.files.map((f) => [f.path, f.found])).toEqual([
      ['evidence/whatsapp-export.txt', true],
      ['evidence/emails.mbox', false],
    ]);
    const index = file(buildPack(input), 'evidence-index.md');
    expect(index).toMatch(/`evidence\/wire-deposit-2025-12-02\.pdf`: 109 bytes, SHA-256 `[0-9a-f]{64}`/);
    expect(index).toContain('`evidence/emails.mbox`: not found (no such file)');
  });

  it('a required item not held is a gap in the index and the brief', () => {
    const pack = packOf({ dispute: { types: ['non_delivery'] }, evidence: { payment_records: 'missing' } });
    expect(file(pack, 'evidence-index.md')).toMatch(/- \*\*Payment records\*\*: missing, needed for non-delivery/);
    expect(file(pack, 'brief.md')).toMatch(/\*\*Missing required evidence\*\*: Payment records \(missing\)/);
  });

  it('case text is printed as written in HTML: no tag, link or markup from the case survives', () => {
    const evil = '<script>alert(1)</script> [click](javascript:alert(2)) *bold* <img src=x onerror=alert(3)> & co';
    const pack = packOf({ supplier: { name: evil, contracting_party: evil }, dispute: { summary: evil }, notes: `a | b\n# heading` });
    const html = file(pack, 'brief.html');
    expect(html).not.toMatch(/<script|<img|href=|<em>bold/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('*bold*');
    expect(html).not.toMatch(/<h1>heading/);
    expect(md('a_b _c_ 1_000')).toBe('a_b \\_c\\_ 1_000');
  });

  it('no platform text for a programme the assessment rules out; its reason instead', () => {
    const text = file(buildPack(packInput('fixtures/b-offline-wire-non-delivery.yaml')), 'platform-text.md');
    const [ta, oc] = text.split('\n## ').slice(1);
    expect(ta).toMatch(/^Trade Assurance claim[^]*not eligible[^]*No text is given/);
    expect(ta).not.toContain('```');
    expect(oc).toMatch(/^Complaint Center[^]*eligible[^]*```text\nI met this supplier on Alibaba\.com and paid USD 20,000\.00/);
    expect(oc).toMatch(/Length: \d+ characters/);
  });

  it('--lang zh: the brief in Chinese, the letters in both languages either way', () => {
    const zh = buildPack(packInput(PACK_CASE), 'zh');
    expect(file(zh, 'brief.md')).toMatch(/^# 案件简报：/);
    expect(file(zh, 'brief.html')).toContain('<html lang="zh-Hans">');
    expect(file(zh, 'letter-zh.md')).toContain('《中华人民共和国民法典》第一百九十五条');
    expect(file(zh, 'letter-en.md')).toContain('Dear Sirs,');
  });
});
