import type { ConnectionSpec } from '../redis/target.js';
import type { ConnectLearner, LearnerConnection } from './learner-connection.js';

/**
 * The product's learner connection (src/resp/connection.ts, a colleague's,
 * landing separately). Imported by a computed path so the engine builds
 * before that module exists; replace with a static import once it is in.
 */
const RESP_CONNECTION_MODULE = '../resp/connection.js';

export const connectRespLearner: ConnectLearner = async (spec: ConnectionSpec): Promise<LearnerConnection> => {
  const module = (await import(RESP_CONNECTION_MODULE)) as { RespConnection: { connect(spec: ConnectionSpec): Promise<LearnerConnection> } };
  return module.RespConnection.connect(spec);
};
