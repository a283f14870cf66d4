import type { Language, Text } from './schema.js';

/** The text in `language`; English when that translation is missing or blank. */
export function localize(text: Text, language: Language): string {
  const translated = language === 'ru' ? text.ru : text.en;
  return translated !== undefined && translated.trim() !== '' ? translated : text.en;
}

/** The Russian noun form for a count: 1 сообщение, 2 сообщения, 5 сообщений, 11 сообщений, 21 сообщение. */
export function russianPlural(count: number, one: string, few: string, many: string): string {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n >= 11 && n <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}
