// The brief's HTML as a person sees it: headless Chromium (Debian's `chromium`, driven by playwright-core) loads
// brief.html, and the test checks the sections, the exhibit table and that the Chinese text is drawn with a CJK
// font (no tofu), takes a screenshot and prints to PDF (A4, one to three pages).
//
// Needs /usr/bin/chromium and fonts-noto-cjk (`apt-get install -y chromium fonts-noto-cjk`; .ci/run installs them).
// Without the browser the tests are skipped with the reason, except under CI=true, where they fail.
// PACK_CHROMIUM=/path/to/chromium uses another browser binary.
// PACK_SCREENSHOT=docs/pack-example.png writes the English screenshot there (the committed example).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPack, type Lang } from '../src/pack/pack.js';
import { exhibits } from '../src/pack/model.js';
import { DICTIONARIES, type Key } from '../src/pack/i18n/index.js';
import { SECTIONS } from '../src/pack/brief.js';
import { PACK_CASE, packInput } from './pack-helpers.js';
import { ROOT } from './helpers.js';

/** Debian's chromium; PACK_CHROMIUM=path for another build (the tests are written against Debian's). */
const CHROMIUM = process.env.PACK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const present = existsSync(CHROMIUM);
const ABSENT = `${CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk) to run the browser tests`;

let dir = '';
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!present) {
    if (process.env.CI !== 'true') console.warn(`${ABSENT}; the browser tests are skipped`);
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'da-browser-'));
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 900, height: 1200 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Write the pack of the example case in a language and open its brief.html. */
async function openBrief(lang: Lang): Promise<{ page: Page; pdf: Buffer }> {
  const out = join(dir, lang);
  mkdirSync(out, { recursive: true });
  for (const f of buildPack(packInput(PACK_CASE, 'disk'), lang)) writeFileSync(join(out, f.name), f.content);
  const page = await context!.newPage();
  await page.goto(pathToFileURL(join(out, 'brief.html')).href);
  // The page's fonts loaded (browser code: no DOM types in this project, hence `any`).
  await page.evaluate(() => (globalThis as any).document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  return { page, pdf };
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object per page. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('brief.html in Chromium', () => {
  it.for(['en', 'zh'] as const)('%s: every section, the exhibit table, 1 to 3 printed pages', { timeout: 60_000 }, async (lang, ctx) => {
    if (!present) {
      if (process.env.CI === 'true') throw new Error(ABSENT);
      ctx.skip(ABSENT);
    }
    const { page, pdf } = await openBrief(lang);
    const dict = DICTIONARIES[lang];
    // Every section, in order, each with its heading in the brief's language, and visible.
    expect(await page.locator('section').evaluateAll((list) => list.map((e) => e.className))).toEqual(SECTIONS.map((id) => `s-${id}`));
    expect(await page.locator('section > h2').allInnerTexts()).toEqual(SECTIONS.map((id) => dict[`h.${id}` as Key]));
    for (const id of SECTIONS) expect(await page.locator(`section.s-${id}`).isVisible()).toBe(true);
    // The exhibit table: one row per evidence item of the case.
    const table = page.locator('section.s-evidence table');
    expect(await table.locator('th').allInnerTexts()).toEqual([dict['col.exhibit'], dict['col.evidence'], dict['col.status'], dict['col.files']]);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBe(exhibits(packInput(PACK_CASE, 'disk')).length);
    expect(rows[0]).toMatch(/^E1\t/);
    // Laid out on the page, not collapsed.
    expect((await table.boundingBox())!.height).toBeGreaterThan(40);
    const pages = pdfPages(pdf);
    console.log(`brief.html (${lang}): printed PDF has ${pages} page${pages === 1 ? '' : 's'} (A4)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const shot = lang === 'en' && process.env.PACK_SCREENSHOT ? resolve(ROOT, process.env.PACK_SCREENSHOT) : join(dir, `brief-${lang}.png`);
    mkdirSync(dirname(shot), { recursive: true });
    const png = await page.screenshot({ path: shot, fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('zh: the Chinese text is drawn with a CJK font, glyph by glyph (no tofu)', async (ctx) => {
    if (!present) {
      if (process.env.CI === 'true') throw new Error(ABSENT);
      ctx.skip(ABSENT);
    }
    const { page } = await openBrief('zh');
    // 1. Which font Chromium really used for the heading's text: a CJK font, for every Chinese character.
    const cdp = await context!.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const heading = await page.locator('h2').first().innerText();
    const han = [...heading].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
    expect(han).toBeGreaterThan(0);
    const cjk = fonts.filter((f) => /CJK|Han Sans|Hei|Song|Ming|YaHei|PingFang/i.test(f.familyName));
    expect(cjk, JSON.stringify(fonts)).not.toEqual([]);
    expect(cjk.reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThanOrEqual(han);
    // 2. Tofu draws every missing character as the same box: different characters in the page's font must differ
    // pixel for pixel, and a character no font has (U+10FFFD, private use) must look like none of them.
    const distinct = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as any;
      const font = `32px ${getComputedStyle(document.body).fontFamily}`;
      const draw = (ch: string) => {
        const c = document.createElement('canvas');
        c.width = c.height = 40;
        const g = c.getContext('2d')!;
        g.font = font;
        g.fillText(ch, 2, 32);
        return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
      };
      const chars = ['案', '件', '证', '据', '律'].map(draw);
      const tofu = draw('\u{10FFFD}');
      return { unique: new Set(chars).size, likeTofu: chars.filter((c) => c === tofu).length };
    });
    expect(distinct).toEqual({ unique: 5, likeTofu: 0 });
    await page.close();
  }, 60_000);
});
