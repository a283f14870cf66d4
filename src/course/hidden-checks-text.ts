import type { Language } from './schema.js';

/**
 * `2 hidden checks: 1 passes`; without results (`show`), `2 hidden checks`.
 * A teacher's hidden checks are shown to students only as this count.
 */
export function hiddenChecksText(total: number, passed: number | undefined, language: Language): string {
  if (language === 'ru') {
    const counted = `скрытых проверок: ${total}`;
    return passed === undefined ? counted : `${counted}, пройдено: ${passed}`;
  }
  const counted = `${total} hidden ${total === 1 ? 'check' : 'checks'}`;
  return passed === undefined ? counted : `${counted}: ${passed} ${passed === 1 ? 'passes' : 'pass'}`;
}
