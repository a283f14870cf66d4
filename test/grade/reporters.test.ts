import { describe, expect, it } from 'vitest';
import { GradeReportSchema } from '../../src/results/report-model.js';
import { REPORTER_NAMES, reporters, type ReporterName } from '../../src/grade/reporters.js';
import { markdownText, renderGithubSummary } from '../../src/grade/report-github-summary.js';
import { xmlEscape } from '../../src/grade/xml-escape.js';
import { SAMPLE_REPORT } from './support/sample-report.js';
import { assertWellFormedXml } from './support/xml-well-formed.js';

const renders: Array<{ reporter: ReporterName; language: 'en' | 'ru'; file: string }> = [
  { reporter: 'pretty', language: 'en', file: 'pretty.en.txt' },
  { reporter: 'pretty', language: 'ru', file: 'pretty.ru.txt' },
  { reporter: 'json', language: 'en', file: 'report.json' },
  { reporter: 'junit', language: 'en', file: 'junit.en.xml' },
  { reporter: 'junit', language: 'ru', file: 'junit.ru.xml' },
  { reporter: 'tap', language: 'en', file: 'tap.en.txt' },
  { reporter: 'tap', language: 'ru', file: 'tap.ru.txt' },
  { reporter: 'github', language: 'en', file: 'github.en.txt' },
  { reporter: 'github', language: 'ru', file: 'github.ru.txt' },
];

describe('reporters render a fixed report to golden text', () => {
  it('the sample report is a valid report', () => {
    expect(GradeReportSchema.parse(SAMPLE_REPORT)).toEqual(SAMPLE_REPORT);
  });

  it.each(renders)('$reporter ($language) matches golden/$file', async ({ reporter, language, file }) => {
    const text = reporters[reporter](SAMPLE_REPORT, { language, color: false });
    await expect(text).toMatchFileSnapshot(`golden/${file}`);
  });

  it.each(REPORTER_NAMES)('%s is pure: the same report renders the same text twice', (reporter) => {
    const options = { language: 'en' as const, color: false };
    expect(reporters[reporter](structuredClone(SAMPLE_REPORT), options)).toBe(reporters[reporter](SAMPLE_REPORT, options));
  });
});

describe("the engine's phrases follow --lang", () => {
  const english = ['TTL between 1 and 60 s', 'no expiry', 'you use SET … NX', 'you ran SET greeting hi (no NX)'];
  const russian = ['TTL от 1 до 60 с', 'без срока жизни', 'команда SET … NX', 'вы выполнили SET greeting hi (нет NX)'];

  it.each(['pretty', 'junit', 'tap', 'github'] as const)('%s in Russian shows the Russian phrases and none of the English ones', (reporter) => {
    const text = reporters[reporter](SAMPLE_REPORT, { language: 'ru', color: false });
    for (const phrase of russian) expect(text).toContain(phrase);
    for (const phrase of english) expect(text).not.toContain(phrase);
    // Values and server messages quoted from Redis are the same in both languages.
    expect(text).toContain(reporter === 'junit' ? xmlEscape('"hi"') : '"hi"');
    expect(text).toContain('NOPERM this user has no permissions');
  });

  it.each(['pretty', 'junit', 'tap', 'github'] as const)('%s in English shows the English phrases', (reporter) => {
    const text = reporters[reporter](SAMPLE_REPORT, { language: 'en', color: false });
    for (const phrase of english) expect(text).toContain(phrase);
    for (const phrase of russian) expect(text).not.toContain(phrase);
  });

  it('pretty in Russian lines up the Russian labels with the Russian phrases', () => {
    expect(reporters.pretty(SAMPLE_REPORT, { language: 'ru', color: false })).toContain(
      '      ✗ greeting истекает в течение минуты\n        ожидалось: TTL от 1 до 60 с\n        получено:  без срока жизни\n',
    );
  });

  it('json carries both languages, whatever --lang says', () => {
    const en = JSON.parse(reporters.json(SAMPLE_REPORT, { language: 'en', color: false })) as typeof SAMPLE_REPORT;
    expect(reporters.json(SAMPLE_REPORT, { language: 'ru', color: false })).toBe(reporters.json(SAMPLE_REPORT, { language: 'en', color: false }));
    expect(en.modules[0]?.exercises[1]?.checks[2]).toMatchObject({
      expected: { en: 'TTL between 1 and 60 s', ru: 'TTL от 1 до 60 с' },
      found: { en: 'no expiry', ru: 'без срока жизни' },
    });
  });
});

describe('pretty', () => {
  it('colours only when asked', () => {
    expect(reporters.pretty(SAMPLE_REPORT, { language: 'en', color: false })).not.toContain('\u001b[');
    expect(reporters.pretty(SAMPLE_REPORT, { language: 'en', color: true })).toContain('\u001b[32m✓');
  });

  it("shows a program's escape sequences as text, never raw", () => {
    const text = reporters.pretty(SAMPLE_REPORT, { language: 'en', color: false });
    expect(text).toContain('\\x1b[31mTraceback');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the report
    expect(text).not.toMatch(/[\u0000-\u0008\u001b]/);
  });
});

describe('junit', () => {
  it.each(['en', 'ru'] as const)('is well-formed XML (%s)', (language) => {
    expect(() => assertWellFormedXml(reporters.junit(SAMPLE_REPORT, { language, color: false }))).not.toThrow();
  });

  it('has one testsuite per module and one testcase per exercise', () => {
    const xml = reporters.junit(SAMPLE_REPORT, { language: 'en', color: false });
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(9);
    expect(xml.match(/<failure /g)).toHaveLength(4);
    expect(xml.match(/<skipped /g)).toHaveLength(4);
  });

  it.each([
    ['markup', 'a <b> & "c" \'d\'', 'a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;'],
    ['controls XML cannot hold', 'a\u0000b\u001bc\u0007', 'a\ufffdb\ufffdc\ufffd'],
    ['tab and newlines kept', 'a\tb\nc\r', 'a\tb\nc\r'],
    ['a lone surrogate', 'x\ud800y', 'x\ufffdy'],
    ['a surrogate pair kept', '😀', '😀'],
  ])('xmlEscape: %s', (_name, input, expected) => {
    expect(xmlEscape(input)).toBe(expected);
  });

  it('the checker used here rejects what is not well-formed', () => {
    expect(() => assertWellFormedXml('<a><b></a></b>')).toThrow(/does not match/);
    expect(() => assertWellFormedXml('<a x="1 & 2"/>')).toThrow(/entity/);
    expect(() => assertWellFormedXml('<a>\u0001</a>')).toThrow(/not allowed/);
  });
});

describe('github', () => {
  const errors = () => reporters.github(SAMPLE_REPORT, { language: 'en', color: false }).split('\n').filter((line) => line.startsWith('::error '));

  it('annotates each failing answer file, escaping newlines, commas and colons', () => {
    expect(errors()).toHaveLength(5);
    expect(errors()[0]).toMatch(/^::error file=students\/anna\/basics\/greeting\.redis,line=2,title=basics\/greeting%3A /);
    expect(errors().every((line) => !line.slice(2).includes('\n'))).toBe(true);
  });

  it('points at the failing line of a .redis answer: the first error reply, or the line running when time ran out', () => {
    expect(errors().map((line) => /^::error file=([^,]*)(?:,line=(\d+))?,title=/.exec(line)?.slice(1, 3))).toEqual([
      ['students/anna/basics/greeting.redis', '2'],
      ['students/anna/basics/queue.redis', '3'],
      ['students/anna/basics/worker.py', undefined],
      ['students/anna/basics/profile.py', undefined],
      ['students/anna/basics/profile.redis', undefined],
    ]);
  });

  it('annotates every file of several answers to one exercise, each with the same message', () => {
    const several = errors().filter((line) => line.includes('title=basics/profile%3A more than one file'));
    expect(several).toHaveLength(2);
    expect(new Set(several.map((line) => line.replace(/^::error file=[^,]*,/, '')))).toHaveProperty('size', 1);
  });
});

describe('github job summary', () => {
  it.each(['en', 'ru'] as const)('matches golden/github-summary.%s.md', async (language) => {
    await expect(renderGithubSummary(SAMPLE_REPORT, { language })).toMatchFileSnapshot(`golden/github-summary.${language}.md`);
  });

  it('has one table row per exercise, and a | in a title cannot add a column', () => {
    const rows = renderGithubSummary(SAMPLE_REPORT, { language: 'en' }).split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toHaveLength(2 + 9);
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    expect(new Set(rows.map(cells))).toEqual(new Set([6]));
    expect(rows).toContain('| basics | profile — A profile \\| in a hash | ❌ failed | — |');
    expect(rows).toContain('| basics | greeting — A greeting | ❌ failed | 0/4 |');
  });

  it('shows course text and file names as text, never as Markdown or HTML', () => {
    expect(markdownText('a <b>*x*</b> & `c` [l](u)')).toBe('a &lt;b&gt;\\*x\\*&lt;/b&gt; &amp; \\`c\\` \\[l\\](u)');
  });

  it('is pure: the same report renders the same Markdown twice', () => {
    expect(renderGithubSummary(structuredClone(SAMPLE_REPORT), { language: 'ru' })).toBe(renderGithubSummary(SAMPLE_REPORT, { language: 'ru' }));
  });
});

describe('tap', () => {
  it('has a plan and one point per exercise; not submitted is a SKIP', () => {
    const lines = reporters.tap(SAMPLE_REPORT, { language: 'en', color: false }).split('\n');
    expect(lines.slice(0, 2)).toEqual(['TAP version 14', '1..9']);
    expect(lines.filter((line) => /^(not )?ok \d+ - /.test(line))).toHaveLength(9);
    expect(lines).toContain('ok 7 - basics/sets # SKIP not submitted');
  });
});
