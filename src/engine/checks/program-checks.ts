import type { ConnectionsCheck, ExitCodeCheck, OutputCheck } from '../../course/schema.js';
import { EXPECT, joinPieces, type Piece } from '../texts.js';
import type { BilingualText, Verdict } from '../../results/check-result.js';
import { compareNumber, describeComparison } from '../expectations.js';
import { formatValue } from '../format-value.js';
import type { ProgramFacts } from '../program-facts.js';
import { PROGRAM } from '../program-texts.js';
import type { CompiledCheck } from './compiled-check.js';

/** The end of the output shown as found: enough to recognise it. */
const SHOWN_TAIL_CHARS = 120;

/** A check only a program answer can pass: for typed lines it fails, saying so. */
function onProgram(check: OutputCheck | ExitCodeCheck | ConnectionsCheck, expected: BilingualText, judge: (program: ProgramFacts) => Verdict): CompiledCheck {
  return {
    check,
    commands: () => [],
    judge: (_replies, context) => (context.program ? judge(context.program) : { passed: false, expected, found: PROGRAM.typedLines }),
  };
}

/** `output`: what a program printed contains the texts, matches the expression, has so many lines. */
export function compileOutputCheck(check: OutputCheck): CompiledCheck {
  const regex = check.matches !== undefined ? new RegExp(check.matches, 'm') : undefined;
  const wanted: Piece[] = [
    ...check.contains.map((text) => PROGRAM.outputContaining(formatValue(text))),
    ...(check.matches !== undefined ? [PROGRAM.outputMatching(check.matches)] : []),
    ...(check.lines !== undefined ? [PROGRAM.outputLines(describeComparison(check.lines))] : []),
  ];
  const expected = joinPieces(wanted, EXPECT.and);
  return onProgram(check, expected, ({ output }) => {
    const lines = output === '' ? 0 : output.replace(/\n$/, '').split('\n').length;
    const holds =
      check.contains.every((text) => output.includes(text)) && (regex === undefined || regex.test(output)) && (check.lines === undefined || compareNumber(lines, check.lines));
    if (holds) return { passed: true };
    const tail = formatValue(output.length > SHOWN_TAIL_CHARS ? `…${output.slice(-SHOWN_TAIL_CHARS)}` : output);
    const found = output === '' ? PROGRAM.noOutput : check.lines !== undefined ? PROGRAM.lines(lines, tail) : PROGRAM.printed(tail);
    return { passed: false, expected, found };
  });
}

/** `exitCode`: the program exited by itself with this code. */
export function compileExitCodeCheck(check: ExitCodeCheck): CompiledCheck {
  const expected = PROGRAM.exitCode(check.exitCode);
  return onProgram(check, expected, (program) => {
    if (program.exitCode === check.exitCode) return { passed: true };
    const found =
      program.exitCode !== null
        ? PROGRAM.exitCode(program.exitCode)
        : program.ending === 'stopped-waiting'
          ? PROGRAM.stoppedWaiting
          : PROGRAM.endedBy(program.signal ?? 'the grader');
    return { passed: false, expected, found };
  });
}

/** `connections`: how many connections the program opened to Redis, in all. */
export function compileConnectionsCheck(check: ConnectionsCheck): CompiledCheck {
  const expected = PROGRAM.connections(describeComparison(check.count));
  return onProgram(check, expected, ({ connectionsOpened }) =>
    compareNumber(connectionsOpened, check.count) ? { passed: true } : { passed: false, expected, found: PROGRAM.connectionsOpened(connectionsOpened) },
  );
}
