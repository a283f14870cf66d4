/** A module file (module.yaml), the module the loader hands out, and the course of modules. */
import type { z } from 'zod';
import { closedMap } from './closed-map.js';
import type { LoadedExercise } from './exercise.js';
import { FormatVersionSchema, IdSchema } from './file-fields.js';
import { RequirementSchema } from './requirement.js';
import type { Locate } from './source-location.js';
import { TextSchema, type Language } from './texts.js';

export const ModuleFileSchema = closedMap('module field', {
  formatVersion: FormatVersionSchema,
  id: IdSchema,
  title: TextSchema.describe('The module title.'),
  summary: TextSchema.describe('One or two sentences on what the module covers.'),
  requires: RequirementSchema.optional(),
}).describe('A redis-tutor module (module.yaml).');

export type ModuleFile = z.infer<typeof ModuleFileSchema>;

/** A module as the loader hands it out: the fields as written, and where it is and what it holds. */
export interface LoadedModule extends Pick<ModuleFile, 'id' | 'title' | 'summary' | 'requires'> {
  /** The NN of the folder name. */
  number: number;
  /** Absolute path of the module folder. */
  dir: string;
  /** Absolute path of module.yaml. */
  file: string;
  exercises: LoadedExercise[];
  locate: Locate;
}

export interface Course {
  /** Absolute path of the course folder. */
  dir: string;
  /** The languages its texts are written in (course.yaml; default en and ru). */
  languages: readonly Language[];
  /** Ordered by their NN- prefixes. */
  modules: LoadedModule[];
}
