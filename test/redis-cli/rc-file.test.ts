import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, applyPreference, loadPreferences, rcFilePath } from '../../src/redis-cli/rc-file.js';

const args = (line: string): Buffer[] => line.split(' ').map((word) => Buffer.from(word));

describe('applyPreference (cliSetPreferences)', () => {
  it.each<[string, boolean, boolean, string | null]>([
    [':set hints', true, true, null],
    [':set nohints', true, false, null],
    [':SET NoHints', true, false, null],
    [':set foo', true, true, "unknown redis-cli preference 'foo'\n"],
    [':foo', true, true, "unknown redis-cli internal command ':foo'\n"],
    [':set', true, true, "unknown redis-cli internal command ':set'\n"],
    [':set bar', false, true, ".redisclirc: unknown redis-cli preference 'bar'\n"],
    ['foo', false, true, ".redisclirc: unknown redis-cli internal command 'foo'\n"],
  ])('%j (interactive %s)', (line, interactive, hints, message) => {
    expect(applyPreference(DEFAULT_PREFERENCES, args(line), interactive)).toEqual({ preferences: { hints }, message });
  });
});

describe('loadPreferences (cliLoadPreferences)', () => {
  it('applies lines in order and collects complaints', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'redis-tutor-rc-')), 'rc');
    writeFileSync(file, ':set nohints\n\nfoo\n:set bar\n   \n');
    expect(loadPreferences(file)).toEqual({
      preferences: { hints: false },
      messages: [".redisclirc: unknown redis-cli internal command 'foo'\n", ".redisclirc: unknown redis-cli preference 'bar'\n"],
    });
  });

  it('changes nothing without a file', () => {
    expect(loadPreferences(null)).toEqual({ preferences: DEFAULT_PREFERENCES, messages: [] });
    expect(loadPreferences('/nonexistent/rc')).toEqual({ preferences: DEFAULT_PREFERENCES, messages: [] });
  });

  it('finds $REDISCLI_RCFILE or ~/.redisclirc', () => {
    expect(rcFilePath({ REDISCLI_RCFILE: '/x/rc', HOME: '/h' })).toBe('/x/rc');
    expect(rcFilePath({ HOME: '/h' })).toBe('/h/.redisclirc');
    expect(rcFilePath({ REDISCLI_RCFILE: '/dev/null' })).toBeNull();
  });
});
