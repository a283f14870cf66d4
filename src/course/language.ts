import { LANGUAGES, type Language } from './schema.js';

/**
 * The language texts are shown in: `--lang`, else the locale (`LC_ALL`, then
 * `LC_MESSAGES`, then `LANG`, the order POSIX gives them), else English.
 */
export function resolveLanguage(option: unknown, env: NodeJS.ProcessEnv): Language {
  if (isLanguage(option)) return option;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
