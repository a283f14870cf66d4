import type { ProjectCriterionId } from '../../results/project-criteria.js';
import type { CodeMeasures } from './code-measures.js';
import type { ReadmeFindings, ReadmeSection } from './readme-sections.js';
import type { StudentTestsRun } from './student-tests.js';

type Text = { en: string; ru: string };

export const CRITERION_TITLES: Record<ProjectCriterionId, Text> = {
  functionality: { en: 'Functionality', ru: 'Функциональность' },
  'code-quality': { en: 'Code quality', ru: 'Качество кода' },
  tests: { en: 'Tests', ru: 'Тестирование' },
  documentation: { en: 'Documentation', ru: 'Документация' },
  extras: { en: 'Extras', ru: 'Дополнительные функции' },
};

const SECTION_NAMES: Record<ReadmeSection, Text> = {
  description: { en: 'a description', ru: 'описание' },
  'data-schema': { en: 'the data schema in Redis', ru: 'схема данных в Redis' },
  deployment: { en: 'how to deploy and run', ru: 'инструкция по развёртыванию' },
};

export function functionalityMeasured(passed: number, total: number, failedTitles: readonly Text[]): Text {
  const failed = failedTitles.length > 0;
  return {
    en: `${passed} of ${total} stages pass${failed ? `; failing: ${failedTitles.map((title) => title.en).join(', ')}` : ''}.`,
    ru: `пройдено этапов: ${passed} из ${total}${failed ? `; не пройдены: ${failedTitles.map((title) => title.ru).join(', ')}` : ''}.`,
  };
}

export function testsMeasured(run: StudentTestsRun | undefined): Text {
  if (run === undefined) return { en: 'no unit tests found (test_*.py, tests/, *.test.mjs).', ru: 'модульные тесты не найдены (test_*.py, tests/, *.test.mjs).' };
  if (run.problem !== undefined) return { en: `${run.framework}: ${run.problem}.`, ru: `${run.framework}: ${run.problem}.` };
  if (run.passed + run.failed === 0) return { en: `${run.framework} ran no tests.`, ru: `${run.framework} не запустил ни одного теста.` };
  return { en: `${run.framework}: ${run.passed} passed, ${run.failed} failed.`, ru: `${run.framework}: успешно ${run.passed}, с ошибкой ${run.failed}.` };
}

export function documentationMeasured(file: string | undefined, findings: ReadmeFindings | undefined): Text {
  if (file === undefined || findings === undefined) return { en: 'no README.md.', ru: 'нет README.md.' };
  const list = (sections: readonly ReadmeSection[], language: 'en' | 'ru') => sections.map((section) => SECTION_NAMES[section][language]).join(', ');
  const missing = findings.missing.length > 0;
  const keys = findings.keysNotNamed.length > 0 ? findings.keysNotNamed.join(', ') : '';
  return {
    en: `${file}: ${findings.found.length} of 3 sections${findings.found.length > 0 ? ` (${list(findings.found, 'en')})` : ''}${missing ? `; missing: ${list(findings.missing, 'en')}` : ''}${keys ? `; keys never named: ${keys}` : ''}.`,
    ru: `${file}: разделов ${findings.found.length} из 3${findings.found.length > 0 ? ` (${list(findings.found, 'ru')})` : ''}${missing ? `; нет: ${list(findings.missing, 'ru')}` : ''}${keys ? `; не названы ключи: ${keys}` : ''}.`,
  };
}

export function codeMeasured(measures: CodeMeasures): Text {
  const longest = measures.longest;
  const yes = (value: boolean, language: 'en' | 'ru') => (value ? (language === 'en' ? 'yes' : 'да') : language === 'en' ? 'no' : 'нет');
  return {
    en: `for the teacher. Measured: ${measures.files} source files, ${measures.lines} lines${longest ? `, the longest ${longest.file} (${longest.lines})` : ''}; logging: ${yes(measures.logs, 'en')}; a connection pool or one shared client: ${yes(measures.pools, 'en')}.`,
    ru: `оценивает преподаватель. Измерено: файлов с кодом ${measures.files}, строк ${measures.lines}${longest ? `, самый длинный ${longest.file} (${longest.lines})` : ''}; логирование: ${yes(measures.logs, 'ru')}; пул соединений или один общий клиент: ${yes(measures.pools, 'ru')}.`,
  };
}

export const EXTRAS_MEASURED: Text = {
  en: 'for the teacher: what the project does beyond its stages (the workshop suggests e.g. a web interface, Docker, metrics).',
  ru: 'оценивает преподаватель: что проект делает сверх этапов (например, веб-интерфейс, Docker, метрики).',
};
