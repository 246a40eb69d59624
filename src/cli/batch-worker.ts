// Long batches run in a worker thread with a small, bounded heap. Over thousands of cases V8 would otherwise grow
// the young generation to its maximum and let promoted garbage pile up in the old one (nothing leaks, but peak
// memory climbs with the batch); in a worker the limits are ours to set, and memory stays flat. The worker writes
// to the same stdout and stderr (file descriptors 1 and 2, synchronously) and ends with the batch's exit code.
// Only the built CLI has the bundles a worker loads; run from source, every batch stays in the main thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import type { FoundCases } from './batch-files.js';
import type { AssessFlags } from './assess-command.js';
import { EXIT } from './exit-code.js';
import type { Io } from './streams.js';

/** Batches of at least this many cases run in a worker (its start, ~30 ms, is lost in a batch this long).
 * DISPUTE_ASSESS_BATCH_WORKER_MIN changes it (the tests use it to run small batches in a worker). */
export const BATCH_WORKER_MIN = 1000;

/** The worker's heap limits: a young generation of 3 MB (semi-spaces of 1 MB: more frequent, cheaper
 * scavenges) and an old generation far above what one case can need (files are at most 1 MB). */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 3, maxOldGenerationSizeMb: 512 } as const;

/** What the worker is given: the cases found and the command's flags. */
export interface WorkerInput { found: FoundCases; flags: AssessFlags }

/** Whether this batch should run in a worker, and the worker's script if so (dist/cjs/batch-worker.cjs, written
 * by the build: it loads cli.cjs with its code cache and calls runWorker). */
export function workerScript(cases: number, env: NodeJS.ProcessEnv): string | undefined {
  const min = Number(env.DISPUTE_ASSESS_BATCH_WORKER_MIN ?? BATCH_WORKER_MIN);
  if (!(cases >= min)) return undefined;
  const script = fileURLToPath(new URL('./batch-worker.cjs', import.meta.url));
  return existsSync(script) ? script : undefined;
}

/** Run the batch in a worker; resolves to its exit code. */
export function runInWorker(script: string, input: WorkerInput, io: Io): Promise<number> {
  // Loaded here, not at the top: most runs never start a worker.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const worker = new Worker(script, { workerData: input, resourceLimits: WORKER_LIMITS });
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
