import type { Actor, ActorTrigger, Check, CommandPattern, LoadedExercise, ScriptLine } from '../../../src/course/schema.js';

const location = { file: '/virtual/exercise.yaml', line: 1, column: 1 };

export type CheckInput = Check extends infer C ? (C extends Check ? Omit<C, 'index' | 'location' | 'description'> & { description?: Check['description'] } : never) : never;

export interface ExerciseInput {
  id?: string;
  setup?: string[];
  solution?: string[];
  checks: CheckInput[];
  actors?: Array<{ when: ActorTrigger; run: string[]; say?: string; delayMs?: number }>;
}

function lines(texts: readonly string[] = []): ScriptLine[] {
  return texts.map((text) => ({ text, location }));
}

/** A LoadedExercise as the loader would hand it out, built in code so each test shows what it checks. */
export function buildTestExercise(input: ExerciseInput): LoadedExercise {
  const checks = input.checks.map((check, index) => ({ description: { en: `check ${index}`, ru: `проверка ${index}` }, ...check, index, location }));
  const actors: Actor[] = (input.actors ?? []).map((actor, index) => ({
    when: actor.when,
    run: lines(actor.run),
    say: { en: actor.say ?? `actor ${index}`, ru: actor.say ?? `актёр ${index}` },
    ...(actor.delayMs !== undefined ? { delayMs: actor.delayMs } : {}),
    index,
    location,
  }));
  const text = { en: 'text', ru: 'текст' };
  return {
    id: `test/${input.id ?? 'exercise'}`,
    localId: input.id ?? 'exercise',
    moduleId: 'test',
    number: 1,
    file: location.file,
    title: text,
    lesson: text,
    task: text,
    hints: [text],
    solution: (input.solution ?? []).join('\n'),
    solutionLines: lines(input.solution),
    setupLines: lines(input.setup),
    keys: [],
    docs: [],
    actors,
    checks,
    counterExamples: [],
    locate: () => location,
  };
}

/** A `used` / `notUsed` item as the loader builds it: `named('INCR')`, `named('SET', { with: ['NX'] })`. */
export function named(command: string, options: { with?: string[]; withMatching?: string[] } = {}): CommandPattern {
  return { command, with: options.with ?? [], withMatching: options.withMatching ?? [] };
}
