import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCourseDir, loadCourse } from '../../../src/course/load.js';
import type { Course } from '../../../src/course/schema.js';
import { chooseInterpreters, probePython, REDIS_PY_INSTALL, type Interpreters } from '../../../src/programs/interpreters.js';

export const PROGRAM_ANSWERS_DIR = join(import.meta.dirname, '../../fixtures/program-answers');

let python: Promise<string> | undefined;

/**
 * A Python that has redis-py: the one the grader would pick (REDIS_TUTOR_PYTHON,
 * else python3 on PATH), else Debian's /usr/bin/python3 (python3-redis). None
 * is a failure that says how to get one, never a skip.
 */
export function pythonWithRedisPy(): Promise<string> {
  python ??= (async () => {
    const candidates = [...new Set([chooseInterpreters({}, process.env).python, '/usr/bin/python3'])];
    for (const candidate of candidates) {
      const facts = await probePython(candidate);
      if (facts.state === 'runs' && facts.redisPy !== undefined) return candidate;
    }
    throw new Error(`no Python with redis-py among ${candidates.join(', ')}: ${REDIS_PY_INSTALL}, or name one with REDIS_TUTOR_PYTHON`);
  })();
  return python;
}

export async function realInterpreters(): Promise<Interpreters> {
  return { python: await pythonWithRedisPy(), node: process.execPath };
}

let course: Promise<Course> | undefined;
export function bundledCourse(): Promise<Course> {
  course ??= loadCourse(bundledCourseDir()).then((loaded) => loaded.course);
  return course;
}

/**
 * A fixture as a submission file: `queues--brpop-wait.py` answers
 * queues/brpop-wait; `.esm.js` is an ES module, written as .mjs; the
 * `.fake` part is only a name for a second answer to the same exercise.
 */
export function fixtureAnswer(language: 'python' | 'javascript', name: string): { exerciseId: string; files: Record<string, string> } {
  const text = readFileSync(join(PROGRAM_ANSWERS_DIR, language, name), 'utf8');
  const match = /^([a-z0-9-]+)--([a-z0-9-]+)(?:\.fake)?(\.esm\.js|\.js|\.py)$/.exec(name);
  if (!match) throw new Error(`fixture ${name} is not named MODULE--EXERCISE.ext`);
  const [, module = '', exercise = '', extension = ''] = match;
  const written = extension === '.esm.js' ? '.mjs' : extension;
  return { exerciseId: `${module}/${exercise}`, files: { [`${module}/${exercise}${written}`]: text } };
}
