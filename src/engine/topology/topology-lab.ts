import type { LoadedExercise, TopologyField } from '../../course/schema.js';
import { startTopology, type StartTopologyOptions } from '../../redis/topology/start-topology.js';
import type { Topology } from '../../redis/topology/topology.js';
import type { Supervisor } from '../supervisor.js';
import { toTopologySpec } from './lab-spec.js';
import { forgetLab, registerLab } from './lab-registry.js';

/** A lab's servers and the supervisor (engine, sandbox, learner) on its entry node. */
export interface TopologyLab {
  topology: Topology;
  supervisor: Supervisor;
  /** Closes the engine and stops every process of the topology. */
  close(): Promise<void>;
}

/**
 * Starts an exercise's `topology:` and opens an engine on its entry node
 * (the master, the single server, node-1) the way `like` opens its own.
 * Every run of a lab gets a fresh one: a run may kill the master or join
 * the cluster, which no reset undoes.
 */
export async function openTopologyLab(field: TopologyField, like: Supervisor, options: StartTopologyOptions = {}): Promise<TopologyLab> {
  const topology = await startTopology(toTopologySpec(field), { handleSignals: false, ...options });
  registerLab(topology);
  const stop = async () => {
    forgetLab(topology);
    await topology.stop();
  };
  try {
    const supervisor = await like.openOn(topology.entry.target);
    return {
      topology,
      supervisor,
      close: async () => {
        await supervisor.close().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs `run` on a fresh lab for an exercise with `topology:`, on `main` for any other; the lab is stopped after. */
export async function onExerciseServers<T>(exercise: LoadedExercise, main: Supervisor, run: (supervisor: Supervisor) => Promise<T>): Promise<T> {
  if (exercise.topology === undefined) return run(main);
  const lab = await openTopologyLab(exercise.topology, main);
  try {
    return await run(lab.supervisor);
  } finally {
    await lab.close();
  }
}
