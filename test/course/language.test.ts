import { describe, expect, it } from 'vitest';
import { closestMatches, likelyMeant } from '../../src/course/closest.js';
import { resolveLanguage } from '../../src/course/language.js';
import { localize } from '../../src/course/localize.js';

describe('resolveLanguage', () => {
  it.each([
    ['--lang wins over the locale', 'en', { LANG: 'ru_RU.UTF-8' }, 'en'],
    ['--lang ru', 'ru', {}, 'ru'],
    ['LANG ru_RU.UTF-8', undefined, { LANG: 'ru_RU.UTF-8' }, 'ru'],
    ['LC_ALL beats LANG', undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' }, 'en'],
    ['LC_ALL ru', undefined, { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, 'ru'],
    ['LC_MESSAGES beats LANG', undefined, { LC_MESSAGES: 'ru_RU', LANG: 'C' }, 'ru'],
    ['an empty LC_ALL is ignored', undefined, { LC_ALL: '', LANG: 'ru_RU.UTF-8' }, 'ru'],
    ['another language falls back to English', undefined, { LANG: 'de_DE.UTF-8' }, 'en'],
    ['no locale at all', undefined, {}, 'en'],
    ['an unsupported --lang is ignored', 'de', { LANG: 'ru_RU.UTF-8' }, 'ru'],
  ])('%s', (_name, option, env, expected) => {
    expect(resolveLanguage(option, env)).toBe(expected);
  });
});

describe('localize', () => {
  it('picks the language and falls back to English when ru is missing or blank', () => {
    expect(localize({ en: 'Hello', ru: 'Привет' }, 'ru')).toBe('Привет');
    expect(localize({ en: 'Hello', ru: 'Привет' }, 'en')).toBe('Hello');
    expect(localize({ en: 'Hello' }, 'ru')).toBe('Hello');
    expect(localize({ en: 'Hello', ru: '  ' }, 'ru')).toBe('Hello');
  });
});

describe('closestMatches', () => {
  const ids = ['getting-started/first-key', 'getting-started/page-views', 'strings/setnx'];
  it('finds near misses and ids given without their module, best first', () => {
    expect(closestMatches('getting-started/page-view', ids)).toEqual(['getting-started/page-views']);
    expect(closestMatches('setnx', ids)).toEqual(['strings/setnx']);
    expect(closestMatches('zzzz', ids)).toEqual([]);
  });
});

describe('likelyMeant', () => {
  const modules = ['getting-started', 'strings', 'expiry-caching', 'hash-field-expiry', 'pubsub', 'streams'];
  it('prefers the ids a word begins, then the ids one of whose words it begins, then near misses', () => {
    expect(likelyMeant('expiry', modules)).toEqual(['expiry-caching']);
    expect(likelyMeant('field', modules)).toEqual(['hash-field-expiry']);
    expect(likelyMeant('stream', modules)).toEqual(['streams']);
    expect(likelyMeant('pubsb', modules)).toEqual(['pubsub']);
    expect(likelyMeant('07-expiry-caching', modules)).toEqual(['expiry-caching']);
    expect(likelyMeant('zzzz', modules)).toEqual([]);
  });
});
