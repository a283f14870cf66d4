/**
 * Thrown where redis-cli calls exit(): quit, an unknown reply type, a
 * connection error it does not recover from. The session catches it, cleans
 * up and returns the code; nothing else should.
 */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`redis-cli exit ${code}`);
    this.name = 'CliExit';
  }
}
