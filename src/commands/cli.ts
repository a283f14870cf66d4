import type { Action } from '../program.js';
import { UserError } from '../errors.js';

export const cliAction: Action = async () => {
  throw new UserError("'cli' is being built.");
};
