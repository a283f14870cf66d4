import { russianPlural } from '../course/localize.js';
import type { BilingualText } from '../results/check-result.js';
import type { Piece } from './texts.js';

/*
 * The phrases of the checks on what an answer did besides the state it
 * left (./checks/program-checks.ts, ./checks/received-check.ts,
 * ./checks/acted-check.ts), English and Russian side by side like ./texts.ts.
 */

function en(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.en;
}

function ru(piece: Piece): string {
  return typeof piece === 'string' ? piece : piece.ru;
}

/** `output`, `exitCode` and `connections`: a program's output, exit and connections. */
export const PROGRAM = {
  typedLines: { en: 'typed lines, not a program', ru: 'введённые строки, а не программа' },
  outputContaining: (text: string): BilingualText => ({ en: `output containing ${text}`, ru: `вывод, содержащий ${text}` }),
  outputMatching: (source: string): BilingualText => ({ en: `output matching /${source}/`, ru: `вывод, подходящий под /${source}/` }),
  outputLines: (comparison: Piece): BilingualText => ({ en: `${en(comparison)} line(s) of output`, ru: `строк вывода: ${ru(comparison)}` }),
  lines: (count: number, tail: string): BilingualText => ({
    en: `${count} line(s), ending ${tail}`,
    ru: `${count} ${russianPlural(count, 'строка', 'строки', 'строк')}, в конце ${tail}`,
  }),
  noOutput: { en: 'no output', ru: 'вывода нет' },
  printed: (tail: string): BilingualText => ({ en: `it printed ${tail}`, ru: `программа напечатала ${tail}` }),
  exitCode: (code: number): BilingualText => ({ en: `exit code ${code}`, ru: `код выхода ${code}` }),
  stoppedWaiting: { en: 'no exit code: the tutor stopped it while it waited on Redis', ru: 'кода выхода нет: тренажёр остановил программу, пока она ждала Redis' },
  endedBy: (signal: string): BilingualText => ({ en: `no exit code: it was ended by ${signal}`, ru: `кода выхода нет: программа завершена сигналом ${signal}` }),
  connections: (comparison: Piece): BilingualText => ({ en: `${en(comparison)} connection(s) opened`, ru: `открыто подключений: ${ru(comparison)}` }),
  connectionsOpened: (count: number): BilingualText => ({
    en: `${count} connection(s) opened`,
    ru: `открыто ${count} ${russianPlural(count, 'подключение', 'подключения', 'подключений')}`,
  }),
} as const;

/** `received`: messages the other side published that reached the answer. */
export const RECEIVED = {
  messagesOn: (comparison: Piece, channel: string): BilingualText => ({
    en: `${en(comparison)} message(s) from the other side received on ${channel}`,
    ru: `сообщений от другой стороны, полученных из ${channel}: ${ru(comparison)}`,
  }),
  found: (count: number, messages: string | undefined): BilingualText => ({
    en: `${count} received${messages !== undefined ? `: ${messages}` : ''}`,
    ru: `получено ${count}${messages !== undefined ? `: ${messages}` : ''}`,
  }),
  publishedYourself: (channel: string): BilingualText => ({
    en: `you published to ${channel} yourself; the message must come from the other side`,
    ru: `вы сами публиковали в ${channel}; сообщение должно прийти от другой стороны`,
  }),
  printed: (message: string): BilingualText => ({ en: `${message} printed`, ru: `${message} напечатано` }),
  notPrinted: (message: string): BilingualText => ({ en: `${message} received but not printed`, ru: `${message} получено, но не напечатано` }),
  everyMessage: (expected: Piece): BilingualText => ({ en: `every message ${en(expected)}`, ru: `каждое сообщение: ${ru(expected)}` }),
} as const;

/** `acted`: the other client the tutor plays acted. */
export const ACTED = {
  expected: (trigger: string): BilingualText => ({ en: `the other side acted (${trigger})`, ru: `другая сторона сработала (${trigger})` }),
  blocked: { en: 'it did not: the answer never waited in a blocking command', ru: 'не сработала: ответ ни разу не ждал в блокирующей команде' },
  subscribed: { en: 'it did not: the answer never subscribed', ru: 'не сработала: ответ ни разу не подписался' },
  after: (command: string): BilingualText => ({ en: `it did not: the answer never ran ${command}`, ru: `не сработала: ответ ни разу не выполнил ${command}` }),
  printed: (text: string): BilingualText => ({ en: `it did not: the program never printed "${text}"`, ru: `не сработала: программа ни разу не напечатала «${text}»` }),
} as const;
