// The report's references, cited like a brief: [n] after a message, a short footer, and the full list
// (title, author, date, address, what was cited) with --sources, --explain, or in JSON.
import type { Colors } from './colors.js';
import type { Assessment } from '../engine/assessment.js';
import type { Citation, SourceKind } from '../rules/types.js';
import type { CitedSource } from '../rules/bibliography.js';

/** How the short footer counts the sources. */
const GROUPS: [string, SourceKind[]][] = [
  ['laws, treaties and arbitration rules', ['statute', 'judicial_interpretation', 'regulation', 'treaty', 'standard', 'court_or_arbitration_rules']],
  ['platform and payment terms', ['platform_rule', 'platform_faq', 'payment_terms', 'card_scheme_rules']],
  ['official registers and pages', ['official_register', 'official_page']],
  ['articles and code', ['secondary_article', 'code']],
];

/** Each rule's citations, from the findings, the programmes' reasons and (with --explain) the trace. */
function citationsByRule(a: Assessment): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const f of a.findings) out.set(f.id, f.source);
  for (const p of [a.trade_assurance, ...a.programs]) for (const r of p.reasons) out.set(r.rule, r.source);
  for (const s of a.plan) if (s.source && !out.has(s.rule)) out.set(s.rule, s.source);
  for (const t of a.trace ?? []) if (!out.has(t.id)) out.set(t.id, t.source);
  return out;
}

/** The reference marker of a rule's message (" [2, 5]"), or '' when it cites nothing numbered. */
export function referenceMarker(a: Assessment, c: Colors): (rule: string) => string {
  const numbers = new Map(a.sources.map((s) => [s.id, s.n]));
  const cited = citationsByRule(a);
  return (rule) => {
    const n = [...new Set((cited.get(rule) ?? []).map((x) => numbers.get(x.ref)).filter((x): x is number => x !== undefined))].sort((x, y) => x - y);
    // Joined by no-break spaces, so that wrapping never splits a marker (the text report turns them back into spaces).
    return n.length ? c.dim(` [${n.join(',\u00a0')}]`) : '';
  };
}

/** Where in each source the report's rules cite it, each place once, in order. */
function placesCited(a: Assessment): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const list of citationsByRule(a).values()) {
    for (const x of list) {
      if (!x.at) continue;
      // The place without the per-rule detail in trailing parentheses (JSON and --explain keep it).
      const place = x.at.replace(/\s*\([^()]*\)$/, '');
      const places = out.get(x.ref) ?? [];
      if (!places.includes(place)) out.set(x.ref, [...places, place]);
    }
  }
  return out;
}

/** The Sources section: a short footer, or every entry when `full`. */
export function sourcesSection(a: Assessment, c: Colors, full: boolean): string[] {
  if (a.sources.length === 0) return [];
  const out = ['', c.bold.underline('Sources')];
  if (full) {
    const places = placesCited(a);
    for (const s of a.sources) out.push(...entryLines(s, places.get(s.id) ?? [], c));
    return out;
  }
  const counts = GROUPS.map(([name, kinds]) => [name, a.sources.filter((s) => kinds.includes(s.kind)).length] as const).filter(([, n]) => n > 0);
  out.push(
    `  ${a.sources.length} numbered source${a.sources.length === 1 ? '' : 's'}: ${counts.map(([name, n]) => `${name} ${n}`).join(', ')}. ${c.dim('Titles and addresses: --sources, or --format json.')}`,
  );
  return out;
}

/** One numbered entry: title, author and date, address, the places cited, caveats. */
export function entryLines(s: CitedSource, places: readonly string[], c: Colors): string[] {
  const date = [s.published ? `published ${s.published}` : '', s.retrieved ? `retrieved ${s.retrieved}` : ''].filter(Boolean).join(', ');
  const lines = [`  ${c.bold(`[${s.n}]`)} ${s.title}`, `      ${s.author}${date ? `; ${date}` : ''}`];
  if (s.url) lines.push(`      ${c.cyan(s.url)}`);
  if (places.length) lines.push(c.dim(`      cited at: ${places.join('; ')}`));
  if (s.note) lines.push(c.dim(`      note: ${s.note}`));
  return lines;
}

/** A rule's citations in --explain: "[n] title (at)". */
export function citationText(a: Assessment, source: readonly Citation[]): string {
  const byId = new Map(a.sources.map((s) => [s.id, s]));
  return source
    .map((x) => {
      const s = byId.get(x.ref);
      const name = s ? `[${s.n}] ${s.title}` : x.ref;
      return x.at ? `${name} (${x.at})` : name;
    })
    .join('; ');
}
