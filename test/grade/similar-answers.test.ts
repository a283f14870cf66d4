import { describe, expect, it } from 'vitest';
import { findSimilarAnswers, normalizeAnswer, renderSimilarAnswers, type StudentAnswer } from '../../src/grade/similar-answers.js';

describe('normalizeAnswer', () => {
  it.each([
    ['a .redis answer: commands upper-cased, spacing collapsed, comments and blank lines dropped', 'a.redis', '# first\n  set   k "v"\n\nget k  # read it\r\n', ['SET k "v"', 'GET k']],
    ['Python: # comments', 'a.py', '#!/usr/bin/env python3\nimport redis  # client\n\n\tr = redis.Redis()\n', ['import redis', 'r = redis.Redis()']],
    ['JavaScript: // and block comments', 'a.mjs', '/* header\n spans lines */\nconst a = 1; // one\n// alone\nconsole.log(a)\n', ['const a = 1;', 'console.log(a)']],
    ['a URL is not a comment', 'a.js', 'connect("redis://localhost")\n', ['connect("redis://localhost")']],
    ['shell and other executables: # comments', 'run', '#!/bin/sh\nredis-cli  PING # ping\n', ['redis-cli PING']],
  ])('%s', (_name, path, text, lines) => {
    expect(normalizeAnswer(path, text)).toEqual(lines);
  });
});

const SAME = 'SET a 1\nSET b 2\nSET c 3\n';
const ANSWERS: StudentAnswer[] = [
  { student: 'carol', exerciseId: 'basics/keys', path: 'basics/keys.redis', text: '# mine\nset a 1\nset  b 2\nset c 3\n' },
  { student: 'alice', exerciseId: 'basics/keys', path: 'basics/keys.redis', text: SAME },
  { student: 'bob', exerciseId: 'basics/keys', path: 'basics/keys.redis', text: SAME },
  { student: 'dave', exerciseId: 'basics/keys', path: 'basics/keys.redis', text: 'SET a 1\nSET b 2\nSET c 4\n' },
  // Too short to mean anything, though the same.
  { student: 'alice', exerciseId: 'basics/ping', path: 'basics/ping.redis', text: 'PING\nPING\n' },
  { student: 'bob', exerciseId: 'basics/ping', path: 'basics/ping.redis', text: 'ping\nping\n' },
  // The same lines in a program and a .redis answer are not the same answer.
  { student: 'alice', exerciseId: 'basics/app', path: 'basics/app.py', text: 'a\nb\nc\n' },
  { student: 'bob', exerciseId: 'basics/app', path: 'basics/app.sh', text: 'a\nb\nc\n' },
  { student: 'carol', exerciseId: 'basics/app', path: 'basics/app.sh', text: 'a  # x\nb\n\nc\n' },
];

describe('findSimilarAnswers', () => {
  it('pairs students whose normalized answers to one exercise match, skipping short ones', () => {
    expect(findSimilarAnswers(ANSWERS)).toEqual([
      { exerciseId: 'basics/keys', students: ['alice', 'bob'], lines: 3 },
      { exerciseId: 'basics/keys', students: ['alice', 'carol'], lines: 3 },
      { exerciseId: 'basics/keys', students: ['bob', 'carol'], lines: 3 },
      { exerciseId: 'basics/app', students: ['bob', 'carol'], lines: 3 },
    ]);
  });
});

describe('renderSimilarAnswers', () => {
  it('in English: per exercise, under the note that it is no verdict', () => {
    expect(renderSimilarAnswers(findSimilarAnswers(ANSWERS), { language: 'en' })).toBe(
      [
        '# Similar answers',
        '',
        'These students handed in the same answer to an exercise once blank lines, comments and spacing are ignored (and the commands of .redis answers upper-cased); answers of fewer than 3 lines are left out. This is not a verdict: exercises with one natural solution give alike answers. Read the answers before drawing any conclusion.',
        '',
        '## `basics/keys`',
        '',
        '- alice and bob (3 lines)',
        '- alice and carol (3 lines)',
        '- bob and carol (3 lines)',
        '',
        '## `basics/app`',
        '',
        '- bob and carol (3 lines)',
        '',
      ].join('\n'),
    );
  });

  it('in Russian, with nothing alike', () => {
    expect(renderSimilarAnswers([], { language: 'ru' })).toBe(
      [
        '# Похожие ответы',
        '',
        'Эти студенты сдали одинаковый ответ на упражнение, если не считать пустых строк, комментариев и пробелов (команды в ответах .redis приведены к верхнему регистру); ответы короче 3 строк не рассматриваются. Это не вердикт: у упражнений с одним естественным решением ответы совпадают. Прочитайте ответы, прежде чем делать выводы.',
        '',
        'Одинаковых ответов нет.',
        '',
      ].join('\n'),
    );
  });
});
