import { describe, expect, it } from 'vitest';
import { configLineToArgs } from '../../src/redis/config-line-args.js';
import { containerServerArgs } from '../../src/redis/docker-server.js';
import { effectivePassword, privateServerConfig, quoteConfigValue } from '../../src/redis/private-server-config.js';

const lines = (version: string, extraConfig: string[] = []) =>
  privateServerConfig({ version, port: 41234, dir: '/tmp/redis-tutor-x', password: '0123abcd', extraConfig }).trimEnd().split('\n');

describe('private server config', () => {
  it.each([
    'port 41234',
    'bind 127.0.0.1',
    'protected-mode yes',
    'requirepass "0123abcd"',
    'dir "/tmp/redis-tutor-x"',
    'save ""',
    'appendonly no',
    'maxmemory 256mb',
    'maxmemory-policy noeviction',
  ])('always has %j', (line) => {
    expect(lines('7.0.15')).toContain(line);
    expect(lines('6.2.14')).toContain(line);
  });

  it.each([
    ['7.0.15', ['enable-debug-command no', 'enable-module-command no', 'enable-protected-configs no'], ['rename-command DEBUG ""']],
    ['8.0.1', ['enable-debug-command no', 'enable-module-command no', 'enable-protected-configs no'], ['rename-command MODULE ""']],
    ['6.2.14', ['rename-command DEBUG ""', 'rename-command MODULE ""'], ['enable-debug-command no', 'enable-protected-configs no']],
  ])('on %s turns DEBUG and MODULE off the way that version understands', (version, present, absent) => {
    for (const line of present) expect(lines(version)).toContain(line);
    for (const line of absent) expect(lines(version)).not.toContain(line);
  });

  it('puts extra lines last, so they override the defaults', () => {
    const config = lines('7.0.15', ['maxmemory 64mb', 'notify-keyspace-events KEA']);
    expect(config.slice(-2)).toEqual(['maxmemory 64mb', 'notify-keyspace-events KEA']);
  });

  it.each([
    ['no extra lines: ours', [], 'ours'],
    ['an extra requirepass wins', ['maxmemory 64mb', 'requirepass s3cret'], 's3cret'],
    ['the last one wins, quoted as redis.conf reads it', ['requirepass one', 'REQUIREPASS "two words"'], 'two words'],
    ['an empty one means none', ['requirepass ""'], undefined],
  ])('the password the server really has: %s', (_case, extraConfig, expected) => {
    expect(effectivePassword('ours', extraConfig)).toBe(expected);
  });

  it.each([
    ['/tmp/plain', '"/tmp/plain"'],
    ['/tmp/with space', '"/tmp/with space"'],
    ['/tmp/q"uote\\slash', '"/tmp/q\\"uote\\\\slash"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(quoteConfigValue(value)).toBe(quoted);
  });
});

describe('config lines as arguments (Docker)', () => {
  it.each([
    ['maxmemory 64mb', ['--maxmemory', '64mb']],
    ['rename-command DEBUG ""', ['--rename-command', 'DEBUG', '']],
    ['  save   ""  ', ['--save', '']],
    ['notify-keyspace-events "KEA"', ['--notify-keyspace-events', 'KEA']],
    ["requirepass 'two words'", ['--requirepass', 'two words']],
    ['requirepass "say \\"hi\\""', ['--requirepass', 'say "hi"']],
    ['# a comment', []],
    ['', []],
  ])('%j', (line, args) => {
    expect(configLineToArgs(line)).toEqual(args);
  });

  it('gives the container the same safety settings plus the extra lines', () => {
    const args = containerServerArgs(['maxmemory 64mb']);
    expect(args[0]).toBe('redis-server');
    expect(args.join(' ')).toContain('--save  --appendonly no --maxmemory 256mb --maxmemory-policy noeviction');
    expect(args.join(' ')).toContain('--enable-debug-command no --enable-module-command no --enable-protected-configs no');
    expect(args.slice(-2)).toEqual(['--maxmemory', '64mb']);
  });
});
