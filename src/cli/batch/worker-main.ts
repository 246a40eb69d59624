// The batch worker's entry (dist/batch-worker.js, see worker.ts): assess the cases it is given, writing to
// file descriptors 1 and 2 as the main thread would, and end with the batch's exit code.
import { workerData } from 'node:worker_threads';
import { assessFound } from '../commands/assess.js';
import { processIo, safeIo } from '../io/streams.js';
import type { WorkerInput } from './worker.js';

const { found, flags } = workerData as WorkerInput;
process.exitCode = await assessFound(found, flags, safeIo(processIo()), { inWorker: true });
