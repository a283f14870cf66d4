/**
 * What validate and grade ask before running an exercise: can the server in
 * use run it? The answer comes from ../course/requirement-fit.ts; this is
 * where the server's facts are read, once per server.
 */
import type { Redis } from 'ioredis';
import { hasNeeds, requiredCommands, serverFit, serverNeeds, type ServerFacts } from '../course/requirement-fit.js';
import type { Course, LoadedExercise, LoadedModule } from '../course/schema.js';
import { readServerFacts } from '../redis/server-identity.js';

/** The facts requirements are judged by: the product, whether the tutor owns it, and the commands the course asks about. */
export function readCourseServerFacts(checker: Redis, course: Course, owned: boolean): Promise<ServerFacts> {
  return readServerFacts(checker, { owned, commands: requiredCommands(course) });
}

/**
 * Why validate and grade skip the exercise on this server, in English (the
 * report's language for reasons) with the way to a server that can run it;
 * undefined when it runs here.
 */
export function skipReason(module: LoadedModule, exercise: LoadedExercise, server: ServerFacts): string | undefined {
  const fit = serverFit(serverNeeds(module, exercise), server);
  return fit.runs ? undefined : `${fit.reason.en}. ${fit.remedy.en}`;
}

/** The exercise (or its module) needs a server redis-tutor started itself. */
export function needsOwnedServer(module: LoadedModule, exercise: LoadedExercise): boolean {
  return serverNeeds(module, exercise).owned;
}

/**
 * skipReason() for one exercise, asking the server only when the exercise
 * requires something (most do not). A server that does not answer is not
 * ruled out here: the attempt that follows reports it properly.
 */
export async function skipReasonOn(checker: Redis, owned: boolean, module: LoadedModule, exercise: LoadedExercise): Promise<string | undefined> {
  const needs = serverNeeds(module, exercise);
  if (!hasNeeds(needs)) return undefined;
  const server = await readServerFacts(checker, { owned, commands: needs.commands }).catch(() => undefined);
  return server === undefined ? undefined : skipReason(module, exercise, server);
}
