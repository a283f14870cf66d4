import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/io.js';

export interface CapturedIo extends Io {
  stdoutText(): string;
  stderrText(): string;
  stdoutBytes(): Buffer;
}

/**
 * An Io whose streams are captured in memory, for running commands in-process.
 * Each gets its own empty REDIS_TUTOR_HOME so no test reads or writes the
 * developer's real progress.
 */
export function captureIo(options: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    env: { PATH: process.env.PATH, REDIS_TUTOR_HOME: mkdtempSync(join(tmpdir(), 'redis-tutor-home-')), ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdoutText: () => Buffer.concat(out).toString('utf8'),
    stderrText: () => Buffer.concat(err).toString('utf8'),
    stdoutBytes: () => Buffer.concat(out),
  };
}
