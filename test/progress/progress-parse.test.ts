import { describe, expect, it } from 'vitest';
import { PROGRESS_FORMAT_VERSION } from '../../src/progress/progress-file.js';
import { parseProgress, ProgressFormatError, serializeProgress } from '../../src/progress/progress-parse.js';

describe('parseProgress', () => {
  it('reads format 2 with its times', () => {
    const text = JSON.stringify({
      formatVersion: 2,
      language: 'ru',
      last: 'm/a',
      forgottenAt: '2025-01-01T00:00:00.000Z',
      exercises: {
        'm/a': { status: 'solved', startedAt: '2025-01-02T00:00:00.000Z', solvedAt: '2025-01-02T00:05:00.000Z', withHelp: true, helpedAt: '2025-01-02T00:01:00.000Z' },
        'm/b': { status: 'started', startedAt: '2025-01-02T00:06:00.000Z' },
      },
    });
    const progress = parseProgress(text);
    expect(progress).toEqual(JSON.parse(text));
    expect(parseProgress(serializeProgress(progress))).toEqual(progress);
  });

  it('migrates format 1: the same entries, no times it never had, format 2 when written again', () => {
    const v1 = JSON.stringify({
      formatVersion: 1,
      language: 'en',
      last: 'm/b',
      exercises: {
        'm/a': { status: 'solved', withHelp: true, solvedAt: '2024-05-01T10:00:00.000Z' },
        'm/b': { status: 'started' },
        'm/c': { status: 'started', withHelp: true },
      },
    });
    const progress = parseProgress(v1);
    expect(progress).toEqual({
      formatVersion: PROGRESS_FORMAT_VERSION,
      language: 'en',
      last: 'm/b',
      exercises: {
        'm/a': { status: 'solved', withHelp: true, solvedAt: '2024-05-01T10:00:00.000Z' },
        'm/b': { status: 'started' },
        'm/c': { status: 'started', withHelp: true },
      },
    });
    expect((JSON.parse(serializeProgress(progress)) as { formatVersion: number }).formatVersion).toBe(2);
  });

  it('drops malformed optional fields instead of the learner’s record', () => {
    const progress = parseProgress(
      JSON.stringify({ formatVersion: 2, language: 'fr', last: 7, forgottenAt: 'yesterday', exercises: { 'm/a': { status: 'started', startedAt: 'soon', withHelp: 'yes', helpedAt: '2025-01-01T00:00:00Z' } } }),
    );
    expect(progress).toEqual({ formatVersion: 2, exercises: { 'm/a': { status: 'started' } } });
  });

  it('refuses what it cannot read, and says when a newer redis-tutor wrote the file', () => {
    expect(() => parseProgress('{"formatVersion": 1, "exercises": {"a": {"status": "done"}}}')).toThrow(/bad entry/);
    expect(() => parseProgress('{"formatVersion": "2", "exercises": {}}')).toThrow(/unknown formatVersion/);
    expect(() => parseProgress('[]')).toThrow(/not a JSON object/);
    expect(() => parseProgress('{"formatVersion": 2, "exercises": {"m/a": {"sta')).toThrow(ProgressFormatError);
    let newer: unknown;
    try {
      parseProgress('{"formatVersion": 3, "exercises": {}}');
    } catch (error) {
      newer = error;
    }
    expect(newer).toBeInstanceOf(ProgressFormatError);
    expect((newer as ProgressFormatError).newerVersion).toBe(3);
  });
});
