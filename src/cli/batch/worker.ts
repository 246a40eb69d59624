// Long batches run in a worker thread with a small young generation. Over tens of thousands of cases V8 would
// otherwise grow the young generation to its maximum (2 x 16 MB) and let promoted garbage pile up in the old one:
// nothing leaks (the live heap stays flat), but peak memory climbs with the batch. Heap limits cannot be changed
// inside a running process, and an installed command cannot pass node flags; a worker's limits are ours to set.
// The worker writes to the same file descriptors 1 and 2, synchronously, and ends with the batch's exit code.
// Only the built CLI (dist/batch-worker.js, an entry of the same bundle) starts one: the source tree, the tests
// that call main() and any run whose output is not the process's own streams (-o) assess in the main thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import type { FoundCases } from './files.js';
import type { AssessFlags } from '../commands/assess.js';
import { EXIT } from '../../exit-code.js';
import type { Io } from '../io/streams.js';

/** Batches of at least this many cases run in a worker (its start, about as long as one run, is lost in a batch
 * this long). DISPUTE_ASSESS_BATCH_WORKER_MIN changes it (the tests use it to run small batches in a worker). */
export const BATCH_WORKER_MIN = 1000;

/** The worker's heap limits. A young generation of 16 MB (V8's default maximum is 48) costs no time measurably; one
 * of 3 MB kept memory flatter but cost a third more CPU (a scavenge in every case). An old generation of 128 MB:
 * V8 collects it well before it grows that far, and it leaves room for the largest case file (1 MB, 20,000
 * values; the worker's heap peaks near 40 MB with one). Measured: 10,000 cases 123-131 MB, 50,000 cases 173 MB
 * (with 256 MB) against 217 MB in the main thread. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 } as const;

/** What the worker is given: the paths and their count (it walks them again itself, so no list of cases is copied
 * to it) and the command's flags. */
export interface WorkerInput {
  found: FoundCases;
  flags: AssessFlags;
}

/** The worker's script when this batch should run in one, else undefined. */
export function workerScript(cases: number, io: Io): string | undefined {
  const min = Number(io.env.DISPUTE_ASSESS_BATCH_WORKER_MIN ?? BATCH_WORKER_MIN);
  if (!(cases >= min) || !io.processStreams) return undefined;
  // This module runs bundled as dist/chunks/*.js; the worker is dist/batch-worker.js beside them.
  if (!import.meta.url.includes('/dist/chunks/')) return undefined;
  const script = fileURLToPath(new URL('../batch-worker.js', import.meta.url));
  return existsSync(script) ? script : undefined;
}

/** Run the batch in a worker; resolves to its exit code. */
export function runInWorker(script: string, input: WorkerInput, io: Io): Promise<number> {
  // Loaded here, not at the top: most runs never start a worker.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const worker = new Worker(script, { workerData: input, resourceLimits: WORKER_LIMITS, env: io.env, stdout: false, stderr: false });
  return new Promise((resolve) => {
    let failed = false;
    worker.on('error', (e: Error & { code?: string }) => {
      failed = true;
      const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the batch ran out of memory' : e.message;
      io.err(`dispute-assess: internal error: ${why}\n(please report this)\n`);
    });
    worker.on('exit', (code) => resolve(failed ? Math.max(code, EXIT.input) : code));
  });
}
