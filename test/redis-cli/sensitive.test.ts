import { describe, expect, it } from 'vitest';
import { isSensitiveCommand } from '../../src/redis-cli/sensitive.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';

/** Each row was typed into redis-cli 7.0.15 and its history file inspected. */
describe('isSensitiveCommand (spec 4.3 step 5, 4.9)', () => {
  it.each<[string, boolean]>([
    ['ping', false],
    ['auth foo', true],
    ['AUTH', true],
    ['Auth x', true],
    ['"auth\\x00y" z', true],
    ['acl setuser', true],
    ['acl SETUSER bob', true],
    ['acl getuser bob', false],
    ["config set requirepass ''", true],
    ['config set requirepass', true],
    ['config set MasterUser u', true],
    ['config set masterauth pw', true],
    ['config get requirepass', false],
    ['hello 3 auth a b', true],
    ['hello 3 auth a', false],
    ['hello 3 setname x', false],
    ['hello 3 setname x auth a b', true],
    ['hello 3 setname auth a b', false],
    ['hello 3 foo auth a b', false],
    ['hello auth auth a b', true],
    ['migrate h p k 0 5 copy auth pw', true],
    ['migrate h p k 0 5 keys auth pw', false],
    ['migrate h p "" 0 5 auth2 u pw', true],
    ['migrate h p "" 0 5 auth2 u', false],
    ['migrate h p "" 0 5 keys k auth x', false],
    ['migrate h p "" 0 auth x y z', false],
    ['echo "unbal"', false],
  ])('%s -> %s', (line, expected) => {
    expect(isSensitiveCommand(splitArgs(line) as Buffer[])).toBe(expected);
  });
});
