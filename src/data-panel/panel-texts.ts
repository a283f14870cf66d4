import { russianPlural } from '../course/localize.js';
import type { Language } from '../course/schema.js';

/**
 * The words the data panel draws around the data, in both course languages.
 * Key names, values and Redis type names (string, list, …) are the data and
 * are not translated.
 */
export interface PanelTexts {
  noSuchKey: string;
  empty: string;
  bytes(count: number): string;
  moreItems(count: number): string;
  moreMembers(count: number): string;
  moreFields(count: number): string;
  moreOlderEntries(count: number): string;
  ttlExpired: string;
  /** A remaining TTL: `TTL 12s`, `TTL 1m05s`, `TTL 2h03m`. */
  ttl(hours: number, minutes: number, seconds: number): string;
}

const EN: PanelTexts = {
  noSuchKey: '(no such key)',
  empty: '(empty)',
  bytes: (count) => `${count} bytes`,
  moreItems: (count) => `… ${count} more items`,
  moreMembers: (count) => `… ${count} more members`,
  moreFields: (count) => `… ${count} more fields`,
  moreOlderEntries: (count) => `… ${count} more older entries`,
  ttlExpired: 'TTL expired',
  ttl: (hours, minutes, seconds) => duration(hours, minutes, seconds, { h: 'h', m: 'm', s: 's' }),
};

const RU: PanelTexts = {
  noSuchKey: '(нет такого ключа)',
  empty: '(пусто)',
  bytes: (count) => `${count} ${russianPlural(count, 'байт', 'байта', 'байт')}`,
  moreItems: (count) => `… ещё ${count} ${russianPlural(count, 'элемент', 'элемента', 'элементов')}`,
  moreMembers: (count) => `… ещё ${count} ${russianPlural(count, 'элемент', 'элемента', 'элементов')}`,
  moreFields: (count) => `… ещё ${count} ${russianPlural(count, 'поле', 'поля', 'полей')}`,
  moreOlderEntries: (count) => `… ещё ${count} ${russianPlural(count, 'более ранняя запись', 'более ранние записи', 'более ранних записей')}`,
  ttlExpired: 'TTL истёк',
  ttl: (hours, minutes, seconds) => duration(hours, minutes, seconds, { h: 'ч', m: 'м', s: 'с' }),
};

export function panelTexts(language: Language): PanelTexts {
  return language === 'ru' ? RU : EN;
}

/** `TTL 12s`, `TTL 1m05s`, `TTL 2h03m`: the two largest units, the smaller one padded. */
function duration(hours: number, minutes: number, seconds: number, unit: { h: string; m: string; s: string }): string {
  if (hours > 0) return `TTL ${hours}${unit.h}${String(minutes).padStart(2, '0')}${unit.m}`;
  if (minutes > 0) return `TTL ${minutes}${unit.m}${String(seconds).padStart(2, '0')}${unit.s}`;
  return `TTL ${seconds}${unit.s}`;
}
