import type { Language, Text } from './schema.js';

/** The text in `language`; English when that translation is missing or blank. */
export function localize(text: Text, language: Language): string {
  const translated = language === 'ru' ? text.ru : text.en;
  return translated !== undefined && translated.trim() !== '' ? translated : text.en;
}
