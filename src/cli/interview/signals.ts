// Signals during the interview: Ctrl-C between questions, SIGTERM, and a terminal that went away.
import { closeSync } from 'node:fs';

/**
 * Ctrl-C between questions or SIGTERM: stop(false). A closed terminal (SIGHUP, end of input, unreadable input):
 * stop(true). Prompts see Ctrl-C themselves (raw mode) and reject, which runInterview handles.
 */
export function onSignals(stop: (hungUp: boolean) => void): () => void {
  const hangup = () => stop(true);
  const interrupt = () => stop(false);
  const quiet = () => {};
  process.on('SIGHUP', hangup);
  process.on('SIGTERM', interrupt);
  process.on('SIGINT', interrupt);
  process.stdin.on('end', hangup);
  process.stdin.on('error', hangup);
  process.stderr.on('error', quiet);
  return () => {
    process.off('SIGHUP', hangup);
    process.off('SIGTERM', interrupt);
    process.off('SIGINT', interrupt);
    process.stdin.off('end', hangup);
    process.stdin.off('error', hangup);
    process.stderr.off('error', quiet);
  };
}

/**
 * The terminal is gone: close standard input, output and error before exiting, because Node 20 aborts
 * (SIGABRT, not our exit code) when it cannot restore the settings of a terminal that no longer exists.
 */
export function closeStdio(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}
