import type { ShowProgram } from '../course/show-model.js';
import { programLanguages, type LoadedExercise, type ProgramLanguage } from '../course/schema.js';
import { chooseLanguage } from './program-language.js';
import { ensureWorkspaceFile, existingWorkspaceFiles, workspaceDir } from './workspace.js';

/**
 * For `show` of a program exercise: the learner's workspace file (made from
 * the starter when it is first shown, as the TUI makes it when the exercise
 * is first opened; never written again) and the commands that run it.
 * undefined for an exercise typed at the prompt.
 */
export async function showProgram(
  exercise: LoadedExercise,
  options: { language?: ProgramLanguage; workspace?: string; withSolution?: boolean; env: NodeJS.ProcessEnv; cwd: string },
): Promise<ShowProgram | undefined> {
  const offered = programLanguages(exercise.program);
  if (offered.length === 0) return undefined;
  const dir = workspaceDir(options.workspace, options.env, options.cwd);
  const existing = await existingWorkspaceFiles(dir, exercise, offered);
  const language = chooseLanguage({ exerciseId: exercise.id, requested: options.language, offered, existing });
  const made = await ensureWorkspaceFile(dir, exercise, language);
  // Without --in, `run` takes the file changed last, else the first language: name the language when that could be another.
  const ambiguous = language !== offered[0] || existing.some((file) => file.language !== language);
  return {
    language,
    file: made.path,
    created: made.created,
    run: `redis-tutor run ${exercise.id}${ambiguous ? ` --in ${language}` : ''}`,
    otherLanguages: offered.filter((other) => other !== language).map((other) => ({ language: other, run: `redis-tutor run ${exercise.id} --in ${other}` })),
    ...(options.withSolution === true ? { solutions: solutionFiles(exercise, offered) } : {}),
  };
}

function solutionFiles(exercise: LoadedExercise, languages: readonly ProgramLanguage[]): Array<{ language: ProgramLanguage; file: string }> {
  return languages.flatMap((language) => {
    const file = exercise.program?.[language]?.solutionPath;
    return file !== undefined ? [{ language, file }] : [];
  });
}
