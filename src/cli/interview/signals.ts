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
  const subscriptions: [NodeJS.EventEmitter, string, () => void][] = [
    [process, 'SIGHUP', hangup],
    [process, 'SIGTERM', interrupt],
    [process, 'SIGINT', interrupt],
    [process.stdin, 'end', hangup],
    [process.stdin, 'error', hangup],
    [process.stderr, 'error', quiet],
  ];
  for (const [emitter, event, handler] of subscriptions) emitter.on(event, handler);
  return () => {
    for (const [emitter, event, handler] of subscriptions) emitter.off(event, handler);
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
