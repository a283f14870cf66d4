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
  /** The next report line after the first (the fixture reports again after a restart). */
  nextReport(): Promise<Held>;
}

/** Runs the compiled fixture in a plain node process and waits for its report line. */
export async function spawnHolder(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Holder> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lines = createInterface({ input: child.stdout });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      void ended.then(({ code, signal }) => reject(new Error(`fixture ended (${code ?? signal}) before reporting:\n${stderr}`)));
    });
  const held = JSON.parse(await nextLine()) as Held;
  return { child, held, ended, stderr: () => stderr, nextReport: async () => JSON.parse(await nextLine()) as Held };
}
