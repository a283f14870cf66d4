import type { CommandCheck } from '../../course/schema.js';
import { errorVerdict, type Verdict } from '../../results/check-result.js';
import { BilingualError } from '../../results/check-result.js';
import { parseCommandLine } from '../command-line.js';
import type { CompiledCheck } from '../checks/compiled-check.js';
import { checkExpectation } from '../expectations.js';
import { dataNodes, runOnNode } from './node-command.js';

/**
 * A command check with `node:`: the command runs on that node of the lab's
 * topology instead of the entry node; `any` passes when the expectation
 * holds on at least one data node (where a key lives in a cluster).
 */
export function compileNodeCheck(check: CommandCheck & { node: string }): CompiledCheck {
  const args = parseCommandLine(check.command);
  return {
    check,
    commands: () => [],
    judge: async (_replies, context) => {
      const topology = context.topology;
      if (!topology) {
        throw new BilingualError({
          en: `this check asks node ${check.node}, but the exercise declares no topology.`,
          ru: `проверка обращается к узлу ${check.node}, но у упражнения нет topology.`,
        });
      }
      if (check.node !== 'any') return judgeOn(() => runOnNode(topology.node(check.node), args), check);
      let last: Verdict | undefined;
      for (const node of dataNodes(topology)) {
        last = await judgeOn(() => runOnNode(node, args), check);
        if (last.passed) return last;
      }
      return last ?? errorVerdict(new Error('the topology has no data node'));
    },
  };
}

async function judgeOn(run: () => Promise<Parameters<typeof checkExpectation>[1]>, check: CommandCheck): Promise<Verdict> {
  try {
    return checkExpectation(check.expect, await run());
  } catch (error) {
    return errorVerdict(error);
  }
}
