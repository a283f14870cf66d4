import { extname } from 'node:path';

/** How to start a program answer: the interpreter for its extension, or the file itself. */
export interface ProgramCommand {
  command: string;
  args: string[];
  /** When the command is missing (ENOENT), what to tell the student. */
  missingHint: string;
}

/** Node.js runs .ts itself from 22.6 (with --experimental-strip-types; 23.6 on by default). */
function nodeStripsTypes(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6);
}

export function programCommand(file: string, nodeVersion?: string): ProgramCommand {
  switch (extname(file)) {
    case '.py':
      return { command: 'python3', args: [file], missingHint: 'python3 is not installed on the grading machine' };
    case '.js':
    case '.mjs':
      // The Node.js running the grader: always there, and the version the teacher chose.
      return { command: process.execPath, args: [file], missingHint: 'node is not available' };
    case '.ts':
      return nodeStripsTypes(nodeVersion)
        ? { command: process.execPath, args: ['--experimental-strip-types', '--no-warnings', file], missingHint: 'node is not available' }
        : { command: 'tsx', args: [file], missingHint: '.ts answers need Node.js 22.6 or newer, or tsx on PATH' };
    case '.sh':
      return { command: 'bash', args: [file], missingHint: 'bash is not installed on the grading machine' };
    default:
      // Any other executable: its own #! line decides.
      return { command: file, args: [], missingHint: 'the file could not be executed' };
  }
}
