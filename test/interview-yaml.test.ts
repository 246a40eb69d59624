// Writing the case file: a round trip to the same verdict, comments and key order kept on resume,
// atomic writes, and never replacing an existing file without asking (or --force).
import { describe, expect, it, vi, beforeEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readYaml } from '../src/source/read-yaml.js';
import { validateCase } from '../src/case/validate.js';
import { flattenCase } from '../src/case/facts.js';
import { assess } from '../src/assess.js';
import { caseText, documentCase, loadCaseDocument, newCaseDocument, removeAnswer, setAnswer } from '../src/interview/case-document.js';
import { freeName, writeFileAtomic } from '../src/cli/interview/files.js';
import { builtinRules, cli, ROOT } from './helpers.js';
import { AS_OF, ORACLES } from './interview-oracle.js';

vi.mock('../src/cli/interview/prompts.js', () => ({ askConfirm: vi.fn(), askText: vi.fn(), askChoice: vi.fn() }));
const prompts = await import('../src/cli/interview/prompts.js');
const { chooseFinalPath, chooseSavePath } = await import('../src/cli/interview/review.js');

const tmp = () => mkdtempSync(join(tmpdir(), 'da-interview-'));
const FIXTURE = readFileSync(join(ROOT, 'test', 'cases', 'offline-wire.yaml'), 'utf8');

/** Answer every fact of a case the way the interview does, one setAnswer per fact. */
function asInterview(c: Record<string, unknown>): string {
  const doc = newCaseDocument(['written by a test']);
  const order = c.order as { payments?: unknown } | undefined;
  for (const [path, value] of flattenCase(c)) {
    if (!/\.(amount|currency)$/.test(path) || typeof value === 'object') setAnswer(doc, path, value);
  }
  if (order?.payments) setAnswer(doc, 'order.payments', order.payments);
  if ((c.ip as { rights?: unknown } | undefined)?.rights) setAnswer(doc, 'ip.rights', (c.ip as { rights: unknown }).rights);
  if ((c.ip as { infringing_urls?: unknown } | undefined)?.infringing_urls)
    setAnswer(doc, 'ip.infringing_urls', (c.ip as { infringing_urls: unknown }).infringing_urls);
  return caseText(doc);
}

describe('the case the interview holds', () => {
  it('is checked as the main command checks the saved file: the same case, or the same problems', () => {
    const doc = newCaseDocument(['written by a test']);
    expect(documentCase(doc)).toEqual({ ok: true, value: {} });
    setAnswer(doc, 'order.channel', 'offline');
    setAnswer(doc, 'order.value', { amount: 1200, currency: 'USD' });
    expect(documentCase(doc)).toEqual({ ok: true, value: { order: { channel: 'offline', value: { amount: 1200, currency: 'USD' } } } });
    // An edit the interview never makes (its answers are checked first): both roads refuse it with the same problems.
    setAnswer(doc, 'order.channel', 'ofline');
    setAnswer(doc, 'supplier.name', 5);
    const read = readYaml(caseText(doc), 'case.yaml');
    if (!read.ok) throw new Error('unreadable');
    const main = validateCase(read.value, { today: AS_OF });
    const mine = documentCase(doc);
    expect(main.ok || mine.ok).toBe(false);
    if (main.ok || mine.ok) return;
    expect(main.diagnostics.map((d) => d.code)).toEqual(['case-type', 'case-enum']);
    expect(mine.message).toBe(main.diagnostics.map((d) => d.message).join('; '));
  });
});

describe('saving the case file', () => {
  for (const [name, oracle] of Object.entries(ORACLES)) {
    it(`${name}: the written file reads back to the same case and, through the binary, the same verdict`, () => {
      const text = asInterview(oracle as Record<string, unknown>);
      const doc = readYaml(text, 'case.yaml');
      expect(doc.ok).toBe(true);
      const valid = validateCase((doc as { value: Parameters<typeof validateCase>[0] }).value);
      expect(valid.ok && valid.value).toEqual(oracle);
      const dir = tmp();
      writeFileAtomic(join(dir, 'case.yaml'), text);
      const r = cli([join(dir, 'case.yaml'), '--format', 'json', '--as-of', AS_OF]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const fromFile = JSON.parse(r.stdout);
      const direct = JSON.parse(JSON.stringify(assess(oracle, builtinRules(), { today: AS_OF, asOf: AS_OF, file: join(dir, 'case.yaml'), whatIf: true })));
      expect(fromFile).toEqual(direct);
    });
  }

  it('puts new keys in case-schema order, whatever order they were answered in', () => {
    const doc = newCaseDocument([]);
    setAnswer(doc, 'dispute.types', ['quality']);
    setAnswer(doc, 'order.payments', [{ stage: 'full', amount: { amount: 5, currency: 'USD' }, date: '2026-01-01' }]);
    setAnswer(doc, 'order.channel', 'trade_assurance');
    setAnswer(doc, 'buyer.country', 'GB');
    const text = caseText(doc);
    expect(Object.keys(parse(text))).toEqual(['buyer', 'order', 'dispute']);
    expect(Object.keys(parse(text).order)).toEqual(['channel', 'payments']);
    expect(Object.keys(parse(text).order.payments[0])).toEqual(['date', 'amount', 'stage']);
    expect(text).toContain('amount: { amount: 5, currency: USD }');
  });

  it('removes an answer changed to "I don\'t know", and the sections it leaves empty', () => {
    const doc = newCaseDocument([]);
    setAnswer(doc, 'supplier.activity.responsive', 'slow');
    setAnswer(doc, 'order.channel', 'offline');
    removeAnswer(doc, 'supplier.activity.responsive');
    expect(parse(caseText(doc))).toEqual({ order: { channel: 'offline' } });
  });
});

describe('resuming a case file', () => {
  it('keeps its comments and key order, and adds answers where the schema puts them', () => {
    const doc = loadCaseDocument(FIXTURE);
    setAnswer(doc, 'supplier.uscc', '91440600MA4W6C1X2K');
    setAnswer(doc, 'dispute.supplier_notified_date', '2026-02-16');
    setAnswer(doc, 'assets.bank_accounts', true);
    setAnswer(doc, 'order.delivery.status', 'none');
    const out = caseText(doc);
    const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(out)).toEqual(comments(FIXTURE));
    const before = parse(FIXTURE);
    const after = parse(out);
    expect(Object.keys(after)).toEqual(['as_of', 'buyer', 'supplier', 'order', 'dispute', 'evidence', 'assets']);
    expect(Object.keys(after.supplier)).toEqual(['name', 'country', 'found_on', 'uscc', 'contracting_party', 'payee', 'activity']);
    expect(Object.keys(after.dispute)).toEqual(['types', 'discovered_date', 'supplier_notified_date']);
    const { uscc: _u, ...supplier } = after.supplier;
    const { supplier_notified_date: _n, ...dispute } = after.dispute;
    const { assets: _a, ...rest } = { ...after, supplier, dispute };
    expect(rest).toEqual(before);
    expect(out.split('\n').slice(0, 4)).toEqual(FIXTURE.split('\n').slice(0, 4));
  });

  it('changing an answer keeps its place and the comment above it', () => {
    const doc = loadCaseDocument('# who\nsupplier:\n  # as on the store page\n  name: Old Name\n  country: CN\n');
    setAnswer(doc, 'supplier.name', 'New Name');
    expect(caseText(doc)).toBe('# who\nsupplier:\n  # as on the store page\n  name: New Name\n  country: CN\n');
  });
});

describe('writing files', () => {
  it('writes atomically: complete content, no temporary file left', () => {
    const dir = tmp();
    const file = join(dir, 'case.yaml');
    writeFileAtomic(file, 'a: 1\n');
    writeFileAtomic(file, 'b: 2\n');
    expect(readFileSync(file, 'utf8')).toBe('b: 2\n');
    expect(readdirSync(dir)).toEqual(['case.yaml']);
  });

  it('a failed write leaves what was there and no temporary file', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'case.yaml'));
    writeFileSync(join(dir, 'case.yaml', 'inside'), 'keep');
    expect(() => writeFileAtomic(join(dir, 'case.yaml'), 'x: 1\n')).toThrow();
    expect(readdirSync(dir)).toEqual(['case.yaml']);
    expect(readFileSync(join(dir, 'case.yaml', 'inside'), 'utf8')).toBe('keep');
  });

  it('finds a free name without touching existing files', () => {
    const taken = new Set(['d.yaml', 'd-2.yaml', 'p.partial.yaml']);
    expect(freeName('d.yaml', (p) => taken.has(p))).toBe('d-3.yaml');
    expect(freeName('p.partial.yaml', (p) => taken.has(p))).toBe('p-2.partial.yaml');
    expect(freeName('new.yaml', (p) => taken.has(p))).toBe('new.yaml');
  });
});

describe('never overwriting without asking', () => {
  const state = (o: Record<string, unknown>) => ({ o: { force: false, ...o }, ctx: {}, partial: false, touched: false, skipped: new Set() }) as never;
  beforeEach(() => vi.mocked(prompts.askConfirm).mockReset() && vi.mocked(prompts.askText).mockReset());

  it('asks before replacing an existing --out file, and takes another name when told no', async () => {
    const dir = tmp();
    const out = join(dir, 'case.yaml');
    writeFileSync(out, 'precious: true\n');
    vi.mocked(prompts.askConfirm).mockResolvedValueOnce(false);
    vi.mocked(prompts.askText).mockResolvedValueOnce(join(dir, 'other.yaml'));
    expect(await chooseSavePath(state({ out }))).toEqual({ path: join(dir, 'other.yaml'), partial: false });
    expect(prompts.askConfirm).toHaveBeenCalledWith(expect.stringContaining('already exists'), false, expect.anything());
    expect(readFileSync(out, 'utf8')).toBe('precious: true\n');
  });

  it('replaces without asking only with --force, or when the file is the one being resumed', async () => {
    const dir = tmp();
    const out = join(dir, 'case.yaml');
    writeFileSync(out, 'a: 1\n');
    expect(await chooseSavePath(state({ out, force: true }))).toEqual({ path: out, partial: false });
    expect(await chooseSavePath(state({ out, resume: out }))).toEqual({ path: out, partial: false });
    expect(prompts.askConfirm).not.toHaveBeenCalled();
  });

  it('without --out, saves to a new partial file and asks for the final name, confirming a replacement', async () => {
    const dir = tmp();
    const partial = join(dir, 'dispute-case.partial.yaml');
    const final = join(dir, 'dispute-case.yaml');
    writeFileSync(final, 'old: 1\n');
    vi.mocked(prompts.askText).mockResolvedValueOnce(final);
    vi.mocked(prompts.askConfirm).mockResolvedValueOnce(true);
    const s = { ...(state({}) as object), savePath: partial, partial: true } as never;
    expect(await chooseFinalPath(s)).toBe(final);
    expect(prompts.askText).toHaveBeenCalledWith('Save your case as', join(dir, 'dispute-case-2.yaml'), expect.any(Function), expect.anything());
    expect(prompts.askConfirm).toHaveBeenCalledWith(expect.stringContaining('already exists'), false, expect.anything());
  });
});
