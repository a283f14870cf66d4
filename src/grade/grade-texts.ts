import type { Language } from '../course/schema.js';
import { megabytes } from '../results/problems.js';
import type { SubmittedAtSource } from '../results/points-model.js';
import type { Problem, UnmatchedFile } from '../results/report-model.js';

/**
 * Every word the reporters print, in both languages. The report itself is
 * language-neutral data (codes and fields); these turn it into sentences.
 */
export interface GradeTexts {
  heading(submission: string, server: string): string;
  notSubmitted: string;
  notSubmittedModule(count: number): string;
  /** `reason`: the report's skipReason (English in every report). */
  skipped(reason: string | undefined): string;
  expected: string;
  found: string;
  checkError: string;
  lineErrors: string;
  programOutput(bytes: number, truncated: boolean): string;
  exitedWith(code: number | null, signal: string | null): string;
  notGraded: string;
  didYouMean(suggestion: string): string;
  score(passed: number, total: number): string;
  scoreDetails(failed: number, notSubmitted: number, skipped: number): string;
  seconds(ms: number): string;
  problem(problem: Problem): string;
  unmatched(file: UnmatchedFile): string;
  nothingSubmitted: string;
  /** With --assignment: `2.5/3 points` after an exercise or a module. */
  exercisePoints(earned: string, possible: string): string;
  assignment(title: string, file: string): string;
  deadline(time: string): string;
  submitted(time: string, source: SubmittedAtSource): string;
  late(days: number, accepted: boolean, percentOff: number): string;
  points(total: string, possible: string): string;
  pointsBeforePenalty(earned: string, penalty: string): string;
}

const en: GradeTexts = {
  heading: (submission, server) => `Grading ${submission} on ${server}`,
  notSubmitted: 'not submitted',
  notSubmittedModule: (count) => `not submitted (${count} ${count === 1 ? 'exercise' : 'exercises'})`,
  skipped: (reason) => `skipped: ${reason ?? 'the server cannot run it'}`,
  expected: 'expected',
  found: 'found',
  checkError: 'could not check',
  lineErrors: 'lines that got an error',
  programOutput: (bytes, truncated) => (truncated ? `output (last part of ${bytes} bytes)` : 'output'),
  exitedWith: (code, signal) => (signal !== null ? `ended by ${signal}` : `exit code ${code}`),
  notGraded: 'Not graded (they match no exercise):',
  didYouMean: (suggestion) => `did you mean ${suggestion}?`,
  score: (passed, total) => `Score: ${passed}/${total}`,
  scoreDetails: (failed, notSubmitted, skipped) =>
    [`${failed} failed`, `${notSubmitted} not submitted`, ...(skipped > 0 ? [`${skipped} skipped`] : [])].join(', '),
  seconds: (ms) => `${(ms / 1000).toFixed(1)} s`,
  problem: (problem) => problem.message,
  unmatched: (file) => file.reason,
  nothingSubmitted: 'No answer was found: nothing was graded.',
  exercisePoints: (earned, possible) => `${earned}/${possible} ${possible === '1' ? 'point' : 'points'}`,
  assignment: (title, file) => `Assignment: ${title} (${file})`,
  deadline: (time) => `deadline ${time}`,
  submitted: (time, source) => `submitted ${time} (${{ option: '--submitted-at', git: 'last commit', files: 'newest answer file' }[source]})`,
  late: (days, accepted, percentOff) => `${days} ${days === 1 ? 'day' : 'days'} late: ${accepted ? `−${percentOff}%` : 'not accepted, no points'}`,
  points: (total, possible) => `Points: ${total}/${possible}`,
  pointsBeforePenalty: (earned, penalty) => `${earned} − ${penalty} for lateness`,
};

const ru: GradeTexts = {
  heading: (submission, server) => `Проверка ${submission} на ${server}`,
  notSubmitted: 'не сдано',
  notSubmittedModule: (count) => `не сдано (упражнений: ${count})`,
  skipped: (reason) => `пропущено: ${reason ?? 'этот сервер не может выполнить упражнение'}`,
  expected: 'ожидалось',
  found: 'получено',
  checkError: 'проверка не выполнилась',
  lineErrors: 'строки, получившие ошибку',
  programOutput: (bytes, truncated) => (truncated ? `вывод (конец из ${bytes} байт)` : 'вывод'),
  exitedWith: (code, signal) => (signal !== null ? `завершена сигналом ${signal}` : `код выхода ${code}`),
  notGraded: 'Не проверены (не подходят ни к одному упражнению):',
  didYouMean: (suggestion) => `может быть, ${suggestion}?`,
  score: (passed, total) => `Итог: ${passed}/${total}`,
  scoreDetails: (failed, notSubmitted, skipped) =>
    [`не пройдено: ${failed}`, `не сдано: ${notSubmitted}`, ...(skipped > 0 ? [`пропущено: ${skipped}`] : [])].join(', '),
  seconds: (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} с`,
  problem: russianProblem,
  unmatched: russianUnmatched,
  nothingSubmitted: 'Ни одного ответа не найдено: проверять нечего.',
  exercisePoints: (earned, possible) => `баллы: ${decimalComma(earned)}/${decimalComma(possible)}`,
  assignment: (title, file) => `Задание: ${title} (${file})`,
  deadline: (time) => `срок ${time}`,
  submitted: (time, source) => `сдано ${time} (${{ option: '--submitted-at', git: 'последний коммит', files: 'самый новый файл ответа' }[source]})`,
  late: (days, accepted, percentOff) => `опоздание, дней: ${days}: ${accepted ? `−${percentOff}%` : 'не принято, баллов нет'}`,
  points: (total, possible) => `Баллы: ${decimalComma(total)}/${decimalComma(possible)}`,
  pointsBeforePenalty: (earned, penalty) => `${decimalComma(earned)} − ${decimalComma(penalty)} за опоздание`,
};

function decimalComma(number: string): string {
  return number.replace('.', ',');
}

export function gradeTexts(language: Language): GradeTexts {
  return language === 'ru' ? ru : en;
}

function russianProblem(problem: Problem): string {
  switch (problem.code) {
    case 'timeout':
      return `ответ не завершился за ${problem.seconds ?? '?'} с${problem.line !== undefined ? ` (строка ${problem.line}: ${problem.command ?? ''})` : ''}`;
    case 'checks-timeout':
      return `проверки не завершились за ${problem.seconds ?? '?'} с: сервер перестал отвечать`;
    case 'server-stopped':
      return 'сервер Redis остановился во время ответа (SHUTDOWN или сбой); его перезапустили';
    case 'server-hung':
      return 'сервер Redis перестал отвечать после ответа (CLIENT PAUSE, скрипт, который нельзя прервать); его перезапустили';
    case 'memory-limit':
      return `сервер Redis занял больше ${megabytes(problem.bytes ?? 0)} памяти; его остановили и перезапустили`;
    case 'output-limit':
      return `программа вывела больше ${megabytes(problem.bytes ?? 0)} и была остановлена`;
    case 'exit-code':
      return problem.signal !== undefined ? `программа завершена сигналом ${problem.signal}` : `программа завершилась с кодом ${problem.exitCode ?? '?'}`;
    case 'could-not-run':
      return `ответ не удалось запустить: ${problem.message.replace(/^the answer could not be run: /, '')}`;
    case 'several-answers':
      return `на это упражнение отвечают несколько файлов (${(problem.files ?? []).join(', ')}); оставьте один`;
    case 'grader-error':
      return `проверяющий не смог подготовить упражнение: ${problem.message.replace(/^the grader could not prepare this exercise: /, '')}`;
  }
}

function russianUnmatched(file: UnmatchedFile): string {
  switch (file.kind) {
    case 'outside-module':
      return 'лежит не в папке модуля (ответы — это МОДУЛЬ/УПРАЖНЕНИЕ.redis, .py, .js, .mjs, .ts, .sh или исполняемый файл)';
    case 'unknown-module':
      return `нет модуля «${file.path.replace(/\/$/, '')}»`;
    case 'unknown-exercise':
      return `в модуле ${file.path.split('/')[0] ?? ''} нет такого упражнения`;
    case 'not-an-answer':
      return 'не файл ответа (.redis, .py, .js, .mjs, .ts, .sh или исполняемый файл)';
    case 'folder':
      return 'папка внутри папки модуля (ответы — это файлы МОДУЛЬ/УПРАЖНЕНИЕ.расширение)';
  }
}
