/**
 * Synchronous last-moment cleanup for what the tutor started, run on every
 * exit path Node still controls: process.exit(), the event loop running dry,
 * and (when asked) SIGINT/SIGTERM. SIGKILL and crashes of Node itself are the
 * exit guard's job (./exit-guard.ts) and, for what lives on a server the
 * tutor does not run (its ACL user on a --url server), the next start's.
 */
export interface ExitCleanup {
  /** Must be synchronous and must not throw: it runs inside 'exit' and signal handlers. */
  cleanUpNow(): void;
  /**
   * What only a round trip can undo (a command to a --url server): run when a
   * signal ends the tutor, before every cleanUpNow, for SIGNAL_GRACE_MS at most.
   */
  cleanUpOnSignal?(): Promise<void>;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;
/** A server that does not answer (an answer paused it) must not keep a signalled tutor alive. */
const SIGNAL_GRACE_MS = 1_500;

const pending = new Set<ExitCleanup>();
const wantingSignals = new Set<ExitCleanup>();
let exitHookInstalled = false;
let signalHandlersInstalled = false;

function runAll(): void {
  for (const cleanup of [...pending]) {
    pending.delete(cleanup);
    wantingSignals.delete(cleanup);
    try {
      cleanup.cleanUpNow();
    } catch {
      // best effort: the exit guard is still behind us
    }
  }
}

let signalled = false;

const onSignal = (signal: HandledSignal) => () => {
  const exit = () => {
    runAll();
    process.exit(SIGNAL_EXIT_CODES[signal]);
  };
  // A second signal while the first one's round trips run: no more waiting.
  if (signalled) return exit();
  signalled = true;
  const slow = [...pending].flatMap((cleanup) => (cleanup.cleanUpOnSignal ? [cleanup] : []));
  if (slow.length === 0) return exit();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise((resolve) => {
    timer = setTimeout(resolve, SIGNAL_GRACE_MS);
  });
  const done = Promise.allSettled(slow.map((cleanup) => Promise.resolve().then(() => cleanup.cleanUpOnSignal?.())));
  void Promise.race([done, grace]).then(() => {
    clearTimeout(timer);
    exit();
  });
};
const signalListeners = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };

function updateSignalHandlers(): void {
  const wanted = wantingSignals.size > 0;
  if (wanted === signalHandlersInstalled) return;
  signalHandlersInstalled = wanted;
  for (const signal of Object.keys(signalListeners) as HandledSignal[]) {
    if (wanted) process.on(signal, signalListeners[signal]);
    else process.off(signal, signalListeners[signal]);
  }
}

/**
 * @param handleSignals install SIGINT/SIGTERM handlers that clean up and exit
 *   with 130/143 while this cleanup is registered. An interactive prompt that
 *   owns Ctrl-C passes false; its resources are still covered by the 'exit'
 *   hook and the exit guard.
 * @returns unregister: call it once the resource was cleaned up normally.
 */
export function registerExitCleanup(cleanup: ExitCleanup, options: { handleSignals: boolean }): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', runAll);
  }
  pending.add(cleanup);
  if (options.handleSignals) wantingSignals.add(cleanup);
  updateSignalHandlers();
  return () => {
    pending.delete(cleanup);
    wantingSignals.delete(cleanup);
    updateSignalHandlers();
  };
}
