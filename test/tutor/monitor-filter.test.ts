import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/course/schema.js';
import { MonitorFilter, monitorCommandText, parseMonitorLine } from '../../src/tutor/monitor-filter.js';

const actor = (...run: string[]) => ({ run: run.map((text) => ({ text })) }) as unknown as Actor;

const CLIENT_LIST = [
  'id=3 addr=127.0.0.1:50001 laddr=127.0.0.1:6390 fd=8 name=redis-tutor:checker age=9 idle=0 flags=N db=0 cmd=client|list',
  'id=4 addr=127.0.0.1:50002 laddr=127.0.0.1:6390 fd=9 name=redis-tutor:learner age=9 idle=0 flags=N db=0 cmd=monitor',
  'id=5 addr=127.0.0.1:50003 laddr=127.0.0.1:6390 fd=10 name= age=2 idle=0 flags=N db=0 cmd=get',
  '',
].join('\r\n');

describe('MonitorFilter', () => {
  const filter = MonitorFilter.fromClientList(CLIENT_LIST, 'redis-tutor:checker', [actor('GET session:7f3a', 'INCR views:home', '!restart')]);

  it('hides the tutor’s own reads (checks, the data panel)', () => {
    expect(filter.shows('1715000000.100000 [0 127.0.0.1:50001] "TYPE" "views:home"')).toBe(false);
    expect(filter.shows('1715000000.100001 [0 127.0.0.1:50001] "GETRANGE" "views:home" "0" "1023"')).toBe(false);
  });

  it('shows what an actor runs on the tutor’s connection: that is the other client the learner watches', () => {
    expect(filter.shows('1715000000.200000 [0 127.0.0.1:50001] "GET" "session:7f3a"')).toBe(true);
    expect(filter.shows('1715000000.200001 [0 127.0.0.1:50001] "INCR" "views:home"')).toBe(true);
  });

  it('shows everyone else, and anything that is not a MONITOR line', () => {
    expect(filter.shows('1715000000.300000 [0 127.0.0.1:50003] "TYPE" "views:home"')).toBe(true);
    expect(filter.shows('1715000000.300001 [0 lua] "TYPE" "views:home"')).toBe(true);
    expect(filter.shows('OK')).toBe(true);
  });
});

describe('MONITOR lines', () => {
  it('are parsed into db, client and command', () => {
    expect(parseMonitorLine('1715000000.123456 [3 127.0.0.1:53122] "SET" "a b" "c"')).toEqual({ db: 3, client: '127.0.0.1:53122', command: '"SET" "a b" "c"' });
    expect(parseMonitorLine('Reading messages...')).toBeUndefined();
  });

  it('quote arguments like sdscatrepr', () => {
    const args = ['SET', 'say "hi"\\', '\n\r\t\x07\b', '\x00é'].map((arg) => Buffer.from(arg, 'utf8'));
    expect(monitorCommandText(args)).toBe('"SET" "say \\"hi\\"\\\\" "\\n\\r\\t\\a\\b" "\\x00\\xc3\\xa9"');
  });
});
