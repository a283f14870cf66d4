import { describe, expect, it } from 'vitest';
import type { KeySnapshot } from '../../src/data-panel/key-snapshot.js';
import type { Language } from '../../src/course/schema.js';
import { buildPanel, headingLine, ttlLabel, type PictureLine } from '../../src/data-panel/panel-model.js';
import { panelKeys } from '../../src/data-panel/panel-keys.js';
import stringWidth from 'string-width';

const base = { pttl: -1, fetchedAt: 1_000 };
const text = (line: PictureLine) => line.map((segment) => segment.text).join('');
const body = (snapshot: KeySnapshot, width = 40, language: Language = 'en') =>
  (buildPanel([snapshot], { width, pinned: [snapshot.key], language }).keys[0]?.body ?? []).map(text);

describe('pictures', () => {
  it('a string shows its value', () => {
    expect(body({ ...base, key: 'greeting', type: 'string', value: 'hello', length: 5 })).toEqual(['  "hello"']);
  });

  it('a list is a row of cells with their indexes', () => {
    expect(body({ ...base, key: 'q', type: 'list', items: ['a', 'bb', 'c'], length: 3 })).toEqual([
      '  ┌───┬────┬───┐',
      '  │ a │ bb │ c │',
      '  └───┴────┴───┘',
      '    0   1    2 ',
    ]);
  });

  it('a long list wraps its cells and counts what was not read', () => {
    const items = Array.from({ length: 24 }, (_, i) => `item${i}`);
    const lines = body({ ...base, key: 'big', type: 'list', items, length: 1_000_000 }, 30);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    expect(lines[lines.length - 1]).toBe('  … 999976 more items');
  });

  it('a set is chips, a hash a two-column table', () => {
    expect(body({ ...base, key: 's', type: 'set', members: ['a', 'b'], size: 2 })).toEqual(['   a   b ']);
    expect(body({ ...base, key: 'h', type: 'hash', fields: [['name', 'Ada'], ['age', '36']], size: 2 })).toEqual(['  name │ Ada', '  age  │ 36']);
  });

  it('a sorted set is bars in score order, longer for higher scores', () => {
    const lines = body({ ...base, key: 'z', type: 'zset', entries: [['bob', 10], ['ann', 40]], size: 2 }, 30);
    expect(lines[0]).toMatch(/^ {2}bob █+ +10$/);
    expect(lines[1]).toMatch(/^ {2}ann █+ +40$/);
    const bars = lines.map((line) => (line.match(/█+/)?.[0] ?? '').length);
    expect(bars[1]).toBeGreaterThan(bars[0] ?? 0);
  });

  it('a stream shows its last entries with ids', () => {
    expect(
      body({ ...base, key: 'x', type: 'stream', entries: [{ id: '1-0', fields: [['temp', '21']] }, { id: '2-0', fields: [['temp', '22']] }], length: 10 }),
    ).toEqual(['  … 8 more older entries', '  1-0 temp=21', '  2-0 temp=22']);
  });

  it('a missing pinned key says so; a missing touched key is left out', () => {
    const panel = buildPanel(
      [
        { ...base, pttl: -2, key: 'wanted', type: 'none' },
        { ...base, pttl: -2, key: 'deleted', type: 'none' },
      ],
      { width: 30, pinned: ['wanted'], language: 'en' },
    );
    expect(panel.keys.map((key) => key.key)).toEqual(['wanted']);
    expect(text(panel.keys[0]?.body[0] ?? [])).toBe('  (no such key)');
  });
});

describe('the words around the data, in Russian', () => {
  it.each<[string, KeySnapshot, string]>([
    ['a missing key', { ...base, pttl: -2, key: 'k', type: 'none' }, '  (нет такого ключа)'],
    ['an empty list', { ...base, key: 'k', type: 'list', items: [], length: 0 }, '  (пусто)'],
    ['a long string', { ...base, key: 'k', type: 'string', value: 'abc', length: 5002 }, '  5002 байта'],
    ['items not read', { ...base, key: 'k', type: 'list', items: ['a'], length: 6 }, '  … ещё 5 элементов'],
    ['members not read', { ...base, key: 'k', type: 'set', members: ['a'], size: 2 }, '  … ещё 1 элемент'],
    ['fields not read', { ...base, key: 'k', type: 'hash', fields: [['f', 'v']], size: 4 }, '  … ещё 3 поля'],
    ['older entries', { ...base, key: 'k', type: 'stream', entries: [{ id: '1-0', fields: [['a', '1']] }], length: 22 }, '  … ещё 21 более ранняя запись'],
  ])('%s', (_name, snapshot, line) => {
    const lines = body(snapshot, 40, 'ru');
    expect(lines).toContain(line);
    // The same picture in English has no Russian words.
    expect(body(snapshot, 40, 'en').join('\n')).not.toMatch(/[а-яё]/i);
  });

  it('TTLs count down in Russian units', () => {
    expect(ttlLabel(10_000, 0, 3_500, 'ru')).toBe('TTL 7с');
    expect(ttlLabel(125_000, 0, 0, 'ru')).toBe('TTL 2м05с');
    expect(ttlLabel(7_380_000, 0, 0, 'ru')).toBe('TTL 2ч03м');
    expect(ttlLabel(10_000, 0, 10_000, 'ru')).toBe('TTL истёк');
  });
});

describe('TTL countdown', () => {
  it('counts down from the time of the read without asking again', () => {
    expect(ttlLabel(-1, 0, 5_000, 'en')).toBeUndefined();
    expect(ttlLabel(10_000, 0, 0, 'en')).toBe('TTL 10s');
    expect(ttlLabel(10_000, 0, 3_500, 'en')).toBe('TTL 7s');
    expect(ttlLabel(10_000, 0, 10_000, 'en')).toBe('TTL expired');
    expect(ttlLabel(125_000, 0, 0, 'en')).toBe('TTL 2m05s');
    expect(ttlLabel(7_380_000, 0, 0, 'en')).toBe('TTL 2h03m');
    const [picture] = buildPanel([{ key: 'session', type: 'string', value: 'x', length: 1, pttl: 30_000, fetchedAt: 0 }], { width: 40, pinned: [], language: 'en' }).keys;
    expect(text(headingLine(picture!, 40, 25_000, 'en'))).toBe('session string · 1 TTL 5s');
    expect(headingLine(picture!, 40, 25_000, 'en').at(-1)?.tone).toBe('expiring');
    expect(text(headingLine(picture!, 40, 25_000, 'ru'))).toBe('session string · 1 TTL 5с');
  });
});

describe('panelKeys', () => {
  it('puts the exercise keys first, then touched keys newest first, without duplicates', () => {
    expect(panelKeys(['a', 'b'], ['x', 'a', 'y', 'x'], 4)).toEqual(['a', 'b', 'x', 'y']);
    expect(panelKeys([], ['k1', 'k2', 'k3'], 2)).toEqual(['k3', 'k2']);
  });
});
