import type { LoadedExercise } from '../course/schema.js';
import { openTopologyLab } from '../engine/topology/topology-lab.js';
import { GradingLane } from './grading-lane.js';

/**
 * Grades on a fresh lab for an exercise with `topology:` (its servers
 * started for this answer and stopped after), on `lane` for any other.
 */
export async function onExerciseLane<T>(exercise: LoadedExercise, lane: GradingLane, grade: (on: GradingLane) => Promise<T>): Promise<T> {
  if (exercise.topology === undefined) return grade(lane);
  const lab = await openTopologyLab(exercise.topology, lane.supervisor);
  try {
    return await grade(GradingLane.over(lab.supervisor));
  } finally {
    await lab.close();
  }
}
