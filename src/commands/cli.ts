import type { Action } from './action.js';
import { parseCliOptions } from '../cli/cli-options.js';
import { processInterrupts } from '../cli/interrupts.js';
import { runCli } from '../cli/run-cli.js';

/** `redis-tutor cli`: redis-cli 7.0.15, byte for byte (see src/cli/). */
export const cliAction: Action = async ({ options, operands, io }) => {
  const parsed = parseCliOptions(options, operands, { stdoutIsTty: io.stdout.isTTY === true, env: io.env });
  return runCli(parsed, io, { interrupts: processInterrupts });
};
