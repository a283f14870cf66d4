import { splitArgs } from '../../../src/redis-cli/split-args.js';
import type { LoadedExercise } from '../../../src/course/schema.js';

/**
 * A program that does what an exercise's typed solution does, one command a
 * round trip through the client library's generic call (redis-py's
 * execute_command, ioredis's call), going on after an error as redis-cli
 * does; (P)SUBSCRIBE goes through the library's subscriber and the program
 * then listens, printing what arrives, until the grader stops it. What the
 * typed solution proves for typed lines this proves for programs: the
 * engine treats both alike.
 */
export function solutionCommands(exercise: LoadedExercise): string[][] {
  return exercise.solutionLines.flatMap((line) => {
    const text = line.text.trim();
    if (text === '' || text.startsWith('#')) return [];
    const args = splitArgs(text);
    return args && args.length > 0 ? [args.map((arg) => arg.toString('utf8'))] : [];
  });
}

export function pythonReplay(commands: readonly string[][]): string {
  return `# The typed solution, replayed with redis-py.
import os

import redis

r = redis.Redis.from_url(os.environ["REDIS_URL"])
COMMANDS = ${JSON.stringify(commands)}
SUBSCRIBING = {"SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE"}


def run(args):
    for attempt in range(3):
        try:
            return r.execute_command(*args)
        except redis.ConnectionError as error:
            # The server restarted under it (an actor's !restart): the next try connects again.
            if attempt == 2:
                return error
        except Exception as error:
            return error


pubsub = None
for args in COMMANDS:
    name = args[0].upper()
    if name in SUBSCRIBING:
        pubsub = pubsub or r.pubsub()
        getattr(pubsub, name.lower())(*args[1:])
        continue
    print(args[0], "->", run(args), flush=True)
if pubsub is not None:
    for message in pubsub.listen():
        data = message["data"]
        print(message["type"], data.decode("utf-8", "replace") if isinstance(data, bytes) else data, flush=True)
`;
}

export function javascriptReplay(commands: readonly string[][]): string {
  return `// The typed solution, replayed with ioredis.
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
const COMMANDS = ${JSON.stringify(commands)};
const SUBSCRIBING = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE']);

let listening = false;
redis.on('message', (channel, message) => console.log('message', channel, message));
redis.on('pmessage', (pattern, channel, message) => console.log('pmessage', channel, message));
for (const [name, ...args] of COMMANDS) {
  if (SUBSCRIBING.has(name.toUpperCase())) {
    listening = true;
    await redis[name.toLowerCase()](...args);
    continue;
  }
  try {
    console.log(name, '->', JSON.stringify(await redis.call(name, ...args)));
  } catch (error) {
    console.log(name, '->', error.message);
  }
}
if (!listening) redis.disconnect();
`;
}
