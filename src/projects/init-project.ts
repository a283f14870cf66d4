import { copyFile, constants, mkdir, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PROGRAM_LANGUAGES, type ProgramLanguage } from '../course/schema.js';
import { UserError } from '../errors.js';
import type { LoadedProject } from './load-project.js';

/** What `project init` wrote. */
export interface InitializedProject {
  dir: string;
  language: ProgramLanguage;
  /** Relative to dir. */
  files: string[];
}

/**
 * `project init N DIR`: the project's starter for one language, copied into
 * DIR. It never overwrites: a file that is already there stops it before
 * anything is written, and each copy refuses to replace a file that
 * appeared meanwhile (COPYFILE_EXCL).
 */
export async function initProject(project: LoadedProject, language: ProgramLanguage, dir: string): Promise<InitializedProject> {
  const starter = join(project.dir, 'starter', language);
  const offered = await startersOf(project);
  if (!offered.includes(language)) {
    throw new UserError(`project ${project.variant} (${project.id}) has no ${language} starter; it comes in ${offered.join(' and ') || 'no language yet'}.`, `Use --lang ${offered[0] ?? 'python'}.`);
  }
  const files = await filesUnder(starter);
  const taken = [];
  for (const file of files) if (await exists(join(dir, file))) taken.push(file);
  if (taken.length > 0) {
    throw new UserError(
      `${join(dir, taken[0] ?? '')} already exists: project init never overwrites a file.`,
      `Pick a new folder, e.g. redis-tutor project init ${project.variant} ${project.id}-2`,
    );
  }
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await copyFile(join(starter, file), join(dir, file), constants.COPYFILE_EXCL);
  }
  return { dir, language, files };
}

/** The languages the project has a starter in, in the course's order. */
export async function startersOf(project: LoadedProject): Promise<ProgramLanguage[]> {
  const present = await readdir(join(project.dir, 'starter')).catch(() => [] as string[]);
  return PROGRAM_LANGUAGES.filter((language) => present.includes(language));
}

async function filesUnder(root: string, folder = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) files.push(relative(root, path));
  }
  return files.sort();
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
