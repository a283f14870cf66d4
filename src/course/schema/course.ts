/** The course file (course.yaml, optional, at the top of a course folder): what holds for every module. */
import { z } from 'zod';
import { closedMap } from './closed-map.js';
import { FormatVersionSchema } from './file-fields.js';
import { LANGUAGES } from './texts.js';

export const CourseFileSchema = closedMap('course field', {
  formatVersion: FormatVersionSchema,
  languages: z
    .array(z.enum(LANGUAGES, { error: `expected a language: ${LANGUAGES.join(' or ')}` }))
    .min(1, { error: 'expected at least one language, e.g. [en]' })
    .refine((languages) => languages.includes('en'), { error: 'must include en: every text is written in English first (ru is added to it)' })
    .refine((languages) => new Set(languages).size === languages.length, { error: 'names a language twice' })
    .describe(
      'The languages the course is written in: [en] for an English-only course (validate then does not ask for Russian texts), [en, ru] for both. Without course.yaml: [en, ru].',
    ),
}).describe('A redis-tutor course (course.yaml beside the NN-<module> folders).');

export type CourseFile = z.infer<typeof CourseFileSchema>;
