import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.js';
import type { Action } from './commands/action.js';
import type { Io } from './io.js';
import { packageVersion } from './version.js';
import { CLUSTER_FLAGS } from './cli/cluster/cluster-args.js';


/**
 * Each subcommand's code is imported only when that subcommand runs, so
 * `--version` and `cli` never load Ink/React.
 */
type Loader = () => Promise<Action>;

export const loaders: Record<string, Loader> = {
  start: async () => (await import('./commands/start.js')).startAction,
  list: async () => (await import('./commands/list.js')).listAction,
  show: async () => (await import('./commands/show.js')).showAction,
  cli: async () => (await import('./commands/cli.js')).cliAction,
  run: async () => (await import('./commands/run.js')).runAction,
  grade: async () => (await import('./commands/grade.js')).gradeAction,
  validate: async () => (await import('./commands/validate.js')).validateAction,
  project: async () => (await import('./commands/project.js')).projectAction,
  doctor: async () => (await import('./commands/doctor.js')).doctorAction,
};

const urlOption = () => new Option('--url <url>', 'use an existing Redis (redis:// or rediss://) instead of a private one').env('REDIS_URL');
const serverBinOption = () => new Option('--redis-server <path>', 'redis-server binary for the private server').env('REDIS_SERVER_BIN');
const forceOption = () => new Option('--force', 'allow resetting a Redis database that holds keys redis-tutor did not create');
const workspaceOption = () => new Option('--workspace <dir>', 'the folder of your program files (default: REDIS_TUTOR_WORKSPACE, else the tutor\'s data folder)');
const courseOption = () => new Option('--course <dir>', 'the course folder to use (default: REDIS_TUTOR_COURSE, else the bundled course)');
const langOption = () => new Option('--lang <lang>', 'language of the texts').choices(['en', 'ru']);

export function buildProgram(io: Io, onAction: (name: string, operands: string[], options: Record<string, unknown>) => void): Command {
  const program = new Command('redis-tutor');
  program
    .description('Learn Redis by doing: lessons, a redis-cli-exact prompt and live checks on a real Redis.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('--help', 'show help')
    .showHelpAfterError(false)
    // Options after a subcommand belong to it (so `cli incrby x -3` sends -3 instead of reading a flag).
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();

  const sub = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .helpOption('--help', 'show help')
      .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
      .exitOverride();

  sub('start', 'open the interactive tutor')
    .addOption(courseOption())
    .option('--module <id>', 'open this module')
    .option('--exercise <id>', 'open this exercise')
    .option('--fresh', 'ignore saved progress')
    .addOption(workspaceOption())
    .addOption(langOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .addOption(forceOption())
    .action((options: Record<string, unknown>) => onAction('start', [], options));

  sub('list', 'list modules and exercises with your progress')
    .addOption(courseOption())
    .option('--module <id>', 'list only this module')
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .action((options: Record<string, unknown>) => onAction('list', [], options));

  sub('show', 'print an exercise: lesson, task and checks')
    .argument('<id>', 'MODULE/EXERCISE')
    .addOption(courseOption())
    .option('--solution', 'also print the reference solution')
    .option('--in <language>', 'a program exercise: python or javascript (default: the file you changed last, else python)')
    .addOption(workspaceOption())
    .option('--json', 'machine-readable output')
    .addOption(langOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .action((id: string, options: Record<string, unknown>) => onAction('show', [id], options));

  sub('run', 'run your program for an exercise once and check it (for your own editor)')
    .argument('<id>', 'MODULE/EXERCISE')
    .argument('[file]', 'the program to run (default: your file in the workspace, made from the starter)')
    .addOption(courseOption())
    .option('--in <language>', 'python or javascript: which workspace file (default: the one you changed last, else python)')
    .addOption(workspaceOption())
    .option('--timeout <seconds>', 'time limit for the program (default 10)')
    .option('--python <path>', 'the Python that runs .py files (default: REDIS_TUTOR_PYTHON, else python3 from PATH)')
    .option('--node <path>', 'the Node.js that runs .mjs/.js files (default: REDIS_TUTOR_NODE, else the one running redis-tutor)')
    .addOption(langOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .addOption(forceOption())
    .action((id: string, file: string | undefined, options: Record<string, unknown>) => onAction('run', file !== undefined ? [id, file] : [id], options));

  const cliCommand = sub('cli', 'a redis-cli that behaves byte for byte like the real one')
    .argument('[command...]', 'run one command and exit, as redis-cli does')
    .passThroughOptions()
    .option('-h <hostname>', 'server hostname')
    .option('-p <port>', 'server port')
    .option('-u <uri>', 'server URI (redis://user:password@host:port/db)')
    .option('-a <password>', 'password to use when connecting')
    .option('--user <username>', 'ACL username (used with -a)')
    .option('-n <db>', 'database number')
    .option('--raw', 'use raw formatting for replies')
    .option('--no-raw', 'force formatted output even when stdout is not a tty')
    .option('-3', 'start the session in RESP3 protocol mode')
    .option('-c', 'enable cluster mode (follow -ASK and -MOVED redirections)')
    .option('--cluster <subcommand>', 'cluster manager: create, check, info, fix, reshard, add-node, del-node (args and --cluster-* options as redis-cli)')
    .option('--no-auth-warning', 'do not show the warning about passwords on the command line')
    .addOption(serverBinOption())
    .action((command: string[], options: Record<string, unknown>) => onAction('cli', command, options));
  for (const [flag, takesValue] of CLUSTER_FLAGS) cliCommand.addOption(new Option(takesValue ? `${flag} <value>` : flag).hideHelp());

  sub('grade', 'grade a folder of answers (for CI), or a class of them')
    .argument('[paths...]', 'submission folder; several grade a class')
    .addOption(courseOption())
    .option('--module <id>', 'grade only this module')
    .option('--exercise <id>', 'grade only this exercise')
    .option('--reporter <name>', 'pretty, json, junit, tap, github, gradescope, exercism or classroom (a class: several, comma-separated; default json)')
    .option('--output <file>', 'write the report to a file')
    .option('--assignment <file>', 'grade only the exercises of this assignment (YAML), for points')
    .option('--project <n>', "grade a project (variant, id or folder) by the workshop's criteria: each path is a student's project folder")
    .option('--hidden-checks <how>', "full (default) or counted: a teacher's hidden checks in full, or only how many passed (where students read the report)")
    .option('--submitted-at <time>', "when the work was handed in, for the assignment's deadline (default: the last commit, else the answers' file times)")
    .option('--class <dir>', 'grade every folder in DIR as one student\'s submission, in this one process')
    .option('--output-dir <dir>', 'a class: write STUDENT.json (per --reporter), gradebook.csv and gradebook.md here')
    .option('--timeout <seconds>', 'time limit per exercise')
    .option('--jobs <n>', 'grade in parallel on separate servers')
    .option('--pass-env <name>', "also give program answers this variable of the grader's environment (repeatable)", (name: string, names: string[] = []) => [...names, name])
    .option('--python <path>', 'the Python that runs .py answers (default: REDIS_TUTOR_PYTHON, else python3 from PATH)')
    .option('--node <path>', 'the Node.js that runs .js/.mjs/.ts answers (default: REDIS_TUTOR_NODE, else the one running redis-tutor)')
    .addOption(langOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .addOption(forceOption())
    .action((paths: string[], options: Record<string, unknown>) => onAction('grade', paths, options));

  sub('validate', 'check exercise files (and, with --solutions, that every solution works)')
    .argument('[dir]', 'the course folder, as --course (default: REDIS_TUTOR_COURSE, else the bundled course)')
    .addOption(courseOption())
    .option('--solutions', 'run every reference solution on a real Redis')
    .addOption(urlOption())
    .addOption(serverBinOption())
    .addOption(forceOption())
    .action((dir: string | undefined, options: Record<string, unknown>) => onAction('validate', dir ? [dir] : [], options));

  sub('project', 'staged projects: project list, project show N, project init N [DIR], project test [DIR] [--stage N] (your program, stage by stage)')
    .argument('<command>', 'list, show, init or test')
    .argument('[dir...]', 'test: your project folder, with redis-tutor.yaml (default: .); with --solutions, the project to check; show: the variant or id; init: the variant or id, then the folder to create (default: the id)')
    .option('--stage <n>', 'test stages 1..N (default: all)')
    .option('--solutions', "a project's dev check: each stage passes on its solution and fails on the one before")
    .option('--json', 'machine-readable output')
    .option('--timeout <seconds>', 'time limit per program run (default 10)')
    .option('--python <path>', 'the Python that runs `python3 ...` commands (default: REDIS_TUTOR_PYTHON, else python3 from PATH)')
    .option('--node <path>', 'the Node.js that runs `node ...` commands (default: REDIS_TUTOR_NODE, else this one)')
    .option('--in <language>', "init: the program's language, python or javascript (default: python)")
    .addOption(new Option('--lang <lang>', 'language of the texts (en, ru); for init, python or javascript names the program\'s').choices(['en', 'ru', 'python', 'javascript']))
    .addOption(urlOption())
    .addOption(serverBinOption())
    .addOption(forceOption())
    .action((command: string, rest: string[], options: Record<string, unknown>) => onAction('project', [command, ...rest], options));

  sub('doctor', 'check that this machine can run redis-tutor')
    .addOption(courseOption())
    .addOption(urlOption())
    .addOption(serverBinOption())
    .option('--python <path>', 'the Python whose redis-py to check (default: REDIS_TUTOR_PYTHON, else python3)')
    .option('--node <path>', 'the Node.js that runs JavaScript answers (default: REDIS_TUTOR_NODE, else this one)')
    .addOption(langOption())
    .action((options: Record<string, unknown>) => onAction('doctor', [], options));

  return program;
}

/** Parses argv and runs the chosen subcommand; returns the exit code. Never calls process.exit. */
export async function runProgram(argv: string[], io: Io): Promise<number> {
  let chosen: { name: string; operands: string[]; options: Record<string, unknown> } | undefined;
  const program = buildProgram(io, (name, operands, options) => {
    chosen = { name, operands, options };
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // Commander already printed the help (no subcommand given): a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      // Unknown command/option, missing argument...: commander printed the reason; add the help.
      const target = chosen ? program.commands.find((c) => c.name() === chosen?.name) : findSubcommand(program, argv);
      io.stderr.write('\n' + (target ?? program).helpInformation());
      return 2;
    }
    throw error;
  }
  if (!chosen) {
    io.stderr.write(program.helpInformation());
    return 2;
  }
  const loader = loaders[chosen.name];
  if (!loader) throw new UserError(`unknown command '${chosen.name}'`);
  const action = await loader();
  return action({ options: chosen.options, operands: chosen.operands, io });
}

function findSubcommand(program: Command, argv: string[]): Command | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return program.commands.find((c) => c.name() === first);
}
