import { describe, expect, it } from 'vitest';
import { isTestFile } from '../../../src/projects/criteria/code-measures.js';
import { readmeFindings } from '../../../src/projects/criteria/readme-sections.js';
import { countTests, type TestFramework } from '../../../src/projects/criteria/student-tests.js';

const PROSE = 'This app counts the visits of every page of a site in Redis and shows the five pages people read most.';
const KEYS = ['page_views:<page>', 'page_views:ranking'];

describe('readmeFindings: the README sections a machine can judge', () => {
  it.each([
    ['all three, in English', `# Visits\n\n${PROSE}\n\n## Data schema\n\n- page_views:<page>\n\n## Deployment\n\npip install redis\n`, ['description', 'data-schema', 'deployment'], ['page_views:ranking']],
    ['all three, in Russian', `# Счётчики\n\n${PROSE}\n\n## Схема данных в Redis\n\npage_views:ranking — рейтинг\n\n## Развёртывание\n\nзапуск\n`, ['description', 'data-schema', 'deployment'], []],
    // A pattern's fixed part (page_views:) is what any mention of it has: page_views:ranking names it too.
    ['a schema heading that names none of the keys is no schema', `${PROSE}\n\n## Data schema\n\nthe usual keys\n\n## Installation\n`, ['description', 'deployment'], KEYS],
    ['only headings and code are no description', '# App\n\n```sh\npython3 app.py\n```\n\n## Usage\n', ['deployment'], KEYS],
    ['an empty README', '', [], KEYS],
  ])('%s', (_label, text, found, keysNotNamed) => {
    const findings = readmeFindings(text, KEYS);
    expect(findings.found).toEqual(found);
    expect(findings.keysNotNamed).toEqual(keysNotNamed);
  });
});

describe("countTests: passed and failed from each framework's summary", () => {
  it.each<[TestFramework, string, { passed: number; failed: number }]>([
    ['unittest', 'test_a ... ok\n\n----------------------------------------------------------------------\nRan 3 tests in 0.010s\n\nOK\n', { passed: 3, failed: 0 }],
    ['unittest', 'Ran 4 tests in 0.1s\n\nFAILED (failures=1, errors=1)\n', { passed: 2, failed: 2 }],
    ['unittest', '\nRan 0 tests in 0.000s\n\nOK\n', { passed: 0, failed: 0 }],
    ['pytest', '..F\n1 failed, 2 passed in 0.12s\n', { passed: 2, failed: 1 }],
    ['pytest', '3 passed in 0.05s\n', { passed: 3, failed: 0 }],
    ['node --test', 'TAP version 13\n# tests 3\n# suites 0\n# pass 2\n# fail 1\n', { passed: 2, failed: 1 }],
    ['node --test', 'TAP version 13\n# tests 0\n# pass 0\n# fail 0\n', { passed: 0, failed: 0 }],
  ])('%s: %j', (framework, output, counts) => {
    expect(countTests(framework, output)).toEqual(counts);
  });
});

describe('isTestFile', () => {
  it.each([
    ['test_app.py', true],
    ['app_test.py', true],
    ['tests/helpers.py', true],
    ['app.test.mjs', true],
    ['test/votes.mjs', true],
    ['app.py', false],
    ['contest.py', false],
    ['latest/app.mjs', false],
  ])('%s: %s', (name, expected) => {
    expect(isTestFile(name)).toBe(expected);
  });
});
