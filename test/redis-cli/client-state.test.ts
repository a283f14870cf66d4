import { describe, expect, it } from 'vitest';
import {
  afterReconnect,
  applyCommand,
  dbToReselect,
  initialClientState,
  isReselectingAuth,
  promptFor,
  type ClientState,
} from '../../src/redis-cli/client-state.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';
import type { Reply } from '../../src/resp/types.js';

const status = (text: string): Reply => ({ type: 'status', value: Buffer.from(text) });
const error = (text: string): Reply => ({ type: 'error', value: Buffer.from(text) });
const OK = status('OK');
const QUEUED = status('QUEUED');
const NIL: Reply = { type: 'nil' };
const target = { host: '127.0.0.1', port: 6401, connected: true };

type Step = [line: string, reply: Reply, prompt: string];

function run(steps: Step[], start: ClientState = initialClientState()): string[] {
  let state = start;
  return steps.map(([line, reply]) => {
    state = applyCommand(state, splitArgs(line) as Buffer[], reply);
    return promptFor(state, target);
  });
}

describe('prompt after each command (spec 4.1, 4.2)', () => {
  it.each<[string, Step[]]>([
    [
      'select, multi, exec',
      [
        ['select 1', OK, '127.0.0.1:6401[1]> '],
        ['multi', OK, '127.0.0.1:6401[1](TX)> '],
        ['ping', QUEUED, '127.0.0.1:6401[1](TX)> '],
        ['exec', { type: 'array', items: [status('PONG')] }, '127.0.0.1:6401[1]> '],
      ],
    ],
    [
      'EXECABORT restores the db from before MULTI',
      [
        ['select 3', OK, '127.0.0.1:6401[3]> '],
        ['multi', OK, '127.0.0.1:6401[3](TX)> '],
        ['badcmd', error("ERR unknown command 'badcmd', with args beginning with: "), '127.0.0.1:6401[3](TX)> '],
        ['select 4', QUEUED, '127.0.0.1:6401[4](TX)> '],
        ['exec', error('EXECABORT Transaction discarded because of previous errors.'), '127.0.0.1:6401[3]> '],
      ],
    ],
    [
      'a WATCH failure (nil EXEC) restores the db',
      [
        ['watch wk', OK, '127.0.0.1:6401> '],
        ['multi', OK, '127.0.0.1:6401(TX)> '],
        ['select 2', QUEUED, '127.0.0.1:6401[2](TX)> '],
        ['exec', NIL, '127.0.0.1:6401> '],
      ],
    ],
    [
      'quirk: a successful EXEC keeps the queued db even when SELECT failed inside',
      [
        ['multi', OK, '127.0.0.1:6401(TX)> '],
        ['select 99', QUEUED, '127.0.0.1:6401[99](TX)> '],
        ['exec', { type: 'array', items: [error('ERR DB index is out of range')] }, '127.0.0.1:6401[99]> '],
      ],
    ],
    [
      'DISCARD restores the db from before MULTI',
      [
        ['select 2', OK, '127.0.0.1:6401[2]> '],
        ['multi', OK, '127.0.0.1:6401[2](TX)> '],
        ['select 7', QUEUED, '127.0.0.1:6401[7](TX)> '],
        ['discard', OK, '127.0.0.1:6401[2]> '],
      ],
    ],
    [
      'RESET goes back to db 0 outside MULTI',
      [
        ['select 5', OK, '127.0.0.1:6401[5]> '],
        ['multi', OK, '127.0.0.1:6401[5](TX)> '],
        ['reset', status('RESET'), '127.0.0.1:6401> '],
      ],
    ],
    [
      'errors change nothing',
      [
        ['select 01', error('ERR value is not an integer or out of range'), '127.0.0.1:6401> '],
        ['select 2', OK, '127.0.0.1:6401[2]> '],
        ['multi', OK, '127.0.0.1:6401[2](TX)> '],
        ['multi', error('ERR MULTI calls can not be nested'), '127.0.0.1:6401[2](TX)> '],
        ['select 3', QUEUED, '127.0.0.1:6401[3](TX)> '],
        ['discard', error('ERR something'), '127.0.0.1:6401[3](TX)> '],
        ['reset', error('ERR something'), '127.0.0.1:6401[3](TX)> '],
      ],
    ],
    [
      'names match any case; argument counts must be exact',
      [
        ['SeLeCt 4', OK, '127.0.0.1:6401[4]> '],
        ['select 5 extra', OK, '127.0.0.1:6401[4]> '],
        ['MULTI', OK, '127.0.0.1:6401[4](TX)> '],
        ['exec extra', error('ERR wrong number'), '127.0.0.1:6401[4](TX)> '],
        ['discard x', OK, '127.0.0.1:6401[4](TX)> '],
        ['Exec', { type: 'array', items: [] }, '127.0.0.1:6401[4]> '],
      ],
    ],
    [
      'EXEC outside MULTI changes nothing',
      [
        ['select 6', OK, '127.0.0.1:6401[6]> '],
        ['exec', error('ERR EXEC without MULTI'), '127.0.0.1:6401[6]> '],
      ],
    ],
    [
      'db numbers go through glibc atoi, as observed in redis-cli 7.0.15',
      [
        ['multi', OK, '127.0.0.1:6401(TX)> '],
        ['select 99999999999', QUEUED, '127.0.0.1:6401[1215752191](TX)> '],
        ['select 99999999999999999999', QUEUED, '127.0.0.1:6401[-1](TX)> '],
        ['select " 3x"', QUEUED, '127.0.0.1:6401[3](TX)> '],
        ['select abc', QUEUED, '127.0.0.1:6401(TX)> '],
        ['select "\\x002"', QUEUED, '127.0.0.1:6401(TX)> '],
        ['select "8\\x009"', QUEUED, '127.0.0.1:6401[8](TX)> '],
      ],
    ],
  ])('%s', (_name, steps) => {
    expect(run(steps)).toEqual(steps.map(([, , prompt]) => prompt));
  });
});

describe('promptFor', () => {
  const inDb2 = applyCommand(initialClientState(), [Buffer.from('select'), Buffer.from('2')], OK);
  it.each<[string, ClientState, { host: string; port: number; connected: boolean }, string]>([
    ['db 0', initialClientState(), target, '127.0.0.1:6401> '],
    ['hostname as given', inDb2, { host: 'localhost', port: 6401, connected: true }, 'localhost:6401[2]> '],
    ['IPv6 in brackets', initialClientState(), { host: '::1', port: 6401, connected: true }, '[::1]:6401> '],
    ['not connected hides everything', inDb2, { ...target, connected: false }, 'not connected> '],
    ['cut to 127 bytes', inDb2, { host: 'h'.repeat(130), port: 6401, connected: true }, 'h'.repeat(127)],
    ['exactly 127 bytes fits', initialClientState(), { host: 'h'.repeat(120), port: 6401, connected: true }, `${'h'.repeat(120)}:6401> `],
  ])('%s', (_name, state, where, expected) => {
    expect(promptFor(state, where)).toBe(expected);
  });
});

describe('re-selecting the remembered db', () => {
  it('a reconnect starts in db 0 outside MULTI and asks for the remembered db', () => {
    let state = initialClientState();
    state = applyCommand(state, splitArgs('select 2') as Buffer[], OK);
    state = applyCommand(state, splitArgs('multi') as Buffer[], OK);
    state = afterReconnect(state);
    expect(promptFor(state, target)).toBe('127.0.0.1:6401> ');
    expect(dbToReselect(state)).toBe(2);
    state = applyCommand(state, splitArgs('SELECT 2') as Buffer[], OK);
    expect(promptFor(state, target)).toBe('127.0.0.1:6401[2]> ');
    expect(dbToReselect(state)).toBeNull();
  });

  it('a failed re-select leaves the db at 0 and the wish in place (e.g. NOAUTH)', () => {
    let state = afterReconnect(initialClientState({ db: 3 }));
    state = applyCommand(state, splitArgs('select 3') as Buffer[], error('NOAUTH Authentication required.'));
    expect(promptFor(state, target)).toBe('127.0.0.1:6401> ');
    expect(dbToReselect(state)).toBe(3);
  });

  it.each<[string, boolean]>([
    ['auth pw', true],
    ['AUTH user pw', true],
    ['auth', false],
    ['auth a b c', false],
    ['authx pw', false],
  ])('AUTH triggers the silent SELECT: %s -> %s', (line, expected) => {
    expect(isReselectingAuth(splitArgs(line) as Buffer[])).toBe(expected);
  });
});

describe('the -3 flag', () => {
  it('is kept across reconnects and cleared by RESET; a typed HELLO 3 is not tracked', () => {
    const flagged = initialClientState({ resp3: true });
    expect(afterReconnect(flagged).resp3).toBe(true);
    expect(applyCommand(flagged, splitArgs('reset') as Buffer[], status('RESET')).resp3).toBe(false);
    const plain = initialClientState();
    expect(applyCommand(plain, splitArgs('hello 3') as Buffer[], { type: 'map', entries: [] }).resp3).toBe(false);
  });
});
