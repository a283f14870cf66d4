import { processIo } from './io.js';
import { renderError } from './render-error.js';
import { runProgram } from './program.js';

/** Entry point used by bin/redis-tutor.js. The one place that sets the process exit code. */
export async function main(argv: string[]): Promise<void> {
  const io = processIo();
  try {
    process.exitCode = await runProgram(argv, io);
  } catch (error) {
    const { text, exitCode } = renderError(error);
    io.stderr.write(text);
    process.exitCode = exitCode;
  }
}
