// The rule reference: one page per rule (what it decides, its condition in plain words and as written, its
// parameters, sources and fixtures) and one for the derived facts, generated from the rule set. The same
// data renders as Markdown (docs/rules/, written by scripts/rule-docs.ts) and as terminal text
// (`dispute-assess rules [id]`). Pure: the caller supplies the fixture index and where derived facts live.
import { Document, visit, isScalar } from 'yaml';
import { DERIVED, type DerivedFact } from '../case/derive.js';
import { factRegistry } from './fact-registry.js';
import type { Citation, Condition, Operand, Parameter, Rule, RuleSet, SourceEntry } from './types.js';

/** Which fixtures fire and decide each rule (rule id -> fixture files), from running them. */
export interface FixtureIndex {
  fires: Record<string, string[]>;
  decides: Record<string, string[]>;
}

export interface ReferenceOptions {
  /** Fixture files per rule; absent when the fixtures are not at hand (an installed package). */
  fixtures?: FixtureIndex;
  /** Derived fact name -> the file where its computation is defined (src/case/derive.ts). */
  definedIn?: Record<string, string>;
}

/** The pack of a rule: its file's name without the folder and extension (rules/trade-assurance.yaml -> trade-assurance). */
export const packOf = (rule: Rule): string =>
  rule.origin.file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.ya?ml$/i, '');

/** The page of a rule, relative to docs/rules/: the id's slashes become dots (ta/paid-on-platform -> ta.paid-on-platform.md). */
export const rulePagePath = (rule: Rule): string => `${packOf(rule)}/${rule.id.replaceAll('/', '.')}.md`;

export const DERIVED_PAGE = 'derived-facts.md';
export const SOURCES_PAGE = 'sources.md';
/** Fixtures listed per rule (the first in name order); the count says how many there are. */
const MAX_FIXTURES = 8;

type Words = { code: (s: string) => string; link?: (text: string, url: string) => string };
const MD: Words = { code: (s) => `\`${s}\``, link: (t, u) => `[${t}](${u})` };
const TEXT: Words = { code: (s) => s };

/** What the rule decides, in one sentence. */
export function decides(rule: Rule, set: RuleSet, w: Words = TEXT): string {
  const cat = set.catalogue;
  switch (rule.kind) {
    case 'checklist':
      return `An evidence item: ${cat.evidence[rule.then.evidence]?.title ?? rule.then.evidence} (${w.code(rule.then.evidence)}), ${rule.then.level} for ${rule.then.for.map((t) => t.replace(/_/g, ' ')).join(', ')} disputes${
        rule.then.or
          ? `; ${rule.then.or.map((k) => `${cat.evidence[k]?.title ?? k} (${w.code(k)})`).join(' or ')} stands in for it when the strength is judged`
          : ''
      }${rule.then.at_most ? `; while the condition holds it counts at most as ${rule.then.at_most} evidence` : ''}.`;
    case 'eligibility':
      return `Eligibility for ${cat.programs[rule.then.program]?.title ?? rule.then.program} (${w.code(rule.then.program)}): ${rule.then.effect === 'requires' ? 'the programme requires this condition; when it is false the order is not eligible' : 'when this condition holds the order is not eligible'}.`;
    case 'strategy':
      return `A reason for or against the route ${cat.routes[rule.then.route]?.title ?? rule.then.route} (${w.code(rule.then.route)}): ${rule.then.exclude ? 'excludes the route' : `adds ${rule.then.score! > 0 ? '+' : ''}${rule.then.score} to its score`}.`;
    case 'flag':
      return `A ${rule.severity === 'info' ? 'note' : 'warning'}${rule.then?.category ? ` (${rule.then.category.replace(/_/g, ' ')})` : ''} shown when the condition holds.`;
    case 'advice':
      if (rule.then?.category === 'prevention')
        return 'Advice for the next order, shown in the report\'s "Next order" section when the condition holds (what would have avoided this dispute).';
      return `Standing advice shown when the condition holds${rule.then?.route ? `, about the route ${cat.routes[rule.then.route]?.title ?? rule.then.route}` : ''}.`;
    case 'action': {
      const due = rule.then.due;
      const when = due === 'today' ? 'due on the assessment date' : `due ${dueWords(due.offset_days ?? 0)} ${w.code(due.fact)}`;
      return `A dated step of the plan, ${when}${rule.then.route ? `, for the route ${cat.routes[rule.then.route]?.title ?? rule.then.route}` : ''}${
        rule.then.supersedes ? `; it replaces ${rule.then.supersedes.map((id) => w.code(id)).join(', ')} when both apply` : ''
      }.`;
    }
  }
}

const dueWords = (n: number) => (n === 0 ? 'on' : n > 0 ? `${n} day${n === 1 ? '' : 's'} after` : `${-n} day${n === -1 ? '' : 's'} before`);

const OP_WORDS: Record<string, [string, string?]> = {
  equals: ['is'],
  not_equals: ['is not'],
  in: ['is one of'],
  not_in: ['is none of'],
  contains: ['includes'],
  contains_any: ['includes any of'],
  gt: ['is more than', 'is after'],
  gte: ['is at least', 'is on or after'],
  lt: ['is less than', 'is before'],
  lte: ['is at most', 'is on or before'],
};

/** The condition in plain words, one line per node, indented by depth. */
export function conditionWords(c: Condition | undefined, set: RuleSet, w: Words = TEXT, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  if (!c) return [`${pad}always (the rule has no condition)`];
  if ('all' in c) return [`${pad}all of:`, ...c.all.flatMap((x) => conditionWords(x, set, w, depth + 1))];
  if ('any' in c) return [`${pad}any of:`, ...c.any.flatMap((x) => conditionWords(x, set, w, depth + 1))];
  if ('not' in c) return [`${pad}not:`, ...conditionWords(c.not, set, w, depth + 1)];
  const facts = factRegistry();
  const info = facts.get(c.fact);
  const op = Object.keys(OP_WORDS).find((o) => o in c)!;
  const words = OP_WORDS[op]!;
  const verb = info?.kind === 'date' && words[1] ? words[1] : words[0];
  const value = (c as Record<string, unknown>)[op];
  const shown = Array.isArray(value) ? value.map((v) => operandWords(v as Operand, set, w)).join(', ') : operandWords(value as Operand, set, w);
  return [`${pad}${w.code(c.fact)} ${verb} ${shown}${info?.description ? ` (${info.description})` : ''}`];
}

function operandWords(v: Operand, set: RuleSet, w: Words): string {
  if (v !== null && typeof v === 'object') {
    if ('param' in v) {
      const p = set.params[v.param];
      return `${w.code(v.param)}${p ? ` (${valueWords(p)})` : ''}`;
    }
    return w.code(v.fact);
  }
  return w.code(String(v));
}

const valueWords = (p: Parameter) => {
  const v = p.value;
  const shown = Array.isArray(v) ? `${v.length} values` : typeof v === 'object' ? `${Object.keys(v).length} entries` : String(v);
  return `${shown}${p.unit && !Array.isArray(v) && typeof v !== 'object' ? ` ${p.unit}` : ''}`;
};

/** The condition as written in the rule file (leaves in flow style, as the packs write them). */
export function conditionYaml(c: Condition | undefined): string {
  if (!c) return '(no condition)';
  const doc = new Document({ when: c });
  visit(doc, {
    Map(_, node) {
      if (node.items.some((p) => isScalar(p.key) && p.key.value === 'fact')) node.flow = true;
    },
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/** Parameters a rule reads: in its condition, in message placeholders, and through the derived facts it reads. */
export function ruleParams(rule: Rule): { name: string; via?: string }[] {
  const out = new Map<string, string | undefined>();
  const walk = (c: Condition | undefined) => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else
      for (const [k, v] of Object.entries(c))
        if (k !== 'fact') for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object' && 'param' in x) out.set(String(x.param), undefined);
  };
  walk(rule.when);
  const texts = [rule.message, rule.kind === 'eligibility' ? (rule.then.unmet ?? '') : ''];
  for (const t of texts) for (const m of t.matchAll(/\{params\.([a-z0-9_]+)\}/g)) out.set(m[1]!, undefined);
  for (const d of ruleDerived(rule)) for (const p of d.params) if (!out.has(p)) out.set(p, d.name);
  return [...out].map(([name, via]) => (via ? { name, via } : { name }));
}

/** The derived facts a rule reads, in its condition, its due date or its messages. */
export function ruleDerived(rule: Rule): DerivedFact[] {
  const names = new Set<string>();
  const walk = (c: Condition | undefined) => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      names.add(c.fact);
      for (const v of Object.values(c)) for (const x of Array.isArray(v) ? v : [v]) if (x && typeof x === 'object' && 'fact' in x) names.add(String(x.fact));
    }
  };
  walk(rule.when);
  if (rule.kind === 'action' && rule.then.due !== 'today') names.add(rule.then.due.fact);
  const texts = [rule.message, rule.kind === 'eligibility' ? (rule.then.unmet ?? '') : ''];
  for (const t of texts) for (const m of t.matchAll(/\{(derived\.[a-z0-9_]+)\}/g)) names.add(m[1]!);
  return DERIVED.filter((d) => names.has(d.name));
}

/** A bibliography entry in one line: title (linked), author, dates. */
export function entryWords(e: SourceEntry, w: Words = TEXT): string {
  const title = e.url && w.link ? w.link(e.title, e.url) : e.title;
  const dates = [e.published ? `published ${e.published}` : '', e.retrieved ? `retrieved ${e.retrieved}` : ''].filter(Boolean).join(', ');
  return `${title}. ${e.author}${dates ? `; ${dates}` : ''}.${e.url && !w.link ? ` ${e.url}` : ''}`;
}

const citationWords = (c: Citation, set: RuleSet, w: Words) => {
  const e = set.sources[c.ref];
  return `${e ? entryWords(e, w) : c.ref}${c.at ? ` At: ${c.at}.` : ''}${e?.note ? ` (${e.note})` : ''}`;
};

/** One rule's page as Markdown. */
export function ruleMarkdown(rule: Rule, set: RuleSet, opts: ReferenceOptions = {}): string {
  const w = MD;
  const lines = [`# ${rule.id}: ${rule.title}`, ''];
  lines.push(
    `[All rules](../README.md) · pack \`${packOf(rule)}\` (\`${rule.origin.file}\`) · kind \`${rule.kind}\` · severity \`${rule.severity}\`${rule.checked ? ` · checked ${rule.checked}` : ''}`,
    '',
  );
  lines.push('## What it decides', '', decides(rule, set, w), '', rule.rationale, '');
  lines.push('## When', '', ...conditionWords(rule.when, set, w).map((l) => `${l.match(/^ */)![0]}- ${l.trimStart()}`), '');
  lines.push('An unknown fact leaves its part of the condition undecided, never false ([three-valued evaluation](../../rules/README.md#conditions)).', '');
  lines.push('As written:', '', '```yaml', conditionYaml(rule.when), '```', '');
  lines.push('## What the buyer reads', '', `> ${rule.message}`, '');
  if (rule.kind === 'eligibility' && rule.then.unmet) lines.push('When the requirement is not met:', '', `> ${rule.then.unmet}`, '');
  const params = ruleParams(rule);
  if (params.length) {
    lines.push('## Parameters', '');
    for (const { name, via } of params) {
      const p = set.params[name];
      if (!p) continue;
      lines.push(
        `- \`${name}\` = ${paramValue(p)}${via ? ` (through \`${via}\`)` : ''}: ${p.description} Confidence: ${p.confidence}, checked ${p.checked}.${p.source?.length ? ` Source: ${p.source.map((c) => citationWords(c, set, w)).join(' ')}` : ''}${p.note ? ` ${p.note}` : ''}`,
      );
    }
    lines.push('');
  }
  const derived = ruleDerived(rule);
  if (derived.length) {
    lines.push('## Derived facts it reads', '');
    for (const d of derived) lines.push(`- [\`${d.name}\`](../${DERIVED_PAGE}#${anchor(d.name)}): ${d.description}`);
    lines.push('');
  }
  lines.push('## Sources', '');
  rule.source.forEach((c, i) => lines.push(`${i + 1}. ${citationWords(c, set, w)}`));
  lines.push('');
  if (opts.fixtures) {
    const fires = opts.fixtures.fires[rule.id] ?? [];
    const decided = (opts.fixtures.decides[rule.id] ?? []).length;
    lines.push('## Fixtures', '');
    lines.push(
      `${fires.length} fixture${fires.length === 1 ? '' : 's'} fire${fires.length === 1 ? 's' : ''} it; ${decided} decide${decided === 1 ? 's' : ''} it (true or false).`,
      '',
    );
    lines.push(...fires.slice(0, MAX_FIXTURES).map((f) => `- [\`${f}\`](../../${f})`));
    if (fires.length > MAX_FIXTURES) lines.push(`- ... and ${fires.length - MAX_FIXTURES} more (\`dispute-assess check --coverage\`)`);
    if (fires.length) lines.push('');
  }
  return lines.join('\n');
}

const paramValue = (p: Parameter) => {
  const v = p.value;
  if (Array.isArray(v)) return v.length > 12 ? `${v.length} values (${v.slice(0, 6).join(', ')}, ...)` : v.join(', ');
  if (typeof v === 'object')
    return (
      Object.entries(v)
        .slice(0, 6)
        .map(([k, x]) => `${k} ${x}`)
        .join(', ') + (Object.keys(v).length > 6 ? ', ...' : '')
    );
  return `${String(v)}${p.unit ? ` ${p.unit}` : ''}`;
};

/** GitHub's heading anchor for a derived fact's heading. */
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9_ -]/g, '');

/** The derived facts page: name, meaning, type, how computed (inputs, parameters, where), and the rules reading it. */
export function derivedMarkdown(set: RuleSet, opts: ReferenceOptions = {}): string {
  const readers = new Map<string, Rule[]>();
  for (const r of set.rules) for (const d of ruleDerived(r)) readers.set(d.name, [...(readers.get(d.name) ?? []), r]);
  const lines = ['# Derived facts', '', '[All rules](README.md)', ''];
  lines.push(
    'Rules read case facts (`order.channel`) and derived facts (`derived.*`): values the tool works out from the case,',
    'the parameters and the assessment date. A derived fact is unknown when the case facts it needs are unknown, and is',
    'decided only when no further fact could change it, so learning more never flips a rule that reads it.',
    '',
  );
  for (const d of DERIVED) {
    lines.push(`## ${d.name}`, '');
    lines.push(d.description + (d.description.endsWith('.') ? '' : '.'), '');
    lines.push(`- Type: ${d.type}${d.values ? ` (${d.values.map((v) => `\`${v}\``).join(', ')})` : ''}`);
    lines.push(`- Reads: ${d.inputs.length ? d.inputs.map((i) => `\`${i}\``).join(', ') : 'no case facts (parameters and the assessment date only)'}`);
    if (d.params.length) lines.push(`- Parameters: ${d.params.map((p) => `\`${p}\`${set.params[p] ? ` = ${paramValue(set.params[p]!)}` : ''}`).join('; ')}`);
    if (opts.definedIn?.[d.name]) lines.push(`- Computed in: [\`${opts.definedIn[d.name]}\`](../../${opts.definedIn[d.name]})`);
    const rs = readers.get(d.name) ?? [];
    lines.push(
      `- Read by: ${rs.length ? rs.map((r) => `[\`${r.id}\`](${rulePagePath(r)})`).join(', ') : 'no rule (used by the report or by other derived facts)'}`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

/** The index: every rule by pack, with kind, severity and title, and the derived facts page. */
export function indexMarkdown(set: RuleSet, opts: ReferenceOptions = {}): string {
  const lines = ['# Rule reference', ''];
  lines.push(
    'Generated from the rule files (`rules/*.yaml`) by `npm run build` (`scripts/rule-docs.ts`); do not edit by hand.',
    'The same pages print in the terminal: `dispute-assess rules [id]`. The rule format is in [rules/README.md](../../rules/README.md).',
    '',
  );
  lines.push(
    `${set.rules.length} rules in ${new Set(set.rules.map(packOf)).size} packs, citing ${Object.keys(set.sources).length} sources ([rules/sources.yaml](../../rules/sources.yaml)); the facts the tool derives from a case are in [${DERIVED_PAGE}](${DERIVED_PAGE}), the bibliography in [${SOURCES_PAGE}](${SOURCES_PAGE}).`,
    '',
  );
  const packs = new Map<string, Rule[]>();
  for (const r of set.rules) packs.set(packOf(r), [...(packs.get(packOf(r)) ?? []), r]);
  for (const [pack, rules] of packs) {
    lines.push(
      `## ${pack}`,
      '',
      '| rule | kind | severity | title |' + (opts.fixtures ? ' fixtures |' : ''),
      '| --- | --- | --- | --- |' + (opts.fixtures ? ' --- |' : ''),
    );
    for (const r of rules)
      lines.push(
        `| [\`${r.id}\`](${rulePagePath(r)}) | ${r.kind} | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} |${opts.fixtures ? ` ${(opts.fixtures.fires[r.id] ?? []).length} |` : ''}`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

/** The bibliography: every entry with its address, dates, kind and caveats, and the rules and parameters citing it. */
export function sourcesMarkdown(set: RuleSet): string {
  const lines = ['# Sources', '', '[All rules](README.md)', ''];
  lines.push(
    'Every source a rule or parameter cites ([rules/sources.yaml](../../rules/sources.yaml)), by id. A rule cites an entry with',
    'where in it (`at`: an article, a section, a heading); the report numbers the sources it uses (`--sources`, `--format json`).',
    '',
  );
  for (const [id, e] of Object.entries(set.sources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rules = set.rules.filter((r) => r.source.some((c) => c.ref === id));
    const params = Object.entries(set.params)
      .filter(([, p]) => p.source?.some((c) => c.ref === id))
      .map(([n]) => n);
    lines.push(`## ${id}`, '', entryWords(e, MD), '');
    lines.push(`- Kind: ${e.kind.replace(/_/g, ' ')}`);
    if (e.note) lines.push(`- Note: ${e.note}`);
    if (rules.length) lines.push(`- Cited by: ${rules.map((r) => `[\`${r.id}\`](${rulePagePath(r)})`).join(', ')}`);
    if (params.length) lines.push(`- Parameters: ${params.map((n) => `\`${n}\``).join(', ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Every page of the reference, path (relative to docs/rules/) -> Markdown. */
export function ruleReferencePages(set: RuleSet, opts: ReferenceOptions = {}): Map<string, string> {
  const pages = new Map<string, string>([
    ['README.md', indexMarkdown(set, opts)],
    [DERIVED_PAGE, derivedMarkdown(set, opts)],
    [SOURCES_PAGE, sourcesMarkdown(set)],
  ]);
  for (const r of set.rules) pages.set(rulePagePath(r), ruleMarkdown(r, set, opts));
  return pages;
}

/** One rule's page as terminal text. */
export function ruleText(rule: Rule, set: RuleSet, opts: ReferenceOptions = {}): string {
  const w = TEXT;
  const lines = [
    `${rule.id}: ${rule.title}`,
    `pack ${packOf(rule)} (${rule.origin.file}:${rule.origin.line}) · kind ${rule.kind} · severity ${rule.severity}${rule.checked ? ` · checked ${rule.checked}` : ''}`,
    '',
  ];
  lines.push('What it decides', `  ${decides(rule, set, w)}`, `  ${rule.rationale}`, '');
  lines.push(
    'When',
    ...conditionWords(rule.when, set, w).map((l) => `  ${l}`),
    '',
    'As written',
    ...conditionYaml(rule.when)
      .split('\n')
      .map((l) => `  ${l}`),
    '',
  );
  lines.push('What the buyer reads', `  ${rule.message}`);
  if (rule.kind === 'eligibility' && rule.then.unmet) lines.push(`  When not met: ${rule.then.unmet}`);
  lines.push('');
  const params = ruleParams(rule).filter((p) => set.params[p.name]);
  if (params.length) {
    lines.push('Parameters');
    for (const { name, via } of params) {
      const p = set.params[name]!;
      lines.push(`  ${name} = ${paramValue(p)}${via ? ` (through ${via})` : ''}: ${p.description} (${p.confidence}, checked ${p.checked})`);
    }
    lines.push('');
  }
  const derived = ruleDerived(rule);
  if (derived.length)
    lines.push('Derived facts it reads', ...derived.map((d) => `  ${d.name}: ${d.description} (from ${d.inputs.join(', ') || 'parameters only'})`), '');
  lines.push('Sources', ...rule.source.map((c, i) => `  [${i + 1}] ${citationWords(c, set, w)}`), '');
  if (opts.fixtures) {
    const fires = opts.fixtures.fires[rule.id] ?? [];
    lines.push(
      `Fixtures that fire it (${fires.length})`,
      ...(fires.length ? fires.slice(0, MAX_FIXTURES).map((f) => `  ${f}`) : ['  none']),
      ...(fires.length > MAX_FIXTURES ? [`  ... and ${fires.length - MAX_FIXTURES} more`] : []),
      '',
    );
  }
  return lines.join('\n');
}

/** A derived fact in the terminal. */
export function derivedText(d: DerivedFact, set: RuleSet, opts: ReferenceOptions = {}): string {
  const readers = set.rules.filter((r) => ruleDerived(r).includes(d));
  return [
    `${d.name} (${d.type}${d.values ? `: ${d.values.join(' | ')}` : ''})`,
    `  ${d.description}`,
    `  Reads: ${d.inputs.join(', ') || 'no case facts'}`,
    ...(d.params.length ? [`  Parameters: ${d.params.map((p) => `${p}${set.params[p] ? ` = ${paramValue(set.params[p]!)}` : ''}`).join('; ')}`] : []),
    ...(opts.definedIn?.[d.name] ? [`  Computed in: ${opts.definedIn[d.name]}`] : []),
    `  Read by: ${readers.map((r) => r.id).join(', ') || 'no rule'}`,
    '',
  ].join('\n');
}

/** The list of every rule, by pack, for `dispute-assess rules`. */
export function indexText(set: RuleSet): string {
  const packs = new Map<string, Rule[]>();
  for (const r of set.rules) packs.set(packOf(r), [...(packs.get(packOf(r)) ?? []), r]);
  const width = Math.max(...set.rules.map((r) => r.id.length));
  const lines: string[] = [];
  for (const [pack, rules] of packs) {
    lines.push(pack);
    for (const r of rules) lines.push(`  ${r.id.padEnd(width)}  ${r.kind.padEnd(11)}  ${r.title}`);
    lines.push('');
  }
  lines.push(`${set.rules.length} rules. Details: dispute-assess rules <id>; the derived facts: dispute-assess rules derived.`);
  return lines.join('\n') + '\n';
}
