/** The tutor's own words around `--cluster` (redis-cli's own lines stay English, byte for byte). */
import type { Language } from '../../course/schema.js';

export function unsupportedSubcommand(language: Language, name: string, available: readonly string[]): { message: string; nextStep: string } {
  return language === 'ru'
    ? {
        message: `redis-tutor cli не умеет --cluster ${name}; умеет: ${available.join(', ')}.`,
        nextStep: `Запустите настоящий redis-cli: redis-cli --cluster ${name} ...`,
      }
    : {
        message: `redis-tutor cli does not do --cluster ${name}; it does ${available.join(', ')}.`,
        nextStep: `Run the real redis-cli: redis-cli --cluster ${name} ...`,
      };
}
