import type { Problem } from './report-model.js';

/**
 * The problems an answer can have besides failing checks, each with its
 * English message (reporters translate from the code and fields; see
 * ./grade-texts.ts). One constructor per code keeps the fields consistent.
 */
export const problems = {
  timeout(seconds: number, line?: { line: number; command: string }): Problem {
    const where = line ? ` (line ${line.line}: ${line.command})` : '';
    return { code: 'timeout', message: `the answer did not finish within ${seconds} s${where}`, seconds, ...(line ?? {}) };
  },
  checksTimeout(seconds: number): Problem {
    return { code: 'checks-timeout', message: `the checks could not finish within ${seconds} s: the server stopped answering`, seconds };
  },
  serverStopped(): Problem {
    return { code: 'server-stopped', message: 'the Redis server stopped during the answer (SHUTDOWN or a crash); it was restarted' };
  },
  serverHung(): Problem {
    return { code: 'server-hung', message: 'the Redis server stopped answering after the answer (CLIENT PAUSE, a script that cannot be killed); it was restarted' };
  },
  memoryLimit(bytes: number): Problem {
    return { code: 'memory-limit', message: `the Redis server used more than ${megabytes(bytes)} of memory; it was stopped and restarted`, bytes };
  },
  outputLimit(bytes: number): Problem {
    return { code: 'output-limit', message: `the program printed more than ${megabytes(bytes)} and was stopped`, bytes };
  },
  exitCode(exitCode: number | null, signal: string | null): Problem {
    if (signal !== null) return { code: 'exit-code', message: `the program was ended by ${signal}`, signal };
    return { code: 'exit-code', message: `the program exited with code ${exitCode}`, ...(exitCode !== null ? { exitCode } : {}) };
  },
  couldNotRun(why: string): Problem {
    return { code: 'could-not-run', message: `the answer could not be run: ${why}` };
  },
  severalAnswers(files: string[]): Problem {
    return { code: 'several-answers', message: `more than one file answers this exercise (${files.join(', ')}); keep one`, files };
  },
  graderError(why: string): Problem {
    return { code: 'grader-error', message: `the grader could not prepare this exercise: ${why}` };
  },
};

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
