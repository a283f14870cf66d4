/**
 * What validate and grade ask before running an exercise: can the server in
 * use run it, and on which server? The answer comes from
 * ../course/requirement-fit.ts; this is where the server's facts are read,
 * once per server, and where an exercise that needs a server the tutor owns
 * is sent to the private one beside a --url server.
 */
import type { Redis } from 'ioredis';
import { hasNeeds, requiredCommands, serverFit, serverNeeds, type ServerFacts } from '../course/requirement-fit.js';
import type { Course, LoadedExercise, LoadedModule } from '../course/schema.js';
import { readServerFacts } from '../redis/server-identity.js';
import type { RedisTarget } from '../redis/target.js';
import { tlsLabOf } from '../redis/tls-lab.js';
import type { Supervisor } from './supervisor.js';

/** Who owns the server, as far as requirements go: the tutor, or someone else with or without an owned server beside it. */
export type Ownership = Pick<RedisTarget, 'owned' | 'ownedBeside'>;

/** The facts requirements are judged by: the product, whether the tutor owns it (or can start one beside), and the commands the course asks about. */
export async function readCourseServerFacts(checker: Redis, course: Course, target: Ownership): Promise<ServerFacts> {
  return withOwnership(await readServerFacts(checker, { owned: target.owned, commands: requiredCommands(course) }), target);
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
export async function skipReasonOn(checker: Redis, target: Ownership, module: LoadedModule, exercise: LoadedExercise): Promise<string | undefined> {
  const needs = serverNeeds(module, exercise);
  if (!hasNeeds(needs)) return undefined;
  const server = await readServerFacts(checker, { owned: target.owned, commands: needs.commands }).catch(() => undefined);
  return server === undefined ? undefined : skipReason(module, exercise, withOwnership(server, target));
}

/**
 * The supervisor an exercise runs on: the one given, or for an exercise that
 * needs a server the tutor owns while this one is not (--url), the one on the
 * private server beside it, started on first use. When none can be started
 * the given one is returned, and skipReason() says why it is skipped.
 */
export async function supervisorFor(supervisor: Supervisor, module: LoadedModule, exercise: LoadedExercise): Promise<Supervisor> {
  if (supervisor.target.owned || !needsOwnedServer(module, exercise)) return supervisor;
  return (await supervisor.owned()) ?? supervisor;
}

function withOwnership(facts: ServerFacts, target: Ownership): ServerFacts {
  // Only a server the tutor owns opens a TLS lab (a private one, from a binary built with TLS); a --url server's TLS exercises go beside it.
  const lab = tlsLabOf(target);
  const withTls = target.owned ? { ...facts, tls: lab !== undefined && lab.unsupportedReason === undefined } : facts;
  return target.owned || target.ownedBeside === undefined ? withTls : { ...withTls, ownedBeside: target.ownedBeside.available };
}

export interface ExerciseServer {
  supervisor: Supervisor;
  server: ServerFacts;
}

/**
 * supervisorFor() together with the facts of the server it picked, read once
 * per server: validate judges an exercise sent beside by the server it runs on.
 */
export function exerciseServers(main: Supervisor, course: Course, mainFacts: ServerFacts): (module: LoadedModule, exercise: LoadedExercise) => Promise<ExerciseServer> {
  const facts = new Map<Supervisor, Promise<ServerFacts>>([[main, Promise.resolve(mainFacts)]]);
  return async (module, exercise) => {
    const supervisor = await supervisorFor(main, module, exercise);
    let server = facts.get(supervisor);
    if (server === undefined) {
      server = readCourseServerFacts(supervisor.engine.checker, course, supervisor.target);
      facts.set(supervisor, server);
    }
    return { supervisor, server: await server };
  };
}
