import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What test/redis/fixtures/hold-redis.ts prints once it holds a Redis. */
export interface Held {
  kind: string;
  port: number;
  pid?: number;
  dir?: string;
  container?: string;
  describe: string;
}

export interface Holder {
  child: ChildProcess;
  held: Held;
  /** Resolves with how the process ended. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Runs the compiled fixture in a plain node process and waits for its report line. */
export async function spawnHolder(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Holder> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    void ended.then(({ code, signal }) => reject(new Error(`fixture ended (${code ?? signal}) before reporting:\n${stderr}`)));
  });
  const held = JSON.parse(await firstLine) as Held;
  return { child, held, ended, stderr: () => stderr };
}
