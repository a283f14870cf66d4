import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeJsCheckError, frameInFile } from '../../src/engine/checks/js-check-error.js';
import { findModuleSyntaxError, parseCheckReport } from '../../src/lib/module-syntax.js';
import { BilingualError } from '../../src/results/check-result.js';

const checks = join(import.meta.dirname, '../fixtures/course-js-errors/01-scores/checks');
const syntaxCheck = { module: 'checks/syntax.js', modulePath: join(checks, 'syntax.js') };
const throwingCheck = { module: 'checks/throws.js', modulePath: join(checks, 'throws.js') };

describe('findModuleSyntaxError: where a module does not parse, from node --check', () => {
  it('finds the line and column of the syntax error', async () => {
    expect(await findModuleSyntaxError(syntaxCheck.modulePath)).toEqual({ line: 4, column: 28, message: "SyntaxError: Unexpected token ';'" });
  });

  it('finds nothing in a file that parses, or one that is not there', async () => {
    expect(await findModuleSyntaxError(throwingCheck.modulePath)).toBeUndefined();
    expect(await findModuleSyntaxError(join(checks, 'no-such-check.js'))).toBeUndefined();
  });

  it('reads the report node --check writes', () => {
    const report = "[stdin]:12\n    return x +;\n              ^\n\nSyntaxError: Unexpected token ';'\n    at checkSyntax (node:internal/main/check_syntax:74:5)\n";
    expect(parseCheckReport(report)).toEqual({ line: 12, column: 15, message: "SyntaxError: Unexpected token ';'" });
    expect(parseCheckReport('something else\n')).toBeUndefined();
  });
});

describe('describeJsCheckError: the check file, line, column and error, never the tutor', () => {
  const url = pathToFileURL(throwingCheck.modulePath).href;

  it('takes the first frame in the check file, past the frames of the tutor and its libraries', async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'rank')");
    error.stack = [
      `TypeError: ${error.message}`,
      '    at Object.get (file:///usr/lib/node_modules/redis-tutor/dist/engine/checks/js-check.js:40:11)',
      `    at rankOf (${url}:4:16)`,
      `    at Module.check (${url}:9:10)`,
      '    at async judgeSafely (file:///usr/lib/node_modules/redis-tutor/dist/engine/run-checks.js:80:12)',
    ].join('\n');
    expect(await describeJsCheckError(error, throwingCheck, false)).toEqual({
      en: "checks/throws.js:4:16: TypeError: Cannot read properties of undefined (reading 'rank') (in rankOf)",
      ru: "checks/throws.js:4:16: TypeError: Cannot read properties of undefined (reading 'rank') (в функции rankOf)",
    });
  });

  it('an anonymous frame or an async one still gives the place', () => {
    expect(frameInFile(`Error: x\n    at ${url}:3:7`, throwingCheck.modulePath)).toEqual({ line: 3, column: 7 });
    expect(frameInFile(`Error: x\n    at async Module.check (${url}:8:3)`, throwingCheck.modulePath)).toEqual({ line: 8, column: 3, functionName: 'check' });
    expect(frameInFile('Error: x\n    at other (file:///elsewhere.js:1:1)', throwingCheck.modulePath)).toBeUndefined();
  });

  it('a SyntaxError from importing the file is placed with node --check', async () => {
    const error = new SyntaxError("Unexpected token ';'");
    error.stack = "SyntaxError: Unexpected token ';'\n    at compileSourceTextModule (node:internal/modules/esm/utils:346:16)";
    expect(await describeJsCheckError(error, syntaxCheck, true)).toEqual({
      en: "checks/syntax.js:4:28: SyntaxError: Unexpected token ';'",
      ru: "checks/syntax.js:4:28: SyntaxError: Unexpected token ';'",
    });
  });

  it('an error with no frame in the file still names the file; a thrown value is shown as it is; the tutor\'s own texts pass through', async () => {
    const reply = new Error('WRONGTYPE Operation against a key holding the wrong kind of value\nmore');
    reply.name = 'ReplyError';
    reply.stack = 'ReplyError: WRONGTYPE\n    at parseError (file:///x/node_modules/redis-parser/lib/parser.js:179:12)';
    expect((await describeJsCheckError(reply, throwingCheck, false)).en).toBe('checks/throws.js: ReplyError: WRONGTYPE Operation against a key holding the wrong kind of value');
    expect(await describeJsCheckError('nope', throwingCheck, false)).toEqual({ en: 'checks/throws.js threw "nope"', ru: 'checks/throws.js выбросил "nope"' });
    const own = { en: 'checks/throws.js did not finish within 10000 ms', ru: 'checks/throws.js не завершился за 10000 мс' };
    expect(await describeJsCheckError(new BilingualError(own), throwingCheck, false)).toEqual(own);
  });
});
