import { chooseInterpreters, NODE_ENV, probePython, PYTHON_ENV, type PythonFacts } from '../../programs/interpreters.js';
import { tutorIoredis } from '../../programs/tutor-ioredis.js';
import type { ProgramsFact } from '../doctor-facts.js';
import { runQuietly } from './run-quietly.js';

/** The interpreters `grade` and `run` would use for program answers (--python / --node, the variables, the defaults), and what each can import. */
export async function probePrograms(chosen: { python?: string | undefined; node?: string | undefined }, env: NodeJS.ProcessEnv): Promise<ProgramsFact> {
  const { python, node } = chooseInterpreters(chosen, env);
  const origin = (option: string | undefined, variable: string) => (option ? 'option' : env[variable] ? 'env' : 'default');
  const [pythonFacts, nodeRun] = await Promise.all([
    probePython(python, env.PATH),
    node === process.execPath ? Promise.resolve(undefined) : runQuietly(node, ['--version'], env, 5_000),
  ]);
  const nodeVersion = nodeRun === undefined ? `v${process.versions.node}` : nodeRun.ok ? nodeRun.stdout.trim() : undefined;
  return {
    python: { path: python, origin: origin(chosen.python, PYTHON_ENV), facts: pythonFacts satisfies PythonFacts },
    node: { path: node, origin: origin(chosen.node, NODE_ENV), version: nodeVersion, failure: nodeRun?.ok === false ? nodeRun.failure : undefined },
    ioredis: tutorIoredis()?.version,
  };
}
