// The review screen (answers by group, change any) and choosing where the case file goes, never
// overwriting an existing file without asking (or --force).
import { reviewEntries, reviewLines } from '../../interview/review.js';
import { freeName, isDirectory, isReadOnly, isRegularOrAbsent, pathExists } from './files.js';
import { askChoice, askConfirm, askText, wrapHint } from './prompts.js';
import type { Case } from '../../case/schema.js';
import type { Question } from '../../interview/catalogue.js';
import type { SessionState } from './session.js';
import { safeInline } from '../../source/safe-text.js';

/** What the review needs from the session: the case now, re-asking one question, asking what became relevant. */
export interface ReviewHooks {
  caseNow(): Case;
  change(q: Question): Promise<void>;
  askRest(): Promise<void>;
  dontKnow(): Question[];
  /** The events left unticked in "Which of these apply?" (did not happen), and taking one back to answer it. */
  notHappened(): Question[];
  reopen(path: string): void;
}

const PARTIAL = /\.partial(\.ya?ml)$/;

/** Show the answers by group until the buyer confirms them; a changed answer may open new questions. */
export async function reviewLoop(s: SessionState, hooks: ReviewHooks): Promise<void> {
  const { io } = s.o;
  for (;;) {
    const entries = reviewEntries(hooks.caseNow(), s.o.rules);
    const lines = reviewLines(entries).map((l) => (l.startsWith(' ') ? l : s.c.bold(l)));
    io.out(`\n${s.c.bold.underline('Your answers')}\n${lines.length ? lines.join('\n') : '  (none yet)'}\n`);
    const unknown = hooks.dontKnow();
    if (unknown.length) io.out(`${s.c.bold('You answered "I don\'t know" to')}\n${unknown.map((q) => `  ${safeInline(q.text)}`).join('\n')}\n`);
    const gone = hooks.notHappened();
    if (gone.length) io.out(`${s.c.bold('You said these did not happen')}\n${gone.map((q) => `  ${safeInline(q.text)}`).join('\n')}\n`);
    const next = await askChoice(
      'Is this right?',
      [
        { value: 'done', label: 'Yes: save the case and show my assessment' },
        { value: 'change', label: 'Change an answer' },
      ],
      s.ctx,
    );
    if (next === 'done') return;
    const choices = entries.map((e) => ({
      value: e.question.path,
      label: `${e.question.text.replace(/ \(.*\)$/, '')}  (${safeInline(e.shown.split('\n')[0]!)})`,
    }));
    const unknownChoices = unknown.map((q) => ({ value: q.path, label: `${q.text.replace(/ \(.*\)$/, '')}  (I don't know)` }));
    const goneChoices = gone.map((q) => ({ value: q.path, label: `${q.text.replace(/ \(.*\)$/, '')}  (did not happen)` }));
    const path = await askChoice(
      'Which answer do you want to change?',
      [...choices, ...unknownChoices, ...goneChoices, { value: '', label: 'Go back' }],
      s.ctx,
    );
    const entry = entries.find((e) => e.question.path === path) ?? [...unknown, ...gone].filter((q) => q.path === path).map((question) => ({ question }))[0];
    if (!entry) continue;
    if (gone.includes(entry.question as Question)) hooks.reopen(entry.question.path);
    s.skipped.add(entry.question.path);
    io.out(s.c.dim(wrapHint(entry.question.hint)) + '\n');
    await hooks.change(entry.question);
    await hooks.askRest();
  }
}

/** Where answers are saved while the interview runs: --out (asking before replacing a file), the resumed file, or a new partial file. */
export async function chooseSavePath(s: SessionState): Promise<{ path: string; partial: boolean }> {
  const { out, resume, force } = s.o;
  if (out) {
    if (out === resume || force || !pathExists(out)) return { path: out, partial: false };
    return { path: await confirmOrRename(s, out), partial: false };
  }
  if (resume) return { path: resume, partial: PARTIAL.test(resume) };
  return { path: freeName('dispute-case.partial.yaml'), partial: true };
}

/** The file the finished case goes to: the save path, or for a partial file a name the buyer confirms. */
export async function chooseFinalPath(s: SessionState): Promise<string> {
  if (!s.partial) return s.savePath!;
  const suggested = freeName(s.savePath!.replace(PARTIAL, '$1'), (p) => p !== s.savePath && pathExists(p));
  const name = await askText('Save your case as', suggested, checkName, s.ctx);
  if (name === s.savePath || s.o.force || !pathExists(name)) return name;
  return confirmOrRename(s, name);
}

async function confirmOrRename(s: SessionState, path: string): Promise<string> {
  let candidate = path;
  for (;;) {
    if (!isDirectory(candidate) && (await askConfirm(`${safeInline(candidate)} already exists. Replace it?`, false, s.ctx))) return candidate;
    candidate = await askText('Save to which file instead?', freeName(candidate), checkName, s.ctx);
    if (!pathExists(candidate)) return candidate;
  }
}

function checkName(name: string): true | string {
  const t = name.trim();
  if (!t) return 'Please type a file name, e.g. dispute-case.yaml.';
  if (!/\.ya?ml$/.test(t)) return 'Please end the file name with .yaml, e.g. dispute-case.yaml.';
  if (isDirectory(t)) return `${t} is a folder; please type a file name.`;
  if (!isRegularOrAbsent(t)) return `${safeInline(t)} is not a regular file; please type another name.`;
  if (isReadOnly(t)) return `${safeInline(t)} is read-only; please type another name.`;
  return true;
}
