import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_COMMAND_TABLE } from '../../src/redis-cli/command-docs.js';
import { HISTORY_MAX_LENGTH } from '../../src/redis-cli/history.js';
import { openHistoryFile, promptServices } from '../../src/tutor/prompt-services.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-history-'));
  dirs.push(dir);
  // A folder that does not exist yet, as on a learner's first run.
  return join(dir, 'data', 'history');
}

describe('the prompt history file', () => {
  it('saves the lines marked to save, keeps `:` commands to the session, and the next session recalls what was saved', async () => {
    const file = tempFile();
    const first = promptServices(EMPTY_COMMAND_TABLE, { historyFile: openHistoryFile(file) });
    first.remember('SET greeting hello', { save: true });
    first.remember(':hint', { save: false });
    first.remember('GET greeting', { save: true });
    await first.flushHistory();
    expect(first.history.entries.map(String)).toEqual(['SET greeting hello', ':hint', 'GET greeting']);
    expect(readFileSync(file, 'utf8')).toBe('SET greeting hello\nGET greeting\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = promptServices(EMPTY_COMMAND_TABLE, { historyFile: openHistoryFile(file) });
    expect(second.history.entries.map(String)).toEqual(['SET greeting hello', 'GET greeting']);
  });

  it('keeps at most redis-cli’s 100 lines', async () => {
    const file = tempFile();
    const services = promptServices(EMPTY_COMMAND_TABLE, { historyFile: openHistoryFile(file) });
    for (let i = 0; i < HISTORY_MAX_LENGTH + 5; i++) services.remember(`INCR n${i}`, { save: true });
    await services.flushHistory();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(HISTORY_MAX_LENGTH);
    expect(lines[0]).toBe('INCR n5');
  });

  it('without a file (start --fresh) remembers for the session only', async () => {
    const services = promptServices(EMPTY_COMMAND_TABLE);
    services.remember('PING', { save: true });
    await services.flushHistory();
    expect(services.history.entries.map(String)).toEqual(['PING']);
  });
});
