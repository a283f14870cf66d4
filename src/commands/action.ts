import type { Io } from '../io.js';

/** A subcommand handler: receives parsed options (and positional arguments), returns the exit code. */
export type Action = (args: { options: Record<string, unknown>; operands: string[]; io: Io }) => Promise<number>;
