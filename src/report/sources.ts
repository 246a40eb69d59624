// The report's references, cited like a brief: [n] after a message, a short footer, and the full list
// (title, author, date, address, what was cited) with --sources, --explain, or in JSON.
import type { ChalkInstance } from 'chalk';
import type { Assessment } from '../engine/assessment.js';
import type { Citation, SourceKind } from '../rules/types.js';
import { referenceNumbers, type CitedSource } from '../rules/bibliography.js';

/** How the short footer counts the sources. */
const GROUPS: [string, SourceKind[]][] = [
  ['laws, treaties and arbitration rules', ['statute', 'judicial_interpretation', 'regulation', 'treaty', 'standard', 'court_or_arbitration_rules']],
  ['platform and payment terms', ['platform_rule', 'platform_faq', 'payment_terms', 'card_scheme_rules']],
  ['official registers and pages', ['official_register', 'official_page']],
  ['articles and code', ['secondary_article', 'code']],
];

/** The reference marker of a rule's message (" [2, 5]"), or '' when it cites nothing numbered. */
export function referenceMarker(a: Assessment, c: ChalkInstance): (rule: string) => string {
  const numbers = referenceNumbers(a.sources);
  return (rule) => {
    const n = numbers.get(rule);
    return n?.length ? c.dim(` [${n.join(', ')}]`) : '';
  };
}

/** The Sources section: a short footer, or every entry when `full`. */
export function sourcesSection(a: Assessment, c: ChalkInstance, full: boolean): string[] {
  if (a.sources.length === 0) return [];
  const out = ['', c.bold.underline('Sources')];
  if (full) {
    for (const s of a.sources) out.push(...entryLines(s, c));
    return out;
  }
  const counts = GROUPS.map(([name, kinds]) => [name, a.sources.filter((s) => kinds.includes(s.kind)).length] as const).filter(([, n]) => n > 0);
  out.push(`  ${a.sources.length} numbered source${a.sources.length === 1 ? '' : 's'} ([n] after a message): ${counts.map(([name, n]) => `${name} ${n}`).join(', ')}.`);
  out.push(c.dim('  The list with titles and addresses: run again with --sources, or use --format json.'));
  return out;
}

/** One numbered entry: title, author and date, address, what was cited, caveats. */
export function entryLines(s: CitedSource, c: ChalkInstance): string[] {
  const date = [s.published ? `published ${s.published}` : '', s.retrieved ? `retrieved ${s.retrieved}` : ''].filter(Boolean).join(', ');
  const lines = [`  ${c.bold(`[${s.n}]`)} ${s.title}`, `      ${s.author}${date ? `; ${date}` : ''}`];
  if (s.url) lines.push(`      ${c.cyan(s.url)}`);
  // The places cited, without the per-rule detail in trailing parentheses (JSON and --explain keep it).
  const places = [...new Set(s.at.map((x) => x.replace(/\s*\([^()]*\)$/, '')))];
  if (places.length) lines.push(c.dim(`      cited at: ${places.join('; ')}`));
  if (s.note) lines.push(c.dim(`      note: ${s.note}`));
  return lines;
}

/** A rule's citations in --explain: "[n] title (at)". */
export function citationText(a: Assessment, source: readonly Citation[]): string {
  const byId = new Map(a.sources.map((s) => [s.id, s]));
  return source.map((x) => {
    const s = byId.get(x.ref);
    const name = s ? `[${s.n}] ${s.title}` : x.ref;
    return x.at ? `${name} (${x.at})` : name;
  }).join('; ');
}
