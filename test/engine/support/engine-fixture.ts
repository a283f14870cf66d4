import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../src/engine/engine.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../../src/redis/private-server.js';
import { connectMiniLearner } from './mini-learner.js';

export interface EngineFixture {
  target: PrivateRedisTarget;
  engine: Engine;
  stop(): Promise<void>;
}

/** A private server (the product's) and an engine on it; the learner speaks through the test RESP connection. */
export async function startEngineFixture(): Promise<EngineFixture> {
  const target = await startPrivateServer({ handleSignals: false });
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-engine-'));
  const engine = await Engine.open(target, { connectLearner: connectMiniLearner, ownershipFile: join(dir, 'claims.json') });
  return {
    target,
    engine,
    async stop() {
      await engine.close();
      await target.release();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
