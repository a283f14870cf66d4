/** Texts in the learner's languages, and the languages themselves. */
import { z } from 'zod';
import { closedMap } from './closed-map.js';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TextSchema = closedMap(
  'language',
  {
    en: z.string().describe('English text'),
    ru: z.string().optional().describe('Russian text. When missing, English is shown and `validate` warns.'),
  },
  'expected a text: a map with en and ru, e.g. { en: Hello, ru: Привет }',
).describe('A text in English and Russian.');

export type Text = z.infer<typeof TextSchema>;
