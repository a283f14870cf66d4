/**
 * redis-cli's REPL on a stdin that is not a terminal: no prompt, no echo, no
 * history, lines run in order until EOF or `quit`. Plain commands are
 * pipelined (written before earlier replies are in) because the output does
 * not depend on it; anything that can change what happens next (local
 * commands, SUBSCRIBE, MONITOR, AUTH, a lost connection...) waits until
 * every earlier reply is printed and then runs on its own; with `-c`, so
 * does every command.
 */
import { mustRunAlone } from './command-kind.js';
import type { LineExecutor } from './line-executor.js';
import { routeLine } from '../redis-cli/line-router.js';
import { ReplyPump } from './reply-pump.js';

/** Commands in flight before the reader waits for replies; bounds memory on huge inputs. */
const WINDOW = 2048;

export async function runPipedLines(batches: AsyncIterable<Buffer[]>, executor: LineExecutor): Promise<void> {
  const pump = new ReplyPump(executor);
  const input = batches[Symbol.asyncIterator]();
  try {
    for (;;) {
      // A reply that ends the session (e.g. a fatal error) must not wait for more input.
      const next = await Promise.race([input.next(), pump.failed]);
      if (next.done === true) break;
      for (const line of next.value) {
        const plan = routeLine(line);
        const connection = executor.link.connection;
        // With -c any reply may be a redirect that moves the session to another node, so nothing goes ahead of it.
        if (!executor.followsRedirects && plan.kind === 'command' && plan.repeat <= WINDOW && connection !== null && connection.closed === null && !mustRunAlone(plan.args)) {
          for (let i = 0; i < plan.repeat; i++) connection.write(plan.args);
          pump.push({ args: plan.args, repeat: plan.repeat, connection, sentAt: Date.now() });
          if (pump.size >= WINDOW) await pump.waitUntil(WINDOW / 2);
          continue;
        }
        await pump.drain();
        await executor.runRoute(plan, line);
      }
    }
    await pump.drain();
  } finally {
    pump.stop();
    void input.return?.();
  }
}
