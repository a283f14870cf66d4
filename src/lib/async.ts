/**
 * The small promise helpers every layer uses, in one place: a bounded wait
 * that reports what happened, one that rejects, and a plain delay.
 */

/** What a bounded wait gives: the value, the error, or nothing in time. */
export type Bounded<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'timeout' };

/**
 * Waits for a promise at most `ms`. Used around every call to a server an
 * answer may have hung (CLIENT PAUSE, an endless script): a promise left
 * behind is not awaited, and its late rejection is swallowed. The timer keeps
 * the event loop alive meanwhile, so waiting on an unref'd child still works.
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

/** The promise's value, or a rejection with `makeError()` once `ms` have passed first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, makeError: () => Error = () => new Error(`timed out after ${ms} ms`)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(makeError()), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A pause of `ms`: only for pacing a poll (see pollUntil), never to wait for an event that can be awaited. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
