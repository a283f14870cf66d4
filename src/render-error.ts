import { BugError, EXIT, isTutorError, type TutorError } from './errors.js';

const REPORT_URL = 'https://github.com/redis-tutor/redis-tutor/issues';

/** The single place that turns any thrown value into what the person reads and an exit code. */
export function renderError(error: unknown): { text: string; exitCode: number } {
  const tutorError: TutorError = isTutorError(error)
    ? error
    : new BugError(
        `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        `This is a bug in redis-tutor. Please report it at ${REPORT_URL} with the command you ran.`,
        { cause: error },
      );
  const lines = [`redis-tutor: ${tutorError.message}`];
  if (tutorError.nextStep) lines.push(tutorError.nextStep);
  if (tutorError.kind === 'bug' && tutorError.cause instanceof Error && tutorError.cause.stack) {
    lines.push('', tutorError.cause.stack);
  }
  return { text: lines.join('\n') + '\n', exitCode: tutorError.kind === 'bug' ? EXIT.bug : EXIT.usage };
}
