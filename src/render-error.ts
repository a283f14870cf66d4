import { BugError, EXIT, EnvironmentError, isTutorError, type TutorError } from './errors.js';

const REPORT_URL = 'https://github.com/redis-tutor/redis-tutor/issues';

/** Set to 1 to see where a bug happened (the stack); people never get one unasked. */
export const DEBUG_VARIABLE = 'REDIS_TUTOR_DEBUG';

/**
 * The single place that turns any thrown value into what the person reads
 * and an exit code. A bug's stack is shown only with REDIS_TUTOR_DEBUG=1.
 */
export function renderError(error: unknown, options: { debug?: boolean } = {}): { text: string; exitCode: number } {
  const debug = options.debug ?? process.env[DEBUG_VARIABLE] === '1';
  const tutorError: TutorError = isTutorError(error)
    ? error
    : (permissionRefusal(error) ?? new BugError(
        `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
        `This is a bug in redis-tutor. Please report it at ${REPORT_URL} with the command you ran.`,
        { cause: error },
      ));
  const lines = [`redis-tutor: ${tutorError.message}`];
  if (tutorError.nextStep) lines.push(tutorError.nextStep);
  if (tutorError.kind === 'bug') {
    const stack = tutorError.cause instanceof Error ? tutorError.cause.stack : undefined;
    if (debug && stack) lines.push('', stack);
    else if (!debug) lines.push(`(${DEBUG_VARIABLE}=1 shows where it happened; add that to the report.)`);
  }
  return { text: lines.join('\n') + '\n', exitCode: tutorError.kind === 'bug' ? EXIT.bug : EXIT.usage };
}

/**
 * A NOPERM reply that reached here uncaught: the server's ACL said no to a
 * command (a permission taken away mid-session, one the start-up check does
 * not ask for). That is how the server is set up, not a bug to report.
 */
function permissionRefusal(error: unknown): EnvironmentError | undefined {
  if (!(error instanceof Error) || error.name !== 'ReplyError' || !/^NOPERM\b/.test(error.message)) return undefined;
  return new EnvironmentError(
    `the Redis server refused a command redis-tutor sent (${error.message.split('\n')[0] ?? ''}).`,
    'Give the user in --url every permission (ACL SETUSER USER +@all ~* &*), or use the default user.',
    { cause: error },
  );
}
