import type { Language, ProgramLanguage } from '../course/schema.js';

const LANGUAGE_NAMES: Record<ProgramLanguage, string> = { python: 'Python', javascript: 'JavaScript' };

const EN = {
  /** The key line of a program exercise (the prompt still takes redis-cli commands and :hint, :solution…). */
  keys: (languages: readonly ProgramLanguage[]) =>
    `Ctrl-O edit${languages.length > 1 ? ` · Ctrl-G ${languages.map((l) => LANGUAGE_NAMES[l]).join('/')}` : ''} · :hint :solution :menu · PgUp/PgDn lesson · Ctrl-C quit`,
  yourFile: (language: ProgramLanguage) => `Your ${LANGUAGE_NAMES[language]} file:`,
  created: 'Made from the starter just now.',
  waiting: 'Save the file to run it: the tutor watches it and checks every save.',
  running: 'running…',
  output: 'Output',
  noOutput: '(no output)',
  checked: (passed: boolean, exitCode: number | null, ms: number) => `${passed ? 'solved' : 'checked'} · exit ${exitCode ?? '–'} · ${Math.round(ms)} ms`,
  failed: (exitCode: number | null, ms: number) => `stopped before the checks · exit ${exitCode ?? '–'} · ${Math.round(ms)} ms`,
  noEditor: 'No editor set: set VISUAL or EDITOR (e.g. `export EDITOR=nano`) and restart, or open the file in any editor — every save runs it.',
  editorFailed: (editor: string, reason: string) => `The editor "${editor}" did not start: ${reason}. Set VISUAL or EDITOR to one that does.`,
  editorBack: 'Back from the editor: saves run the program.',
  editing: (editor: string) => `Editing in ${editor}: the tutor waits until it closes.`,
};

type ProgramTexts = typeof EN;

const RU: ProgramTexts = {
  keys: (languages) =>
    `Ctrl-O правка${languages.length > 1 ? ` · Ctrl-G ${languages.map((l) => LANGUAGE_NAMES[l]).join('/')}` : ''} · :hint :solution :menu · PgUp/PgDn урок · Ctrl-C выход`,
  yourFile: (language) => `Ваш файл на ${LANGUAGE_NAMES[language]}:`,
  created: 'Только что создан из заготовки.',
  waiting: 'Сохраните файл, чтобы запустить: тьютор следит за ним и проверяет каждое сохранение.',
  running: 'выполняется…',
  output: 'Вывод',
  noOutput: '(вывода нет)',
  checked: (passed, exitCode, ms) => `${passed ? 'решено' : 'проверено'} · код ${exitCode ?? '–'} · ${Math.round(ms)} мс`,
  failed: (exitCode, ms) => `остановлена до проверок · код ${exitCode ?? '–'} · ${Math.round(ms)} мс`,
  noEditor: 'Редактор не задан: укажите VISUAL или EDITOR (например, `export EDITOR=nano`) и перезапустите, или откройте файл в любом редакторе — каждое сохранение запускает программу.',
  editorFailed: (editor, reason) => `Редактор «${editor}» не запустился: ${reason}. Укажите в VISUAL или EDITOR работающий.`,
  editorBack: 'Вернулись из редактора: сохранения запускают программу.',
  editing: (editor) => `Файл открыт в ${editor}: тьютор ждёт, пока редактор не закроется.`,
};

export function programTexts(language: Language): ProgramTexts {
  return language === 'ru' ? RU : EN;
}
