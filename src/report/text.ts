// The text report: case header, Trade Assurance box, evidence checklist, red flags, strategies, plan,
// unknowns and sources. Colour comes in as a chalk instance, so tests render plain text.
import type { ChalkInstance } from 'chalk';
import { safeInline } from '../source/safe-text.js';
import type { Assessment, EvidenceItem, RuleResult } from '../engine/assessment.js';
import type { Trace } from '../engine/conditions.js';
import { formatMoney } from '../case/money.js';
import { formatValue } from '../engine/format-value.js';
import type { FactValue } from '../case/facts.js';
import { citationText, referenceMarker, sourcesSection } from './sources.js';
import { homeworkSection } from './homework-text.js';

export interface TextOptions { color: ChalkInstance; explain?: boolean; /** Print every reference in full instead of the short footer. */ sources?: boolean }

const MARK: Record<EvidenceItem['status'], string> = { have: '✔', missing: '✖', partial: '~', unknown: '?' };
const sevColor = (c: ChalkInstance, s: string) => (s === 'critical' || s === 'high' ? c.red : s === 'medium' ? c.yellow : c.cyan);
const label = (s: string) => s.replace(/_/g, ' ');

/** The whole report as text. */
export function renderText(a: Assessment, opts: TextOptions): string {
  const c = opts.color;
  const out: string[] = [];
  const h = (t: string) => out.push('', c.bold.underline(t));
  const cite = referenceMarker(a, c);
  out.push(c.bold(`dispute-assess: ${safeInline(a.case.file ?? 'case')}`) + c.dim(` (as of ${a.as_of})`));
  const facts = [
    a.case.dispute_types.length ? `Dispute: ${a.case.dispute_types.map(label).join(', ')}` : 'Dispute: type unknown',
    a.case.supplier ? `Supplier: ${safeInline(a.case.supplier)}` : undefined,
    a.case.channel ? `Channel: ${label(a.case.channel)}` : undefined,
    a.case.amount_paid ? `Paid: ${formatMoney(a.case.amount_paid)}` : undefined,
    a.case.loss && (!a.case.amount_paid || a.case.loss.amount !== a.case.amount_paid.amount) ? `At stake: ${formatMoney(a.case.loss)}` : undefined,
  ].filter(Boolean);
  out.push(facts.join(' · '));
  if (a.defaults?.length) out.push(c.dim(`Not in the case, from your config: ${a.defaults.map((d) => `${d.fact} ${safeInline(String(d.value))}`).join(', ')} (${[...new Set(a.defaults.map((d) => safeInline(d.from)))].join(', ')})`));
  out.push('', ...taBox(a, c, cite));
  out.push(...programLines(a, c, cite));
  h('Evidence');
  if (a.evidence.length === 0) out.push(c.dim('  Say what went wrong (the kind of dispute) to get the checklist.'));
  for (const g of a.evidence) {
    out.push(`${c.bold(label(g.dispute_type))} ${c.dim('evidence strength:')} ${strengthText(c, g.strength)}`);
    for (const level of ['required', 'recommended'] as const) {
      const items = g.items.filter((i) => i.level === level);
      if (items.length === 0) continue;
      out.push(c.dim(`  ${level}`));
      // Where to get a piece: for every required one you lack, and for recommended ones you said are missing or partial.
      const howTo = (i: EvidenceItem) => i.status !== 'have' && (i.level === 'required' || i.status !== 'unknown');
      for (const i of items) out.push(`  ${markText(c, i.status)} ${i.title}${i.status === 'unknown' ? c.dim(' (not stated)') : ''}${c.dim(` — ${i.proves}`)}`, ...(howTo(i) ? [c.dim(`      get it: ${i.where}`)] : []));
    }
  }
  const flags = a.findings.filter((f) => f.kind === 'flag');
  const warnings = flags.filter((f) => f.severity !== 'info');
  if (warnings.length) {
    h('Red flags and warnings');
    for (const f of warnings) out.push(`  ${sevColor(c, f.severity)('!')} ${sevColor(c, f.severity)(f.title)} ${c.dim(`[${f.severity}]`)}`, `    ${f.message}${cite(f.id)}`);
  }
  h('Strategy');
  const ranked = a.strategies.filter((s) => s.rank !== undefined);
  out.push(...recommendationLines(a, c));
  for (const s of ranked) {
    out.push(`  ${c.bold(`${s.rank}. ${s.title}`)} ${c.dim(`(score ${s.score})`)}`);
    for (const r of s.reasons) out.push(`     ${r.score >= 0 ? c.green('+') : c.red('-')} ${r.message}`);
    if (s.cost) out.push(`     ${c.dim('cost:')} ${costText(s.cost)} ${c.dim(`(${s.cost.basis})`)}`);
    if (s.time) out.push(`     ${c.dim('time:')} ${s.time}`);
  }
  const rest = a.strategies.filter((s) => s.rank === undefined);
  if (rest.length) {
    out.push(c.dim('  Not recommended:'));
    for (const s of rest) out.push(c.dim(`   × ${s.title}: ${s.reasons.map((r) => r.message).join(' ')}`));
  }
  if (a.plan.length) {
    h('Plan');
    for (const p of a.plan) out.push(`  ${c.bold(p.date ?? 'when known')}${p.overdue ? c.red(' (overdue)') : ''}  ${p.condition ? c.yellow(`(if ${p.condition.text}) `) : ''}${p.action}${cite(p.rule)}`);
  }
  // Informational flags (e.g. the supplier's status when all is well) read as advice, not as warnings.
  const notes = [...a.findings.filter((f) => f.kind === 'advice'), ...flags.filter((f) => f.severity === 'info')];
  if (notes.length) {
    h('Advice');
    for (const f of notes) out.push(`  • ${f.message}${cite(f.id)}`);
  }
  // The unknowns as the interview's questions, with how to find the answer; never fact paths or rule counts.
  const questions = a.unknowns.filter((u) => u.question ?? u.description);
  if (questions.length) {
    h('Questions that would change the verdict (most decisive first)');
    for (const u of questions.slice(0, MAX_QUESTIONS)) out.push(`  ? ${c.bold(u.question ?? `${u.description}?`)}`, ...(u.how ? [c.dim(`      how to find out: ${u.how}`)] : []));
    if (questions.length > MAX_QUESTIONS) out.push(c.dim(`  ... and ${questions.length - MAX_QUESTIONS} more (see --format json, or answer them in the interview)`));
  }
  out.push(...homeworkSection(a, c));
  if (opts.explain && a.trace) out.push(...explain(a, a.trace, c));
  out.push(...sourcesSection(a, c, opts.sources === true || opts.explain === true));
  out.push('', c.dim(a.notice));
  return out.join('\n') + '\n';
}

/** A cost range: "RMB 5,157", "USD 229 to USD 400", "at least RMB 20,286". */
function costText(cost: NonNullable<Assessment['strategies'][number]['cost']>): string {
  const { low, high } = cost;
  if (low.amount === 0 && (!high || high.amount === 0)) return 'free';
  if (!high) return `at least ${formatMoney(low)}`;
  return high.amount === low.amount ? formatMoney(low) : `${formatMoney(low)} to ${formatMoney(high)}`;
}

function taBox(a: Assessment, c: ChalkInstance, cite: (rule: string) => string): string[] {
  const ta = a.trade_assurance;
  const lines = [`${c.bold('Trade Assurance')}: ${statusText(c, ta.status)}`];
  const shown = ta.status === 'ineligible' ? ['excluded', 'unmet'] : ta.status === 'eligible' ? ['met'] : ['unknown', 'met'];
  const listed = ta.reasons.filter((x) => shown.includes(x.effect));
  const open = listed.filter((x) => x.effect === 'unknown');
  // At most four open gates: the questions below say what settles them.
  const hidden = open.slice(4);
  for (const r of listed.filter((x) => !hidden.includes(x))) lines.push(`${r.effect === 'met' ? c.green('✔') : r.effect === 'unknown' ? c.yellow('?') : c.red('✖')} ${r.message}${cite(r.rule)}`);
  if (hidden.length) lines.push(c.dim(`? ${hidden.length} more not known yet (see the questions below)`));
  if (ta.window_end && ta.status !== 'ineligible') lines.push(`Window ends ${c.bold(ta.window_end)}${ta.days_left !== undefined ? (ta.days_left >= 0 ? ` (${ta.days_left} days left)` : c.red(` (closed ${-ta.days_left} days ago)`)) : ''}`);
  if (ta.recoverable) lines.push(`Recoverable through Trade Assurance: at most ${c.bold(formatMoney(ta.recoverable))}`);
  if (ta.uncovered && ta.uncovered.amount > 0) lines.push(`Beyond its reach (needs legal action): ${c.bold(formatMoney(ta.uncovered))}`);
  if (ta.window_end && ta.days_left !== undefined && ta.days_left < 0 && ta.status !== 'ineligible') lines.push(c.dim('(your dispute was taken up before it closed, or nothing has been delivered)'));
  const settle = questionsFor(a, ta.unknown_facts);
  if (ta.status === 'uncertain' && settle.length) lines.push(c.dim(`To settle it: ${settle.slice(0, 3).join(' ')}`));
  const width = Math.min(100, Math.max(...lines.map((l) => visible(l).length)) + 2);
  return [`┌${'─'.repeat(width)}┐`, ...lines.flatMap((l) => wrap(l, width - 2)).map((l) => `│ ${l}${' '.repeat(Math.max(0, width - 2 - visible(l).length))} │`), `└${'─'.repeat(width)}┘`];
}

const MAX_QUESTIONS = 8;

/** The questions (interview wording) for some unknown facts, in the report's order. */
function questionsFor(a: Assessment, facts: readonly string[]): string[] {
  const wanted = new Set(facts);
  return a.unknowns.filter((u) => wanted.has(u.fact) && u.question).map((u) => u.question!);
}

/** One line per other programme. An uncertain one names what settles it; card and PayPal programmes are left out
 * while nothing says a payment was made that way (they would read as if one had been). */
function programLines(a: Assessment, c: ChalkInstance, cite: (rule: string) => string): string[] {
  const out: string[] = [];
  const undecidedMethod: string[] = [];
  for (const p of a.programs) {
    if (p.status === 'uncertain' && PAYMENT_GATES[p.program] && p.reasons.some((r) => r.rule === PAYMENT_GATES[p.program] && r.effect === 'unknown')) {
      undecidedMethod.push(p.title);
      continue;
    }
    if (p.status !== 'uncertain') {
      out.push(`${c.bold(p.title)}: ${statusText(c, p.status)}${p.reasons[0] ? c.dim(` (${p.reasons[0].message})`) + cite(p.reasons[0].rule) : ''}`);
      continue;
    }
    const q = questionsFor(a, p.unknown_facts);
    out.push(`${c.bold(p.title)}: ${statusText(c, p.status)}${q.length ? c.dim(` (to settle it: ${q.slice(0, 2).join(' ')})`) : ''}`);
  }
  if (undecidedMethod.length) out.push(c.dim(`${undecidedMethod.join(', ')}: only if you paid that way (say how you paid).`));
  return out;
}

/** The programme rule that says the payment was made its way. */
const PAYMENT_GATES: Record<string, string> = { card_chargeback: 'chargeback/paid-by-card', paypal_protection: 'paypal/paid-by-paypal' };

/** The best route on what is known, and what another answer to an open question would make it. */
function recommendationLines(a: Assessment, c: ChalkInstance): string[] {
  const top = a.strategies.find((s) => s.rank === 1);
  const out: string[] = [];
  const somethingKnown = a.case.dispute_types.length > 0 || a.case.loss !== undefined;
  const rec = a.recommendation;
  if (top) out.push(`  ${c.bold('Recommended on what you have told:')} ${top.title}`);
  else if (rec?.route) out.push(`  ${c.bold('Start with:')} ${rec.title} ${c.dim('(a written demand: what is wrong, what you want, by when; no other route stands out until the questions below are answered)')}`);
  else if (somethingKnown) out.push(c.dim('  No route scores above zero on what you have told yet; the answers below decide it.'));
  else out.push(c.dim('  No route stands out yet: say what went wrong and what you paid.'));
  const alts = a.recommendation?.alternatives ?? [];
  const byFact = new Map<string, string[]>();
  for (const x of alts) byFact.set(x.fact, [...(byFact.get(x.fact) ?? []), `if ${x.condition}: ${x.title}`]);
  for (const list of [...byFact.values()].slice(0, 4)) { const t = list.join('; '); out.push(`  ${c.yellow('↳')} ${t.charAt(0).toUpperCase()}${t.slice(1)}`); }
  return out;
}

function wrap(line: string, width: number): string[] {
  if (visible(line).length <= width) return [line];
  const words = line.split(' ');
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    if (visible(cur).length + visible(w).length + 1 > width && cur) {
      out.push(cur);
      cur = '  ' + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}

const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
const statusText = (c: ChalkInstance, s: string) => (s === 'eligible' ? c.green.bold('ELIGIBLE') : s === 'ineligible' ? c.red.bold('NOT ELIGIBLE') : c.yellow.bold('UNCERTAIN'));
const strengthText = (c: ChalkInstance, s: string) => (s === 'strong' ? c.green(s) : s === 'weak' ? c.red(s) : c.yellow(s));
const markText = (c: ChalkInstance, s: EvidenceItem['status']) => (s === 'have' ? c.green : s === 'missing' ? c.red : c.yellow)(MARK[s]);

function explain(a: Assessment, results: RuleResult[], c: ChalkInstance): string[] {
  const out = ['', c.bold.underline('Explanation (every rule, its conditions and the values seen)')];
  for (const r of results) {
    out.push(`${outcomeMark(c, r.outcome)} ${c.bold(r.id)} ${c.dim(`[${r.kind}] ${safeInline(r.origin)}`)}`);
    out.push(...traceLines(r.trace, c, '    '));
    out.push(c.dim(`    source: ${citationText(a, r.source)}`));
  }
  return out;
}

function traceLines(t: Trace, c: ChalkInstance, indent: string): string[] {
  if (t.op === 'always') return [`${indent}${c.dim('(no condition: always applies)')}`];
  if (t.children) return [`${indent}${outcomeMark(c, t.outcome)} ${t.op}`, ...t.children.flatMap((ch) => traceLines(ch, c, indent + '  '))];
  const seen = t.actual === null ? c.yellow('unknown') : safeInline(formatValue(t.actual as FactValue));
  return [`${indent}${outcomeMark(c, t.outcome)} ${t.fact} ${t.op} ${JSON.stringify(t.expected)} ${c.dim(`(seen: ${seen})`)}`];
}

const outcomeMark = (c: ChalkInstance, o: string) => (o === 'true' ? c.green('✔') : o === 'false' ? c.red('✖') : c.yellow('?'));
