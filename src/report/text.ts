// The text report, built around the decision (issue 14): first the verdict in two lines and "Your next steps"
// (today, this week, before each deadline, then the steps an open answer would bring), so that they fit the first
// screen; then the routes and their reasons, each step in full, the protection programmes, the evidence checklist,
// the warnings, the open questions, what would have avoided the dispute ("Next order"), the words explained and
// the numbered sources. Pure: colour comes in as styles (a chalk instance or the like, colors.ts) and the width as
// a number (the CLI passes the terminal's); every line fits the width in display cells (wide CJK characters count two).
import type { Colors } from './colors.js';
// fast-string-width and fast-wrap-ansi: the same widths and breaks as string-width and wrap-ansi on the report's text
// (CJK, emoji, box drawing; test/report-text.test.ts measures with string-width), about ten times faster on lines with
// non-ASCII characters and some 30 ms less to load, which a one-case run pays on every start.
import stringWidth from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';
import { safeInline } from '../source/safe-text.js';
import type { Assessment, EvidenceItem, PlanStep, RankedStrategy, RuleResult } from '../engine/assessment.js';
import type { Trace } from '../engine/conditions.js';
import { adviceFindings, otherRoutes, preventionFindings, rankedRoutes, stepGroups, taShown, warningFindings, type StepGroup } from '../engine/report-order.js';
import { formatMoney, formatSum } from '../case/money.js';
import type { Money } from '../case/schema.js';
import { formatValue } from '../engine/format-value.js';
import type { FactValue } from '../case/facts.js';
import { citationText, referenceMarker, sourcesSection } from './sources.js';
import { glossaryFor } from './glossary.js';
import { homeworkLines } from './homework-text.js';

export interface TextOptions {
  color: Colors;
  explain?: boolean;
  /** Print every reference in full instead of the short footer. */
  sources?: boolean;
  /** The terminal's width in columns (display cells); see `reportWidth`. */
  width?: number;
}

/** Without a terminal the report is 80 columns wide; narrower than 60 it is not readable, and past 100 prose lines
 * are too long to read (the interview's hints stop there too). */
export const DEFAULT_WIDTH = 80;
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 100;
/** The widest a box is drawn, whatever the terminal: the same box at every width from 80 up. */
const BOX_WIDTH = 80;
export const reportWidth = (columns?: number): number =>
  Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Number.isFinite(columns) && columns! > 0 ? Math.floor(columns!) : DEFAULT_WIDTH));

/** What every section gets: the assessment, colour, the reference marker of a rule, the width and a wrapper. */
interface Ctx {
  a: Assessment;
  c: Colors;
  cite: (rule: string) => string;
  width: number;
  opts: TextOptions;
  /** `text` wrapped to the width: the first line after `first`, the others after `rest` (default: as wide as `first`, blank). */
  wrap: (text: string, first?: string, rest?: string) => string[];
  /** Step numbers of the plan, as "Your next steps" numbers them. */
  stepNo: Map<PlanStep, number>;
}

type Section = (x: Ctx) => string[];

/**
 * The sections in order. Each returns its lines (a section with nothing to say returns none). A section that
 * cites with [n] must keep its place in `reportOrder` (src/assess.ts), which numbers the sources in this order.
 */
const SECTIONS: readonly Section[] = [
  header,
  verdict,
  nextSteps,
  routes,
  planInFull,
  programmes,
  evidence,
  warnings,
  advice,
  questions,
  homework,
  // ← An extra section goes here, and into `reportOrder` at the same place if it cites.
  nextOrder,
];

/** The whole report as text. */
export function renderText(a: Assessment, opts: TextOptions): string {
  const c = opts.color;
  const width = reportWidth(opts.width);
  const wrap = (text: string, first = '', rest?: string) => wrapLines(text, width, first, rest);
  const stepNo = new Map<PlanStep, number>();
  for (const s of stepGroups(a).flatMap((g) => g.steps)) stepNo.set(s, stepNo.size + 1);
  const x: Ctx = { a, c, cite: referenceMarker(a, c), width, opts, wrap, stepNo };
  const out = SECTIONS.flatMap((s) => s(x));
  out.push(...glossary(x, out.join('\n')));
  if (opts.explain && a.trace) out.push(...explain(a, a.trace, c).flatMap((l) => fit(l, width)));
  out.push(...sourcesSection(a, c, opts.sources === true || opts.explain === true).flatMap((l) => fit(l, width)));
  out.push('', ...wrap(c.dim(a.notice)));
  return out.join('\n') + '\n';
}

/** Lines of at most `width` cells: `first` before the first line, `rest` before the others (colour- and
 * wide-character-aware; a word longer than a line is broken). A `first` wider than `rest` (a label such as "why: ")
 * gives the first line less room and the others more: the text is wrapped with that difference held by placeholder
 * characters glued to its first word, taken off again after. */
export function wrapLines(text: string, width: number, first = '', rest = ' '.repeat(stringWidth(first))): string[] {
  const firstWidth = stringWidth(first);
  // Most lines fit as they are: no wrapping to do.
  if (firstWidth + stringWidth(text) <= width && !text.includes('\n')) return [(first + text).replace(/\u00a0/g, ' ')];
  const restWidth = stringWidth(rest);
  const room = Math.max(10, width - restWidth);
  const pad = Math.min(Math.max(0, firstWidth - restWidth), room - 1);
  const lines = wrapAnsi('x'.repeat(pad) + text, room, { hard: true, trim: true }).split('\n');
  // No-break spaces (inside reference markers) hold words together while wrapping; printed as plain spaces.
  return lines.map((l, i) => (i === 0 ? first + l.slice(pad) : rest + l).replace(/\u00a0/g, ' '));
}

/** A line wrapped under its own indentation, continued two further in; a line with an address is left whole (a
 * broken address cannot be followed), which only the full list of sources (--sources) has. */
function fit(line: string, width: number): string[] {
  if (stringWidth(line) <= width || /https?:\/\//.test(line)) return [line];
  const indent = /^ */.exec(line)![0];
  return wrapLines(line.slice(indent.length), width, indent, indent + '  ');
}

const heading = (x: Ctx, t: string) => ['', ...wrapLines(t, x.width).map((l) => x.c.bold.underline(l))];
const label = (s: string) => s.replace(/_/g, ' ');

function header(x: Ctx): string[] {
  const { a, c } = x;
  const out = x.wrap(c.bold(`dispute-assess: ${safeInline(a.case.file ?? 'case')}`) + c.dim(` (as of ${a.as_of})`));
  const facts = [
    a.case.dispute_types.length ? `Dispute: ${a.case.dispute_types.map(label).join(', ')}` : 'Dispute: type unknown',
    a.case.supplier ? `Supplier: ${safeInline(a.case.supplier)}` : undefined,
    a.case.channel ? `Channel: ${label(a.case.channel)}` : undefined,
    a.case.amount_paid ? `Paid: ${formatMoney(a.case.amount_paid)}` : undefined,
  ].filter(Boolean);
  out.push(...x.wrap(facts.join(' · ')));
  if (a.defaults?.length)
    out.push(
      ...x.wrap(
        c.dim(
          `Not in the case, from your config: ${a.defaults.map((d) => `${d.fact} ${safeInline(String(d.value))}`).join(', ')} (${[...new Set(a.defaults.map((d) => safeInline(d.from)))].join(', ')})`,
        ),
      ),
    );
  return out;
}

/** Two lines: what the buyer can recover (the amount at stake and what Trade Assurance covers of it), and the
 * route to start with and by when. Nothing here that the assessment does not say elsewhere. */
function verdict(x: Ctx): string[] {
  const { a, c } = x;
  const ta = a.trade_assurance;
  const stake = a.case.loss ?? a.case.amount_paid;
  const parts: string[] = [];
  if (stake) parts.push(`${formatMoney(stake)} at stake`);
  if (ta.status === 'eligible') {
    const rest = ta.uncovered && ta.uncovered.amount > 0 ? `; the other ${formatMoney(ta.uncovered)} is beyond its reach (legal action)` : '';
    parts.push(ta.recoverable ? `Trade Assurance can refund at most ${formatMoney(ta.recoverable)}${rest}` : 'Trade Assurance covers this order');
  } else if (ta.status === 'ineligible') parts.push('Trade Assurance does not cover this dispute');
  else
    parts.push(
      `Trade Assurance ${ta.recoverable ? `may refund at most ${formatMoney(ta.recoverable)}` : 'may cover this order'} (not settled yet: see the questions)`,
    );
  const out = ['', ...x.wrap(`${parts.join('; ')}.`, c.bold('In short: '))];
  const top = a.strategies.find((s) => s.rank === 1);
  const rec = a.recommendation;
  const route = top ? { route: top.route, title: top.title } : rec?.route ? { route: rec.route, title: rec.title ?? rec.route } : undefined;
  if (route) {
    const by = byWhen(a, route.route);
    const first = !top ? ' (a written demand: what is wrong, what you want, by when; no other route stands out yet)' : '';
    out.push(...x.wrap(`${route.title}${by ? `, ${by}` : ''}${first}.`, c.bold('Start with: ')));
  } else if (rec?.basis === 'plan_step' && rec.title) {
    // No route and no demand: the plan's first dated step (step 1 of "Your next steps").
    const step = a.plan.find((s) => !s.condition && s.date);
    const by = step?.date ? (step.date <= a.as_of ? 'today' : `by ${step.date}`) : undefined;
    out.push(...x.wrap(`${rec.title}${by ? `, ${by}` : ''}.`, c.bold('Start with: ')));
  } else if (a.case.dispute_types.length > 0 || a.case.loss !== undefined)
    out.push(...x.wrap(c.dim('No route stands out yet on what you have told; the answers to the questions below decide it.'), c.bold('Start with: ')));
  else out.push(...x.wrap(c.dim('no route stands out yet: say what went wrong and what you paid.'), c.bold('Start with: ')));
  return out;
}

/** When a route must be taken: the Trade Assurance window, else the latest date of its own plan steps (the last
 * day of a programme is its last step); "today" when all its steps are today's. */
function byWhen(a: Assessment, route: string): string | undefined {
  const ta = a.trade_assurance;
  if (route === 'ta_claim' && ta.window_end && ta.window_end >= a.as_of) return `by ${ta.window_end}`;
  const dates = a.plan
    .filter((s) => s.route === route && !s.condition && s.date)
    .map((s) => s.date!)
    .sort();
  const last = dates[dates.length - 1];
  if (!last) return undefined;
  return last <= a.as_of ? 'today' : `by ${last}`;
}

const GROUP_TITLE: Record<StepGroup, (a: Assessment) => string> = {
  today: (a) => `Today (${a.as_of})`,
  week: () => 'This week',
  later: () => 'Later, by each date',
  undated: () => 'When the date is known',
  depends: () => 'Depending on the answers to the questions below',
};
/** At most this many steps that depend on an open answer on the first screen; all of them are in the plan. */
const MAX_DEPENDING = 3;

/** "Your next steps": each step in a few words (its rule's title), grouped by when; the plan below has them in full. */
function nextSteps(x: Ctx): string[] {
  const { a, c } = x;
  const groups = stepGroups(a);
  const out = heading(x, 'Your next steps');
  if (groups.length === 0)
    return [...out, ...x.wrap(c.dim('No step is dated yet on what you have told: answer the questions below, most decisive first.'), '  ')];
  for (const g of groups) {
    out.push(c.bold(GROUP_TITLE[g.group](a)));
    const shown = g.group === 'depends' ? g.steps.slice(0, MAX_DEPENDING) : g.steps;
    let condition: string | undefined;
    for (const s of shown) {
      // A condition once, its steps under it.
      if (g.group === 'depends' && s.condition!.text !== condition) out.push(...x.wrap(c.yellow(`If ${conditionShort(s)}:`), '  ', '    '));
      condition = s.condition?.text;
      out.push(...x.wrap(stepShort(x, s, g.group), g.group === 'depends' ? `    ${x.stepNo.get(s)}. ` : `  ${x.stepNo.get(s)}. `));
    }
    if (shown.length < g.steps.length)
      out.push(...x.wrap(c.dim(`and ${g.steps.length - shown.length} more that depend on your answers (in the plan below)`), '    '));
  }
  const flags = warningFindings(a).length;
  out.push(
    ...x.wrap(c.dim(`Each step in full: "Plan" below.${flags ? ` Read the ${flags} warning${flags === 1 ? '' : 's'} under "Red flags" before you act.` : ''}`)),
  );
  return out;
}

/** One step in a few words (its rule's title): "by 2026-05-02: Last day to file the offline complaint"; a step that depends
 * on an answer is shown under its condition, with its date when later than today. */
function stepShort(x: Ctx, s: PlanStep, group: StepGroup): string {
  const { a, c } = x;
  const title = s.title ?? s.action;
  const overdue = s.overdue ? c.red(' (overdue)') : '';
  if (group === 'depends') return `${title}${s.date && s.date > a.as_of ? `, by ${s.date}` : ''}${overdue}`;
  if (group === 'week' || group === 'later') return `${c.bold(`by ${s.date}:`)} ${title}${overdue}`;
  return `${title}${overdue}`;
}

/** A condition in short: the first answer and how many more (the plan gives them all). */
function conditionShort(s: PlanStep): string {
  const cond = s.condition!;
  return cond.parts && cond.parts.length > 1 ? `${cond.parts[0]} (and ${cond.parts.length - 1} more, see the plan)` : cond.text;
}

/** The routes, best first, with their reasons in words (no scores), cost and time; what another answer would make
 * the best route; the routes not recommended and why. */
function routes(x: Ctx): string[] {
  const { a, c, cite } = x;
  const ranked = rankedRoutes(a);
  const rest = otherRoutes(a);
  const alts = a.recommendation?.alternatives ?? [];
  if (ranked.length === 0 && rest.length === 0 && alts.length === 0) return [];
  const out = heading(x, ranked.length ? 'Routes, best first' : 'Routes');
  if (ranked.length === 0) out.push(...x.wrap(c.dim('No route ranks yet on what you have told.'), '  '));
  for (const s of ranked) {
    out.push(...x.wrap(c.bold(s.title), `  ${s.rank}. `));
    for (const r of s.reasons) out.push(...x.wrap(`${r.message}${cite(r.rule)}`, r.score >= 0 ? `     ${c.green('why:')} ` : `     ${c.red('but:')} `));
    if (s.cost) out.push(...x.wrap(`${costText(s.cost)} ${c.dim(`(${s.cost.basis})`)}`, `     ${c.dim('cost:')} `));
    if (s.time) out.push(...x.wrap(s.time, `     ${c.dim('time:')} `));
  }
  // Another answer to an open question would make another route the best: one line per route.
  const byRoute = new Map<string, string[]>();
  for (const alt of alts) byRoute.set(alt.title, [...(byRoute.get(alt.title) ?? []), alt.condition]);
  for (const [title, conds] of [...byRoute].slice(0, 4))
    out.push(...x.wrap(`${c.bold(title)} would come first if ${conds.join('; or if ')}.`, `  ${c.yellow('↳')} `));
  if (rest.length) {
    out.push(c.dim('  Not recommended:'));
    for (const s of rest) out.push(...x.wrap(c.dim(`${s.title}: ${s.reasons.map((r) => `${r.message}${cite(r.rule)}`).join(' ')}`), '   × ', '     '));
  }
  return out;
}

/** A cost range: "CNY 5,157", "USD 229 to USD 400", "at least CNY 20,286". An estimate in whole units reads without
 * cents, as the sums filled into the messages beside it do. */
function costText(cost: NonNullable<RankedStrategy['cost']>): string {
  const { low, high } = cost;
  if (low.amount === 0 && (!high || high.amount === 0)) return 'free';
  if (!high) return `at least ${estimate(low)}`;
  return high.amount === low.amount ? estimate(low) : `${estimate(low)} to ${estimate(high)}`;
}
const estimate = (m: Money) => `${m.currency} ${formatSum(m.amount)}`;

/** Every step in full, numbered as in "Your next steps", with its date, its condition and its sources. */
function planInFull(x: Ctx): string[] {
  const { a, c, cite } = x;
  if (a.plan.length === 0) return [];
  const out = heading(x, 'Plan: each step in full');
  for (const [s, n] of x.stepNo) {
    const when = `${s.date ?? 'when known'}${s.overdue ? ' (overdue)' : ''}`;
    const cond = s.condition ? `${c.yellow(`If ${s.condition.text}:`)} ` : '';
    out.push(...x.wrap(`${s.overdue ? c.red.bold(when) : c.bold(when)}  ${cond}${s.action}${cite(s.rule)}`, `  ${n}. `, '     '));
  }
  return out;
}

/** Trade Assurance in a box (at most as wide as the terminal), then one line per other programme. */
function programmes(x: Ctx): string[] {
  return [...heading(x, 'Platform and payment protection'), ...taBox(x), ...programLines(x)];
}

function taBox(x: Ctx): string[] {
  const { a, c, cite } = x;
  const ta = a.trade_assurance;
  const lines = [`${c.bold('Trade Assurance')}: ${statusText(c, ta.status)}`];
  const shown = taShown(ta);
  for (const r of shown.listed.filter((r) => !shown.hidden.has(r)))
    lines.push(`${r.effect === 'met' ? c.green('✔') : r.effect === 'unknown' ? c.yellow('?') : c.red('✖')} ${r.message}${cite(r.rule)}`);
  if (shown.hidden.size) lines.push(c.dim(`? ${shown.hidden.size} more not known yet (see the questions below)`));
  if (ta.window_end && ta.status !== 'ineligible')
    lines.push(
      `Window ends ${c.bold(ta.window_end)}${ta.days_left !== undefined ? (ta.days_left >= 0 ? ` (${ta.days_left} days left)` : c.red(` (closed ${-ta.days_left} days ago)`)) : ''}`,
    );
  if (ta.recoverable) lines.push(`Recoverable through Trade Assurance: at most ${c.bold(formatMoney(ta.recoverable))}`);
  if (ta.uncovered && ta.uncovered.amount > 0) lines.push(`Beyond its reach (needs legal action): ${c.bold(formatMoney(ta.uncovered))}`);
  if (ta.window_end && ta.days_left !== undefined && ta.days_left < 0 && ta.status !== 'ineligible')
    lines.push(c.dim('(your dispute was taken up before it closed, or nothing has been delivered)'));
  const settle = questionsFor(a, ta.unknown_facts);
  if (ta.status === 'uncertain' && settle.length) lines.push(c.dim(`To settle it: ${settle.slice(0, 3).join(' ')}`));
  return box(lines, Math.min(x.width, BOX_WIDTH));
}

/** Lines in a box of at most `width` cells, as narrow as its longest line. */
function box(lines: string[], width: number): string[] {
  const body = lines.flatMap((l) => wrapLines(l, width - 4, '', '  '));
  const inner = Math.max(...body.map((l) => stringWidth(l)));
  return [`┌${'─'.repeat(inner + 2)}┐`, ...body.map((l) => `│ ${l}${' '.repeat(inner - stringWidth(l))} │`), `└${'─'.repeat(inner + 2)}┘`];
}

const MAX_QUESTIONS = 8;

/** The questions (interview wording) for some unknown facts, in the report's order. */
function questionsFor(a: Assessment, facts: readonly string[]): string[] {
  const wanted = new Set(facts);
  return a.unknowns.filter((u) => wanted.has(u.fact) && u.question).map((u) => u.question!);
}

/** One line per other programme. An uncertain one names what settles it; card and PayPal programmes are left out
 * while nothing says a payment was made that way (they would read as if one had been). */
function programLines(x: Ctx): string[] {
  const { a, c, cite } = x;
  const out: string[] = [];
  const undecidedMethod: string[] = [];
  for (const p of a.programs) {
    if (undecidedPayment(p)) {
      undecidedMethod.push(p.title);
      continue;
    }
    if (p.status !== 'uncertain') {
      out.push(
        ...x.wrap(
          `${c.bold(p.title)}: ${statusText(c, p.status)}${p.reasons[0] ? c.dim(` (${p.reasons[0].message})`) + cite(p.reasons[0].rule) : ''}`,
          '',
          '  ',
        ),
      );
      continue;
    }
    const q = questionsFor(a, p.unknown_facts);
    out.push(...x.wrap(`${c.bold(p.title)}: ${statusText(c, p.status)}${q.length ? c.dim(` (to settle it: ${q.slice(0, 2).join(' ')})`) : ''}`, '', '  '));
  }
  if (undecidedMethod.length) out.push(...x.wrap(c.dim(`${undecidedMethod.join(', ')}: only if you paid that way (say how you paid).`), '', '  '));
  return out;
}

/** The programme rule that says the payment was made its way. */
const PAYMENT_GATES: Record<string, string> = { card_chargeback: 'chargeback/paid-by-card', paypal_protection: 'paypal/paid-by-paypal' };
const undecidedPayment = (p: Assessment['programs'][number]) =>
  p.status === 'uncertain' && PAYMENT_GATES[p.program] !== undefined && p.reasons.some((r) => r.rule === PAYMENT_GATES[p.program] && r.effect === 'unknown');

const MARK: Record<EvidenceItem['status'], string> = { have: '✔', missing: '✖', partial: '~', unknown: '?' };

function evidence(x: Ctx): string[] {
  const { a, c, cite } = x;
  const out = heading(x, 'Evidence checklist');
  if (a.evidence.length === 0) out.push(...x.wrap(c.dim('Say what went wrong (the kind of dispute) to get the checklist.'), '  '));
  for (const g of a.evidence) {
    out.push(`${c.bold(label(g.dispute_type))} ${c.dim('evidence strength:')} ${strengthText(c, g.strength)}`);
    for (const level of ['required', 'recommended'] as const) {
      const items = g.items.filter((i) => i.level === level);
      if (items.length === 0) continue;
      out.push(c.dim(`  ${level}`));
      // Where to get a piece: for every required one you lack, and for recommended ones you said are missing or partial.
      const howTo = (i: EvidenceItem) => i.status !== 'have' && (i.level === 'required' || i.status !== 'unknown');
      for (const i of items) {
        out.push(
          ...x.wrap(
            `${i.title}${i.status === 'unknown' ? c.dim(' (not stated)') : ''}${c.dim(` — ${i.proves}`)}${cite(i.rule)}`,
            `  ${markText(c, i.status)} `,
            '    ',
          ),
        );
        if (howTo(i)) out.push(...x.wrap(c.dim(i.where), `    ${c.dim('get it:')} `, '      '));
      }
    }
  }
  return out;
}

function warnings(x: Ctx): string[] {
  const { a, c, cite } = x;
  const list = warningFindings(a);
  if (list.length === 0) return [];
  const out = heading(x, 'Red flags and warnings');
  for (const f of list) {
    const col = sevColor(c, f.severity);
    out.push(...x.wrap(`${col(f.title)} ${c.dim(`[${f.severity}]`)}`, `  ${col('!')} `), ...x.wrap(`${f.message}${cite(f.id)}`, '    '));
  }
  return out;
}

function advice(x: Ctx): string[] {
  const notes = adviceFindings(x.a);
  if (notes.length === 0) return [];
  return [...heading(x, 'Advice'), ...notes.flatMap((f) => x.wrap(`${f.message}${x.cite(f.id)}`, '  • '))];
}

/** The unknowns as the interview's questions, with how to find the answer; never fact paths or rule counts. */
function questions(x: Ctx): string[] {
  const { a, c } = x;
  // A look-up on a register or court site is homework (the next section), not a question to answer from memory.
  const lookedUp = new Set((a.homework ?? []).flatMap((h) => h.facts));
  const list = a.unknowns.filter((u) => (u.question ?? u.description) && !lookedUp.has(u.fact));
  if (list.length === 0) return [];
  const out = heading(x, 'Questions that would change the verdict, most decisive first');
  for (const u of list.slice(0, MAX_QUESTIONS))
    out.push(
      ...x.wrap(c.bold(u.question ?? `${u.description}?`), '  ? '),
      ...(u.how ? x.wrap(c.dim(u.how), `      ${c.dim('how to find out:')} `, '        ') : []),
    );
  if (list.length > MAX_QUESTIONS)
    out.push(...x.wrap(c.dim(`... and ${list.length - MAX_QUESTIONS} more (see --format json, or answer them in the interview)`), '  '));
  return out;
}

/** The register and court look-ups that would change the verdict, each with how to do it (issue 15). */
function homework(x: Ctx): string[] {
  const lines = homeworkLines(x.a, x.c, x.wrap);
  return lines.length ? [...heading(x, 'Homework: look-ups that would change the verdict'), ...lines] : [];
}

function nextOrder(x: Ctx): string[] {
  const list = preventionFindings(x.a);
  if (list.length === 0) return [];
  return [
    ...heading(x, 'Next order: what would have avoided this'),
    ...list.flatMap((f) => x.wrap(`${x.c.bold(`${f.title}.`)} ${f.message}${x.cite(f.id)}`, '  • ')),
  ];
}

/** The words of the trade the report uses, each explained once. */
function glossary(x: Ctx, body: string): string[] {
  const used = glossaryFor(body.replace(/\u001b\[[0-9;]*m/g, ''));
  if (used.length === 0) return [];
  return [...heading(x, 'Words used'), ...used.flatMap((g) => x.wrap(`${x.c.bold(`${g.term}:`)} ${g.meaning}`, '  ', '    '))];
}

const statusText = (c: Colors, s: string) =>
  s === 'eligible' ? c.green.bold('ELIGIBLE') : s === 'ineligible' ? c.red.bold('NOT ELIGIBLE') : c.yellow.bold('UNCERTAIN');
const strengthText = (c: Colors, s: string) => (s === 'strong' ? c.green(s) : s === 'weak' ? c.red(s) : c.yellow(s));
const markText = (c: Colors, s: EvidenceItem['status']) => (s === 'have' ? c.green : s === 'missing' ? c.red : c.yellow)(MARK[s]);
const sevColor = (c: Colors, s: string) => (s === 'critical' || s === 'high' ? c.red : s === 'medium' ? c.yellow : c.cyan);

function explain(a: Assessment, results: RuleResult[], c: Colors): string[] {
  const out = ['', c.bold.underline('Explanation (every rule, its conditions and the values seen)')];
  for (const r of results) {
    out.push(`${outcomeMark(c, r.outcome)} ${c.bold(r.id)} ${c.dim(`[${r.kind}] ${safeInline(r.origin)}`)}`);
    out.push(...traceLines(r.trace, c, '    '));
    out.push(c.dim(`    source: ${citationText(a, r.source)}`));
  }
  return out;
}

function traceLines(t: Trace, c: Colors, indent: string): string[] {
  if (t.op === 'always') return [`${indent}${c.dim('(no condition: always applies)')}`];
  if (t.children) return [`${indent}${outcomeMark(c, t.outcome)} ${t.op}`, ...t.children.flatMap((ch) => traceLines(ch, c, indent + '  '))];
  const seen = t.actual === null ? c.yellow('unknown') : safeInline(formatValue(t.actual as FactValue));
  return [`${indent}${outcomeMark(c, t.outcome)} ${t.fact} ${t.op} ${JSON.stringify(t.expected)} ${c.dim(`(seen: ${seen})`)}`];
}

const outcomeMark = (c: Colors, o: string) => (o === 'true' ? c.green('✔') : o === 'false' ? c.red('✖') : c.yellow('?'));
