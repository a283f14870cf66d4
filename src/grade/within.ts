/** What a bounded wait gives: the value, the error, or nothing in time. */
export type Bounded<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/**
 * Waits for a promise at most `ms`. The grader bounds every call that talks
 * to a server an answer may have hung (CLIENT PAUSE, an endless script): a
 * promise left behind is not awaited, and its late rejection is swallowed.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<Bounded<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Bounded<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, ms));
  });
  const outcome = promise.then(
    (value): Bounded<T> => ({ kind: 'done', value }),
    (error: unknown): Bounded<T> => ({ kind: 'failed', error }),
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
