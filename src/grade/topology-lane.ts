import type { LoadedExercise } from '../course/schema.js';
import { onExerciseServers } from '../engine/topology/topology-lab.js';
import { GradingLane } from './grading-lane.js';

/**
 * Grades on a fresh lab for an exercise with `topology:` (its servers
 * started for this answer and stopped after), on `lane` for any other: the
 * engine's own onExerciseServers, which validate uses too, so a typed answer
 * and a program meet a lab the same way in both.
 */
export function onExerciseLane<T>(exercise: LoadedExercise, lane: GradingLane, grade: (on: GradingLane) => Promise<T>): Promise<T> {
  return onExerciseServers(exercise, lane.supervisor, (supervisor) => grade(supervisor === lane.supervisor ? lane : GradingLane.over(supervisor)));
}
