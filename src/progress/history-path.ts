import { dirname, join } from 'node:path';
import { progressFilePath } from './progress-store.js';

/**
 * The TUI prompt's command history lives beside progress.json (and so
 * follows REDIS_TUTOR_HOME), not in ~/.rediscli_history: what a learner
 * types in the tutor must not mix into their real redis-cli history.
 */
export const PROMPT_HISTORY_FILE_NAME = 'history';

export function promptHistoryFilePath(env: NodeJS.ProcessEnv): string {
  return join(dirname(progressFilePath(env)), PROMPT_HISTORY_FILE_NAME);
}
