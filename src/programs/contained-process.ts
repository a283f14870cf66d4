import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { ContainmentMode } from './containment-mode.js';

export type AnswerChild = ChildProcessByStdio<null, Readable, Readable>;

/** A program answer started inside its containment (see ./containment-mode.ts). */
export interface ContainedProcess {
  readonly mode: ContainmentMode;
  /** Its stdout and stderr are the program's; its exit status is the program's. */
  readonly child: AnswerChild;
  /** SIGKILL to every process of the answer. Synchronous and repeatable: it also runs in exit handlers. */
  killAll(): void;
  /** Resolves once no process of the answer runs any more; call it after the child's exit and killAll(). */
  allGone(): Promise<void>;
  /** Removes what the containment made (a cgroup) and dismisses its guard; after allGone(). */
  release(): void;
}

export interface ContainedSpawn {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** SIGKILL, quietly: a process that is gone already is what was wanted. */
export function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** How long the last processes of an answer may take to die after SIGKILL before the grading goes on without them. */
export const GONE_WAIT_MS = 10_000;
export const GONE_POLL_MS = 10;

/** Polls until `gone()` holds, at most GONE_WAIT_MS (a process stuck in the kernel runs no code of its own). */
export async function pollUntilGone(gone: () => boolean, eachRound?: () => void): Promise<void> {
  const deadline = Date.now() + GONE_WAIT_MS;
  while (!gone() && Date.now() < deadline) {
    eachRound?.();
    await new Promise((resolve) => setTimeout(resolve, GONE_POLL_MS));
  }
}
