import type { Check } from '../../course/schema.js';
import { errorVerdict } from '../../results/check-result.js';
import { compileCommandCheck } from './command-check.js';
import type { CompiledCheck } from './compiled-check.js';
import { compileJsCheck } from './js-check.js';
import { compileKeyCheck } from './key-check.js';
import { compileLuaCheck } from './lua-check.js';
import { compilePublishedCheck } from './published-check.js';
import { compileSubscribedCheck } from './subscribed-check.js';
import { compileConnectionsCheck, compileExitCodeCheck, compileOutputCheck } from './program-checks.js';
import { compileActedCheck, compileReceivedCheck } from './received-check.js';
import { compileNotUsedCheck, compileUsedCheck } from './used-check.js';
import { compileNodeCheck } from '../topology/node-check.js';

export function compileCheck(check: Check): CompiledCheck {
  switch (check.kind) {
    case 'command':
      return check.node === undefined ? compileCommandCheck(check) : compileNodeCheck({ ...check, node: check.node });
    case 'key':
      return compileKeyCheck(check);
    case 'lua':
      return compileLuaCheck(check);
    case 'used':
      return compileUsedCheck(check);
    case 'notUsed':
      return compileNotUsedCheck(check);
    case 'published':
      return compilePublishedCheck(check);
    case 'subscribed':
      return compileSubscribedCheck(check);
    case 'js':
      return compileJsCheck(check);
    case 'output':
      return compileOutputCheck(check);
    case 'exitCode':
      return compileExitCodeCheck(check);
    case 'connections':
      return compileConnectionsCheck(check);
    case 'received':
      return compileReceivedCheck(check);
    case 'acted':
      return compileActedCheck(check);
  }
}

/** A check whose command line cannot be parsed still shows in the checklist, failing with the reason. */
export function compileCheckSafely(check: Check): CompiledCheck {
  try {
    return compileCheck(check);
  } catch (error) {
    // A course bug (lint reports it first); the message is for the author, the same in both languages.
    const verdict = errorVerdict(error);
    return { check, commands: () => [], judge: () => verdict };
  }
}
