import { execFileSync } from 'node:child_process';
import type { PtySession } from './pty-session.js';
import { command } from './tutor-harness.js';

/** A way into the private redis-server of the tutor under test, beside the learner's prompt. */
export interface PrivateServer {
  port: number;
  /** `redis-cli -p PORT ARGS...`, logged in; its output. */
  redisCli(args: readonly string[]): string;
}

/**
 * The private server has a random password, which the learner's prompt can
 * show (CONFIG GET requirepass): asks there, at a ready prompt, and reads the
 * port from the status line.
 */
export async function privateServerOf(tui: PtySession): Promise<PrivateServer> {
  await command(tui, 'CONFIG GET requirepass');
  const screen = await tui.waitFor(/2\) "[0-9a-f]{32}"/);
  const password = /2\) "([0-9a-f]{32})"/.exec(screen)?.[1] ?? '';
  const port = Number(/private redis-server [\d.]+ on 127\.0\.0\.1:(\d+)/.exec(screen)?.[1]);
  if (!Number.isInteger(port)) throw new Error(`no private server's address on the screen:\n${screen}`);
  return {
    port,
    redisCli: (args) => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', env: { ...process.env, REDISCLI_AUTH: password } }),
  };
}
