/** confirmWithYes(): `--cluster-yes` answers for the learner unless the question ignores it. */
import type { ManagerContext } from './manager-context.js';

export async function confirmWithYes(context: ManagerContext, message: string, ignoreForce: boolean): Promise<boolean> {
  if (!ignoreForce && context.options.yes) return true;
  context.log.print(`${message} (type 'yes' to accept): `);
  await context.log.flush();
  // redis-cli reads 4 bytes and compares the first 3 with "yes".
  const answer = await context.readAnswer(4);
  return answer !== null && answer.startsWith('yes');
}
