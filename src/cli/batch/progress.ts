// A progress bar on stderr for long batches, drawn only on a terminal and never more than ten times a second.
import type { Io } from '../io/streams.js';
import { safeInline } from '../../source/safe-text.js';

export interface Progress {
  /** Whether a bar may be drawn at all (stderr is a terminal and the batch is long). */
  active: boolean;
  /** One more case is done. */
  tick(file: string): void;
  /** Take the bar off the screen (before writing a report to the same terminal, and at the end). */
  clear(): void;
}

/** Batches shorter than this never show a bar; nor does any batch in its first moments. */
export const PROGRESS_MIN_CASES = 20;
const FIRST_DRAW_MS = 300;
const REDRAW_MS = 100;
const WIDTH = 80;

/** A progress bar when stderr is a terminal and the batch is long, else one that does nothing. */
export function progressBar(io: Io, total: number, now: () => number = Date.now): Progress {
  // The batch's length first: asking whether stderr is a terminal loads node:tty (and net, streams), ~2 ms.
  if (total < PROGRESS_MIN_CASES || !io.errIsTTY) return { active: false, tick: () => {}, clear: () => {} };
  const start = now();
  let done = 0;
  let drawnAt = 0;
  let shown = false;
  return {
    active: true,
    tick(file) {
      done++;
      const t = now();
      if (t - start < FIRST_DRAW_MS || t - drawnAt < REDRAW_MS) return;
      drawnAt = t;
      shown = true;
      io.err(`\r\x1b[K${progressLine(done, total, file)}`);
    },
    clear() {
      if (shown) io.err('\r\x1b[K');
      shown = false;
    },
  };
}

/** "[#####.....]  50%  5000/10000  cases/x.yaml", at most 80 columns. */
export function progressLine(done: number, total: number, name: string): string {
  const file = safeInline(name);
  const slots = 20;
  const filled = Math.min(slots, Math.floor((done / total) * slots));
  const head = `[${'#'.repeat(filled)}${'.'.repeat(slots - filled)}] ${String(Math.floor((done / total) * 100)).padStart(3)}%  ${done}/${total}  `;
  const room = WIDTH - 1 - head.length;
  return head + (file.length > room ? `…${file.slice(file.length - room + 1)}` : file);
}
