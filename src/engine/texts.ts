import { russianPlural } from '../course/localize.js';
import type { BilingualText } from '../results/check-result.js';

/**
 * Every phrase the engine writes into expected / found / error, English and
 * Russian side by side so a reviewer reads each pair at once. Values quoted
 * from Redis (`"hello"`, `["a", "b"]`, `3`), command lines, key types and
 * regular expressions go in as arguments and read the same in both
 * languages; only the words around them are translated.
 *
 * A `Piece` argument is either such a plain value or a phrase already in
 * both languages (a comparison inside "a number …"), so phrases nest.
 */
export type Piece = string | BilingualText;

function en(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.en;
}

function ru(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.ru;
}

/** Pieces joined by a separator that itself differs by language (`' and '` / `' и '`). */
export function joinPieces(pieces: readonly Piece[], separator: BilingualText): BilingualText {
  return { en: pieces.map(en).join(separator.en), ru: pieces.map(ru).join(separator.ru) };
}

const AND: BilingualText = { en: ' and ', ru: ' и ' };

/** Reply expectations (`expect:` of command checks, `message:` of published checks). */
export const EXPECT = {
  and: AND,
  atPath: (path: string, inner: Piece): BilingualText => ({ en: `at ${path}: ${en(inner)}`, ru: `в ${path}: ${ru(inner)}` }),
  aValue: { en: 'a value', ru: 'значение' },
  nothingAt: (path: string, value: string): BilingualText => ({ en: `nothing at ${path} in ${value}`, ru: `по пути ${path} в ${value} ничего нет` }),
  oneOf: (options: string): BilingualText => ({ en: `one of ${options}`, ru: `одно из: ${options}` }),
  anError: { en: 'an error', ru: 'ошибка' },
  errorMatching: (source: string): BilingualText => ({ en: `an error matching /${source}/`, ru: `ошибка, подходящая под /${source}/` }),
  notAnError: { en: 'not an error', ru: 'не ошибка' },
  notNil: { en: 'not nil', ru: 'не (nil)' },
  textMatching: (source: string): BilingualText => ({ en: `text matching /${source}/`, ru: `текст, подходящий под /${source}/` }),
  aNumber: (comparison: Piece): BilingualText => ({ en: `a number ${en(comparison)}`, ru: `число ${ru(comparison)}` }),
  notANumber: (value: string): BilingualText => ({ en: `${value} (not a number)`, ru: `${value} (не число)` }),
  length: (comparison: Piece): BilingualText => ({ en: `length ${en(comparison)}`, ru: `длина ${ru(comparison)}` }),
  hasNoLength: (value: string): BilingualText => ({ en: `${value} (has no length)`, ru: `${value} (длины нет)` }),
  lengthOf: (length: number, value: string): BilingualText => ({ en: `length ${length}: ${value}`, ru: `длина ${length}: ${value}` }),
  containing: (items: string): BilingualText => ({ en: `containing ${items}`, ru: `содержит ${items}` }),
  exactlyInAnyOrder: (items: string): BilingualText => ({ en: `exactly ${items} in any order`, ru: `ровно ${items} в любом порядке` }),
} as const;

/** Number comparisons (`gt`, `between`, …) as words; the operators themselves are the same in both languages. */
export const COMPARE = {
  and: AND,
  between: (low: string, high: string): BilingualText => ({ en: `between ${low} and ${high}`, ru: `от ${low} до ${high}` }),
} as const;

/** `key` checks. Key types (list, hash, …) are Redis words and stay as TYPE prints them. */
export const KEY = {
  missing: { en: 'the key does not exist', ru: 'ключ не существует' },
  isA: (type: string): BilingualText => ({ en: `the key is a ${type}`, ru: `ключ имеет тип ${type}` }),
  exists: { en: 'the key exists', ru: 'ключ существует' },
  noSuchKey: { en: 'no such key', ru: 'ключа нет' },
  existsAsA: (type: string): BilingualText => ({ en: `the key exists (a ${type})`, ru: `ключ существует (тип ${type})` }),
  type: (type: string): BilingualText => ({ en: `type ${type}`, ru: `тип ${type}` }),
  noExpiry: { en: 'no expiry', ru: 'без срока жизни' },
  ttl: (seconds: Piece): BilingualText => ({ en: `TTL ${en(seconds)} s`, ru: `TTL ${ru(seconds)} с` }),
  atLeastFields: (fields: string): BilingualText => ({ en: `at least the fields ${fields}`, ru: `как минимум поля ${fields}` }),
  entries: (count: Piece): BilingualText => ({ en: `${en(count)} entries`, ru: `записей: ${ru(count)}` }),
} as const;

/** `used` / `notUsed` checks and the labels of their command patterns (`SET … NX`). */
export const USED = {
  withMatching: (sources: readonly string[]): BilingualText => ({
    en: ` with ${sources.map((source) => `an argument matching ${source}`).join(' and ')}`,
    ru: ` с ${sources.map((source) => `аргументом, подходящим под ${source}`).join(' и ')}`,
  }),
  youUse: (labels: readonly Piece[]): BilingualText => ({ en: `you use ${labels.map(en).join(' or ')}`, ru: `команда ${labels.map(ru).join(' или ')}` }),
  noneOf: (labels: readonly Piece[]): BilingualText => ({ en: `no ${labels.map(en).join(', ')}`, ru: `без ${labels.map(ru).join(', ')}` }),
  noCommandsYet: { en: 'no commands yet', ru: 'команд пока не было' },
  notUsed: (names: readonly string[]): BilingualText => ({
    en: `${names.join(' or ')} not used`,
    ru: names.length === 1 ? `команда ${names[0] ?? ''} не использовалась` : `ни одна из команд ${names.join(', ')} не использовалась`,
  }),
  youRan: (command: string): BilingualText => ({ en: `you ran ${command}`, ru: `вы выполнили ${command}` }),
  youRanLacking: (command: string, lacking: readonly Piece[]): BilingualText => ({
    en: `you ran ${command} (${lacking.map(en).join(', ')})`,
    ru: `вы выполнили ${command} (${lacking.map(ru).join(', ')})`,
  }),
  lacksArgument: (argument: string): BilingualText => ({ en: `no ${argument}`, ru: `нет ${argument}` }),
  /** `before:` / `after:` of a used check, appended to what it expects: "you use GET before SET … shop:name". */
  beforeBound: (labels: readonly Piece[]): BilingualText => ({ en: ` before ${labels.map(en).join(' or ')}`, ru: ` до ${labels.map(ru).join(' или ')}` }),
  afterBound: (labels: readonly Piece[]): BilingualText => ({ en: ` after ${labels.map(en).join(' or ')}`, ru: ` после ${labels.map(ru).join(' или ')}` }),
  /** The command was run, only not in the window: "you ran GET shop:name only after SET shop:name "Redis Shop"". */
  ranOnlyAfter: (command: string, bound: string): BilingualText => ({ en: `you ran ${command} only after ${bound}`, ru: `вы выполнили ${command} только после ${bound}` }),
  ranOnlyBefore: (command: string, bound: string): BilingualText => ({ en: `you ran ${command} only before ${bound}`, ru: `вы выполнили ${command} только до ${bound}` }),
  lacksMatching: (source: string): BilingualText => ({ en: `no argument matching ${source}`, ru: `нет аргумента, подходящего под ${source}` }),
} as const;

/** `as:` — running a command as another user. */
export const AS_USER = {
  authAs: (user: string): BilingualText => ({ en: `AUTH as ${user} to succeed`, ru: `успешный AUTH от имени ${user}` }),
  authWithPassword: { en: 'AUTH with the password to succeed', ru: 'успешный AUTH с паролем' },
} as const;

/** `lua` checks. A string the script returns is the author's message and is shown as is. */
export const LUA = {
  returnsOne: { en: 'the script returns 1', ru: 'скрипт возвращает 1' },
  returned: (value: string): BilingualText => ({ en: `it returned ${value}`, ru: `скрипт вернул ${value}` }),
  scriptFailed: (message: string): BilingualText => ({ en: `the check's script failed: ${message}`, ru: `скрипт проверки завершился с ошибкой: ${message}` }),
} as const;

/** `js` checks. What the module returns is the author's and is shown as is. */
export const JS = {
  toPass: (module: string): BilingualText => ({ en: `${module} to pass`, ru: `проверка ${module} пройдена` }),
  didNot: { en: 'it did not', ru: 'не пройдена' },
  badResult: (module: string, json: string): BilingualText => ({
    en: `${module} returned ${json}, not a boolean or { passed }`,
    ru: `${module} вернул ${json}, а не boolean или { passed }`,
  }),
  badText: (module: string, field: string, json: string): BilingualText => ({
    en: `${module} returned ${field}: ${json}, not a string or { en, ru }`,
    ru: `${module} вернул ${field}: ${json}, а не строку или { en, ru }`,
  }),
  timeout: (module: string, ms: number): BilingualText => ({ en: `${module} did not finish within ${ms} ms`, ru: `${module} не завершился за ${ms} мс` }),
  noDefaultExport: (path: string): BilingualText => ({
    en: `${path} has no default export function`,
    ru: `в ${path} нет функции, экспортированной по умолчанию (export default)`,
  }),
} as const;

/** `published` checks. */
export const PUBLISHED = {
  /** `count` decides the Russian form: an exact number takes a plural noun, a comparison reads "сообщений …: >= 1". */
  messagesOn: (count: number | undefined, comparison: Piece, channel: string): BilingualText => ({
    en: `${en(comparison)} message(s) on ${channel}`,
    ru:
      count !== undefined
        ? `${count} ${russianPlural(count, 'сообщение', 'сообщения', 'сообщений')} в канале ${channel}`
        : `сообщений в канале ${channel}: ${ru(comparison)}`,
  }),
  messagesFound: (count: number, messages: string | undefined): BilingualText => ({
    en: `${count} message(s)${messages !== undefined ? `: ${messages}` : ''}`,
    ru: `${count} ${russianPlural(count, 'сообщение', 'сообщения', 'сообщений')}${messages !== undefined ? `: ${messages}` : ''}`,
  }),
  /** With `message`: how many messages that meet it; the Russian form follows `count` as in messagesOn. */
  messagesMeeting: (count: number | undefined, comparison: Piece, channel: string, expected: Piece): BilingualText => ({
    en: `${en(comparison)} message(s) on ${channel} that are ${en(expected)}`,
    ru:
      count !== undefined
        ? `${count} ${russianPlural(count, 'сообщение', 'сообщения', 'сообщений')} в канале ${channel}, и каждое из них — ${ru(expected)}`
        : `сообщений в канале ${channel}, каждое из которых — ${ru(expected)}: ${ru(comparison)}`,
  }),
  meetingFound: (meeting: number, all: number, messages: string | undefined): BilingualText => ({
    en: `${meeting} of ${all} message(s)${messages !== undefined ? `: ${messages}` : ''}`,
    ru: `подходящих ${meeting} из ${all}${messages !== undefined ? `: ${messages}` : ''}`,
  }),
} as const;

/** `subscribed` checks. */
export const SUBSCRIBED = {
  and: AND,
  to: (channels: readonly string[]): BilingualText => ({ en: `subscribed to ${channels.join(', ')}`, ru: `подписка на ${channels.join(', ')}` }),
  toPatterns: (patterns: readonly string[]): BilingualText => ({
    en: `subscribed to the patterns ${patterns.join(', ')}`,
    ru: `подписка на шаблоны ${patterns.join(', ')}`,
  }),
  connectionClosed: { en: 'your connection is closed', ru: 'ваше подключение закрыто' },
  notSubscribed: { en: 'not subscribed', ru: 'подписок нет' },
  counts: (channels: number, patterns: number): BilingualText => ({
    en: `${channels} channel(s), ${patterns} pattern(s)`,
    ru: `каналов: ${channels}, шаблонов: ${patterns}`,
  }),
} as const;
