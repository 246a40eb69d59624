// The brief as one self-contained HTML page (no scripts, no external files) with print CSS for A4.
// markdown-it renders with raw HTML switched off, so any markup in the case's text is printed, never run.
// Each section is a <section class="s-ID"> (ids from brief.ts), for the print layout and for tests.
import MarkdownIt from 'markdown-it';
import type { Lang } from './i18n/index.js';
import type { Brief } from './brief.js';

const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

const CSS = `
@page { size: A4; margin: 12mm 13mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 9.2pt/1.3 "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; max-width: 186mm; margin: 0 auto; padding: 10mm 6mm; }
html[lang^="zh"] body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header h1 { font-size: 15pt; margin: 0 0 2pt; }
header p { margin: 0 0 4pt; color: #555; font-style: italic; }
h2 { font-size: 10.5pt; margin: 8pt 0 3pt; padding-bottom: 1pt; border-bottom: 1.5px solid #2b4c7e; color: #2b4c7e; break-after: avoid; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0; font-size: 8.7pt; }
th, td { border: 1px solid #c4c9d1; padding: 1.5pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef1f6; font-weight: 600; }
td > strong:only-child { white-space: nowrap; }
tr { break-inside: avoid; }
ul, ol { margin: 2pt 0; padding-left: 15pt; }
li { margin: 0.5pt 0; break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8pt; background: #f3f3f3; padding: 0 2px; overflow-wrap: anywhere; }
em { color: #444; }
.s-unknowns ul, .s-references ol { columns: 2; column-gap: 8mm; font-size: 8.5pt; }
.s-glossary ul { font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const inline = (markdown: string) => renderer.renderInline(markdown);

/** A whole HTML document from the brief's parts. */
export function briefHtml(b: Brief, lang: Lang): string {
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-Hans' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    `<title>${escapeHtml(renderer.utils.unescapeAll(b.title))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${inline(b.title)}</h1><p>${inline(b.subtitle)}</p></header>`,
    ...b.sections.map((s) => `<section class="s-${s.id}">\n${renderer.render(s.markdown).trimEnd()}\n</section>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
