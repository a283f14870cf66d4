import type { PathSegment, Text } from './schema.js';

/** A text of a file and where it sits, for rules that apply to every text. */
export interface LocatedText {
  path: PathSegment[];
  text: Text;
}

export function moduleTexts(module: { title: Text; summary: Text }): LocatedText[] {
  return [
    { path: ['title'], text: module.title },
    { path: ['summary'], text: module.summary },
  ];
}

/** Works on the file as written and on a loaded exercise alike: the text fields are the same. */
export function exerciseTexts(exercise: {
  title: Text;
  lesson: Text;
  task: Text;
  hints: readonly Text[];
  checks: ReadonlyArray<{ description: Text }>;
  actors?: ReadonlyArray<{ say: Text }> | undefined;
}): LocatedText[] {
  return [
    { path: ['title'], text: exercise.title },
    { path: ['lesson'], text: exercise.lesson },
    { path: ['task'], text: exercise.task },
    ...exercise.hints.map((text, index) => ({ path: ['hints', index], text })),
    ...exercise.checks.map((check, index) => ({ path: ['checks', index, 'description'], text: check.description })),
    ...(exercise.actors ?? []).map((actor, index) => ({ path: ['actors', index, 'say'], text: actor.say })),
  ];
}
