import type { ConnectionSpec } from '../redis/target.js';
import { RespConnection } from '../resp/connection.js';
import type { ConnectLearner, LearnerConnection } from './learner-connection.js';

/** The product's learner connection: the raw RESP connection, so replies reach the prompt exactly as sent. */
export const connectRespLearner: ConnectLearner = (spec: ConnectionSpec): Promise<LearnerConnection> => RespConnection.connect(spec);
