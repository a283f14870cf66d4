/**
 * Every failure the tutor reports falls into one of three kinds, and each kind
 * has one exit code. Errors carry the next step to take; they are rendered in
 * exactly one place (render-error.ts), never printed where they are thrown.
 */
export type ErrorKind = 'user' | 'environment' | 'bug';

export const EXIT = {
  ok: 0,
  /** grade: at least one graded exercise failed; validate: at least one exercise does not hold. */
  failed: 1,
  /** usage errors and environment errors (no Redis, unreadable folder, ...). */
  usage: 2,
  /** a defect in redis-tutor itself. */
  bug: 70,
} as const;

export abstract class TutorError extends Error {
  abstract readonly kind: ErrorKind;
  /** What the person should do next, in one or two sentences. */
  readonly nextStep: string | undefined;

  constructor(message: string, nextStep?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.nextStep = nextStep;
    this.name = new.target.name;
  }

  get exitCode(): number {
    return this.kind === 'bug' ? EXIT.bug : EXIT.usage;
  }
}

/** The person asked for something that cannot be done as asked (bad flag, unknown id, bad file). */
export class UserError extends TutorError {
  readonly kind = 'user' as const;
}

/** The machine is missing something (redis-server, a reachable Redis, a terminal). */
export class EnvironmentError extends TutorError {
  readonly kind = 'environment' as const;
}

/** Something redis-tutor should never do; the message asks for a report. */
export class BugError extends TutorError {
  readonly kind = 'bug' as const;
}

export function isTutorError(value: unknown): value is TutorError {
  return value instanceof TutorError;
}

/** The message of anything thrown: an Error's own, or the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
