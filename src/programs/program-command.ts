import { extname } from 'node:path';
import { DEFAULT_PYTHON, type Interpreters } from './interpreters.js';
import { ioredisPreloadUrl } from './tutor-ioredis.js';

/** How to start a program answer: the interpreter for its extension, or the file itself. */
export interface ProgramCommand {
  command: string;
  args: string[];
  /** When the command is missing (ENOENT), what to tell the student. */
  missingHint: string;
  /** The language, for what a missing module is called and how it is installed. */
  language?: 'python' | 'javascript';
}

export interface ProgramCommandOptions {
  interpreters?: Interpreters;
  /** Python 3.11 and newer take -P; older ones get the same effect from a small bootstrap (see below). */
  pythonSafePath?: boolean;
  nodeVersion?: string;
}

/** Node.js runs .ts itself from 22.6 (with --experimental-strip-types; 23.6 on by default). */
function nodeStripsTypes(version: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6);
}

/**
 * Runs the file as __main__ without its folder on sys.path, as -P does: the
 * bootstrap's own '' entry is dropped, and run_path does not add the
 * script's folder for a file.
 */
const PYTHON_BOOTSTRAP = "import runpy, sys; sys.path[:1] = [] if sys.path[:1] == [''] else sys.path[:1]; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')";

export function programCommand(file: string, options: ProgramCommandOptions = {}): ProgramCommand {
  const python = options.interpreters?.python ?? DEFAULT_PYTHON;
  const node = options.interpreters?.node ?? process.execPath;
  // The tutor's own ioredis answers `import Redis from 'ioredis'` when the submission has none (./tutor-ioredis.ts).
  const preload = ['--import', ioredisPreloadUrl()];
  const nodeMissing = node === process.execPath ? 'node is not available' : `${node} (--node or REDIS_TUTOR_NODE) was not found`;
  switch (extname(file)) {
    case '.py':
      // A file named queue.py or redis.py must not stand in for the module an import asks for: the answer's folder is not on sys.path.
      return {
        command: python,
        args: options.pythonSafePath === false ? ['-c', PYTHON_BOOTSTRAP, file] : ['-P', file],
        missingHint: `${python} was not found on the grading machine; choose a Python with --python PATH or REDIS_TUTOR_PYTHON`,
        language: 'python',
      };
    case '.js':
    case '.mjs':
    case '.cjs':
      // The Node.js running the grader by default: always there, and the version the teacher chose.
      return { command: node, args: [...preload, file], missingHint: nodeMissing, language: 'javascript' };
    case '.ts':
      return nodeStripsTypes(options.nodeVersion)
        ? { command: node, args: ['--experimental-strip-types', '--no-warnings', ...preload, file], missingHint: nodeMissing, language: 'javascript' }
        : { command: 'tsx', args: [file], missingHint: '.ts answers need Node.js 22.6 or newer, or tsx on PATH', language: 'javascript' };
    case '.sh':
      return { command: 'bash', args: [file], missingHint: 'bash is not installed on the grading machine' };
    default:
      // Any other executable: its own #! line decides.
      return { command: file, args: [], missingHint: 'the file could not be executed' };
  }
}
