import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History, HistoryFile, dotfilePath, fgetsChunks, historyFileLines, historyFilePath, loadHistory, saveHistory } from '../../src/redis-cli/history.js';

const dir = () => mkdtempSync(join(tmpdir(), 'redis-tutor-history-test-'));
const lines = (history: History): string[] => history.entries.map((entry) => entry.toString('latin1'));

describe('History (linenoise in-memory list)', () => {
  it.each<[string, string[], string[]]>([
    ['keeps lines in order', ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['drops a line equal to the newest', ['a', 'a', 'b', 'a'], ['a', 'b', 'a']],
    ['keeps lines exactly as typed', ['  get   k  ', 'echo "unbal'], ['  get   k  ', 'echo "unbal']],
  ])('%s', (_name, added, expected) => {
    const history = new History();
    for (const line of added) history.add(line);
    expect(lines(history)).toEqual(expected);
  });

  it('caps at 100 entries, dropping the oldest', () => {
    const history = new History();
    for (let i = 0; i < 150; i++) history.add(`cmd ${i}`);
    expect(history.entries.length).toBe(100);
    expect(lines(history)[0]).toBe('cmd 50');
    expect(lines(history)[99]).toBe('cmd 149');
  });

  it('reports whether a line was added', () => {
    const history = new History();
    expect(history.add('x')).toBe(true);
    expect(history.add('x')).toBe(false);
  });

  it('keeps nothing with a zero cap', () => {
    const history = new History(0);
    expect(history.add('x')).toBe(false);
    expect(history.entries).toEqual([]);
  });
});

describe('the history file path (getDotfilePath)', () => {
  it.each<[string, NodeJS.ProcessEnv, string | null]>([
    ['$REDISCLI_HISTFILE wins', { REDISCLI_HISTFILE: '/tmp/h', HOME: '/home/u' }, '/tmp/h'],
    ['/dev/null turns it off', { REDISCLI_HISTFILE: '/dev/null', HOME: '/home/u' }, null],
    ['an empty variable means the default', { REDISCLI_HISTFILE: '', HOME: '/home/u' }, '/home/u/.rediscli_history'],
    ['$HOME/.rediscli_history', { HOME: '/home/u' }, '/home/u/.rediscli_history'],
    ['no HOME, no file', {}, null],
    ['an empty HOME, no file', { HOME: '' }, null],
  ])('%s', (_name, env, expected) => {
    expect(historyFilePath(env)).toBe(expected);
  });

  it('is the same rule for other dotfiles', () => {
    expect(dotfilePath('REDISCLI_RCFILE', '.redisclirc', { HOME: '/h' })).toBe('/h/.redisclirc');
  });
});

describe('reading a history file (linenoiseHistoryLoad)', () => {
  it.each<[string, string, string[]]>([
    ['one entry per line', 'a\nb\n', ['a', 'b']],
    ['a last line without newline', 'a\nb', ['a', 'b']],
    ['CR cuts a line', 'a\r\nb\rc\n', ['a', 'b']],
    ['empty lines are entries', 'a\n\nb\n', ['a', '', 'b']],
    ['consecutive duplicates collapse', 'a\na\nb\n', ['a', 'b']],
  ])('%s', (_name, content, expected) => {
    const file = join(dir(), 'h');
    writeFileSync(file, content);
    const history = new History();
    loadHistory(history, file);
    expect(lines(history)).toEqual(expected);
  });

  it('splits lines longer than 4095 bytes like fgets', () => {
    expect(historyFileLines(Buffer.from(`${'x'.repeat(5000)}\n`)).map((line) => line.length)).toEqual([4095, 905]);
    expect(fgetsChunks(Buffer.from('ab\ncd'), 1024).map(String)).toEqual(['ab\n', 'cd']);
  });

  it('keeps the newest 100 of a longer file', () => {
    const file = join(dir(), 'h');
    writeFileSync(file, Array.from({ length: 120 }, (_, i) => `l${i}\n`).join(''));
    const history = new History();
    loadHistory(history, file);
    expect(lines(history)[0]).toBe('l20');
  });

  it('ignores a missing file', () => {
    const history = new History();
    loadHistory(history, join(dir(), 'missing'));
    loadHistory(history, null);
    expect(history.entries).toEqual([]);
  });
});

describe('writing the history file', () => {
  it('rewrites the whole list, one line each, mode 0600', async () => {
    const file = join(dir(), 'h');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    expect(await saveHistory([Buffer.from('ping'), Buffer.from('x y')], file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('ping\nx y\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports failure instead of throwing', async () => {
    expect(await saveHistory([Buffer.from('x')], join(dir(), 'no', 'such', 'dir', 'h'))).toBe(false);
    expect(await saveHistory([Buffer.from('x')], null)).toBe(false);
  });

  it('writes through a symlinked history file', async () => {
    const base = dir();
    writeFileSync(join(base, 'real'), '');
    symlinkSync(join(base, 'real'), join(base, 'link'));
    await saveHistory([Buffer.from('x')], join(base, 'link'));
    expect(readFileSync(join(base, 'real'), 'utf8')).toBe('x\n');
  });

  it('HistoryFile adds and saves after every line, the spec 4.9 example', async () => {
    const file = join(dir(), 'h');
    const historyFile = HistoryFile.open({ REDISCLI_HISTFILE: file });
    // What redis-cli stores of: ping, ping, auth foo, 3 auth x y, echo "unbal, config set requirepass '',
    // hello 3 auth a b, hello 3 setname x, "  get   k  ", quit (sensitive lines never reach add()).
    for (const line of ['ping', 'ping', 'echo "unbal', 'hello 3 setname x', '  get   k  ', 'quit']) void historyFile.add(line);
    await historyFile.flush();
    expect(readFileSync(file, 'utf8')).toBe('ping\necho "unbal\nhello 3 setname x\n  get   k  \nquit\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const reopened = HistoryFile.open({ REDISCLI_HISTFILE: file });
    expect(lines(reopened.history)).toEqual(['ping', 'echo "unbal', 'hello 3 setname x', '  get   k  ', 'quit']);
  });
});
