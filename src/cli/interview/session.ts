// The interview on a terminal: ask what matters (planner), save after every answer, review, save the case
// file and show the same report as `dispute-assess <file>`. Ctrl-C or a closed terminal: saved, exit 130.
import type { Document } from 'yaml';
import type { ChalkInstance } from 'chalk';
import type { Case } from '../../case/schema.js';
import type { RuleSet } from '../../rules/types.js';
import { planInterview } from '../../interview/planner.js';
import { GROUP_TITLES, type GroupId } from '../../interview/groups.js';
import type { Question } from '../../interview/catalogue.js';
import { caseText, documentCase, loadCaseDocument, removeAnswer, setAnswer } from '../../interview/case-document.js';
import { valueAt } from '../../interview/values.js';
import { BUNDLES, bundleOf, bundleValues } from '../../interview/bundles.js';
import { bundleQuestion, questionFor } from '../../interview/catalogue.js';
import {
  answeredByEarlier,
  checklistValues,
  EVENTS,
  EVENTS_ASKED,
  EVIDENCE_CHECKLIST,
  dontKnowFromNotes,
  interviewNotes,
  isHomework,
  notHappenedFromNotes,
  withNotes,
} from '../../interview/agenda.js';
import { colorFor, type Io } from '../io/output.js';
import { EXIT } from '../../exit-code.js';
import { closeStdio, onSignals } from './signals.js';
import { removeFile, removeStaleTemps, writeFileAtomic } from './files.js';
import { noteSeen, save, saveOnStop, unsavedMessage } from './save.js';
import { askChoice, askQuestion, isInterrupt, wrapHint, type PromptContext } from './prompts.js';
import { askPayments } from './payments.js';
import { chooseFinalPath, chooseSavePath, reviewLoop } from './review.js';
import { runAssess } from '../commands/assess.js';
import { safeInline } from '../../source/safe-text.js';

export interface SessionOptions {
  doc: Document;
  /** A partial file an earlier interview in this folder left: offered to continue (the default). */
  unfinished?: { path: string; text: string };
  /** The text of the --resume file as it was read (to notice another writer since). */
  resumeText?: string;
  rules: RuleSet;
  today: string;
  asOf?: string;
  out?: string;
  resume?: string;
  force: boolean;
  color: boolean;
  ruleDirs: string[];
  builtinRules: boolean;
  io: Io;
}

/** What the session holds: the document being written, where it is saved, and what was asked. */
export interface SessionState {
  o: SessionOptions;
  c: ChalkInstance;
  ctx: PromptContext;
  savePath?: string;
  partial: boolean;
  touched: boolean;
  skipped: Set<string>;
  /** What the save path held when this interview read or last wrote it (null: no file); see save.ts. */
  seen?: string | null;
  /** Whether a save has succeeded. */
  saved?: boolean;
  /** Questions asked so far in this run (for the progress figure). */
  asked?: number;
  /** Research left as homework by the last plan (fact paths or bundle ids). */
  homework?: string[];
  /** Questions answered "I don't know" in an earlier run (read from the resumed file's notes). */
  earlierDontKnow?: string[];
  /** Events the buyer left unticked in the "which of these apply?" checklist (this run or, from the notes, an earlier one). */
  notHappened: Set<string>;
}

export const EXIT_INTERRUPTED = 130;

/** Run the interview; resolves to the exit code. */
export async function runInterview(o: SessionOptions): Promise<number> {
  const s: SessionState = {
    o,
    c: colorFor(o.io, o.color),
    ctx: { today: o.asOf ?? o.today },
    partial: false,
    touched: false,
    skipped: new Set(),
    notHappened: new Set(),
  };
  const uninstall = onSignals((hungUp) => {
    const message = saveOnStop(s);
    if (hungUp) closeStdio();
    else o.io.err(message);
    process.exit(EXIT_INTERRUPTED);
  });
  try {
    if (o.unfinished) await offerToContinue(s, o.unfinished);
    const target = await chooseSavePath(s);
    s.savePath = target.path;
    s.partial = target.partial;
    removeStaleTemps(s.savePath);
    noteSeen(s, s.savePath === o.resume ? o.resumeText : undefined);
    intro(s);
    for (const p of notHappenedFromNotes(s.o.doc.comment)) notHappened(s, p);
    if (s.o.resume) await askEarlierDontKnow(s);
    await askAll(s);
    await reviewLoop(s, {
      caseNow: () => currentCase(s),
      change: (q) => askAndApply(s, q, true),
      askRest: () => askAll(s),
      dontKnow: () => dontKnowQuestions(s),
      notHappened: () => notHappenedQuestions(s),
      reopen: (p) => void s.notHappened.delete(p),
    });
    const final = await chooseFinalPath(s);
    return finish(s, final);
  } catch (e) {
    if (isWriteError(e)) {
      o.io.err(`dispute-assess: cannot save the case file.${unsavedMessage(s, e)}Pick a file in a folder you can write to with --out.\n`);
      return EXIT.input;
    }
    if (!isInterrupt(e)) throw e;
    o.io.err(saveOnStop(s));
    return EXIT_INTERRUPTED;
  } finally {
    uninstall();
  }
}

const isWriteError = (e: unknown) => typeof (e as NodeJS.ErrnoException)?.code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';

/** The case as the document holds it now. */
export function currentCase(s: SessionState): Case {
  const r = documentCase(s.o.doc);
  if (!r.ok) throw new Error(`the interview produced an invalid case: ${r.message}`);
  return r.value;
}

/** Ask every question the planner still finds worth asking. */
export async function askAll(s: SessionState): Promise<void> {
  let group: GroupId | undefined;
  for (;;) {
    // On --resume (the buyer came back) the homework is asked too; in a first run it is listed, not asked.
    const plan = planInterview(currentCase(s), s.o.rules, {
      today: s.o.today,
      skipped: s.skipped,
      homework: s.o.resume !== undefined,
      ...(s.o.asOf ? { asOf: s.o.asOf } : {}),
    });
    s.homework = plan.homework.map((h) => h.question.path);
    updateNotes(s);
    if (!plan.next) {
      if (s.touched) save(s);
      return;
    }
    const q = plan.next.question;
    if (q.group !== group) s.o.io.out(`\n${s.c.bold.underline(GROUP_TITLES[q.group])}\n`);
    group = q.group;
    s.asked = (s.asked ?? 0) + 1;
    s.o.io.out(s.c.dim(wrapHint(`${q.hint}  ·  ${progress(s.asked, plan.candidates.length)}`)) + '\n');
    s.skipped.add(q.path);
    await askAndApply(s, q);
  }
}

/** Ask one question and store its answer in the document (saved at once). */
export async function askAndApply(s: SessionState, q: Question, fresh = false): Promise<void> {
  const c = currentCase(s);
  if (c.buyer?.country) s.ctx.buyerCountry = c.buyer.country;
  else delete s.ctx.buyerCountry;
  if (q.kind === 'payments') {
    const changed = (list: unknown) => apply(s, q.path, list);
    const say = (line: string) => s.o.io.out(s.c.dim(`  ${line}`) + '\n');
    const list = await askPayments(fresh ? undefined : c.order?.payments, { ctx: s.ctx, changed, say });
    apply(s, q.path, list);
    return;
  }
  if (q.kind === 'bundle') return askBundle(s, q, c);
  const current = valueAt(c, q.path);
  const a = await askQuestion(q, q.codec ? q.codec.decode(current) : current, s.ctx);
  if (!a.known && current === undefined) return;
  const entry = q.path.startsWith('evidence.') ? (c.evidence as Record<string, unknown> | undefined)?.[q.path.slice('evidence.'.length)] : undefined;
  const value = !a.known ? undefined : q.codec ? q.codec.encode(a.value as string[]) : a.value;
  apply(s, typeof entry === 'object' && a.known ? `${q.path}.status` : q.path, value);
}

async function askBundle(s: SessionState, q: Question, c: Case): Promise<void> {
  if (q.path === EVIDENCE_CHECKLIST) return askChecklist(s, q, c);
  const b = BUNDLES.find((x) => x.id === q.path);
  // Events offered with the checklist: a ticked one is followed up, an unticked one did not happen (not asked again).
  const events = (q.choices ?? []).map((ch) => ch.value).filter((p) => p in EVENTS);
  const a = await askQuestion(q, b ? Object.keys(b.items).filter((p) => valueAt(c, p) === true) : [], s.ctx);
  if (events.length) s.skipped.add(EVENTS_ASKED);
  for (const p of Object.keys(b?.items ?? {})) s.skipped.add(p);
  if (!a.known) {
    for (const p of events) s.skipped.add(p);
    return;
  }
  for (const p of events) if (!(a.value as string[]).includes(p)) notHappened(s, p);
  if (!b) return updateNotes(s);
  for (const [p, v] of bundleValues(b, a.value as string[])) setAnswer(s.o.doc, p, v);
  s.touched = true;
  save(s);
}

/** The events the buyer said did not happen and that the case does not state, as their follow-up questions. */
export function notHappenedQuestions(s: SessionState): Question[] {
  const c = currentCase(s);
  return [...s.notHappened].filter((p) => valueAt(c, p) === undefined).flatMap((p) => questionFor(p, s.o.rules) ?? []);
}

/** An event that did not happen: not asked, and not an "I don't know" either. */
function notHappened(s: SessionState, path: string): void {
  s.skipped.add(path);
  s.notHappened.add(path);
}

/** The questions answered "I don't know" (this run, or an earlier one as its notes say) and still unknown. */
export function dontKnowQuestions(s: SessionState): Question[] {
  const c = currentCase(s);
  const out: Question[] = [];
  for (const path of new Set([...(s.earlierDontKnow ?? []), ...s.skipped])) {
    if ((isHomework(path) && s.homework?.includes(path)) || s.notHappened.has(path)) continue;
    const q = bundleQuestion(path) ?? questionFor(path, s.o.rules);
    if (!q || bundleOf(path)) continue;
    const b = BUNDLES.find((x) => x.id === path);
    const unknown = b
      ? Object.keys(b.items).every((p) => valueAt(c, p) === undefined)
      : path === 'order.payments'
        ? c.order?.payments === undefined
        : valueAt(c, path) === undefined;
    if (unknown) out.push(q);
  }
  return out;
}

/** Keep the saved file's closing comment up to date: the homework, and what was answered "I don't know". */
function updateNotes(s: SessionState): void {
  const gone = [...s.notHappened].filter((p) => valueAt(currentCase(s), p) === undefined);
  const comment = withNotes(
    s.o.doc.comment,
    interviewNotes(
      s.homework ?? [],
      dontKnowQuestions(s).map((q) => q.path),
      gone,
    ),
  );
  if ((s.o.doc.comment ?? null) !== comment) s.o.doc.comment = comment;
}

/** On resume: the questions answered "I don't know" before are not asked again unless the buyer chooses. */
async function askEarlierDontKnow(s: SessionState): Promise<void> {
  s.earlierDontKnow = dontKnowFromNotes(s.o.doc.comment).filter((p) => bundleQuestion(p) ?? questionFor(p, s.o.rules));
  const n = s.earlierDontKnow.length;
  if (n === 0) return;
  const again = await askChoice(
    `Last time you answered "I don't know" to ${n} question${n === 1 ? '' : 's'}. Ask ${n === 1 ? 'it' : 'them'} again?`,
    [
      { value: 'no', label: 'No, keep them as "I don\'t know" (you can still change them on the review screen)' },
      { value: 'yes', label: 'Yes, ask them again' },
    ],
    s.ctx,
  );
  if (again === 'no') for (const p of s.earlierDontKnow) s.skipped.add(p);
}

/** The evidence checklist: ticked items "have", the others "missing"; "I don't know" leaves them unknown. */
async function askChecklist(s: SessionState, q: Question, c: Case): Promise<void> {
  const items = (q.choices ?? []).map((ch) => ch.value);
  const a = await askQuestion(
    q,
    items.filter((p) => valueAt(c, p) === 'have'),
    s.ctx,
  );
  for (const p of items) s.skipped.add(p);
  if (!a.known) return;
  const evidence = (c.evidence ?? {}) as Record<string, unknown>;
  for (const [p, v] of checklistValues(q, a.value as string[])) {
    const entry = evidence[p.slice('evidence.'.length)];
    setAnswer(s.o.doc, entry && typeof entry === 'object' ? `${p}.status` : p, v);
  }
  s.touched = true;
  save(s);
}

function apply(s: SessionState, path: string, value: unknown): void {
  if (value === undefined) removeAnswer(s.o.doc, path);
  else setAnswer(s.o.doc, path, value);
  for (const [fact, v] of answeredByEarlier(currentCase(s))) setAnswer(s.o.doc, fact, v);
  s.touched = true;
  save(s);
}

/**
 * The progress figure, honest about what it knows: the questions still worth asking now. Answers can settle
 * some of them (fewer) or open a follow-up (e.g. a date once you say a dispute was opened), so it says "about".
 */
export function progress(asked: number, worthAsking: number): string {
  return `question ${asked}, about ${worthAsking - 1} more after this`;
}

/** Continue the unfinished interview (the default) or start a new one beside it. */
async function offerToContinue(s: SessionState, u: { path: string; text: string }): Promise<void> {
  const choice = await askChoice(
    `You have an unfinished interview in ${safeInline(u.path)}. Continue it?`,
    [
      { value: 'continue', label: 'Yes, continue where I stopped' },
      { value: 'new', label: 'No, start a new interview (the unfinished one stays as it is)' },
    ],
    s.ctx,
  );
  if (choice !== 'continue') return;
  s.o.doc = loadCaseDocument(u.text);
  s.o.resume = u.path;
  s.o.resumeText = u.text;
}

function intro(s: SessionState): void {
  const { io } = s.o;
  io.out(`${s.c.bold('dispute-assess interview')}: questions about your dispute, the basics first, then only what can still change the assessment.\n`);
  io.out(`Every question has "I don't know". Your answers are saved as you go in ${s.c.bold(safeInline(s.savePath!))}.\n`);
  io.out(s.c.dim('Press Ctrl-C at any time to stop; you can continue later. This is not legal advice.') + '\n');
}

async function finish(s: SessionState, chosen: string): Promise<number> {
  const { io } = s.o;
  let final = chosen;
  if (s.touched || final !== s.o.resume) {
    // The save path keeps its check for other writers (and may move to a free name); another name was just confirmed.
    if (final === s.savePath) {
      s.touched = true;
      save(s);
      final = s.savePath;
    } else writeFileAtomic(final, caseText(s.o.doc));
  }
  if (s.savePath !== final && s.partial && s.touched) removeFile(s.savePath!);
  s.savePath = final;
  io.out(`\nSaved your case in ${s.c.bold(safeInline(final))}.\n\n`);
  const code = await runAssess(
    [final],
    { format: 'text', color: s.o.color, rules: s.o.ruleDirs, builtinRules: s.o.builtinRules, ...(s.o.asOf ? { asOf: s.o.asOf } : {}) },
    io,
  );
  io.out(
    `\nYour case is saved in ${s.c.bold(safeInline(final))}.\n  Assess it again:  npx dispute-assess ${safeInline(final)}\n  Change answers:   npx dispute-assess interview --resume ${safeInline(final)}\n`,
  );
  // The report above lists the homework with how to do each (its Homework section); the case file's notes keep it.
  if (s.homework?.length)
    io.out(
      `  Your homework (${s.homework.length} look-up${s.homework.length === 1 ? '' : 's'}): see "Homework" in the report above, and the notes at the end of ${safeInline(final)}; then resume.\n`,
    );
  return code;
}
