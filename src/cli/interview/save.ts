// Saving the interview's answers: after every answer, at the end, and when stopped. A save never overwrites what
// someone else wrote to the file since this interview read it (a second interview on the same --out, an editor):
// the answers go to a free name beside it instead, and the buyer is told. A save that fails, even inside the
// Ctrl-C or SIGTERM handler, says what could not be saved and where the answers are, and prints them.
import { caseText } from '../../interview/case-document.js';
import { safeInline } from '../../source/safe-text.js';
import { currentText, freeName, writeFileAtomic } from './files.js';
import type { SessionState } from './session.js';

/** Write the answers so far to the save path, once there is something to save. Throws when the file cannot be written. */
export function save(s: SessionState): void {
  if (!s.savePath || !s.touched) return;
  const text = caseText(s.o.doc);
  if (s.seen !== undefined && currentText(s.savePath) !== s.seen) divert(s);
  writeFileAtomic(s.savePath, text);
  s.seen = text;
  s.saved = true;
}

/** Remember what the save path holds now, so that a later save notices another writer. */
export function noteSeen(s: SessionState, text?: string | null): void {
  if (s.savePath) s.seen = text !== undefined ? text : currentText(s.savePath);
}

/** The file changed since this interview read or wrote it: keep it, and save to a free name beside it instead. */
function divert(s: SessionState): void {
  const from = s.savePath!;
  s.savePath = freeName(from);
  s.seen = null;
  s.saved = false;
  s.o.io.err(
    `\n${safeInline(from)} was changed by another program (another interview?) since this interview read it; it is left as it is, and your answers are now saved in ${safeInline(s.savePath)} instead.\n`,
  );
}

/** Save on the way out (Ctrl-C, SIGTERM, a closed prompt); the message to print, whether the save worked or not. */
export function saveOnStop(s: SessionState): string {
  try {
    save(s);
  } catch (e) {
    return `\nStopped.${unsavedMessage(s, e)}`;
  }
  return stoppedMessage(s);
}

/** What could not be saved, why, where the earlier answers are, and all the answers, to copy into a file. */
export function unsavedMessage(s: SessionState, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why =
    err?.name === 'ReadOnlyError' ? 'the file is read-only' : `${err?.code ? `${err.code}: ` : ''}${(err?.message ?? String(e)).replace(/^[A-Z]+: /, '')}`;
  const where = s.savePath ? safeInline(s.savePath) : 'the case file';
  const earlier = s.saved ? `Your answers before the latest one are in ${where}.\n` : '';
  return ` Could not save your answers in ${where} (${safeInline(why)}).\n${earlier}All your answers so far are below; copy them into a .yaml file to keep them, then continue with: npx dispute-assess interview --resume <that file>\n\n${caseText(s.o.doc)}\n`;
}

function stoppedMessage(s: SessionState): string {
  if (s.savePath && s.touched)
    return `\nStopped. Your answers so far are saved in ${safeInline(s.savePath)}.\nTo continue later: npx dispute-assess interview --resume ${safeInline(s.savePath)}\n`;
  if (s.o.resume) return `\nStopped; nothing was changed. To continue later: npx dispute-assess interview --resume ${safeInline(s.o.resume)}\n`;
  return '\nStopped before any answer was given; nothing was saved.\n';
}
